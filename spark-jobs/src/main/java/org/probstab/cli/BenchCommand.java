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

    private double sink;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "probstab bench: one thread, %s s per kernel, Java %s, %d cores%n", seconds,
                Runtime.version(), Runtime.getRuntime().availableProcessors());

        FiniteDataset data = new GaussianRegression(0.5, 2.0).sampleDataset(100,
                StreamSeeds.stream(1, 100, StreamSeeds.Purpose.DATASET));
        double[] chi = data.values();
        report(out, "exact finite-N S=1 kernel (N=100: Λ₋, Λ₊ and s² of both)", "cells/s", () -> {
            double lambda = 0.01 + 2.9 * nextUniform();
            double a = ExactFiniteSum.exponent(data, lambda).logVariance();
            double b = ExactFiniteSum.exponent(data, -lambda).logVariance();
            return a + b + ExactFiniteSum.exponentOnly(chi, lambda);
        }, 1);
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
}
