package org.probstab.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.law.TwoPointLaw;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.lyapunov.PaperProtocol;
import org.probstab.lyapunov.PlainLoops;
import org.probstab.lyapunov.TrajectoryResult;
import org.probstab.lyapunov.TrajectorySettings;
import org.probstab.random.RunStreams;
import org.probstab.random.RunStreams.Algorithm;
import org.probstab.random.StreamSeeds;

/**
 * The engine against the plain per-run loops ({@link PlainLoops}: one run after the other, one generator object per
 * run, one sampler call per step): with either stream algorithm and the same seed, every field of the renormalised
 * product and of the cut-off protocol is reproduced bit for bit (as doubles compared with {@code isEqualTo}, which
 * for doubles is equality of values incl. ±∞ and NaN), for Gaussian and finite laws, S = 1 and S &gt; 1, partial
 * variance blocks, the careful paths (zero, huge and tiny factors) and k ≠ 1. Then the xoshiro256+ streams against
 * the exact exponent.
 */
class ScalarProductEngineTest {

    private static final long SEED = StreamSeeds.streamSeed(11, 5, StreamSeeds.Purpose.TRAJECTORY_MINUS);

    private static void assertSameAsRenormalisedProduct(CurvatureDraws draws, ScalarBatchSampler sampler,
                                                        double lambda, TrajectorySettings s) {
        for (Algorithm algorithm : Algorithm.values()) {
            assertSameAsPlainLoop(draws, sampler, lambda, s, algorithm);
        }
    }

    private static void assertSameAsPlainLoop(CurvatureDraws draws, ScalarBatchSampler sampler, double lambda,
                                              TrajectorySettings s, Algorithm algorithm) {
        ScalarProductEngine.ProductRuns runs = ScalarProductEngine.renormalised(draws, new double[] {-lambda, lambda},
                s.steps(), (int) Math.min(100, s.steps()), RunStreams.of(algorithm, SEED, s.runs()));
        for (int lane = 0; lane < 2; lane++) {
            double signed = lane == 0 ? -lambda : lambda;
            TrajectoryResult expected = PlainLoops.scalar(sampler, signed, s, algorithm, SEED);
            double[] summary = EstimatorArithmetic.trajectorySummary(runs.logNorms()[lane], s.steps(), s.epsilon());
            double logVariance = EstimatorArithmetic.pooledBlockVariance(runs.blockLogSums()[lane],
                    runs.logNorms()[lane], runs.varianceBlock());
            assertThat(new double[] {summary[0], summary[1], logVariance, summary[2], summary[3]})
                    .as("%s, lambda %s", algorithm, signed)
                    .containsExactly(expected.exponent().value(), expected.exponent().standardError(),
                            expected.exponent().logVariance(), expected.probabilityBelowEpsilon(),
                            expected.meanSquareGrowth());
        }
    }

    @Test
    void freshGaussianSingleSampleIsBitIdentical() {
        GaussianRegression law = new GaussianRegression(0.3, 2.0);
        assertSameAsRenormalisedProduct(CurvatureDraws.of(law, 1), law.freshBatchSampler(1), 0.4,
                new TrajectorySettings(16, 1037, 0, 1, 1e-3));
    }

    @Test
    void freshGaussianBatchesAreBitIdentical() {
        GaussianRegression law = new GaussianRegression(0.8, 2.0);
        assertSameAsRenormalisedProduct(CurvatureDraws.of(law, 3), law.freshBatchSampler(3), 1.3,
                new TrajectorySettings(9, 517, 0, 7, 1e-2));
    }

    @Test
    void finiteDatasetsAreBitIdentical() {
        FiniteDataset twoPoint = new TwoPointLaw(-0.5).dataset();
        assertSameAsRenormalisedProduct(CurvatureDraws.of(twoPoint, 1), twoPoint.samplerWithReplacement(1), 0.6,
                new TrajectorySettings(16, 1000, 0, 1, 1e-3));
        FiniteDataset five = new FiniteDataset(new double[] {0.3, -1.2, 2.5, 0.01, 4.0});
        assertSameAsRenormalisedProduct(CurvatureDraws.of(five, 2), five.samplerWithReplacement(2), 0.7,
                new TrajectorySettings(5, 333, 0, 3, 1e-3));
        // Fewer steps than one variance block: one block per run.
        assertSameAsRenormalisedProduct(CurvatureDraws.of(five, 1), five.samplerWithReplacement(1), 0.7,
                new TrajectorySettings(4, 40, 0, 1, 1e-3));
    }

