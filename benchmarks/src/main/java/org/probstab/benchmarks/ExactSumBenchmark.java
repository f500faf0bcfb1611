package org.probstab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.probstab.law.FiniteDataset;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.lyapunov.ExponentEstimate;

/**
 * The exact S = 1 exponent pair Λ₋, Λ₊ with s² of both ({@link ExactFiniteSum#exponentPair}), what one finite-N
 * cell at S = 1 computes, on one Gaussian-regression dataset of size N (μ = 0.5, σ = 2).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExactSumBenchmark {

    @Param({"10", "100", "1000"})
    int n;

    private FiniteDataset data;
    private double lambda;

    @Setup
    public void setUp() {
        data = Workloads.gaussianDataset(n);
        lambda = 0.3;
    }

    @Benchmark
    public ExponentEstimate[] exponentPair() {
        lambda = Workloads.nextLambda(lambda);
        return ExactFiniteSum.exponentPair(data, lambda);
    }
}
