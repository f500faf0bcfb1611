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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.lyapunov.RenormalisedProduct;
import org.probstab.lyapunov.TrajectoryResult;
import org.probstab.lyapunov.TrajectorySettings;

/**
 * The scalar renormalised product z_{t+1} = (1 − λχ_B) z_t ({@link RenormalisedProduct#scalar}) over minibatches
 * of size S drawn with replacement from one Gaussian-regression dataset of size N, λ = 0.7: 2 runs of 50 000 steps
 * per call, so the score is in steps per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScalarTrajectoryBenchmark {

    private static final int RUNS = 2;
    private static final long STEPS = 50_000;

    @Param({"100"})
    int n;

    @Param({"1", "4"})
    int s;

    private ScalarBatchSampler sampler;
    private TrajectorySettings settings;
    private long seed;

    @Setup
    public void setUp() {
        sampler = Workloads.gaussianDataset(n).samplerWithReplacement(s);
        settings = new TrajectorySettings(RUNS, STEPS, 0, 1, 1e-6);
    }

    @Benchmark
    @OperationsPerInvocation(2 * 50_000)
    public TrajectoryResult scalar() {
        return RenormalisedProduct.scalar(sampler, 0.7, settings, seed++);
    }
}
