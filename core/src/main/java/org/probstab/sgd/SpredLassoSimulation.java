package org.probstab.sgd;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probstab.config.InvalidInputException;
import org.probstab.law.FiniteDataset;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.random.RunStreams;
import org.probstab.random.StreamSeeds;

/**
 * {@code sgd-spred}: SGD on the spred parametrisation of the lasso (000 §5.1, Fig. 3; Ziyin &amp; Wang, "spred:
 * solving L1 penalty with SGD", ICML 2023) in D = 200 dimensions:
 * <pre>
 *   ℓ_n(u, w) = ((u ⊙ w)·x_n − y_n)² + γ(‖u‖² + ‖w‖²),
 *   ∂ℓ_n/∂u_j = 2 r_n w_j x_nj + 2γ u_j,   ∂ℓ_n/∂w_j = 2 r_n u_j x_nj + 2γ w_j,   r_n = (u ⊙ w)·x_n − y_n.
 * </pre>
 * 000 §5.1 writes only the squared error; the weight decay γ is what makes the minima those of the lasso
 * min_β (1/N) Σ (β·x_n − y_n)² + 2γ‖β‖₁ with β = u ⊙ w (min of ‖u‖² + ‖w‖² at fixed u ⊙ w is 2‖β‖₁), the
 * equivalence spred is built on. The points u_j = w_j = 0 are Type-II saddles (the gradient in u_j is ∝ w_j and vice
 * versa), attractive in probability at large λ, hence solutions sparser than the lasso's (000 Fig. 3).
 *
 * <p><b>Dataset</b> (the paper's is not given; this one has a lasso solution known in closed form, exactly 50 %
 * sparse): N = 256 rows of the Sylvester–Hadamard matrix H (H_{nk} = (−1)^{popcount(n &amp; k)}); features
 * x_nj = H_{n, j+1}/√200 for j &lt; 200, so that (1/N) Σ_n x_n x_nᵀ = I/200 exactly; labels
 * y_n = Σ_j b_j x_nj + Σ_{k&lt;55} H_{n, 201+k}/√55, with b_j = 1 for j &lt; 100 and 0.25 for j ≥ 100 — the second
 * sum is orthogonal to every feature (a residual of mean square 1 that no β can fit, so SGD's gradient noise never
 * vanishes). Then (1/N) Σ (β·x_n − y_n)² = ‖β − b‖²/200 + 1 and the lasso solution is the soft threshold
 * β*_j = sign(b_j) max(|b_j| − 200γ, 0); with γ = 1/400, β* = 0.5 on the first 100 coordinates and 0 on the others.
 *
 * <p><b>Runs.</b> u_j, w_j i.i.d. N(0, s²) ({@code start=random}, s = {@code init_scale}, default 0.1: near the
 * saddles, from which the lasso's support has to escape) or the lasso solution u_j = w_j = √β*_j plus that noise
 * ({@code start=lasso}); one uniformly drawn sample per step; R = 32, T = 20 000 by default.
 *
 * <p><b>Outcome.</b> {@link SparsityEstimate}: the mean over runs of the fraction of j with |u_j w_j| &lt; 0.05 (a
 * tenth of the lasso's non-zero value), its SE (sd over runs/√R) and the lasso's 0.5; extras {@code lasso_sparsity}
 * = 0.5, {@code lasso_distance} (mean over runs of ‖β − β*‖/‖β*‖), {@code diverged_fraction}; a histogram of the final
 * β_j of all runs and coordinates (40 bins on [−1, 1)); theory: the exact exponents of one support coordinate's
 * modes u_j ± w_j at its saddle, the others at the lasso solution: u_j ± w_j ← (1 − λχ^±_n)(u_j ± w_j) with
 * χ^±_n = 2γ ± 2 r_n x_nj over the N samples (r_n the residual of β* with β_j = 0; {@code exp_plus} is the mode that
 * escapes at small λ, {@code exp_minus} the other), by {@link ExactFiniteSum} for j = 0.
 */
public final class SpredLassoSimulation implements Simulator {

