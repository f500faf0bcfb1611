package org.probstab.sgd;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.probstab.config.InvalidInputException;
import org.probstab.law.TwoPointLaw;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.model.TheoryCell;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.random.RunStreams;
import org.probstab.random.StreamSeeds;

/**
 * {@code sgd-two-point}: SGD, Adam or AMSGrad ({@link OptimizerKind}) on ℓ = x w²/2 or x w²/2 + w⁴/4
 * ({@link TwoPointLoss}) with x drawn afresh each step from p(x) = ½δ(x − 1) + ½δ(x + 1 − a), i.e. x ∈ {1, a − 1}
 * equiprobable (002 §4–6, Prop. 1–3, 5, App. A.1; E x = a/2, so w = 0 is a local maximum of E ℓ for a &lt; 0).
 *
 * <p><b>Linearised theory.</b> Near w = 0 both losses give w_{t+1} = (1 − λx_t) w_t under SGD, a scalar random
 * product with Lyapunov exponent (002 eq. 75–77, Lemma 1)
 * <pre>
 *   Λ = E ln|1 − λx| = ½ ln|1 − λ| + ½ ln|1 − λ(a − 1)|,
 * </pre>
 * which is {@code exp_minus} of {@code mf-two-point} (χ ∈ {1, a′}) with a′ = a − 1; it is computed here by
 * {@link ExactFiniteSum} on the dataset {1, a − 1}, with s² = Var ln|1 − λx| and the L2 factor E(1 − λx)². SGD
 * converges to w = 0 in probability iff Λ &lt; 0 (002 Prop. 2: for a &lt; 0, when a/(a − 1) ≤ λ ≤
 * (a − √(a² − 8a + 8))/(2(a − 1))); the escape rate γ(λ) = Λ (002 Def. 2, eq. 82) has its maximum over λ &lt; 1 at
 * λ* = a/(2(a − 1)) with γ* = ln((2 − a)/(2√(1 − a))) (Prop. 3) — over all λ it is unbounded, since Λ ~ ln λ for
 * λ → ∞. The theory is SGD's whatever the optimizer.
 *
 * <p><b>Runs.</b> R runs of T steps from w_0 ~ U[−1, 1) (002 Fig. 1; {@code start=uniform}) or a fixed w_0
 * ({@code start=fixed}, {@code w0}), in lockstep: per block of up to 64 steps every run draws its x values, then each
 * step is one pass over all runs (the gradient, then {@link Optimizer#update}), so consecutive operations belong to
 * independent runs instead of one run's serial chain (a divide and a square root per Adam step). The bits that
 * choose x are the upper 32 bits of the run's words (one word per 32 steps, a set bit meaning x = 1), kept across
 * blocks, so a run's draws do not depend on the block schedule (escape window, histogram).
 *
 * <p><b>Outcome.</b> The final-parameter histogram ({@code histogram_bins} equal bins on
 * [−{@code histogram_range}, {@code histogram_range}); the paper gives no binning: 20 bins on [−1, 1) by default, the
 * range of the initialisation); the escape probability out of its two central bins and the escape rate over the
 * window [{@code escape_window_start}, + {@code escape_window}] (default [0, 50], 002 §6.2) ({@link EscapeStatistics});
 * the theory; with {@code record_points} = K &gt; 0, the quantiles 0.1, 0.5, 0.9 of |w_t| over runs at t = 0 and at K
 * log-spaced steps up to T ({@link SaddleEscapeCurve}, no fit: 002 Fig. 4). Extras: {@code absorbed_fraction}
 * (1 − escape probability), {@code median_log_abs} (the median over runs of ln|w_T|); for a &lt; 0 the absorbing
 * interval of Prop. 2 ({@code prop2_lambda_low}, {@code prop2_lambda_high}); for AMSGrad
 * {@code prop5_predicted_absorbed}, the fraction of runs for which Prop. 5's condition |(1 − λ′)(1 + λ′(1 − a))| &lt; 1
 * holds with λ′ = λ/√v̂_T, the run's final effective step (App. D.4, eq. 108; the proposition assumes β₁ = 0, its limit v̂_∞ = c is taken as v̂_T).
 * Defaults: R = 2000 (the paper's runs), T = 1000 (not stated in the paper).
 */
public final class TwoPointSaddleSimulation implements Simulator {

    public static final String NAME = "sgd-two-point";

    public static final String A = "a";
    public static final String LOSS = "loss";
    public static final String W0 = "w0";
    public static final String ESCAPE_WINDOW = "escape_window";
    public static final String ESCAPE_WINDOW_START = "escape_window_start";
    public static final String HISTOGRAM_BINS = "histogram_bins";
    public static final String HISTOGRAM_RANGE = "histogram_range";
    public static final String RECORD_POINTS = "record_points";

