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
import org.probstab.lyapunov.BatchEnumeration;
import org.probstab.lyapunov.EnumeratedBatches;
import org.probstab.lyapunov.ExponentEstimate;

/**
 * The exact exponent Λ₋ of a finite dataset at batch size S by enumerating every minibatch with replacement
 * ({@link BatchEnumeration#exponent}, C(N+S−1, S) batches: 55 / 5050 at S = 2 and 220 / 171 700 at S = 3 for
 * N = 10 / 100), on one Gaussian-regression dataset (μ = 0.5, σ = 2). The score is in exponents per second; divide
 * by the batch count for the cost per batch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchEnumerationBenchmark {

    @Param({"10", "100"})
    int n;

    @Param({"2", "3"})
    int s;

    private FiniteDataset data;
    private double lambda;

    @Setup
    public void setUp() {
        data = Workloads.gaussianDataset(n);
        lambda = 0.3;
    }

    @Benchmark
    public ExponentEstimate exponent() {
        lambda = Workloads.nextLambda(lambda);
        return BatchEnumeration.exponent(data, s, true, lambda);
    }

    /** Both exponents of a cell, Λ₋ and Λ₊, by two enumerations (how a cell computed them before). */
    @Benchmark
    public ExponentEstimate[] pairByTwoEnumerations() {
        lambda = Workloads.nextLambda(lambda);
        return new ExponentEstimate[] {BatchEnumeration.exponent(data, s, true, lambda),
                BatchEnumeration.exponent(data, s, true, -lambda)};
    }

    /**
     * The same two exponents, to the bit, as a cell computes them now: the batch means enumerated once
     * ({@link EnumeratedBatches#of}, weights shared per N and S), then both signs in one pass.
     */
    @Benchmark
    public ExponentEstimate[] pairByEnumeratedBatches() {
        lambda = Workloads.nextLambda(lambda);
        return EnumeratedBatches.of(data, s, true).exponentPair(lambda);
    }
}
