package org.probstab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.lyapunov.GaussianChiSquareQuadrature;
import org.probstab.lyapunov.RenormalisedProduct;
import org.probstab.lyapunov.TrajectorySettings;
import org.probstab.model.EstimatorKind;
import org.probstab.model.ModelRegistry;
import org.probstab.sweep.StreamSeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code probstab bench}: single-thread throughput of the core kernels, the numbers the README quotes. Each
 * measurement runs a warm-up, then repeats the kernel until {@code --seconds} have passed, and sinks every result
 * into a checksum that is printed, so the JIT cannot drop the work. Timing lives here, never in pass/fail tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure single-thread throughput of the exact, quadrature and trajectory kernels.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "2", description = "measuring time per kernel (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--sweep", paramLabel = "CONF", description = "instead of the kernels: run every cell of this"
            + " sweep config in one plain JVM loop, then the same sweep through Spark, and print the time ratio")
    java.nio.file.Path sweepConfig;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "with --sweep: override a config key")
    java.util.List<String> overrides = java.util.List.of();

    @Option(names = "--master", defaultValue = "local[2]", description = "with --sweep: Spark master (default:"
            + " ${DEFAULT-VALUE})")
    String master;

    private double sink;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (sweepConfig != null) {
            return sweepBench(out);
        }
        out.printf(Locale.ROOT, "probstab bench: one thread, %s s per kernel, Java %s, %d cores%n", seconds,
                Runtime.version(), Runtime.getRuntime().availableProcessors());

        FiniteDataset data = new GaussianRegression(0.5, 2.0).sampleDataset(100,
                StreamSeeds.stream(1, 100, StreamSeeds.Purpose.DATASET));
        double[] chi = data.values();
        report(out, "exact finite-N S=1 kernel (N=100: exponentPair, Λ₋, Λ₊ and s² of both)", "cells/s", () -> {
            double lambda = 0.01 + 2.9 * nextUniform();
            org.probstab.lyapunov.ExponentEstimate[] pair = ExactFiniteSum.exponentPair(data, lambda);
            return pair[0].value() + pair[1].logVariance();
        }, 1);
        report(out, "exact finite-N S=1 exponent only (N=100: one sum, no s²)", "cells/s",
                () -> ExactFiniteSum.exponentOnly(chi, 0.01 + 2.9 * nextUniform()), 1);
        report(out, "exact finite-N S=1 full cell (mf-gaussian N=100 through ModelRegistry)", "cells/s", () -> {
            double lambda = 0.01 + 2.9 * nextUniform();
            return ModelRegistry.evaluate("mf-gaussian", Map.of("lambda", lambda, "mu", 0.5, "N", 100),
                    EstimatorKind.AUTO, 1, 0).exponentMinus();
        }, 1);
        GaussianChiSquareQuadrature quadrature = new GaussianChiSquareQuadrature(0.5, 2.0, 1);
        report(out, "N=inf quadrature cell (S=1: Λ₋, Λ₊, s²)", "cells/s", () -> {
            double lambda = 0.01 + 2.9 * nextUniform();
            return quadrature.exponent(lambda).value() + quadrature.exponent(-lambda).value();
        }, 1);
        report(out, "N=inf quadrature full cell (mf-gaussian S=1 through ModelRegistry)", "cells/s", () -> {
            double lambda = 0.01 + 2.9 * nextUniform();
            double mu = nextUniform();
            return ModelRegistry.evaluate("mf-gaussian", Map.of("lambda", lambda, "mu", mu), EstimatorKind.AUTO, 1, 0)
                    .exponentMinus();
        }, 1);
        long steps = 1_000_000;
        TrajectorySettings one = new TrajectorySettings(2, steps / 2, 0, 1, 1e-6);
        report(out, "scalar trajectory, finite dataset N=100, S=1", "steps/s",
                () -> RenormalisedProduct.scalar(data.samplerWithReplacement(1), 0.7, one, nextSeed()).exponent()
                        .value(), steps);
        RandomSymmetricLaw law1 = RandomSymmetricLaw.diagonal(new double[] {0.1}, 1.0);
        RandomSymmetricLaw law2 = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
        long matrixSteps = 200_000;
        TrajectorySettings matrix = new TrajectorySettings(2, matrixSteps / 2, 0, 1, 1e-6);
        report(out, "matrix trajectory d=1 (random-sym)", "matrix-steps/s",
                () -> RenormalisedProduct.matrix(law1, 0.3, matrix, nextSeed()).exponent().value(), matrixSteps);
        report(out, "matrix trajectory d=2 (random-sym)", "matrix-steps/s",
                () -> RenormalisedProduct.matrix(law2, 0.3, matrix, nextSeed()).exponent().value(), matrixSteps);
        out.printf(Locale.ROOT, "checksum %s%n", sink);
        out.flush();
        return 0;
    }

    private final RandomGenerator rng = StreamSeeds.stream(42, 0, StreamSeeds.Purpose.SIMULATION);

    private double nextUniform() {
        return rng.nextDouble();
    }

    private long nextSeed() {
        return rng.nextLong();
    }

    private interface Kernel {
        double run();
    }

    private void report(PrintWriter out, String what, String unit, Kernel kernel, long unitsPerCall) {
        long warmUpEnd = System.nanoTime() + (long) (0.3 * seconds * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            sink += kernel.run();
        }
        long calls = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                sink += kernel.run();
            }
            calls += 16;
            now = System.nanoTime();
        } while (now < end);
        double rate = calls * (double) unitsPerCall / ((now - start) / 1e9);
        out.printf(Locale.ROOT, "%-72s %12.4g %s%n", what, rate, unit);
        out.flush();
    }

    /**
     * The sweep benchmark of issue 3: the same cells once in a plain single-threaded loop over the plan and once
     * through {@link org.probstab.spark.SweepJob} (Parquet writing included, SparkSession start excluded and
     * reported apart). The ratio Spark/loop is wall time over wall time.
     */
    private int sweepBench(PrintWriter out) throws Exception {
        org.probstab.sweep.SweepSpec sweep = org.probstab.sweep.SweepSpec.from(
                org.probstab.sweep.SweepConfig.load(sweepConfig, overrides), "bench");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("probstab-bench");
        sweep = sweep.withOutputPath(dir.resolve("table").toString());
        org.probstab.sweep.SweepPlan plan = new org.probstab.sweep.SweepPlan(sweep);
        out.printf(Locale.ROOT, "probstab bench --sweep %s: %d cells, Java %s, %d cores%n", sweepConfig,
                plan.cellCount(), Runtime.version(), Runtime.getRuntime().availableProcessors());
        out.flush();
        long t0 = System.nanoTime();
        double check = 0;
        for (long id = 0; id < plan.cellCount(); id++) {
            check += plan.evaluate(id).exponentMinus();
        }
        double loop = (System.nanoTime() - t0) * 1e-9;
        out.printf(Locale.ROOT, "plain JVM loop (1 thread)     %8.2f s  %10.0f cells/s   (checksum %s)%n", loop,
                plan.cellCount() / loop, check);
        out.flush();
        long s0 = System.nanoTime();
        org.apache.spark.sql.SparkSession spark = org.probstab.spark.Sessions.create("probstab bench", master,
                Map.of("spark.ui.enabled", "false"));
        double startup = (System.nanoTime() - s0) * 1e-9;
        try {
            // First run: as a user sees it (Spark SQL's code paths are compiled on first use). Second run, same
            // JVM, new output: the steady state that a long sweep spends nearly all its time in.
            String[] labels = {"first run", "second run"};
            for (int run = 0; run < 2; run++) {
                org.probstab.sweep.SweepPlan p = run == 0 ? plan
                        : new org.probstab.sweep.SweepPlan(sweep.withOutputPath(dir.resolve("table2").toString()));
                org.probstab.spark.SweepJob.Summary summary = org.probstab.spark.SweepJob.run(spark, p,
                        new org.probstab.spark.SweepJob.Options(false, false, 0, java.time.Duration.ofSeconds(30)));
                out.printf(Locale.ROOT, "Spark %-10s %-10s      %8.2f s  %10.0f cells/s   ratio Spark/loop %.2f%n",
                        master, labels[run], summary.seconds(), p.cellCount() / summary.seconds(),
                        summary.seconds() / loop);
                out.flush();
            }
            out.printf(Locale.ROOT, "(+ %.1f s SparkSession start, not counted; Parquet writing counted)%n", startup);
        } finally {
            spark.stop();
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }
}