    /** The quantile levels of |w_t| recorded at the record times. */
    static final double[] RECORD_LEVELS = {0.1, 0.5, 0.9};

    /** The start points this model knows. */
    public static final List<String> STARTS = List.of("uniform", "fixed");

    private static final int BLOCK = 64;

    private static final List<ParameterSpec> PARAMETERS = List.of(
            SimulationParameters.LAMBDA_SPEC,
            ParameterSpec.real(A, -1e12, true, 1e12, null, "p(x) = 1/2 delta(x - 1) + 1/2 delta(x + 1 - a)"),
            ParameterSpec.choice(LOSS, "quadratic", TwoPointLoss.labels(), "x w^2/2 or x w^2/2 + w^4/4"),
            SimulationParameters.OPTIMIZER_SPEC,
            SimulationParameters.MOMENTUM_SPEC,
            SimulationParameters.BETA2_SPEC,
            SimulationParameters.runs(2000),
            SimulationParameters.steps(1000),
            ParameterSpec.choice(SimulationParameters.START, "uniform", STARTS,
                    "w_0 uniform on [-1, 1) or fixed at w0"),
            ParameterSpec.real(W0, -1e100, true, 1e100, "0.5", "w_0 when start = fixed"),
            ParameterSpec.integer(ESCAPE_WINDOW, 1, 1_000_000_000_000L, false, "50", "tau of the escape rate"),
            ParameterSpec.integer(ESCAPE_WINDOW_START, 0, 1_000_000_000_000L, false, "0",
                    "first step t0 of the escape window"),
            ParameterSpec.integer(HISTOGRAM_BINS, 2, 1_000_000, false, "20", "bins of the final histogram (even)"),
            ParameterSpec.real(HISTOGRAM_RANGE, 0, false, 1e300, "1", "the histogram covers [-range, range)"),
            ParameterSpec.integer(RECORD_POINTS, 0, 10_000, false, "0",
                    "log-spaced steps at which quantiles of |w_t| are recorded (0: none)"),
            SimulationParameters.RNG_SPEC);

