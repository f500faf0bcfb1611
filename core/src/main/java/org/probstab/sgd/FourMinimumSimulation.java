package org.probstab.sgd;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probstab.config.InvalidInputException;
import org.probstab.law.FiniteDataset;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.random.RunStreams;
import org.probstab.random.StreamSeeds;

/**
 * {@code sgd-four-minimum}: the two-dimensional landscape of 002 §5.3, eq. 10, with x = ±1 equiprobable:
 * <pre>
 *   ℓ(w₁, w₂; x) = ½[−(w₁ − w₂)² − (w₁ + w₂)² + (w₁ − w₂)⁴ + (w₁ + w₂)⁴ − 2a w₂² + x b w₁²],
 *   ∂ℓ/∂w₁ = −2w₁ + 4w₁³ + 12w₁w₂² + x b w₁,     ∂ℓ/∂w₂ = −2w₂ + 4w₂³ + 12w₁²w₂ − 2a w₂      (eq. 86).
 * </pre>
 * E ℓ has four minima: the flat ones (±1/√2, 0) with curvatures 4 and 4 − 2a, and the sharp ones
 * (0, ±√((1 + a)/2)) with curvatures 4 + 6a and 4 + 4a (the paper's eq. 12 gives the trace as 4 and 4 + 4a, counting
 * only the curvature along each minimum's own axis). The noise x b w₁² acts on w₁ alone and vanishes at w₁ = 0, so
 * the sharp minima are fixed points of SGD and the flat ones are not: 002 Prop. 4 (D.3) shows w₁ → 0 in probability
 * for b = 1/λ − 6 and λ ≤ (1 + √6)/20, so that SGD ends at a sharp minimum from anywhere in |w₁|, |w₂| ≤ 1.
 *
 * <p><b>Parameters and decisions.</b> The paper leaves a, b and the initialisation of its Fig. 3 open (λ = 0.05,
 * 2000 runs, 10 000 steps): a = 0.5 by default; {@code b} = −1 (the default) means the proof's b = 1/λ − 6; starts
 * are uniform on [−1, 1)² ({@code start=uniform}, the domain of Prop. 4) or a fixed point ({@code start=fixed},
 * {@code w1}, {@code w2}; default next to the flat minimum, (1/√2, 0.01): w₂ = 0 exactly would stay 0 for ever).
 *
 * <p><b>Outcome.</b> The census of the four minima ({@code flat+}, {@code flat-}, {@code sharp+}, {@code sharp-}:
 * a run is at the nearest one within distance 0.15, a fifth of the distance between a flat and a sharp minimum for
 * a ∈ [0, 1]; {@code other} otherwise; {@code diverged} when non-finite or |w| &gt; 1e6), the histogram of w₁ (20
 * bins on [−1, 1)), and as theory the exact exponent of w₁ linearised at a sharp minimum, where
 * w₁ ← (1 − λχ)w₁ with χ = 4 + 6a + x b ∈ {4 + 6a ± b} ({@link ExactFiniteSum}); extras {@code prop4_bound}, the
 * upper bound ½ ln[8λ max(|1 − 2λ|, |1 − 10λ|)] on w₁'s exponent anywhere in the box for b = 1/λ − 6 (eq. 92),
 * and {@code w2_gd_factor} = 1 − λ(4 + 4a), the deterministic contraction of w₂ at a sharp minimum.
 */
public final class FourMinimumSimulation implements Simulator {

    public static final String NAME = "sgd-four-minimum";
    public static final String A = "a";
    public static final String B = "b";
    public static final String W1 = "w1";
    public static final String W2 = "w2";
    public static final List<String> STARTS = List.of("uniform", "fixed");
    public static final List<String> SOLUTIONS = List.of("flat+", "flat-", "sharp+", "sharp-", "other", "diverged");

    /** A run is at a minimum when within this distance of it. */
    public static final double RADIUS = 0.15;
    /** A run with a coordinate beyond this (or non-finite) diverged. */
    public static final double DIVERGED = 1e6;
    private static final int BLOCK = 64;

    private static final List<ParameterSpec> PARAMETERS = List.of(
            SimulationParameters.LAMBDA_SPEC,
            ParameterSpec.real(A, 0, true, 1e6, "0.5", "a >= 0: the sharp minima at (0, +-sqrt((1 + a)/2))"),
            ParameterSpec.real(B, -1, true, 1e12, "-1", "noise strength b >= 0; -1: b = 1/lambda - 6 (002 D.3)"),
            SimulationParameters.OPTIMIZER_SPEC,
            SimulationParameters.MOMENTUM_SPEC,
            SimulationParameters.BETA2_SPEC,
            SimulationParameters.runs(2000),
            SimulationParameters.steps(10_000),
            ParameterSpec.choice(SimulationParameters.START, "uniform", STARTS, "uniform on [-1, 1)^2 or fixed"),
            ParameterSpec.real(W1, -1e6, true, 1e6, "0.7071067811865476", "w1 when start = fixed"),
            ParameterSpec.real(W2, -1e6, true, 1e6, "0.01", "w2 when start = fixed"),
            SimulationParameters.RNG_SPEC);

