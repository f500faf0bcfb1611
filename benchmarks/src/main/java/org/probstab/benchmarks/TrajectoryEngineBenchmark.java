package org.probstab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.probstab.law.GaussianRegression;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.lyapunov.PaperProtocol;
import org.probstab.lyapunov.RenormalisedProduct;
import org.probstab.lyapunov.TrajectorySettings;
import org.probstab.random.RunStreams;
import org.probstab.random.StreamSeeds;
import org.probstab.trajectory.CurvatureDraws;
import org.probstab.trajectory.MatrixDraws;
import org.probstab.trajectory.MatrixProductEngine;
import org.probstab.trajectory.ScalarProductEngine;

/**
 * The scalar N = ∞, S = 1 matrix-factorisation trajectory of {@code benchmarks/src/main/c/cloop.c} (χ = x(μx + (1 − μ)σe),
 * σ = 2, both signs from the same draws, R = 800 runs × T = 50 000 steps), in nanoseconds per run-step (one step of
 * both signs): {@code renormalised} is cloop mode 1 (the engine renormalises every 16 steps, as cloop does),
 * {@code cutoff} is cloop mode 0 (the paper protocol, cut-offs 1e100 / 1e−140; cloop also divides its time by R·T,
 * whatever the stopping times). Compare with {@code ./cloop MODE 800 50000 LAMBDA 0.5} at the same λ.
 * {@code algorithm} is the stream: the JDK's L64X128MixRandom or xoshiro256+ with the ziggurat (cloop's kind of
 * generator, and the estimators' streams). The {@code todays…} benchmarks call the estimators' sampler-based entry
 * points ({@code RenormalisedProduct.scalar} / {@code .matrix}, {@code PaperProtocol.scalar}) for λ and −λ as two
 * calls: since the estimators run on the engine, that is the engine with the law drawn by its sampler, one call per
 * step (the README's numbers for them were measured on the estimators' earlier per-run loops).
 * {@code matrixRenormalised} is one step of the d = 2 random-symmetric product (000 Fig. 2-right), per run-step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrajectoryEngineBenchmark {

    static final int RUNS = 800;
    static final long STEPS = 50_000;
    static final double MU = 0.5;
    private static final long SEED = StreamSeeds.streamSeed(1, 0, StreamSeeds.Purpose.TRAJECTORY_MINUS);

    @Param({"XOSHIRO256_PLUS", "L64X128_MIX_RANDOM"})
    RunStreams.Algorithm algorithm;

    @Param({"0.3"})
    double lambda;

    private final GaussianRegression law = new GaussianRegression(MU, 2.0);
    private final CurvatureDraws draws = CurvatureDraws.of(law, 1);

    @Benchmark
    @OperationsPerInvocation(RUNS * (int) STEPS)
    public double renormalised() {
        ScalarProductEngine.ProductRuns runs = ScalarProductEngine.renormalised(draws, new double[] {lambda, -lambda},
                STEPS, 0, RunStreams.of(algorithm, SEED, RUNS));
        return runs.logNorms()[0][0] + runs.logNorms()[1][RUNS - 1];
    }

    @Benchmark
    @OperationsPerInvocation(RUNS * (int) STEPS)
    public double cutoff() {
        ScalarProductEngine.CutoffRuns runs = ScalarProductEngine.cutoff(draws, new double[] {lambda, -lambda},
                STEPS, 1e100, 1e-140, RunStreams.of(algorithm, SEED, RUNS));
        return runs.logNorms()[0][0] + runs.logNorms()[1][RUNS - 1];
    }

    /** The random-symmetric d = 2 law of 000 Fig. 2-right: E[Ĥ] = diag(0.1, −0.1), ν = 1. */
    private final RandomSymmetricLaw symmetric = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
    static final int MATRIX_RUNS = 64;
    static final long MATRIX_STEPS = 100_000;

    /** One d = 2 matrix step of the renormalised top-exponent product (64 runs × 100 000 steps). */
    @Benchmark
    @OperationsPerInvocation(MATRIX_RUNS * (int) MATRIX_STEPS)
    public double matrixRenormalised() {
        double[] logNorms = MatrixProductEngine.renormalised(MatrixDraws.of(symmetric), lambda, 0, MATRIX_STEPS, 1,
                RunStreams.of(algorithm, SEED, MATRIX_RUNS));
        return logNorms[0] + logNorms[MATRIX_RUNS - 1];
    }

    /** The estimator's d = 2 renormalised product ({@code RenormalisedProduct.matrix}), for comparison. */
    @Benchmark
    @OperationsPerInvocation(MATRIX_RUNS * (int) MATRIX_STEPS)
    public double todaysMatrixRenormalised() {
        return RenormalisedProduct.matrix(symmetric, lambda, new TrajectorySettings(MATRIX_RUNS, MATRIX_STEPS, 0, 1,
                1e-3), SEED).exponent().value();
    }

    /** The renormalised estimator's sampler entry point for both signs (two calls, two passes over the draws). */
    @Benchmark
    @OperationsPerInvocation(RUNS * (int) STEPS)
    public double todaysRenormalisedProduct() {
        TrajectorySettings s = new TrajectorySettings(RUNS, STEPS, 0, 1, 1e-3);
        return RenormalisedProduct.scalar(law.freshBatchSampler(1), lambda, s, SEED).exponent().value()
                + RenormalisedProduct.scalar(law.freshBatchSampler(1), -lambda, s, SEED).exponent().value();
    }

    /** The paper protocol's sampler entry point for both signs (two calls). */
    @Benchmark
    @OperationsPerInvocation(RUNS * (int) STEPS)
    public double todaysPaperProtocol() {
        PaperProtocol.Settings s = new PaperProtocol.Settings(RUNS, 1e100, 1e-140, STEPS);
        ExponentEstimate minus = PaperProtocol.scalar(law.freshBatchSampler(1), lambda, s, SEED);
        ExponentEstimate plus = PaperProtocol.scalar(law.freshBatchSampler(1), -lambda, s, SEED);
        return minus.value() + plus.value();
    }
}