    /**
     * A cell's settings.
     *
     * @param a             the law's a
     * @param loss          quadratic or quartic
     * @param optimizer     the optimizer and λ
     * @param runs          R ≥ 1
     * @param steps         T ≥ 1
     * @param uniformStart  w_0 ~ U[−1, 1) (else w_0 = {@code w0})
     * @param w0            the fixed start
     * @param windowStart   t₀ of the escape window
     * @param windowLength  τ ≥ 1, with t₀ + τ ≤ T
     * @param bins          an even number ≥ 2 of histogram bins
     * @param range         the histogram's half range &gt; 0
     * @param recordPoints  K ≥ 0 log-spaced record times in [1, T] ({@link #recordTimes}), 0: none
     * @param algorithm     the random streams
     */
    public record Settings(double a, TwoPointLoss loss, Optimizer optimizer, int runs, long steps,
                           boolean uniformStart, double w0, long windowStart, long windowLength, int bins,
                           double range, int recordPoints, RunStreams.Algorithm algorithm) {

        public Settings {
            if (!Double.isFinite(a)) {
                throw InvalidInputException.outOfRange(A, a, "finite reals");
            }
            if (runs < 1) {
                throw InvalidInputException.outOfRange(SimulationParameters.RUNS, runs, "integers in [1, 100000000]");
            }
            if (steps < 1) {
                throw InvalidInputException.outOfRange(SimulationParameters.STEPS, steps, "integers >= 1");
            }
            if (!Double.isFinite(w0)) {
                throw InvalidInputException.outOfRange(W0, w0, "finite reals");
            }
            if (windowLength < 1) {
                throw InvalidInputException.outOfRange(ESCAPE_WINDOW, windowLength, "integers >= 1");
            }
            if (windowStart < 0 || windowStart + windowLength > steps) {
                throw InvalidInputException.outOfRange(ESCAPE_WINDOW, windowLength, "integers in [1, "
                        + (steps - Math.max(0, windowStart)) + "] (the window must end within steps = " + steps
                        + " from " + ESCAPE_WINDOW_START + " = " + windowStart + ")");
            }
            if (bins < 2 || bins % 2 != 0) {
                throw InvalidInputException.outOfRange(HISTOGRAM_BINS, bins, "even integers >= 2 (two central bins)");
            }
            if (!(range > 0) || !Double.isFinite(range)) {
                throw InvalidInputException.outOfRange(HISTOGRAM_RANGE, range, "(0, inf)");
            }
            if (recordPoints < 0) {
                throw InvalidInputException.outOfRange(RECORD_POINTS, recordPoints, "integers in [0, 10000]");
            }
            if (loss == null || optimizer == null || algorithm == null) {
                throw new IllegalArgumentException("loss, optimizer and algorithm must be given");
            }
        }

        /** Settings with the defaults of this model for everything but a, λ, loss and optimizer. */
        public static Settings of(double a, TwoPointLoss loss, Optimizer optimizer) {
            return new Settings(a, loss, optimizer, 2000, 1000, true, 0.5, 0, 50, 20, 1.0, 0,
                    RunStreams.Algorithm.XOSHIRO256_PLUS);
        }

        /** A copy with R runs and T steps. */
        public Settings withRunsAndSteps(int newRuns, long newSteps) {
            return new Settings(a, loss, optimizer, newRuns, newSteps, uniformStart, w0, windowStart,
                    Math.min(windowLength, newSteps - windowStart), bins, range, recordPoints, algorithm);
        }

        /** A copy with a fixed start w_0. */
        public Settings withFixedStart(double start) {
            return new Settings(a, loss, optimizer, runs, steps, false, start, windowStart, windowLength, bins, range,
                    recordPoints, algorithm);
        }

        /** A copy with the escape window [t₀, t₀ + τ]. */
        public Settings withWindow(long start, long length) {
            return new Settings(a, loss, optimizer, runs, steps, uniformStart, w0, start, length, bins, range,
                    recordPoints, algorithm);
        }

        /** A copy with B bins on [−range, range). */
        public Settings withHistogram(int newBins, double newRange) {
            return new Settings(a, loss, optimizer, runs, steps, uniformStart, w0, windowStart, windowLength, newBins,
                    newRange, recordPoints, algorithm);
        }

        /** A copy with another stream algorithm. */
        public Settings withAlgorithm(RunStreams.Algorithm newAlgorithm) {
            return new Settings(a, loss, optimizer, runs, steps, uniformStart, w0, windowStart, windowLength, bins,
                    range, recordPoints, newAlgorithm);
        }

        /** A copy that records quantiles of |w_t| at K log-spaced steps. */
        public Settings withRecordPoints(int points) {
            return new Settings(a, loss, optimizer, runs, steps, uniformStart, w0, windowStart, windowLength, bins,
                    range, points, algorithm);
        }

        /**
         * The record times: t = 0 and the distinct values of round(T^(k/(K − 1))), k = 0 … K − 1 (K = 1: T alone);
         * empty when K = 0.
         */
        public long[] recordTimes() {
            if (recordPoints == 0) {
                return new long[0];
            }
            java.util.TreeSet<Long> times = new java.util.TreeSet<>();
            times.add(0L);
            for (int k = 0; k < recordPoints; k++) {
                double f = recordPoints == 1 ? 1 : (double) k / (recordPoints - 1);
                times.add(Math.max(1, Math.min(steps, Math.round(Math.pow(steps, f)))));
            }
            return times.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /**
     * What the runs left, per run r.
     *
     * @param start           w_0
     * @param finalW          w_T
     * @param windowStartLog  ln|w_{t₀}|
     * @param windowEndLog    ln|w_{t₀+τ}|
     * @param preconditioner  v̂_T (AMSGrad), v_T (Adam), 0 (SGD)
     * @param recordTimes     the record times ({@link Settings#recordTimes})
     * @param recorded        at [i][k] the quantile {@link #RECORD_LEVELS}[k] of |w_t| over runs at recordTimes[i]
     */
    public record Runs(double[] start, double[] finalW, double[] windowStartLog, double[] windowEndLog,
                       double[] preconditioner, long[] recordTimes, double[][] recorded) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SGD/Adam/AMSGrad on x w^2/2 (+ w^4/4), x in {1, a - 1} equiprobable (002 sections 4-6)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public void validate(CellParameters p) {
        settings(p);
    }

    /**
     * The exactly solvable cell of the linearised theory: {@code mf-two-point} at a′ = a − 1 and the same λ, S = 1,
     * whose {@code exp_minus} is E ln|1 − λx| (pictures draw its zero, the closed-form escape boundary of 002
     * Fig. 2, over the simulated map).
     */
    @Override
    public Optional<TheoryCell> theory(CellParameters p) {
        return Optional.of(new TheoryCell("mf-two-point", Map.of("a", p.number(A) - 1, SimulationParameters.LAMBDA,
                p.number(SimulationParameters.LAMBDA), "S", 1), 1.0));
    }

    /** The loss chosen: quadratic or quartic. */
    @Override
    public String loss(CellParameters p) {
        return p.text(LOSS);
    }

    /** The settings of validated parameters; throws {@link InvalidInputException} naming the key at fault. */
    public static Settings settings(CellParameters p) {
        String start = SimulationParameters.choose(SimulationParameters.START, p.text(SimulationParameters.START),
                STARTS);
        return new Settings(p.number(A), TwoPointLoss.parse(LOSS, p.text(LOSS)), SimulationParameters.optimizer(p),
                SimulationParameters.runs(p), SimulationParameters.steps(p), start.equals("uniform"), p.number(W0),
                p.longValue(ESCAPE_WINDOW_START), p.longValue(ESCAPE_WINDOW), p.integer(HISTOGRAM_BINS),
                p.number(HISTOGRAM_RANGE), p.integer(RECORD_POINTS), SimulationParameters.algorithm(p));
    }

    @Override
    public SimulationOutcome simulate(CellParameters p, long seed, long cellId) {
        Settings s = settings(p);
        return outcome(s, run(s, StreamSeeds.streamSeed(seed, cellId, StreamSeeds.Purpose.SIMULATION)));
    }

    /** Runs the cell whose mixed stream seed is {@code streamSeed}. */
    public static Runs run(Settings s, long streamSeed) {
        int runs = s.runs();
        RunStreams streams = RunStreams.of(s.algorithm(), streamSeed, runs);
        double[] w = new double[runs];
        double[] m = new double[runs];
        double[] v = new double[runs];
        double[] vHat = new double[runs];
        RunBits bits = new RunBits(runs);
        double[] start = new double[runs];
        for (int r = 0; r < runs; r++) {
            w[r] = s.uniformStart() ? 2 * streams.generator(r).nextDouble() - 1 : s.w0();
            start[r] = w[r];
        }
        double[] windowStartLog = new double[runs];
        double[] windowEndLog = new double[runs];
        long windowEnd = s.windowStart() + s.windowLength();
        if (s.windowStart() == 0) {
            logAbs(w, windowStartLog);
        }
        Optimizer o = s.optimizer();
        final boolean quartic = s.loss() == TwoPointLoss.QUARTIC;
        final double low = s.a() - 1;
        double[] x = new double[BLOCK * runs];
        double[] g = new double[runs];
        long[] recordTimes = s.recordTimes();
        double[][] recorded = new double[recordTimes.length][];
        int nextRecord = 0;
        if (recordTimes.length > 0) {
            recorded[nextRecord++] = quantilesOfAbs(w);
        }
        long t = 0;
        while (t < s.steps()) {
            long next = s.steps();
            if (t < s.windowStart()) {
                next = s.windowStart();
            } else if (t < windowEnd) {
                next = windowEnd;
            }
            if (nextRecord < recordTimes.length) {
                next = Math.min(next, recordTimes[nextRecord]);
            }
            int length = (int) Math.min(BLOCK, next - t);
            // The block's x of every run, step-major: x[k·R + r].
            for (int r = 0; r < runs; r++) {
                bits.fill(streams, r, length, x, runs, r, 1.0, low);
            }
            // Then the steps, each a pass over all runs.
            for (int k = 0; k < length; k++) {
                int base = k * runs;
                if (quartic) {
                    for (int r = 0; r < runs; r++) {
                        double wr = w[r];
                        g[r] = x[base + r] * wr + wr * wr * wr;
                    }
                } else {
                    for (int r = 0; r < runs; r++) {
                        g[r] = x[base + r] * w[r];
                    }
                }
                o.update(w, g, m, v, vHat, runs);
            }
            t += length;
            if (t == s.windowStart()) {
                logAbs(w, windowStartLog);
            }
            if (t == windowEnd) {
                logAbs(w, windowEndLog);
            }
            if (nextRecord < recordTimes.length && t == recordTimes[nextRecord]) {
                recorded[nextRecord++] = quantilesOfAbs(w);
            }
        }
        double[] preconditioner = switch (o.kind()) {
            case SGD -> new double[runs];
            case ADAM -> v;
            default -> vHat;
        };
        return new Runs(start, w, windowStartLog, windowEndLog, preconditioner, recordTimes, recorded);
    }

    /** The cell's outcome from its runs. */
    public static SimulationOutcome outcome(Settings s, Runs runs) {
        int n = s.runs();
        double[] w = runs.finalW();
        ParameterHistogram histogram = ParameterHistogram.of("w", w, n, s.bins(), s.range());
        double h = 2 * s.range() / s.bins();
        long escaped = 0;
        for (double x : w) {
            if (!(x >= -h && x < h)) {
                escaped++;
            }
        }
        double p = (double) escaped / n;
        double[] rates = new double[n];
        boolean plus = false;
        boolean minus = false;
        for (int r = 0; r < n; r++) {
            double end = runs.windowEndLog()[r];
            double begin = runs.windowStartLog()[r];
            double rate;
            if (Double.isNaN(end) || end == Double.POSITIVE_INFINITY || Double.isNaN(begin)) {
                rate = Double.POSITIVE_INFINITY;
            } else if (end == Double.NEGATIVE_INFINITY) {
                rate = Double.NEGATIVE_INFINITY;
            } else {
                rate = (end - begin) / s.windowLength();
            }
            plus |= rate == Double.POSITIVE_INFINITY;
            minus |= rate == Double.NEGATIVE_INFINITY;
            rates[r] = rate;
        }
        // Some runs collapsed to w = 0 and others diverged: γ̂ would be −∞ + ∞, undefined (null in the table); the
        // cell is still written, with the escape probability and the histogram.
        double rate = plus && minus ? Double.NaN : Statistics.mean(rates);
        double rateSe = plus && minus ? Double.NaN : Statistics.standardError(rates, rate);
        double[] logAbs = new double[n];
        for (int r = 0; r < n; r++) {
            double x = Math.abs(w[r]);
            logAbs[r] = Double.isNaN(x) ? Double.POSITIVE_INFINITY : StrictMath.log(x);
        }
        EscapeStatistics escape = new EscapeStatistics(p, Math.sqrt(p * (1 - p) / n), h, rate, rateSe,
                s.windowStart(), s.windowLength(), Statistics.median(logAbs));
        double lambda = s.optimizer().lambda();
        Map<String, Double> extras = new TreeMap<>();
        extras.put("absorbed_fraction", 1 - p);
        double a = s.a();
        if (a < 0) {
            extras.put("prop2_lambda_low", a / (a - 1));
            extras.put("prop2_lambda_high", (a - Math.sqrt(a * a - 8 * a + 8)) / (2 * (a - 1)));
        }
        if (s.optimizer().kind() == OptimizerKind.AMSGRAD) {
            long predicted = 0;
            for (double c : runs.preconditioner()) {
                if (c > 0) {
                    double effective = lambda / Math.sqrt(c);
                    if (Math.abs((1 - effective) * (1 + effective * (1 - a))) < 1) {
                        predicted++;
                    }
                }
            }
            extras.put("prop5_predicted_absorbed", (double) predicted / n);
        }
        extras.put("median_log_abs", escape.medianLogAbs());
        SaddleEscapeCurve curve = runs.recordTimes().length == 0 ? null : new SaddleEscapeCurve(runs.recordTimes(),
                RECORD_LEVELS, runs.recorded(), 0, 0, Double.NaN, Double.NaN);
        return new SimulationOutcome(NAME, n, s.steps(), s.algorithm().label(), escape, histogram, null, curve,
                null, theory(a, lambda), extras);
    }

    /**
     * The linearised theory at w = 0: Λ = E ln|1 − λx| over x ∈ {1, a − 1} by {@link ExactFiniteSum} (the
     * {@code exp_minus} of {@code mf-two-point} at a′ = a − 1), s², and E(1 − λx)².
     */
    public static LinearisedTheory theory(double a, double lambda) {
        ExponentEstimate e = ExactFiniteSum.exponent(new TwoPointLaw(a - 1).dataset(), lambda);
        double f1 = 1 - lambda;
        double f2 = 1 - lambda * (a - 1);
        return new LinearisedTheory(e.value(), 0.0, Double.NaN, e.logVariance(), 0.5 * (f1 * f1 + f2 * f2),
                "exact-sum");
    }

    /** The quantiles {@link #RECORD_LEVELS} of |w| over runs (a non-finite w counts as +∞). */
    private static double[] quantilesOfAbs(double[] w) {
        double[] abs = new double[w.length];
        for (int r = 0; r < w.length; r++) {
            double x = Math.abs(w[r]);
            abs[r] = Double.isNaN(x) ? Double.POSITIVE_INFINITY : x;
        }
        java.util.Arrays.sort(abs);
        double[] q = new double[RECORD_LEVELS.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = Statistics.quantile(abs, RECORD_LEVELS[k]);
        }
        return q;
    }

    private static void logAbs(double[] w, double[] out) {
        for (int r = 0; r < w.length; r++) {
            double x = Math.abs(w[r]);
            out[r] = Double.isNaN(x) ? Double.NaN : StrictMath.log(x);
        }
    }
}
