package org.probstab.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.lyapunov.BatchEnumeration;
import org.probstab.random.StreamSeeds;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;
import org.probstab.table.PhaseTable;

/**
 * {@link FullCellBenchmark}'s S = 2 comparison in CPU time instead of wall time, for a machine shared with other
 * work: on the λ–μ grid of {@code conf/bench-exact-n100.conf} at S = 2 (N = 100, 1000 × 1000 cells, μ varying
 * fastest), alternates the kernel the cell used before {@code EnumeratedBatches} ({@link BatchEnumeration#exponent}
 * at ±λ, on datasets built once per μ) and the whole cell as a sweep evaluates it ({@link SweepPlan#evaluate}), in
 * one JVM, REPS rounds. Round i takes the cells of ROWS λ values starting at row i·ROWS, so every round sees new λ
 * and the same datasets, as a sweep does. Prints each round's CPU time per cell, the ratio baseline/full cell,
 * their median, and the ratio of the minima. Not a JMH benchmark; run as
 * {@code java -cp benchmarks/target/benchmarks.jar org.probstab.benchmarks.EnumerationCpuComparison ROWS REPS}.
 */
public final class EnumerationCpuComparison {

    private static final int GRID = 1000;

    private EnumerationCpuComparison() {
    }

    public static void main(String[] args) {
        int rows = Integer.parseInt(args[0]);
        int reps = Integer.parseInt(args[1]);
        SweepPlan plan = new SweepPlan(SweepSpec.from(SweepConfig.parse("""
                sweep {
                  name = "full-cell"
                  model = mf-gaussian
                  seed = 1
                  params { S = 2, N = 100, sigma = 2.0 }
                  axes {
                    lambda { from = 0.003, to = 3.0, steps = %d }
                    mu     { from = 0.001, to = 1.0, steps = %d }
                  }
                  estimator { kind = exact }
                }
                output { path = "unused" }
                """.formatted(GRID, GRID), List.of()), "full-cell"));
        double[] lambdas = plan.spec().axes().get(0).values().stream().mapToDouble(v -> (Double) v).toArray();
        double[] pairs = GaussianRegression.samplePairs(100, StreamSeeds.stream(1, 100, StreamSeeds.Purpose.DATASET));
        FiniteDataset[] datasets = plan.spec().axes().get(1).values().stream()
                .map(mu -> new GaussianRegression((Double) mu, 2.0).datasetFromPairs(pairs))
                .toArray(FiniteDataset[]::new);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> ratios = new ArrayList<>();
        double minBaseline = Double.POSITIVE_INFINITY;
        double minCell = Double.POSITIVE_INFINITY;
        double sink = 0;
        for (int i = 0; i < reps; i++) {
            long first = (long) (i * rows % GRID) * GRID;
            long cells = (long) rows * GRID;
            long t0 = threads.getCurrentThreadCpuTime();
            for (long id = first; id < first + cells; id++) {
                FiniteDataset data = datasets[(int) (id % GRID)];
                double lambda = lambdas[(int) (id / GRID)];
                sink += BatchEnumeration.exponent(data, 2, true, lambda).value()
                        + BatchEnumeration.exponent(data, 2, true, -lambda).value();
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (long id = first; id < first + cells; id++) {
                sink += plan.evaluate(id).get(PhaseTable.EXP_MINUS);
            }
            long t2 = threads.getCurrentThreadCpuTime();
            double before = (t1 - t0) / 1e3 / cells;
            double after = (t2 - t1) / 1e3 / cells;
            System.out.printf("round %d: BatchEnumeration at ±λ %.1f us/cell, full cell %.1f us/cell, ratio %.3f%n", i,
                    before, after, before / after);
            if (i >= 2) {
                ratios.add(before / after);
                minBaseline = Math.min(minBaseline, before);
                minCell = Math.min(minCell, after);
            }
        }
        Collections.sort(ratios);
        System.out.printf("S = 2, N = 100, %d cells a round, rounds 3..%d: median ratio %.3f (min %.3f, max %.3f), ratio"
                + " of minima %.3f (%.1f / %.1f us/cell; %.0f / %.0f cells/s)%s%n", rows * GRID, reps,
                ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1), minBaseline / minCell,
                minBaseline, minCell, 1e6 / minBaseline, 1e6 / minCell, sink == 0 ? " " : "");
    }
}
