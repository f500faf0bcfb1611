package org.probstab.sgd;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probstab.config.InvalidInputException;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.random.RunStreams;
import org.probstab.random.StreamSeeds;

/**
 * {@code sgd-relu}: escaping the two kinds of saddle of a one-hidden-neuron ReLU net (000 §1 and Fig. 1, App. A.1):
 * f(x) = u·ReLU(w·x) with x = (ξ, 1) (input and bias, as App. A.1 prescribes), loss ℓ = (f − y)² (eq. 12), and
 * with a = ReLU(z), z = w·x, r = f − y,
 * <pre>
 *   ∂ℓ/∂u = 2 r a,    ∂ℓ/∂w = 2 r u 1{z ≥ 0} x                                     (eq. 13–14, with the factor 2)
 * </pre>
 * (1{z ≥ 0} as the paper writes it). The saddles: u = 0 with w·E[1{z ≥ 0} x y] = 0 (eq. 16). <b>Type I</b>,
 * w ≠ 0: here w = (0, 1), where z = 1 for every x and E[x y] = (E ξ y, E y) = (1, 0) is orthogonal to w; the
 * gradient noise 2 y a = 2ξ does not vanish (eq. 21), so SGD is kicked off at once. <b>Type II</b>, w = u = 0: every
 * sample gradient vanishes (eq. 22); near it the dynamics is the linearised, positively homogeneous map
 * <pre>
 *   u ← u + 2λ y ReLU(w·x),   w ← w + 2λ y u 1{w·x ≥ 0} x,
 * </pre>
 * so the distance grows like e^{Λt}, Λ its top Lyapunov exponent, after a delay of about ln(1/d₀)/Λ.
 *
 * <p><b>Decisions</b> (the paper does not give its data or schedule): N = ∞ (fresh samples every step),
 * ξ ~ N(0, 1), y = ξ + σε with ε ~ N(0, 1) ({@code noise} = σ, default 0; two normals per step either way);
 * starts {@code start=type1} at (u, w) = (0, (0, 1)) or {@code type2} at 0, each plus independent
 * N(0, d₀²) perturbations of all three coordinates ({@code perturbation} = d₀, default 1e−8), except that the bias
 * perturbation of a Type-II start is |N(0, d₀²)|: with a negative bias and a small slope the neuron is dead near the
 * saddle (z &lt; 0 for almost every x, so every gradient vanishes) and the run does not move at all — a different way
 * of not escaping, which would mix a second population into the escape curve; λ = 0.05, T = 600, R = 400 by
 * default; distances recorded every {@code record_every} = 10 steps.
 *
 * <p><b>Outcome.</b> {@link SaddleEscapeCurve}: quantiles 0.1, 0.5, 0.9 of d_t = ‖θ_t − θ_saddle‖ against t, and the
 * exponential fit: per run the least-squares slope of ln d_t on the recorded t in the window where the runs are
 * past the start's transient and still near the saddle — from the first recorded t with median d_t ≥ 30·median d₀
 * to the last with the 0.9-quantile of d_t ≤ 10⁻³ (nonlinear terms are O(d) relative); no fit (NaN) with fewer
 * than 3 recorded times in it. Theory: Λ of the linearised map by a renormalised product (the map is homogeneous:
 * θ is rescaled to norm 1 every step; {@code theory_runs} × {@code theory_steps} from directions drawn as the starts
 * are, own streams of the cell, SE from the spread over runs; computed for SGD whatever the optimizer). Extras: {@code median_escape_time}, the median over runs of the first recorded t with
 * d_t ≥ 0.1 (+∞ if never).
 */
public final class ReluSaddleSimulation implements Simulator {

    public static final String NAME = "sgd-relu";
    public static final String NOISE = "noise";
    public static final String PERTURBATION = "perturbation";
    public static final String RECORD_EVERY = "record_every";
    public static final String THEORY_RUNS = "theory_runs";
    public static final String THEORY_STEPS = "theory_steps";
    public static final List<String> STARTS = List.of("type1", "type2");
    /** The distance at which a run has escaped, for {@code median_escape_time}. */
    public static final double ESCAPED = 0.1;
    static final double[] LEVELS = {0.1, 0.5, 0.9};
    private static final int BLOCK = 32;
    /** Stream of the theory's runs: the cell's simulation stream seed plus this, so that they never share runs. */
    private static final long THEORY_STREAM_OFFSET = 0x7EA0_0000_0000_0000L;