    public static final String NAME = "sgd-spred";
    public static final String INIT_SCALE = "init_scale";
    public static final List<String> STARTS = List.of("random", "lasso");
    public static final int DIMENSION = 200;
    public static final int SAMPLES = 256;
    public static final double WEIGHT_DECAY = 1.0 / 400;
    static final int SUPPORT = 100;
    static final double ZERO = 0.05;
    static final double DIVERGED = 1e6;
    private static final int BLOCK = 64;

    private static final double[] X = new double[SAMPLES * DIMENSION];
    private static final double[] Y = new double[SAMPLES];
    private static final double[] B = new double[DIMENSION];
    private static final double[] LASSO = new double[DIMENSION];

    static {
        double s = 1 / Math.sqrt(DIMENSION);
        for (int j = 0; j < DIMENSION; j++) {
            B[j] = j < SUPPORT ? 1.0 : 0.25;
            LASSO[j] = Math.signum(B[j]) * Math.max(Math.abs(B[j]) - DIMENSION * WEIGHT_DECAY, 0);
        }
        double c = 1 / Math.sqrt(SAMPLES - DIMENSION - 1);
        for (int n = 0; n < SAMPLES; n++) {
            double y = 0;
            for (int j = 0; j < DIMENSION; j++) {
                X[n * DIMENSION + j] = hadamard(n, j + 1) * s;
                y += B[j] * X[n * DIMENSION + j];
            }
            for (int k = DIMENSION + 1; k < SAMPLES; k++) {
                y += hadamard(n, k) * c;
            }
            Y[n] = y;
        }
    }

    private static final List<ParameterSpec> PARAMETERS = List.of(
            SimulationParameters.LAMBDA_SPEC,
            SimulationParameters.OPTIMIZER_SPEC,
            SimulationParameters.MOMENTUM_SPEC,
            SimulationParameters.BETA2_SPEC,
            SimulationParameters.runs(32),
            SimulationParameters.steps(20_000),
            ParameterSpec.choice(SimulationParameters.START, "random", STARTS,
                    "random (near the saddles) or lasso (at the lasso solution), plus N(0, init_scale^2)"),
            ParameterSpec.real(INIT_SCALE, 0, true, 10, "0.1", "standard deviation of the initial noise"),
            SimulationParameters.RNG_SPEC);

