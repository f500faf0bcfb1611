package org.probstab.sgd;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.probstab.config.InvalidInputException;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.random.RunStreams;
import org.probstab.random.StreamSeeds;

/**
 * {@code sgd-swish}: SGD (or Adam, AMSGrad) on the one-neuron swish network of 000 §5.2 and Fig. 4 ({@link
 * SwishDataset}: f = u·swish(w x), 100 points y = 0.1 swish(x) + 0.9ε, ℓ = (f − y)², one uniformly drawn point per
 * step), started at solution A, at B, or at random, to see which solution SGD selects as λ grows: 000 predicts
 * A → C → divergence and B → C → divergence, C = (0, 0) being a Type-II saddle that becomes attractive in
 * probability.
 *
 * <p><b>Decisions.</b> The paper's dataset is not given; the default {@code data_seed} = 537 was chosen among the
 * first 1500 data seeds as one whose landscape has the paper's structure: exactly two minima, A = (−2.008, −0.018)
 * (w &lt; 0, largest Hessian eigenvalue h_A = 4.72, generalisation loss 0.8133) and B = (1.421, −0.084) (h_B = 1.73,
 * 0.8282), with C in between (0.8136): A is the sharper and the better, B the flatter and the worse (the paper:
 * h_A ≈ 7.7, h_B ≈ 3.0; its A and B are at other places, as its data are other data). Other data seeds may have no
 * A or no B, and starting there is refused. Starts: {@code A}, {@code B} exactly, or {@code random}: (w, u) uniform
 * on [−3, 3)². Defaults: R = 200, T = 10 000 (the paper gives neither).
 *
 * <p><b>Outcome.</b> {@link SolutionCensus} over {@code A}, {@code B}, {@code C}, {@code other}, {@code diverged}:
 * a run is at C when ‖θ‖ &lt; 0.05 (absorbed: C attracts by contraction where it attracts, so absorbed runs end far
 * closer), else at the nearer of A and B when within 1 of it (a third of |A − B| ≈ 3.4), {@code diverged} when
 * non-finite or ‖θ‖ &gt; 1000, else {@code other} — on this landscape mostly runs that left A or B at a λ where C is
 * still weakly repulsive and hover within ≈ 0.5 of it; each with the mean generalisation loss of its runs. Theory: Λ₋, Λ₊ at C by the exact sum over
 * χ_i = x_i y_i (S = 1), whose signs say whether C attracts (both negative); extras: the curvatures h_A, h_B and the
 * GD stability limits 2/h_A, 2/h_B, and C's L2 factor.
 */
public final class SwishNetworkSimulation implements Simulator {

    public static final String NAME = "sgd-swish";
    public static final String DATA_SEED = "data_seed";
    public static final long DEFAULT_DATA_SEED = 537;
    public static final List<String> STARTS = List.of("A", "B", "random");
    public static final List<String> SOLUTIONS = List.of("A", "B", "C", "other", "diverged");
    static final double C_RADIUS = 0.05;
    static final double MINIMUM_RADIUS = 1.0;
    static final double DIVERGED = 1000;
    private static final int BLOCK = 64;

    private static final Map<Long, Landscape> LANDSCAPES = new ConcurrentHashMap<>();

    private static final List<ParameterSpec> PARAMETERS = List.of(
            SimulationParameters.LAMBDA_SPEC,
            SimulationParameters.OPTIMIZER_SPEC,
            SimulationParameters.MOMENTUM_SPEC,
            SimulationParameters.BETA2_SPEC,
            SimulationParameters.runs(200),
            SimulationParameters.steps(10_000),
            ParameterSpec.choice(SimulationParameters.START, "A", STARTS, "solution A, solution B, or random"),
            ParameterSpec.integer(DATA_SEED, 0, Long.MAX_VALUE / 2, false, Long.toString(DEFAULT_DATA_SEED),
                    "the dataset's seed (537: the paper's structure, see the model's documentation)"),
            SimulationParameters.RNG_SPEC);

    /** A dataset with its minima A and B (either may be null), cached per data seed. */
    public record Landscape(SwishDataset data, double[] a, double[] b) {