    private static final List<ParameterSpec> PARAMETERS = List.of(
            SimulationParameters.LAMBDA_SPEC,
            SimulationParameters.OPTIMIZER_SPEC,
            SimulationParameters.MOMENTUM_SPEC,
            SimulationParameters.BETA2_SPEC,
            SimulationParameters.runs(400),
            SimulationParameters.steps(600),
            ParameterSpec.choice(SimulationParameters.START, "type2", STARTS,
                    "near the Type-I saddle (u = 0, w = (0, 1)) or the Type-II saddle (u = w = 0)"),
            ParameterSpec.real(NOISE, 0, true, 1e6, "0", "label noise sigma: y = xi + sigma eps"),
            ParameterSpec.real(PERTURBATION, 0, false, 1, "1e-8", "d0: N(0, d0^2) perturbation of the start"),
            ParameterSpec.integer(RECORD_EVERY, 1, 1_000_000_000L, false, "10", "steps between recorded distances"),
            ParameterSpec.integer(THEORY_RUNS, 2, 100_000, false, "256", "runs of the linearised exponent"),
            ParameterSpec.integer(THEORY_STEPS, 1, 100_000_000L, false, "4000", "steps of the linearised exponent"),
            SimulationParameters.RNG_SPEC);

    /**
     * A cell's settings.
     *
     * @param optimizer    the optimizer
     * @param runs         R
     * @param steps        T
     * @param typeOne      start near the Type-I saddle (else Type II)
     * @param noise        σ ≥ 0
     * @param perturbation d₀ &gt; 0
     * @param recordEvery  steps between recorded distances (≤ T)
     * @param theoryRuns   runs of the linearised exponent (≥ 2)
     * @param theorySteps  steps of the linearised exponent
     * @param algorithm    the streams
     */
    public record Settings(Optimizer optimizer, int runs, long steps, boolean typeOne, double noise,
                           double perturbation, long recordEvery, int theoryRuns, long theorySteps,
                           RunStreams.Algorithm algorithm) {

        public Settings {
            if (runs < 1) {
                throw InvalidInputException.outOfRange(SimulationParameters.RUNS, runs, "integers in [1, 100000000]");
            }
            if (steps < 1) {
                throw InvalidInputException.outOfRange(SimulationParameters.STEPS, steps, "integers >= 1");
            }
            if (!(noise >= 0) || !Double.isFinite(noise)) {
                throw InvalidInputException.outOfRange(NOISE, noise, "[0, 1e6]");
            }
            if (!(perturbation > 0 && perturbation <= 1)) {
                throw InvalidInputException.outOfRange(PERTURBATION, perturbation, "(0, 1]");
            }
            if (recordEvery < 1 || recordEvery > steps) {
                throw InvalidInputException.outOfRange(RECORD_EVERY, recordEvery, "integers in [1, steps = " + steps
                        + "]");
            }
            if (theoryRuns < 2) {
                throw InvalidInputException.outOfRange(THEORY_RUNS, theoryRuns, "integers in [2, 100000]");
            }
            if (theorySteps < 1) {
                throw InvalidInputException.outOfRange(THEORY_STEPS, theorySteps, "integers >= 1");
            }
        }

        /** SGD at λ from the given saddle with the model's defaults. */
        public static Settings of(double lambda, boolean typeOne) {
            return new Settings(Optimizer.sgd(lambda), 400, 600, typeOne, 0, 1e-8, 10, 256, 4000,
                    RunStreams.Algorithm.XOSHIRO256_PLUS);
        }

        public Settings withRunsAndSteps(int newRuns, long newSteps) {
            return new Settings(optimizer, newRuns, newSteps, typeOne, noise, perturbation,
                    Math.min(recordEvery, newSteps), theoryRuns, theorySteps, algorithm);
        }

        public Settings withTheory(int newRuns, long newSteps) {
            return new Settings(optimizer, runs, steps, typeOne, noise, perturbation, recordEvery, newRuns, newSteps,
                    algorithm);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "escape from the Type-I and Type-II saddles of a one-hidden-neuron ReLU net (000 Fig. 1, App. A.1)";
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
        return new Settings(SimulationParameters.optimizer(p), SimulationParameters.runs(p),
                SimulationParameters.steps(p), start.equals("type1"), p.number(NOISE), p.number(PERTURBATION),
                p.longValue(RECORD_EVERY), p.integer(THEORY_RUNS), p.longValue(THEORY_STEPS),
                SimulationParameters.algorithm(p));
    }

    @Override
    public SimulationOutcome simulate(CellParameters p, long seed, long cellId) {
        Settings s = settings(p);
        return outcome(s, StreamSeeds.streamSeed(seed, cellId, StreamSeeds.Purpose.SIMULATION));
    }

    /** ℓ(u, w₁, w₀; ξ, y) = (u·ReLU(w₁ξ + w₀) − y)². */
    public static double loss(double u, double w1, double w0, double xi, double y) {
        double f = u * Math.max(0, w1 * xi + w0);
        return (f - y) * (f - y);
    }

    /** {∂ℓ/∂u, ∂ℓ/∂w₁, ∂ℓ/∂w₀} into {@code out}. */
    public static void gradient(double u, double w1, double w0, double xi, double y, double[] out) {
        double z = w1 * xi + w0;
        double a = Math.max(0, z);
        double r = u * a - y;
        double back = z >= 0 ? 2 * r * u : 0.0;
        out[0] = 2 * r * a;
        out[1] = back * xi;
        out[2] = back;
    }

    /**
     * The distances d_t of every run at the recorded times: {@code [i][r]} at t = i·recordEvery (i = 0: the start),
     * and the last row at T if T is not a multiple.
     */
    public static double[][] distances(Settings s, long streamSeed) {
        int runs = s.runs();
        RunStreams streams = RunStreams.of(s.algorithm(), streamSeed, runs);
        double[] p = new double[3 * runs];
        double[] start = new double[3];
        double w0Saddle = s.typeOne() ? 1.0 : 0.0;
        for (int r = 0; r < runs; r++) {
            streams.gaussians(r, start, 0, 3);
            p[r] = s.perturbation() * start[0];
            p[runs + r] = s.perturbation() * start[1];
            // Type II: a positive bias perturbation keeps the neuron alive (see the class comment).
            p[2 * runs + r] = w0Saddle + s.perturbation() * (s.typeOne() ? start[2] : Math.abs(start[2]));
        }
        long records = s.steps() / s.recordEvery() + 1 + (s.steps() % s.recordEvery() == 0 ? 0 : 1);
        double[][] d = new double[(int) records][];
        d[0] = distance(p, runs, w0Saddle);
        double[] g = new double[3 * runs];
        double[] m = new double[3 * runs];
        double[] v = new double[3 * runs];
        double[] vHat = new double[3 * runs];
        double[] data = new double[2 * BLOCK];
        double[] xi = new double[BLOCK * runs];
        double[] y = new double[BLOCK * runs];
        double[] grad = new double[3];
        Optimizer o = s.optimizer();
        double sigma = s.noise();
        int row = 1;
        long t = 0;
        while (t < s.steps()) {
            long nextRecord = Math.min(s.steps(), (t / s.recordEvery() + 1) * s.recordEvery());
            int length = (int) Math.min(BLOCK, nextRecord - t);
            for (int r = 0; r < runs; r++) {
                streams.gaussians(r, data, 0, 2 * length);
                for (int k = 0; k < length; k++) {
                    double x = data[2 * k];
                    xi[k * runs + r] = x;
                    y[k * runs + r] = x + sigma * data[2 * k + 1];
                }
            }
            for (int k = 0; k < length; k++) {
                int base = k * runs;
                for (int r = 0; r < runs; r++) {
                    gradient(p[r], p[runs + r], p[2 * runs + r], xi[base + r], y[base + r], grad);
                    g[r] = grad[0];
                    g[runs + r] = grad[1];
                    g[2 * runs + r] = grad[2];
                }
                o.update(p, g, m, v, vHat, 3 * runs);
            }
            t += length;
            if (t == nextRecord) {
                d[row++] = distance(p, runs, w0Saddle);
            }
        }
        return d;
    }

    /** The recorded times of {@link #distances}. */
    static long[] times(Settings s) {
        long records = s.steps() / s.recordEvery() + 1 + (s.steps() % s.recordEvery() == 0 ? 0 : 1);
        long[] times = new long[(int) records];
        for (int i = 0; i < records; i++) {
            times[i] = Math.min(s.steps(), i * s.recordEvery());
        }
        return times;
    }

    /**
     * Λ of the linearised map at the Type-II saddle, u ← u + 2λy ReLU(w·x), w ← w + 2λy u 1{w·x ≥ 0} x, for plain
     * SGD: {mean, SE} over runs of (1/T) Σ_t ln ‖θ_{t+1}‖/‖θ_t‖ with θ rescaled to norm 1 every step (the map is
     * positively homogeneous, so the rescaling does not change the direction process), from θ₀ uniform on the half
     * sphere of positive bias (as the Type-II starts) and after a burn-in of 100 steps.
     */
    public static double[] linearisedExponent(double lambda, double sigma, int runs, long steps, RunStreams streams) {
        double[] perRun = new double[runs];
        double[] data = new double[2 * BLOCK];
        double[] theta = new double[3];
        for (int r = 0; r < runs; r++) {
            double n;
            do {
                streams.gaussians(r, theta, 0, 3);
                n = Math.sqrt(theta[0] * theta[0] + theta[1] * theta[1] + theta[2] * theta[2]);
            } while (n == 0);
            double u = theta[0] / n;
            double w1 = theta[1] / n;
            double w0 = Math.abs(theta[2]) / n;
            double sum = 0;
            long burnIn = 100;
            for (long t = 0; t < burnIn + steps; t += BLOCK) {
                int length = (int) Math.min(BLOCK, burnIn + steps - t);
                streams.gaussians(r, data, 0, 2 * length);
                for (int k = 0; k < length; k++) {
                    double xi = data[2 * k];
                    double y = xi + sigma * data[2 * k + 1];
                    double z = w1 * xi + w0;
                    double un = u + 2 * lambda * y * Math.max(0, z);
                    double back = z >= 0 ? 2 * lambda * y * u : 0.0;
                    double w1n = w1 + back * xi;
                    double w0n = w0 + back;
                    double norm = Math.sqrt(un * un + w1n * w1n + w0n * w0n);
                    if (t + k >= burnIn) {
                        sum += StrictMath.log(norm);
                    }
                    u = un / norm;
                    w1 = w1n / norm;
                    w0 = w0n / norm;
                }
            }
            perRun[r] = sum / steps;
        }
        double mean = Statistics.mean(perRun);
        return new double[] {mean, Statistics.standardError(perRun, mean)};
    }

    /** Runs the cell and summarises it. */
    public static SimulationOutcome outcome(Settings s, long streamSeed) {
        double[][] d = distances(s, streamSeed);
        long[] times = times(s);
        int runs = s.runs();
        double[][] quantiles = new double[d.length][LEVELS.length];
        double[] medians = new double[d.length];
        double[] upper = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            double[] sorted = Statistics.sorted(d[i]);
            for (int k = 0; k < LEVELS.length; k++) {
                quantiles[i][k] = Statistics.quantile(sorted, LEVELS[k]);
            }
            medians[i] = quantiles[i][1];
            upper[i] = quantiles[i][2];
        }
        int first = -1;
        int last = -1;
        for (int i = 1; i < d.length; i++) {
            if (first < 0 && medians[i] >= 30 * medians[0]) {
                first = i;
            }
            if (upper[i] <= 1e-3) {
                last = i;
            }
        }
        double rate = Double.NaN;
        double rateSe = Double.NaN;
        long fitStart = 0;
        long fitEnd = 0;
        if (first > 0 && last - first >= 2) {
            fitStart = times[first];
            fitEnd = times[last];
            double[] slopes = new double[runs];
            for (int r = 0; r < runs; r++) {
                double st = 0;
                double sl = 0;
                double stt = 0;
                double stl = 0;
                int n = last - first + 1;
                for (int i = first; i <= last; i++) {
                    double tt = times[i];
                    double l = StrictMath.log(d[i][r]);
                    st += tt;
                    sl += l;
                    stt += tt * tt;
                    stl += tt * l;
                }
                slopes[r] = (n * stl - st * sl) / (n * stt - st * st);
            }
            rate = Statistics.mean(slopes);
            rateSe = Statistics.standardError(slopes, rate);
        }
        SaddleEscapeCurve curve = new SaddleEscapeCurve(times, LEVELS, quantiles, fitStart, fitEnd, rate, rateSe);
        double[] escapeTimes = new double[runs];
        for (int r = 0; r < runs; r++) {
            escapeTimes[r] = Double.POSITIVE_INFINITY;
            for (int i = 0; i < d.length; i++) {
                if (!(d[i][r] < ESCAPED)) {
                    escapeTimes[r] = times[i];
                    break;
                }
            }
        }
        double[] exponent = linearisedExponent(s.optimizer().lambda(), s.noise(), s.theoryRuns(), s.theorySteps(),
                RunStreams.of(s.algorithm(), streamSeed + THEORY_STREAM_OFFSET, s.theoryRuns()));
        LinearisedTheory theory = new LinearisedTheory(exponent[0], exponent[1], Double.NaN, Double.NaN, Double.NaN,
                "renormalised-product");
        Map<String, Double> extras = new TreeMap<>();
        extras.put("median_escape_time", Statistics.median(escapeTimes));
        return new SimulationOutcome(NAME, runs, s.steps(), s.algorithm().label(), null, null, null, curve, null, theory,
                extras);
    }

    private static double[] distance(double[] p, int runs, double w0Saddle) {
        double[] d = new double[runs];
        for (int r = 0; r < runs; r++) {
            double du = p[r];
            double d1 = p[runs + r];
            double d0 = p[2 * runs + r] - w0Saddle;
            double x = Math.sqrt(du * du + d1 * d1 + d0 * d0);
            d[r] = Double.isNaN(x) ? Double.POSITIVE_INFINITY : x;
        }
        return d;
    }
}
