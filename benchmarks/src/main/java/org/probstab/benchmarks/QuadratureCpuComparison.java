package org.probstab.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.probstab.lyapunov.GaussianChiSquareQuadrature;

/**
 * {@link QuadratureBenchmark}'s comparison in CPU time instead of wall time, for a machine shared with other work
 * (wall time then measures the share of a core the process got): alternates the current kernel and
 * {@link BaselineQuadrature} in one JVM, REPS rounds, each over the cells of a GRID × GRID λ–μ grid like
 * {@code conf/lambda-mu-ninf.conf} (λ from 0.015 to 3, μ from 0.005 to 1, σ = 2, batch size S; Λ₋ and Λ₊ with s²,
 * one quadrature per μ as a sweep builds it), and prints each round's CPU time per cell, the ratio baseline/current,
 * their median, and the ratio of the minima. Not a JMH benchmark; run as
 * {@code java -cp benchmarks/target/benchmarks.jar org.probstab.benchmarks.QuadratureCpuComparison S GRID REPS}.
 */
public final class QuadratureCpuComparison {

    private QuadratureCpuComparison() {
    }

    public static void main(String[] args) {
        int batchSize = Integer.parseInt(args[0]);
        int grid = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> ratios = new ArrayList<>();
        double minBaseline = Double.POSITIVE_INFINITY;
        double minCurrent = Double.POSITIVE_INFINITY;
        double sink = 0;
        for (int i = 0; i < reps; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int m = 0; m < grid; m++) {
                var baseline = new BaselineQuadrature(mu(m, grid), 2.0, batchSize);
                for (int l = 0; l < grid; l++) {
                    sink += baseline.exponent(lambda(l, grid)).value() + baseline.exponent(-lambda(l, grid)).value();
                }
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (int m = 0; m < grid; m++) {
                var current = new GaussianChiSquareQuadrature(mu(m, grid), 2.0, batchSize);
                for (int l = 0; l < grid; l++) {
                    sink += current.exponent(lambda(l, grid)).value() + current.exponent(-lambda(l, grid)).value();
                }
            }
            long t2 = threads.getCurrentThreadCpuTime();
            double before = (t1 - t0) / 1e3 / (grid * grid);
            double after = (t2 - t1) / 1e3 / (grid * grid);
            System.out.printf("round %d: baseline %.2f us/cell, current %.2f us/cell, ratio %.3f%n", i, before, after,
                    before / after);
            if (i >= 2) {
                ratios.add(before / after);
                minBaseline = Math.min(minBaseline, before);
                minCurrent = Math.min(minCurrent, after);
            }
        }
        Collections.sort(ratios);
        System.out.printf("S = %d, %d x %d cells, rounds 3..%d: median ratio %.3f (min %.3f, max %.3f), ratio of minima"
                        + " %.3f (baseline %.2f us/cell, current %.2f us/cell); checksum %s%n", batchSize, grid, grid,
                reps, ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1),
                minBaseline / minCurrent, minBaseline, minCurrent, sink);
    }

    private static double lambda(int index, int grid) {
        return 0.015 + (3.0 - 0.015) * index / (grid - 1);
    }

    private static double mu(int index, int grid) {
        return 0.005 + (1.0 - 0.005) * index / (grid - 1);
    }
}
