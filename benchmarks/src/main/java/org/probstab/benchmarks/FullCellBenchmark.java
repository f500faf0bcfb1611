package org.probstab.benchmarks;

import java.util.List;
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
import org.probstab.law.GaussianRegression;
import org.probstab.lyapunov.BatchEnumeration;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.random.StreamSeeds;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;
import org.probstab.table.Row;

/**
 * One finite-N cell as a sweep evaluates it ({@link SweepPlan#evaluate}: the plan decodes the cell, the registry
 * validates its parameters, the model draws on its cached dataset, classifies and fills the phase-table row),
 * beside the bare kernel of the same cells (Λ₋ and Λ₊ with s² on datasets built beforehand, one per μ:
 * {@link ExactFiniteSum#exponentPair} at S = 1, {@link BatchEnumeration} of the 5050 minibatches of each sign at
 * S = 2), on the λ–μ grid of {@code conf/bench-exact-n100.conf} (N = 100, 1000 × 1000 cells, μ varying fastest).
 * The ratio {@code fullCell / kernel} is the share of a cell's time spent on the mathematics. Under load the full
 * cell needs 10–15 s of warm-up before its rate settles (many more methods to compile than the kernel).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FullCellBenchmark {

    @Param({"1", "2"})
    int s;

    private SweepPlan plan;
    private long cellId;
    private FiniteDataset[] datasets;
    private double[] lambdas;

    @Setup
    public void setUp() {
        plan = new SweepPlan(SweepSpec.from(SweepConfig.parse("""
                sweep {
                  name = "full-cell"
                  model = mf-gaussian
                  seed = 1
                  params { S = %d, N = 100, sigma = 2.0 }
                  axes {
                    lambda { from = 0.003, to = 3.0, steps = 1000 }
                    mu     { from = 0.001, to = 1.0, steps = 1000 }
                  }
                  estimator { kind = exact }
                }
                output { path = "unused" }
                """.formatted(s), List.of()), "full-cell"));
        cellId = 0;
        List<Object> lambdaAxis = plan.spec().axes().get(0).values();
        List<Object> muAxis = plan.spec().axes().get(1).values();
        lambdas = lambdaAxis.stream().mapToDouble(v -> (Double) v).toArray();
        double[] pairs = GaussianRegression.samplePairs(100, StreamSeeds.stream(1, 100, StreamSeeds.Purpose.DATASET));
        datasets = muAxis.stream().map(mu -> new GaussianRegression((Double) mu, 2.0).datasetFromPairs(pairs))
                .toArray(FiniteDataset[]::new);
    }

    /** The whole cell, as a sweep task evaluates it. */
    @Benchmark
    public Row fullCell() {
        long id = cellId;
        cellId = id + 1 == plan.cellCount() ? 0 : id + 1;
        return plan.evaluate(id);
    }

    /** The exponents alone of the same cells, on datasets built once. */
    @Benchmark
    public ExponentEstimate[] kernel() {
        long id = cellId;
        cellId = id + 1 == plan.cellCount() ? 0 : id + 1;
        FiniteDataset data = datasets[(int) (id % datasets.length)];
        double lambda = lambdas[(int) (id / datasets.length)];
        if (s == 1) {
            return ExactFiniteSum.exponentPair(data, lambda);
        }
        return new ExponentEstimate[] {BatchEnumeration.exponent(data, s, true, lambda),
                BatchEnumeration.exponent(data, s, true, -lambda)};
    }
}
