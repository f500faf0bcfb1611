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
import org.openjdk.jmh.infra.Blackhole;
import org.probstab.lyapunov.GaussianChiSquareQuadrature;

/**
 * The exponents of one N = ∞ cell by quadrature: Λ₋ = Λ(λ) and Λ₊ = Λ(−λ), each with s²
 * ({@link GaussianChiSquareQuadrature#exponent}), what a matrix-factorisation cell at N = ∞ computes; μ = 0.5, σ = 2,
 * batch size S, λ sweeping (0.3, 2.9) so that the graded breakpoints change from call to call. The quadrature's
 * constructor (nodes and density weights) is outside the measurement: a sweep builds it once per (μ, σ, S).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QuadratureBenchmark {

    @Param({"1", "4"})
    int s;

    private GaussianChiSquareQuadrature quadrature;
    private BaselineQuadrature baseline;
    private double lambda;

    @Setup
    public void setUp() {
        quadrature = new GaussianChiSquareQuadrature(0.5, 2.0, s);
        baseline = new BaselineQuadrature(0.5, 2.0, s);
        lambda = 0.3;
    }

    @Benchmark
    public void cellExponents(Blackhole sink) {
        lambda = Workloads.nextLambda(lambda);
        sink.consume(quadrature.exponent(lambda));
        sink.consume(quadrature.exponent(-lambda));
    }

    /** The same cell by the kernel before F and V were evaluated in batches ({@link BaselineQuadrature}). */
    @Benchmark
    public void cellExponentsBaseline(Blackhole sink) {
        lambda = Workloads.nextLambda(lambda);
        sink.consume(baseline.exponent(lambda));
        sink.consume(baseline.exponent(-lambda));
    }
}