    /**
     * A cell's settings.
     *
     * @param a            a ≥ 0
     * @param b            b ≥ 0 (already resolved from −1)
     * @param optimizer    the optimizer
     * @param runs         R
     * @param steps        T
     * @param uniformStart start uniform on [−1, 1)² (else at (w1, w2))
     * @param w1           fixed start w₁
     * @param w2           fixed start w₂
     * @param algorithm    the streams
     */
    public record Settings(double a, double b, Optimizer optimizer, int runs, long steps, boolean uniformStart,
                           double w1, double w2, RunStreams.Algorithm algorithm) {

        public Settings {
            if (!(a >= 0) || !Double.isFinite(a)) {
                throw InvalidInputException.outOfRange(A, a, "[0, 1e6]");
            }
            if (!(b >= 0) || !Double.isFinite(b)) {
                throw InvalidInputException.outOfRange(B, b, "[0, 1e12] or -1 (b = 1/lambda - 6, which needs"
                        + " lambda <= 1/6)");
            }
            if (runs < 1) {
                throw InvalidInputException.outOfRange(SimulationParameters.RUNS, runs, "integers in [1, 100000000]");
            }
            if (steps < 1) {
                throw InvalidInputException.outOfRange(SimulationParameters.STEPS, steps, "integers >= 1");
            }
            if (!Double.isFinite(w1) || !Double.isFinite(w2)) {
                throw InvalidInputException.outOfRange(Double.isFinite(w1) ? W2 : W1, Double.isFinite(w1) ? w2 : w1,
                        "finite reals");
            }
        }

        /** The paper's Fig. 3 setting at learning rate λ: b = 1/λ − 6, a = 0.5, uniform start, 2000 × 10 000. */
        public static Settings paper(double lambda) {
            return new Settings(0.5, 1 / lambda - 6, Optimizer.sgd(lambda), 2000, 10_000, true, 0, 0,
                    RunStreams.Algorithm.XOSHIRO256_PLUS);
        }

        public Settings withRunsAndSteps(int newRuns, long newSteps) {
            return new Settings(a, b, optimizer, newRuns, newSteps, uniformStart, w1, w2, algorithm);
        }

        public Settings withB(double newB) {
            return new Settings(a, newB, optimizer, runs, steps, uniformStart, w1, w2, algorithm);
        }

        public Settings withFixedStart(double start1, double start2) {
            return new Settings(a, b, optimizer, runs, steps, false, start1, start2, algorithm);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SGD/Adam/AMSGrad on the four-minimum landscape of 002 eq. 10 (sharp against flat minima)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public void validate(CellParameters p) {
        settings(p);
    }

    /** The settings of validated parameters. */
    public static Settings settings(CellParameters p) {
        String start = SimulationParameters.choose(SimulationParameters.START, p.text(SimulationParameters.START),
                STARTS);
        double lambda = p.number(SimulationParameters.LAMBDA);
        double b = p.number(B);
        if (b == -1) {
            b = 1 / lambda - 6;
        } else if (b < 0) {
            throw InvalidInputException.outOfRange(B, b, "[0, 1e12] or -1 (b = 1/lambda - 6)");
        }
        return new Settings(p.number(A), b, SimulationParameters.optimizer(p), SimulationParameters.runs(p),
                SimulationParameters.steps(p), start.equals("uniform"), p.number(W1), p.number(W2),
                SimulationParameters.algorithm(p));
    }

    @Override
    public SimulationOutcome simulate(CellParameters p, long seed, long cellId) {
        Settings s = settings(p);
        return outcome(s, run(s, StreamSeeds.streamSeed(seed, cellId, StreamSeeds.Purpose.SIMULATION)));
    }

    /** ℓ(w₁, w₂; x) of eq. 10. */
    public static double loss(double w1, double w2, double x, double a, double b) {
        double d = w1 - w2;
        double s = w1 + w2;
        return 0.5 * (-d * d - s * s + d * d * d * d + s * s * s * s - 2 * a * w2 * w2 + x * b * w1 * w1);
    }

    /** ∂ℓ/∂w₁ (eq. 86). */
    public static double gradient1(double w1, double w2, double x, double b) {
        return -2 * w1 + 4 * w1 * w1 * w1 + 12 * w1 * w2 * w2 + x * b * w1;
    }

    /** ∂ℓ/∂w₂ (eq. 86). */
    public static double gradient2(double w1, double w2, double a) {
        return -2 * w2 + 4 * w2 * w2 * w2 + 12 * w1 * w1 * w2 - 2 * a * w2;
    }

    /** Final parameters {w₁ of all runs, w₂ of all runs} ([0, R) then [R, 2R)). */
    public static double[] run(Settings s, long streamSeed) {
        int runs = s.runs();
        RunStreams streams = RunStreams.of(s.algorithm(), streamSeed, runs);
        double[] w = new double[2 * runs];
        for (int r = 0; r < runs; r++) {
            if (s.uniformStart()) {
                java.util.random.RandomGenerator g = streams.generator(r);
                w[r] = 2 * g.nextDouble() - 1;
                w[runs + r] = 2 * g.nextDouble() - 1;
            } else {
                w[r] = s.w1();
                w[runs + r] = s.w2();
            }
        }
        double[] grad = new double[2 * runs];
        double[] m = new double[2 * runs];
        double[] v = new double[2 * runs];
        double[] vHat = new double[2 * runs];
        double[] x = new double[BLOCK * runs];
        RunBits bits = new RunBits(runs);
        Optimizer o = s.optimizer();
        double a = s.a();
        double b = s.b();
        long t = 0;
        while (t < s.steps()) {
            int length = (int) Math.min(BLOCK, s.steps() - t);
            for (int r = 0; r < runs; r++) {
                bits.fill(streams, r, length, x, runs, r, 1.0, -1.0);
            }
            for (int k = 0; k < length; k++) {
                int base = k * runs;
                for (int r = 0; r < runs; r++) {
                    double w1 = w[r];
                    double w2 = w[runs + r];
                    grad[r] = gradient1(w1, w2, x[base + r], b);
                    grad[runs + r] = gradient2(w1, w2, a);
                }
                o.update(w, grad, m, v, vHat, 2 * runs);
            }
            t += length;
        }
        return w;
    }

    /** The outcome of final parameters from {@link #run}. */
    public static SimulationOutcome outcome(Settings s, double[] w) {
        int runs = s.runs();
        double[][] minima = minima(s.a());
        long[] counts = new long[SOLUTIONS.size()];
        for (int r = 0; r < runs; r++) {
            counts[classify(w[r], w[runs + r], minima)]++;
        }
        double[] fractions = new double[counts.length];
        double[] losses = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            fractions[i] = (double) counts[i] / runs;
            losses[i] = Double.NaN;
        }
        SolutionCensus census = new SolutionCensus(SOLUTIONS, fractions, losses, Double.NaN, Double.NaN);
        ParameterHistogram histogram = ParameterHistogram.of("w1", w, runs, 20, 1.0);
        double lambda = s.optimizer().lambda();
        double c = 4 + 6 * s.a();
        ExponentEstimate e = ExactFiniteSum.exponent(new FiniteDataset(new double[] {c + s.b(), c - s.b()}), lambda);
        double f1 = 1 - lambda * (c + s.b());
        double f2 = 1 - lambda * (c - s.b());
        LinearisedTheory theory = new LinearisedTheory(e.value(), 0.0, Double.NaN, e.logVariance(),
                0.5 * (f1 * f1 + f2 * f2), "exact-sum");
        Map<String, Double> extras = new TreeMap<>();
        extras.put("prop4_bound", 0.5 * Math.log(8 * lambda * Math.max(Math.abs(1 - 2 * lambda),
                Math.abs(1 - 10 * lambda))));
        extras.put("w2_gd_factor", 1 - lambda * (4 + 4 * s.a()));
        extras.put("b", s.b());
        return new SimulationOutcome(NAME, runs, s.steps(), s.algorithm().label(), null, histogram, census, null,
                null, theory, extras);
    }

    /** The four minima in the order of {@link #SOLUTIONS}. */
    static double[][] minima(double a) {
        double flat = Math.sqrt(0.5);
        double sharp = Math.sqrt((1 + a) / 2);
        return new double[][] {{flat, 0}, {-flat, 0}, {0, sharp}, {0, -sharp}};
    }

    /** Index into {@link #SOLUTIONS}. */
    static int classify(double w1, double w2, double[][] minima) {
        if (!(Math.abs(w1) <= DIVERGED && Math.abs(w2) <= DIVERGED)) {
            return SOLUTIONS.size() - 1;
        }
        for (int i = 0; i < minima.length; i++) {
            double d1 = w1 - minima[i][0];
            double d2 = w2 - minima[i][1];
            if (d1 * d1 + d2 * d2 < RADIUS * RADIUS) {
                return i;
            }
        }
        return SOLUTIONS.size() - 2;
    }
}