    @Test
    void carefulPathsAreBitIdentical() {
        // A pole: 1 - 0.5·2 = 0 collapses a run with probability 1/3 per step.
        FiniteDataset pole = new FiniteDataset(new double[] {2.0, 0.5, -1.0});
        assertSameAsRenormalisedProduct(CurvatureDraws.of(pole, 1), pole.samplerWithReplacement(1), 0.5,
                new TrajectorySettings(6, 200, 0, 1, 1e-3));
        // Huge factors (|1 - χ| ≈ 1e30 > 2^62) force the step-by-step replay, which moves their exponents out.
        FiniteDataset huge = new FiniteDataset(new double[] {1e30, -3.0, 0.25});
        assertSameAsRenormalisedProduct(CurvatureDraws.of(huge, 1), huge.samplerWithReplacement(1), 1.0,
                new TrajectorySettings(4, 500, 0, 1, 1e-3));
        // The smallest non-zero factor, 1 - nextDown(1)·1 = 2^-53, half of the time: today's estimator leaves its
        // safe range every few steps, the engine's blocks stay normal (16 factors >= 2^-53).
        FiniteDataset nearPole = new FiniteDataset(new double[] {1.0, 3.0});
        assertSameAsRenormalisedProduct(CurvatureDraws.of(nearPole, 1), nearPole.samplerWithReplacement(1),
                Math.nextDown(1.0), new TrajectorySettings(4, 700, 0, 1, 1e-3));
    }

    @Test
    void nonFiniteFactorsAreRefusedAsToday() {
        FiniteDataset enormous = new FiniteDataset(new double[] {1e308, 1.0});
        RunStreams streams = RunStreams.of(Algorithm.L64X128_MIX_RANDOM, SEED, 2);
        assertThatThrownBy(() -> ScalarProductEngine.renormalised(CurvatureDraws.of(enormous, 1),
                new double[] {1e10}, 100, 0, streams)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be finite");
        assertThatThrownBy(() -> PlainLoops.scalar(enormous.samplerWithReplacement(1), 1e10,
                new TrajectorySettings(2, 100, 0, 1, 1e-3), Algorithm.L64X128_MIX_RANDOM, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be finite");
    }

    @Test
    void cutoffIsThePaperProtocolBitForBit() {
        GaussianRegression law = new GaussianRegression(0.5, 2.0);
        double[][] cases = {{0.3, 2000}, {0.01, 3000}, {1.7, 500}};
        for (Algorithm algorithm : Algorithm.values()) {
            for (double[] c : cases) {
                double lambda = c[0];
                long maxSteps = (long) c[1];
                PaperProtocol.Settings settings = new PaperProtocol.Settings(24, 1e100, 1e-140, maxSteps);
                ScalarProductEngine.CutoffRuns runs = ScalarProductEngine.cutoff(CurvatureDraws.of(law, 1),
                        new double[] {lambda, -lambda}, maxSteps, 1e100, 1e-140, RunStreams.of(algorithm, SEED, 24));
                for (int lane = 0; lane < 2; lane++) {
                    double signed = lane == 0 ? lambda : -lambda;
                    assertThat(runs.perRunExponents(lane)).as("%s, lambda %s", algorithm, signed).containsExactly(
                            PlainLoops.paperScalarPerRun(law.freshBatchSampler(1), signed, settings, algorithm,
                                    SEED));
                }
            }
            FiniteDataset pole = new FiniteDataset(new double[] {2.0, 0.5, -1.0});
            ScalarProductEngine.CutoffRuns collapsed = ScalarProductEngine.cutoff(CurvatureDraws.of(pole, 1),
                    new double[] {0.5}, 100, 1e100, 1e-140, RunStreams.of(algorithm, SEED, 8));
            assertThat(collapsed.perRunExponents(0)).containsExactly(PlainLoops.paperScalarPerRun(
                    pole.samplerWithReplacement(1), 0.5, new PaperProtocol.Settings(8, 1e100, 1e-140, 100), algorithm,
                    SEED));
        }
    }

    /**
     * The xoshiro256+ streams estimate the same exponents: Λ₋ and Λ₊ of a five-point dataset (exact:
     * {@link ExactFiniteSum}) within z = 4 of the runs' own SE (64 runs of 4000 steps; the SE is the sample sd over
     * runs / √64, itself known to ≈ 9 %).
     */
    @Test
    void xoshiroStreamsAgreeWithTheExactExponent() {
        FiniteDataset five = new FiniteDataset(new double[] {0.3, -1.2, 2.5, 0.01, 4.0});
        double lambda = 0.35;
        ScalarProductEngine.ProductRuns runs = ScalarProductEngine.renormalised(CurvatureDraws.of(five, 1),
                new double[] {lambda, -lambda}, 4000, 0, RunStreams.of(Algorithm.XOSHIRO256_PLUS, SEED, 64));
        ExponentEstimate[] exact = ExactFiniteSum.exponentPair(five, lambda);
        for (int lane = 0; lane < 2; lane++) {
            double[] summary = EstimatorArithmetic.trajectorySummary(runs.logNorms()[lane], 4000, 1e-3);
            assertThat(Math.abs(summary[0] - exact[lane].value())).isLessThan(4 * summary[1]);
        }
    }
}
