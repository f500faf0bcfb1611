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
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.ModelRegistry;
import org.probstab.random.StreamSeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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


    @Mixin
    ConfigOverrides set = new ConfigOverrides();

    @Mixin
    MasterOption master = new MasterOption();

    @Option(names = "--runs", defaultValue = "3", description = "with --sweep: Spark runs in one session; the first"
            + " is cold, the median of the others is the steady state (default: ${DEFAULT-VALUE})")
    int runs;


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
                    EstimatorKind.AUTO, 1, 0).get(org.probstab.table.PhaseTable.EXP_MINUS);
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
                    .get(org.probstab.table.PhaseTable.EXP_MINUS);
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
        paperProtocolBias(out, law2);
        out.printf(Locale.ROOT, "checksum %s%n", sink);
        out.flush();
        return 0;
    }

    /**
     * The papers' cut-off protocol (800 runs, cut-offs 1e100 / 1e−140, ≤ 5000 steps) against the unbiased
     * renormalised product (R = 256, T = 20 000) on 000 Fig. 2-right's law at three learning rates: a measured
     * number, not a test (the protocol has no reference to test it against on this law).
     */
    private void paperProtocolBias(PrintWriter out, RandomSymmetricLaw law) {
        TrajectorySettings unbiased = new TrajectorySettings(256, 20_000, 100, 1, 1e-3);
        for (double lambda : new double[] {0.35, 1.0, 2.0}) {
            long t0 = System.nanoTime();
            org.probstab.lyapunov.ExponentEstimate reference = RenormalisedProduct.matrix(law, lambda, unbiased,
                    StreamSeeds.streamSeed(11, (long) (lambda * 1000), StreamSeeds.Purpose.TRAJECTORY_MINUS))
                    .exponent();
            org.probstab.lyapunov.ExponentEstimate paper = org.probstab.lyapunov.PaperProtocol.matrix(law, lambda,
                    org.probstab.lyapunov.PaperProtocol.Settings.defaults(),
                    StreamSeeds.streamSeed(11, (long) (lambda * 1000), StreamSeeds.Purpose.PAPER_PROTOCOL));
            out.printf(Locale.ROOT, "paper-protocol bias, 2x2 law, lambda=%.2f: %+.5f ± %.5f (paper %.5f, unbiased"
                    + " %.5f; %.1f s)%n", lambda, paper.value() - reference.value(),
                    Math.hypot(paper.standardError(), reference.standardError()), paper.value(), reference.value(),
                    (System.nanoTime() - t0) * 1e-9);
            out.flush();
        }
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
     * The sweep benchmark: the same cells once in a plain single-threaded loop over the plan, then
     * {@code --runs} times through {@link org.probstab.spark.SweepJob} in one SparkSession (Parquet writing included,
     * SparkSession start excluded and reported apart), then once more in a single-threaded loop that also writes the
     * chunk files. Ratios are wall time over the evaluate-only loop's wall time. The first Spark run pays the JIT
     * compilation of Spark's and parquet-mr's code paths (the loop already compiled the cell's); later runs show the
     * steady state a long sweep spends nearly all its time in.
     */
    private int sweepBench(PrintWriter out) throws Exception {
        if (runs < 1) {
            throw org.probstab.config.InvalidInputException.outOfRange("--runs", runs, "integers >= 1");
        }
        org.probstab.sweep.SweepSpec sweep = org.probstab.sweep.SweepSpec.from(
                org.probstab.sweep.SweepConfig.load(sweepConfig, set.overrides), "bench");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("probstab-bench");
        org.probstab.sweep.SweepPlan plan = new org.probstab.sweep.SweepPlan(
                sweep.withOutputPath(dir.resolve("loop").toString()));
        out.printf(Locale.ROOT, "probstab bench --sweep %s: %d cells in %d chunks, Java %s, %d cores%n", sweepConfig,
                plan.cellCount(), plan.chunkCount(), Runtime.version(), Runtime.getRuntime().availableProcessors());
        out.flush();
        long t0 = System.nanoTime();
        double check = 0;
        for (long id = 0; id < plan.cellCount(); id++) {
            check += plan.evaluate(id).get(org.probstab.table.PhaseTable.EXP_MINUS);
        }
        double loop = (System.nanoTime() - t0) * 1e-9;
        line(out, "plain JVM loop, evaluate only (1 thread)", loop, plan.cellCount(), Double.NaN);
        long s0 = System.nanoTime();
        String master = this.master.or("local[2]");
        org.apache.spark.sql.SparkSession spark = org.probstab.spark.Sessions.create("probstab bench", master,
                Map.of("spark.ui.enabled", "false"));
        double startup = (System.nanoTime() - s0) * 1e-9;
        try {
            double[] seconds = new double[runs];
            for (int run = 0; run < runs; run++) {
                org.probstab.sweep.SweepPlan p = new org.probstab.sweep.SweepPlan(
                        sweep.withOutputPath(dir.resolve("spark-" + run).toString()));
                seconds[run] = org.probstab.spark.SweepJob.run(spark, p, new org.probstab.spark.SweepJob.Options(
                        false, false, 0, java.time.Duration.ofSeconds(30))).seconds();
                line(out, String.format(Locale.ROOT, "Spark %s, run %d%s", master, run + 1,
                        run == 0 ? " (cold: JIT of Spark and Parquet paths)" : ""), seconds[run], plan.cellCount(),
                        loop);
            }
            if (runs > 2) {
                double[] warm = java.util.Arrays.copyOfRange(seconds, 1, runs);
                java.util.Arrays.sort(warm);
                double median = warm.length % 2 == 1 ? warm[warm.length / 2]
                        : 0.5 * (warm[warm.length / 2 - 1] + warm[warm.length / 2]);
                line(out, String.format(Locale.ROOT, "Spark %s, median of runs 2-%d", master, runs), median,
                        plan.cellCount(), loop);
            }
            org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
            long w0 = System.nanoTime();
            for (long c = 0; c < plan.chunkCount(); c++) {
                org.probstab.spark.ChunkParquet.writeChunk(plan, c, org.probstab.spark.SweepJob.GRID_LEVEL,
                        new org.apache.hadoop.fs.Path(dir.resolve("loop").resolve("part-" + c + ".parquet").toUri()),
                        conf, () -> { });
            }
            line(out, "plain JVM loop + Parquet chunk files (1 thread, warm)", (System.nanoTime() - w0) * 1e-9,
                    plan.cellCount(), loop);
            out.printf(Locale.ROOT, "(+ %.1f s SparkSession start, not counted; checksum %s)%n", startup, check);
        } finally {
            spark.stop();
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static void line(PrintWriter out, String what, double seconds, long cells, double loop) {
        out.printf(Locale.ROOT, "%-58s %7.2f s %9.0f cells/s%s%n", what, seconds, cells / seconds,
                Double.isNaN(loop) ? "" : String.format(Locale.ROOT, "   ratio to loop %.2f", seconds / loop));
        out.flush();
    }
}
