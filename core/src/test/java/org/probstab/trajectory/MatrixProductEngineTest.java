package org.probstab.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;
import org.probstab.law.MatrixSampler;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.lyapunov.PaperProtocol;
import org.probstab.lyapunov.PlainLoops;
import org.probstab.lyapunov.TrajectorySettings;
import org.probstab.random.RunStreams;
import org.probstab.random.RunStreams.Algorithm;
import org.probstab.random.StreamSeeds;

/**
 * The matrix engine against the plain per-run loops ({@link PlainLoops}): either stream algorithm, the same seed,
 * every per-run log-norm (and so every reported number) equal bit for bit; the 2×2 law of 000 Fig. 2-right (its step
 * written out) and a 3×3 law with off-diagonal mean, k = 1 and k = 3, a burn-in of 0 and of 20; and a law known only
 * by its sampler ({@link MatrixDraws.Sampled}) drawn per step.
 */
class MatrixProductEngineTest {

    private static final long SEED = StreamSeeds.streamSeed(1, 0, StreamSeeds.Purpose.TRAJECTORY_MINUS);
    private static final RandomSymmetricLaw FIG2 = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
    private static final RandomSymmetricLaw THREE = new RandomSymmetricLaw(new DenseMatrix(3, 3,
            new double[] {0.5, 0.2, 0.0, 0.2, -0.3, 0.1, 0.0, 0.1, 0.05}), 0.7);

    /** A 2×2 law that is not random-symmetric: diag(1 + U, −1) with U uniform, as a bare sampler. */
    private static final MatrixSampler DIAGONAL_UNIFORM = new MatrixSampler() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void sample(RandomGenerator rng, double[] out) {
            out[0] = 1 + rng.nextDouble();
            out[1] = 0.1;
            out[2] = 0.1;
            out[3] = -1;
        }
    };

    private static void assertSameAsPlainLoop(MatrixSampler law, double lambda, TrajectorySettings s) {
        for (Algorithm algorithm : Algorithm.values()) {
            double[] logNorms = MatrixProductEngine.renormalised(MatrixDraws.of(law), lambda, s.burnIn(), s.steps(),
                    s.renormEvery(), RunStreams.of(algorithm, SEED, s.runs()));
            assertThat(logNorms).as("%s, lambda %s", algorithm, lambda)
                    .containsExactly(PlainLoops.matrixLogNorms(law, lambda, s, algorithm, SEED));
        }
    }

    @Test
    void renormalisedIsBitIdentical() {
        assertSameAsPlainLoop(FIG2, 0.3, new TrajectorySettings(8, 500, 20, 1, 1e-3));
        assertSameAsPlainLoop(FIG2, 1.5, new TrajectorySettings(5, 777, 0, 3, 1e-3));
        assertSameAsPlainLoop(THREE, 0.8, new TrajectorySettings(6, 300, 20, 1, 1e-3));
        assertSameAsPlainLoop(THREE, 2.0, new TrajectorySettings(3, 1000, 7, 5, 1e-3));
        assertSameAsPlainLoop(DIAGONAL_UNIFORM, 0.7, new TrajectorySettings(4, 333, 5, 2, 1e-3));
    }

    @Test
    void cutoffIsThePaperProtocolBitForBit() {
        for (Algorithm algorithm : Algorithm.values()) {
            for (double lambda : new double[] {0.05, 1.0, 2.5}) {
                PaperProtocol.Settings s = new PaperProtocol.Settings(20, 1e100, 1e-140, 500);
                ScalarProductEngine.CutoffRuns runs = MatrixProductEngine.cutoff(MatrixDraws.of(FIG2), lambda, 500,
                        1e100, 1e-140, RunStreams.of(algorithm, SEED, 20));
                assertThat(runs.perRunExponents(0)).as("%s, lambda %s", algorithm, lambda)
                        .containsExactly(PlainLoops.paperMatrixPerRun(FIG2, lambda, s, algorithm, SEED));
            }
        }
    }
}