        static Landscape of(long dataSeed) {
            SwishDataset data = new SwishDataset(dataSeed);
            double[] a = null;
            double[] b = null;
            for (double[] m : data.minima()) {
                if (m[0] < 0 && (a == null || data.trainingLoss(m[0], m[1]) < data.trainingLoss(a[0], a[1]))) {
                    a = m;
                }
                if (m[0] > 0 && (b == null || data.trainingLoss(m[0], m[1]) < data.trainingLoss(b[0], b[1]))) {
                    b = m;
                }
            }
            return new Landscape(data, a, b);
        }
    }

    /**
     * A cell's settings.
     *
     * @param optimizer  the optimizer
     * @param runs       R
     * @param steps      T
     * @param start      A, B or random
     * @param dataSeed   the dataset's seed
     * @param algorithm  the streams
     */
    public record Settings(Optimizer optimizer, int runs, long steps, String start, long dataSeed,
                           RunStreams.Algorithm algorithm) {

        public Settings {
            if (runs < 1) {
                throw InvalidInputException.outOfRange(SimulationParameters.RUNS, runs, "integers in [1, 100000000]");
            }
            if (steps < 1) {
                throw InvalidInputException.outOfRange(SimulationParameters.STEPS, steps, "integers >= 1");
            }
            SimulationParameters.choose(SimulationParameters.START, start, STARTS);
            if (dataSeed < 0) {
                throw InvalidInputException.outOfRange(DATA_SEED, dataSeed, "integers >= 0");
            }
        }

        /** SGD at λ from {@code start} on the default dataset, R = 200, T = 10 000. */
        public static Settings of(double lambda, String start) {
            return new Settings(Optimizer.sgd(lambda), 200, 10_000, start, DEFAULT_DATA_SEED,
                    RunStreams.Algorithm.XOSHIRO256_PLUS);
        }

        public Settings withRunsAndSteps(int newRuns, long newSteps) {
            return new Settings(optimizer, newRuns, newSteps, start, dataSeed, algorithm);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SGD/Adam/AMSGrad on the one-neuron swish network u swish(w x), 100 points (000 Fig. 4)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public void validate(CellParameters p) {
        Settings s = settings(p);
        startPoint(s, landscape(s.dataSeed()));
    }

    /** The 100 points of the dataset. */
    @Override
    public double datasetSize() {
        return SwishDataset.N;
    }

    /** The settings of validated parameters. */
    public static Settings settings(CellParameters p) {
        return new Settings(SimulationParameters.optimizer(p), SimulationParameters.runs(p),
                SimulationParameters.steps(p), p.text(SimulationParameters.START), p.longValue(DATA_SEED),
                SimulationParameters.algorithm(p));
    }

    /** The landscape of a data seed (computed once per JVM). */
    public static Landscape landscape(long dataSeed) {
        return LANDSCAPES.computeIfAbsent(dataSeed, Landscape::of);
    }

    @Override
    public SimulationOutcome simulate(CellParameters p, long seed, long cellId) {
        Settings s = settings(p);
        return outcome(s, run(s, StreamSeeds.streamSeed(seed, cellId, StreamSeeds.Purpose.SIMULATION)));
    }

    /** The start of a fixed start point, or null for {@code random}; refuses a solution the dataset lacks. */
    static double[] startPoint(Settings s, Landscape l) {
        double[] p = switch (s.start()) {
            case "A" -> l.a();
            case "B" -> l.b();
            default -> new double[0];
        };
        if (p == null) {
            throw InvalidInputException.of(SimulationParameters.START, "parameter 'start' = '" + s.start()
                    + "' is out of range: the dataset of " + DATA_SEED + " = " + s.dataSeed() + " has no solution "
                    + s.start() + " (allowed: " + (l.a() == null ? "" : "A|") + (l.b() == null ? "" : "B|")
                    + "random)");
        }
        return p.length == 0 ? null : p;
    }

    /** Final parameters {w of all runs, u of all runs}. */
    public static double[] run(Settings s, long streamSeed) {
        Landscape l = landscape(s.dataSeed());
        double[] fixed = startPoint(s, l);
        int runs = s.runs();
        RunStreams streams = RunStreams.of(s.algorithm(), streamSeed, runs);
        double[] p = new double[2 * runs];
        for (int r = 0; r < runs; r++) {
            if (fixed == null) {
                java.util.random.RandomGenerator g = streams.generator(r);
                p[r] = 6 * g.nextDouble() - 3;
                p[runs + r] = 6 * g.nextDouble() - 3;
            } else {
                p[r] = fixed[0];
                p[runs + r] = fixed[1];
            }
        }
        double[] xs = l.data().xs();
        double[] ys = l.data().ys();
        double[] g = new double[2 * runs];
        double[] m = new double[2 * runs];
        double[] v = new double[2 * runs];
        double[] vHat = new double[2 * runs];
        int[] index = new int[BLOCK * runs];
        int[] block = new int[BLOCK];
        Optimizer o = s.optimizer();
        long t = 0;
        while (t < s.steps()) {
            int length = (int) Math.min(BLOCK, s.steps() - t);
            for (int r = 0; r < runs; r++) {
                streams.indices(r, SwishDataset.N, block, 0, length);
                for (int k = 0; k < length; k++) {
                    index[k * runs + r] = block[k];
                }
            }
            for (int k = 0; k < length; k++) {
                int base = k * runs;
                for (int r = 0; r < runs; r++) {
                    int i = index[base + r];
                    double w = p[r];
                    double u = p[runs + r];
                    double x = xs[i];
                    double z = w * x;
                    double e = Math.exp(-z);
                    double sigma = 1 / (1 + e);
                    double a = z * sigma;
                    double res = u * a - ys[i];
                    g[r] = 2 * res * u * x * (sigma * (1 + z * (1 - sigma)));
                    g[runs + r] = 2 * res * a;
                }
                o.update(p, g, m, v, vHat, 2 * runs);
            }
            t += length;
        }
        return p;
    }

    /** The outcome of final parameters from {@link #run}. */
    public static SimulationOutcome outcome(Settings s, double[] p) {
        Landscape l = landscape(s.dataSeed());
        int runs = s.runs();
        long[] counts = new long[SOLUTIONS.size()];
        double[] lossSums = new double[SOLUTIONS.size()];
        double overall = 0;
        long finite = 0;
        for (int r = 0; r < runs; r++) {
            double w = p[r];
            double u = p[runs + r];
            int k = classify(w, u, l);
            counts[k]++;
            if (k != SOLUTIONS.size() - 1) {
                double loss = SwishDataset.generalisationLoss(w, u);
                lossSums[k] += loss;
                overall += loss;
                finite++;
            }
        }
        double[] fractions = new double[counts.length];
        double[] losses = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            fractions[k] = (double) counts[k] / runs;
            losses[k] = counts[k] == 0 || k == counts.length - 1 ? Double.NaN : lossSums[k] / counts[k];
        }
        SolutionCensus census = new SolutionCensus(SOLUTIONS, fractions, losses,
                finite == 0 ? Double.NaN : overall / finite, SwishDataset.NOISE * SwishDataset.NOISE);
        double lambda = s.optimizer().lambda();
        ExponentEstimate[] e = ExactFiniteSum.exponentPair(l.data().saddleCurvatures(), lambda);
        double mean = l.data().saddleCurvatures().mean();
        double variance = l.data().saddleCurvatures().variance();
        double meanSquare = 1 - 2 * lambda * mean + lambda * lambda * (variance + mean * mean);
        LinearisedTheory theory = new LinearisedTheory(e[0].value(), 0.0, e[1].value(), e[0].logVariance(),
                meanSquare, "exact-sum");
        Map<String, Double> extras = new TreeMap<>();
        if (l.a() != null) {
            double h = l.data().largestCurvature(l.a()[0], l.a()[1]);
            extras.put("curvature_A", h);
            extras.put("gd_limit_A", 2 / h);
        }
        if (l.b() != null) {
            double h = l.data().largestCurvature(l.b()[0], l.b()[1]);
            extras.put("curvature_B", h);
            extras.put("gd_limit_B", 2 / h);
        }
        return new SimulationOutcome(NAME, runs, s.steps(), s.algorithm().label(), null, null, census, null, null,
                theory, extras);
    }

    /** Index into {@link #SOLUTIONS}. */
    static int classify(double w, double u, Landscape l) {
        double norm = Math.hypot(w, u);
        if (!(norm <= DIVERGED)) {
            return 4;
        }
        if (norm < C_RADIUS) {
            return 2;
        }
        double da = l.a() == null ? Double.POSITIVE_INFINITY : Math.hypot(w - l.a()[0], u - l.a()[1]);
        double db = l.b() == null ? Double.POSITIVE_INFINITY : Math.hypot(w - l.b()[0], u - l.b()[1]);
        if (Math.min(da, db) < MINIMUM_RADIUS) {
            return da <= db ? 0 : 1;
        }
        return 3;
    }
}