    /**
     * A cell's settings.
     *
     * @param optimizer  the optimizer
     * @param runs       R
     * @param steps      T
     * @param lassoStart start at the lasso solution (else near the saddles)
     * @param initScale  s ≥ 0
     * @param algorithm  the streams
     */
    public record Settings(Optimizer optimizer, int runs, long steps, boolean lassoStart, double initScale,
                           RunStreams.Algorithm algorithm) {

        public Settings {
            if (runs < 1) {
                throw InvalidInputException.outOfRange(SimulationParameters.RUNS, runs, "integers in [1, 100000000]");
            }
            if (steps < 1) {
                throw InvalidInputException.outOfRange(SimulationParameters.STEPS, steps, "integers >= 1");
            }
            if (!(initScale >= 0 && initScale <= 10)) {
                throw InvalidInputException.outOfRange(INIT_SCALE, initScale, "[0, 10]");
            }
        }

        /** SGD at λ from near the saddles, R = 32, T = 20 000. */
        public static Settings of(double lambda) {
            return new Settings(Optimizer.sgd(lambda), 32, 20_000, false, 0.1, RunStreams.Algorithm.XOSHIRO256_PLUS);
        }

        public Settings withRunsAndSteps(int newRuns, long newSteps) {
            return new Settings(optimizer, newRuns, newSteps, lassoStart, initScale, algorithm);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SGD on the spred lasso ((u . w) x - y)^2 + weight decay in 200 dimensions (000 Fig. 3)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public void validate(CellParameters p) {
        settings(p);
    }

    /** The 256 samples of the dataset. */
    @Override
    public double datasetSize() {
        return SAMPLES;
    }

    /** The settings of validated parameters. */
    public static Settings settings(CellParameters p) {
        String start = SimulationParameters.choose(SimulationParameters.START, p.text(SimulationParameters.START),
                STARTS);
        return new Settings(SimulationParameters.optimizer(p), SimulationParameters.runs(p),
                SimulationParameters.steps(p), start.equals("lasso"), p.number(INIT_SCALE),
                SimulationParameters.algorithm(p));
    }

    @Override
    public SimulationOutcome simulate(CellParameters p, long seed, long cellId) {
        Settings s = settings(p);
        return outcome(s, run(s, StreamSeeds.streamSeed(seed, cellId, StreamSeeds.Purpose.SIMULATION)));
    }

    /** H_{nk} of the Sylvester–Hadamard matrix. */
    static double hadamard(int n, int k) {
        return Integer.bitCount(n & k) % 2 == 0 ? 1.0 : -1.0;
    }

    /** x_nj. */
    public static double feature(int n, int j) {
        return X[n * DIMENSION + j];
    }

    /** y_n. */
    public static double label(int n) {
        return Y[n];
    }

    /** β*_j, the lasso solution. */
    public static double lassoSolution(int j) {
        return LASSO[j];
    }

    /** ℓ_n(u, w). */
    public static double loss(int n, double[] u, double[] w) {
        double f = 0;
        double decay = 0;
        for (int j = 0; j < DIMENSION; j++) {
            f += u[j] * w[j] * X[n * DIMENSION + j];
            decay += u[j] * u[j] + w[j] * w[j];
        }
        double r = f - Y[n];
        return r * r + WEIGHT_DECAY * decay;
    }

    /** {∂ℓ_n/∂u, ∂ℓ_n/∂w} into {@code gu}, {@code gw}. */
    public static void gradient(int n, double[] u, double[] w, double[] gu, double[] gw) {
        double f = 0;
        for (int j = 0; j < DIMENSION; j++) {
            f += u[j] * w[j] * X[n * DIMENSION + j];
        }
        double r = f - Y[n];
        for (int j = 0; j < DIMENSION; j++) {
            double x = X[n * DIMENSION + j];
            gu[j] = 2 * r * w[j] * x + 2 * WEIGHT_DECAY * u[j];
            gw[j] = 2 * r * u[j] * x + 2 * WEIGHT_DECAY * w[j];
        }
    }

    /** Final parameters, run r at [r·400, (r + 1)·400): u_0 … u_199, w_0 … w_199. */
    public static double[] run(Settings s, long streamSeed) {
        int runs = s.runs();
        int width = 2 * DIMENSION;
        RunStreams streams = RunStreams.of(s.algorithm(), streamSeed, runs);
        double[] p = new double[runs * width];
        double[] noise = new double[width];
        for (int r = 0; r < runs; r++) {
            streams.gaussians(r, noise, 0, width);
            for (int j = 0; j < width; j++) {
                double centre = s.lassoStart() ? Math.sqrt(LASSO[j % DIMENSION]) : 0;
                p[r * width + j] = centre + s.initScale() * noise[j];
            }
        }
        double[] g = new double[runs * width];
        double[] m = new double[runs * width];
        double[] v = new double[runs * width];
        double[] vHat = new double[runs * width];
        int[] index = new int[BLOCK * runs];
        int[] block = new int[BLOCK];
        Optimizer o = s.optimizer();
        double decay = 2 * WEIGHT_DECAY;
        long t = 0;
        while (t < s.steps()) {
            int length = (int) Math.min(BLOCK, s.steps() - t);
            for (int r = 0; r < runs; r++) {
                streams.indices(r, SAMPLES, block, 0, length);
                for (int k = 0; k < length; k++) {
                    index[k * runs + r] = block[k];
                }
            }
            for (int k = 0; k < length; k++) {
                for (int r = 0; r < runs; r++) {
                    int n = index[k * runs + r];
                    int xo = n * DIMENSION;
                    int uo = r * width;
                    int wo = uo + DIMENSION;
                    double f = 0;
                    for (int j = 0; j < DIMENSION; j++) {
                        f += p[uo + j] * p[wo + j] * X[xo + j];
                    }
                    double twoR = 2 * (f - Y[n]);
                    for (int j = 0; j < DIMENSION; j++) {
                        double x = twoR * X[xo + j];
                        double u = p[uo + j];
                        double w = p[wo + j];
                        g[uo + j] = x * w + decay * u;
                        g[wo + j] = x * u + decay * w;
                    }
                }
                o.update(p, g, m, v, vHat, runs * width);
            }
            t += length;
        }
        return p;
    }

    /** The outcome of final parameters from {@link #run}. */
    public static SimulationOutcome outcome(Settings s, double[] p) {
        int runs = s.runs();
        int width = 2 * DIMENSION;
        double[] sparsity = new double[runs];
        double[] distance = new double[runs];
        double[] beta = new double[runs * DIMENSION];
        long diverged = 0;
        double lassoNorm = 0;
        for (double b : LASSO) {
            lassoNorm += b * b;
        }
        lassoNorm = Math.sqrt(lassoNorm);
        int finiteRuns = 0;
        double distanceSum = 0;
        for (int r = 0; r < runs; r++) {
            int zeros = 0;
            double d2 = 0;
            boolean bad = false;
            for (int j = 0; j < DIMENSION; j++) {
                double b = p[r * width + j] * p[r * width + DIMENSION + j];
                beta[r * DIMENSION + j] = b;
                bad |= !(Math.abs(b) <= DIVERGED);
                if (Math.abs(b) < ZERO) {
                    zeros++;
                }
                d2 += (b - LASSO[j]) * (b - LASSO[j]);
            }
            sparsity[r] = (double) zeros / DIMENSION;
            distance[r] = Math.sqrt(d2) / lassoNorm;
            if (bad) {
                diverged++;
            } else {
                finiteRuns++;
                distanceSum += distance[r];
            }
        }
        double mean = Statistics.mean(sparsity);
        double lassoSparsity = (double) (DIMENSION - SUPPORT) / DIMENSION;
        SparsityEstimate estimate = new SparsityEstimate(mean, Statistics.standardError(sparsity, mean),
                lassoSparsity);
        Map<String, Double> extras = new TreeMap<>();
        extras.put("lasso_sparsity", lassoSparsity);
        extras.put("lasso_distance", finiteRuns == 0 ? Double.POSITIVE_INFINITY : distanceSum / finiteRuns);
        extras.put("diverged_fraction", (double) diverged / runs);
        ParameterHistogram histogram = ParameterHistogram.of("beta", beta, beta.length, 40, 1.0);
        return new SimulationOutcome(NAME, runs, s.steps(), s.algorithm().label(), null, histogram, null, null,
                estimate, theory(s.optimizer().lambda()), extras);
    }

    /** The exact exponents of the modes u_0 ± w_0 at their saddle, the other coordinates at the lasso solution. */
    public static LinearisedTheory theory(double lambda) {
        double[] plus = new double[SAMPLES];
        double[] minus = new double[SAMPLES];
        for (int n = 0; n < SAMPLES; n++) {
            double f = 0;
            for (int j = 1; j < DIMENSION; j++) {
                f += LASSO[j] * X[n * DIMENSION + j];
            }
            double rx = (f - Y[n]) * X[n * DIMENSION];
            plus[n] = 2 * WEIGHT_DECAY + 2 * rx;
            minus[n] = 2 * WEIGHT_DECAY - 2 * rx;
        }
        FiniteDataset growing = new FiniteDataset(plus);
        double escape = ExactFiniteSum.exponent(growing, lambda).value();
        double other = ExactFiniteSum.exponent(new FiniteDataset(minus), lambda).value();
        double mean = growing.mean();
        double meanSquare = 1 - 2 * lambda * mean + lambda * lambda * (growing.variance() + mean * mean);
        return new LinearisedTheory(other, 0.0, escape, Double.NaN, meanSquare, "exact-sum");
    }
}
