package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.law.TwoPointLaw;
import org.probstab.random.RunStreams.Algorithm;
import org.probstab.random.StreamSeeds;
import org.probstab.trajectory.CurvatureDraws;
import org.probstab.trajectory.MatrixDraws;

/**
 * The trajectory estimators run on the engine and give, bit for bit, what the plain per-run loops give with the
 * xoshiro256+/ziggurat256 streams ({@link PlainLoops}, {@link RenormalisedProduct#STREAMS}): the renormalised
 * product (scalar and d×d), the cut-off protocol (scalar and d×d) and the QR spectrum. Also: a law given as data
 * gives the same numbers as the same law given by its sampler, and two lanes {λ, −λ} on the same draws give exactly
 * what two calls with λ and −λ give.
 */
class EngineEstimatorsTest {

    private static final long SEED = StreamSeeds.streamSeed(5, 3, StreamSeeds.Purpose.TRAJECTORY_MINUS);
    private static final Algorithm X = Algorithm.XOSHIRO256_PLUS;
    private static final RandomSymmetricLaw FIG2 = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);

    @Test
    void theEstimatorsStreamsAreXoshiro() {
        assertThat(RenormalisedProduct.STREAMS).isEqualTo(X);
        assertThat(X.label()).isEqualTo("xoshiro256+/ziggurat256");
    }

    @Test
    void scalarProductIsThePlainLoop() {
        TrajectorySettings s = new TrajectorySettings(9, 1203, 0, 1, 1e-3);
        GaussianRegression gaussian = new GaussianRegression(0.3, 2.0);
        FiniteDataset five = new FiniteDataset(new double[] {0.3, -1.2, 2.5, 0.01, 4.0});
        FiniteDataset pole = new FiniteDataset(new double[] {2.0, 0.5, -1.0});
        ScalarBatchSampler[] samplers = {gaussian.freshBatchSampler(1), gaussian.freshBatchSampler(3),
            five.samplerWithReplacement(1), five.samplerWithReplacement(2), pole.samplerWithReplacement(1),
            rng -> rng.nextDouble() * 3 - 1};
        for (ScalarBatchSampler sampler : samplers) {
            for (double lambda : new double[] {0.5, -0.5}) {
                assertThat(RenormalisedProduct.scalar(sampler, lambda, s, SEED))
                        .isEqualTo(PlainLoops.scalar(sampler, lambda, s, X, SEED));
            }
        }
    }

    /** The law as data (the engine's fast paths) against the same law by its sampler, and lanes against calls. */
    @Test
    void drawsEqualSamplersAndLanesEqualSeparateCalls() {
        TrajectorySettings s = new TrajectorySettings(7, 950, 0, 1, 1e-3);
        GaussianRegression gaussian = new GaussianRegression(0.6, 2.0);
        FiniteDataset five = new FiniteDataset(new double[] {0.3, -1.2, 2.5, 0.01, 4.0});
        Object[][] laws = {{CurvatureDraws.of(gaussian, 1), gaussian.freshBatchSampler(1)},
            {CurvatureDraws.of(gaussian, 4), gaussian.freshBatchSampler(4)},
            {CurvatureDraws.of(five, 1), five.samplerWithReplacement(1)},
            {CurvatureDraws.of(five, 3), five.samplerWithReplacement(3)}};
        for (Object[] law : laws) {
            CurvatureDraws draws = (CurvatureDraws) law[0];
            ScalarBatchSampler sampler = (ScalarBatchSampler) law[1];
            double lambda = 0.45;
            TrajectoryResult[] lanes = RenormalisedProduct.scalar(draws, new double[] {lambda, -lambda}, s, SEED);
            assertThat(lanes[0]).isEqualTo(RenormalisedProduct.scalar(sampler, lambda, s, SEED));
            assertThat(lanes[1]).isEqualTo(RenormalisedProduct.scalar(sampler, -lambda, s, SEED));
            PaperProtocol.Settings paper = new PaperProtocol.Settings(11, 1e100, 1e-140, 700);
            ExponentEstimate[] cut = PaperProtocol.scalar(draws, new double[] {lambda, -lambda}, paper, SEED);
            assertThat(cut[0]).isEqualTo(PaperProtocol.scalar(sampler, lambda, paper, SEED));
            assertThat(cut[1]).isEqualTo(PaperProtocol.scalar(sampler, -lambda, paper, SEED));
        }
    }

    @Test
    void matrixProductPaperProtocolAndSpectrumAreThePlainLoops() {
        for (int k : new int[] {1, 4}) {
            TrajectorySettings s = new TrajectorySettings(6, 400, 15, k, 1e-3);
            for (double lambda : new double[] {0.3, 1.2}) {
                assertThat(RenormalisedProduct.matrix(FIG2, lambda, s, SEED))
                        .isEqualTo(PlainLoops.matrix(FIG2, lambda, s, X, SEED));
                assertThat(RenormalisedProduct.matrix(MatrixDraws.of(FIG2), lambda, s, SEED))
                        .isEqualTo(PlainLoops.matrix(FIG2, lambda, s, X, SEED));
                assertThat(QrLyapunovSpectrum.estimate(FIG2, lambda, s, SEED))
                        .isEqualTo(PlainLoops.qr(FIG2, lambda, s, X, SEED));
            }
        }
        PaperProtocol.Settings paper = new PaperProtocol.Settings(12, 1e100, 1e-140, 600);
        for (double lambda : new double[] {0.05, 1.0, 2.5}) {
            assertThat(PaperProtocol.matrix(FIG2, lambda, paper, SEED))
                    .isEqualTo(PlainLoops.paper(PlainLoops.paperMatrixPerRun(FIG2, lambda, paper, X, SEED), paper));
            TwoPointLaw twoPoint = new TwoPointLaw(-0.5);
            assertThat(PaperProtocol.scalar(twoPoint.dataset().samplerWithReplacement(1), lambda, paper, SEED))
                    .isEqualTo(PlainLoops.paper(PlainLoops.paperScalarPerRun(
                            twoPoint.dataset().samplerWithReplacement(1), lambda, paper, X, SEED), paper));
        }
    }
}
