package org.probstab.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.ml.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.lyapunov.PaperProtocol;
import org.probstab.lyapunov.RenormalisedProduct;
import org.probstab.lyapunov.TrajectoryResult;
import org.probstab.lyapunov.TrajectorySettings;
import org.probstab.random.RunStreams;
import org.probstab.random.RunStreams.Algorithm;
import org.probstab.random.StreamSeeds;

/**
 * The matrix engine against {@code RenormalisedProduct.matrix} and {@code PaperProtocol.matrix}: same streams
 * (L64X128MixRandom), same seed, every reported number equal bit for bit; the 2×2 law of 000 Fig. 2-right (as in the
 * golden-value test) and a 3×3 law with off-diagonal mean, k = 1 and k = 3, a burn-in of 0 and of 20.
 */
class MatrixProductEngineTest {

    private static final long SEED = StreamSeeds.streamSeed(1, 0, StreamSeeds.Purpose.TRAJECTORY_MINUS);
    private static final RandomSymmetricLaw FIG2 = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
    private static final RandomSymmetricLaw THREE = new RandomSymmetricLaw(new DenseMatrix(3, 3,
            new double[] {0.5, 0.2, 0.0, 0.2, -0.3, 0.1, 0.0, 0.1, 0.05}), 0.7);

    private static void assertSameAsRenormalisedProduct(RandomSymmetricLaw law, double lambda, TrajectorySettings s) {
        double[] logNorms = MatrixProductEngine.renormalised(MatrixDraws.of(law), lambda, s.burnIn(), s.steps(),
                s.renormEvery(), RunStreams.of(Algorithm.L64X128_MIX_RANDOM, SEED, s.runs()));
        TrajectoryResult expected = RenormalisedProduct.matrix(law, lambda, s, SEED);
        double[] summary = EstimatorArithmetic.trajectorySummary(logNorms, s.steps(), s.epsilon());
        assertThat(summary).containsExactly(expected.exponent().value(), expected.exponent().standardError(),
                expected.probabilityBelowEpsilon(), expected.meanSquareGrowth());
    }

    @Test
    void renormalisedIsBitIdentical() {
        assertSameAsRenormalisedProduct(FIG2, 0.3, new TrajectorySettings(8, 500, 20, 1, 1e-3));
        assertSameAsRenormalisedProduct(FIG2, 1.5, new TrajectorySettings(5, 777, 0, 3, 1e-3));
        assertSameAsRenormalisedProduct(THREE, 0.8, new TrajectorySettings(6, 300, 20, 1, 1e-3));
        assertSameAsRenormalisedProduct(THREE, 2.0, new TrajectorySettings(3, 1000, 7, 5, 1e-3));
    }

    @Test
    void cutoffIsThePaperProtocolBitForBit() {
        for (double lambda : new double[] {0.05, 1.0, 2.5}) {
            PaperProtocol.Settings s = new PaperProtocol.Settings(20, 1e100, 1e-140, 500);
            ScalarProductEngine.CutoffRuns runs = MatrixProductEngine.cutoff(MatrixDraws.of(FIG2), lambda, 500, 1e100,
                    1e-140, RunStreams.of(Algorithm.L64X128_MIX_RANDOM, SEED, 20));
            ExponentEstimate expected = PaperProtocol.matrix(FIG2, lambda, s, SEED);
            double[] x = runs.perRunExponents(0);
            double mean = EstimatorArithmetic.mean(x);
            assertThat(new double[] {mean, EstimatorArithmetic.standardError(x, mean)}).as("lambda %s", lambda)
                    .containsExactly(expected.value(), expected.standardError());
        }
    }
}
