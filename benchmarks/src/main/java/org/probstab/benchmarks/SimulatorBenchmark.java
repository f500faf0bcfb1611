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
import org.probstab.sgd.FourMinimumSimulation;
import org.probstab.sgd.Optimizer;
import org.probstab.sgd.OptimizerKind;
import org.probstab.sgd.ReluSaddleSimulation;
import org.probstab.sgd.SpredLassoSimulation;
import org.probstab.sgd.SwishNetworkSimulation;
import org.probstab.sgd.TwoPointLoss;
import org.probstab.sgd.TwoPointSaddleSimulation;

/**
 * Simulated run-steps per second of each nonlinear simulator (one optimizer step of one run; xoshiro256+ streams),
 * without the outcome summaries. Sizes: two-point and four-minimum 2000 runs × 1000 steps, swish 200 × 5000,
 * ReLU 400 × 600, spred 32 × 1000 (one spred step touches 400 parameters).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulatorBenchmark {

    @Param({"SGD", "ADAM", "AMSGRAD"})
    OptimizerKind optimizer;

    private long seed = 1;

    @Benchmark
    @OperationsPerInvocation(2000 * 1000)
    public double twoPointQuadratic() {
        TwoPointSaddleSimulation.Settings s = TwoPointSaddleSimulation.Settings.of(-1, TwoPointLoss.QUADRATIC,
                new Optimizer(optimizer, 0.5, 0, 0.999)).withRunsAndSteps(2000, 1000);
        return TwoPointSaddleSimulation.run(s, seed++).finalW()[0];
    }

    @Benchmark
    @OperationsPerInvocation(2000 * 1000)
    public double twoPointQuartic() {
        TwoPointSaddleSimulation.Settings s = TwoPointSaddleSimulation.Settings.of(-1, TwoPointLoss.QUARTIC,
                new Optimizer(optimizer, 0.5, 0, 0.999)).withRunsAndSteps(2000, 1000);
        return TwoPointSaddleSimulation.run(s, seed++).finalW()[0];
    }

    @Benchmark
    @OperationsPerInvocation(2000 * 1000)
    public double fourMinimum() {
        FourMinimumSimulation.Settings p = FourMinimumSimulation.Settings.paper(0.05);
        FourMinimumSimulation.Settings s = new FourMinimumSimulation.Settings(p.a(), p.b(),
                new Optimizer(optimizer, 0.05, 0, 0.999), 2000, 1000, true, 0, 0, p.algorithm());
        return FourMinimumSimulation.run(s, seed++)[0];
    }

    @Benchmark
    @OperationsPerInvocation(200 * 5000)
    public double swish() {
        SwishNetworkSimulation.Settings p = SwishNetworkSimulation.Settings.of(0.1, "A");
        SwishNetworkSimulation.Settings s = new SwishNetworkSimulation.Settings(
                new Optimizer(optimizer, 0.1, 0, 0.999), 200, 5000, "A", p.dataSeed(), p.algorithm());
        return SwishNetworkSimulation.run(s, seed++)[0];
    }

    @Benchmark
    @OperationsPerInvocation(400 * 600)
    public double relu() {
        ReluSaddleSimulation.Settings p = ReluSaddleSimulation.Settings.of(0.05, false);
        ReluSaddleSimulation.Settings s = new ReluSaddleSimulation.Settings(new Optimizer(optimizer, 0.05, 0, 0.999),
                400, 600, false, 0, 1e-8, 10, 2, 1, p.algorithm());
        return ReluSaddleSimulation.distances(s, seed++)[60][0];
    }

    @Benchmark
    @OperationsPerInvocation(32 * 1000)
    public double spred() {
        SpredLassoSimulation.Settings p = SpredLassoSimulation.Settings.of(0.3);
        SpredLassoSimulation.Settings s = new SpredLassoSimulation.Settings(new Optimizer(optimizer, 0.3, 0, 0.999),
                32, 1000, false, 0.1, p.algorithm());
        return SpredLassoSimulation.run(s, seed++)[0];
    }
}
