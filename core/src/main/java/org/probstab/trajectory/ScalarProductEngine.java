package org.probstab.trajectory;

import java.util.Objects;
import org.probstab.random.RunStreams;
import org.probstab.special.Constants;

/**
 * The trajectory engine for commuting (rank-1) products z_{t+1} = (1 − λχ_t) z_t, z_0 = 1 (000 Thm 1, 002 Lemma 1;
 * DESIGN §2 "Monte-Carlo trajectories"): R independent runs advance in lockstep, block by block of at most
 * {@value #DRAW_BLOCK} steps, with the state of all runs in primitive arrays (structure of arrays). Every run carries
 * one product per <i>lane</i> j with its own signed step λ_j, all lanes driven by the same draws χ_t (so the two
 * exponents Λ₋ = E log|1 − λχ| and Λ₊ = E log|1 + λχ| of a matrix-factorisation cell cost one set of draws with
 * lanes {λ, −λ}). Per block and run: one {@link CurvatureDraws#fill} call draws the block's χ (one stream per run,
 * {@link RunStreams}), then each lane multiplies; there is no interface call per step.
 *
 * <p><b>Renormalised products</b> ({@link #renormalised}): the state is a mantissa times 2^E, E a {@code long}; every
 * {@value #BLOCK} steps the mantissa is brought back to [1, 2) by an exact power of two. Such a block is multiplied
 * without checks; a non-zero factor has |1 − λχ| ≥ 2⁻⁵³, so no partial product can underflow, and an overflow or a
 * zero factor shows in the block's result (±∞, NaN or 0), in which case the block is replayed step by step with
 * the rules of a plain per-step product: a product that would leave [2⁻⁵⁰⁰, 2⁵⁰⁰] takes the factor's binary exponent out first, a factor exactly 0 collapses the lane
 * (log|z_T| = −∞), a non-finite factor is an error. Rescaling by powers of two commutes with rounding, so the
 * sequence of rounded products — and log|z_T| = E·ln 2 + log|mantissa| with the final mantissa in [1, 2) — is the
 * same whatever the block length: with the same stream and seed the engine gives the values of a plain loop over
 * runs and steps bit for bit (tested); {@code RenormalisedProduct.scalar} runs on it. For s² it also returns the sums of log|factor|
 * over consecutive blocks of {@code varianceBlock} steps (the log at each block boundary minus the previous one,
 * logarithms by {@link StrictMath#log}).
 *
 * <p><b>Cut-off products</b> ({@link #cutoff}): the papers' protocol (000 App. A.2; {@code PaperProtocol}): the
 * unnormalised z of each lane stops at the first t with |z_t| ≥ upper, |z_t| ≤ lower or t = maxSteps; a run stops
 * drawing when all its lanes have stopped; {@code PaperProtocol.scalar} runs on it.
 */
public final class ScalarProductEngine {

    /** Steps per block of products between two renormalisations. */
    public static final int BLOCK = 16;
    /** Steps whose draws one {@link CurvatureDraws#fill} call makes (a multiple of {@link #BLOCK}). */
    public static final int DRAW_BLOCK = CurvatureDraws.MAX_BLOCK;

    static final double SAFE_MAX = 0x1p500;
    static final double SAFE_MIN = 0x1p-500;
    private static final long EXPONENT_MASK = 0x7FF0_0000_0000_0000L;
    private static final long UNIT_EXPONENT_BITS = 0x3FF0_0000_0000_0000L;

    private ScalarProductEngine() {
    }

    /**
     * Per-lane, per-run results of {@link #renormalised}.
     *
     * @param steps         T
     * @param logNorms      log|z_T| of lane j, run r at [j][r] (−∞ for a collapsed lane)
     * @param varianceBlock b, the length of the variance blocks (0 when block sums were not kept)
     * @param blockLogSums  at [j][r][k] the sum of log|factor| over steps [kb, (k + 1)b) of lane j, run r, for the
     *                      ⌊T/b⌋ full blocks (a collapsed lane's array stops at its collapse); null when not kept
     */
    public record ProductRuns(long steps, double[][] logNorms, int varianceBlock, double[][][] blockLogSums) {
    }

    /**
     * Per-lane, per-run results of {@link #cutoff}.
     *
     * @param logNorms  log|z_t| at the stopping time of lane j, run r at [j][r] (−∞ if z became 0)
     * @param stopSteps the stopping time t ∈ [1, maxSteps] at [j][r]
     */
    public record CutoffRuns(double[][] logNorms, long[][] stopSteps) {

        /** x_r = log|z_t|/t of lane j, the paper's per-run exponent, for every run. */
        public double[] perRunExponents(int lane) {
            double[] x = new double[logNorms[lane].length];
            for (int r = 0; r < x.length; r++) {
                x[r] = logNorms[lane][r] / stopSteps[lane][r];
            }
            return x;
        }
    }

    /**
     * Renormalised products of T steps for every run and lane.
     *
     * @param draws         the law of χ_t
     * @param lambdas       λ_j of each lane (finite; pass −λ for Λ₊)
     * @param steps         T ≥ 1
     * @param varianceBlock b ≥ 1 to keep the block sums of log|factor| for s² (b = min(100, T) reproduces
     *                      {@code RenormalisedProduct}), or 0 not to keep them
     * @param streams       one stream per run
     * @throws IllegalArgumentException if a λ is not finite or a factor is not finite
     */
    public static ProductRuns renormalised(CurvatureDraws draws, double[] lambdas, long steps, int varianceBlock,
                                           RunStreams streams) {
        Objects.requireNonNull(draws, "draws");
        Objects.requireNonNull(streams, "streams");
        checkLambdas(lambdas);
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (varianceBlock < 0) {
            throw new IllegalArgumentException("varianceBlock must be >= 0, got " + varianceBlock);
        }
        int lanes = lambdas.length;
        int runs = streams.runs();
        double[][] mantissa = new double[lanes][runs];
        long[][] exponent = new long[lanes][runs];
        boolean[][] collapsed = new boolean[lanes][runs];
        double[][] blockStart = new double[lanes][runs];
        long fullBlocks = varianceBlock == 0 ? 0 : steps / varianceBlock;
        double[][][] blockSums = varianceBlock == 0 ? null : new double[lanes][runs][(int) fullBlocks];
        for (double[] m : mantissa) {
            java.util.Arrays.fill(m, 1.0);
        }
        double[][] chi = new double[2][DRAW_BLOCK];
        double[][] normals = new double[2][2 * DRAW_BLOCK];
        CurvatureDraws.FreshGaussian fresh = draws instanceof CurvatureDraws.FreshGaussian f && f.batchSize() == 1
                ? f : null;
        CurvatureDraws.Scratch scratch = scratchFor(draws);
        State state = new State(mantissa, exponent, collapsed, lambdas);
        long t = 0;
        while (t < steps) {
            long nextBoundary = varianceBlock == 0 ? steps : Math.min(steps, (t / varianceBlock + 1) * varianceBlock);
            int length = (int) Math.min(DRAW_BLOCK, nextBoundary - t);
            boolean atBoundary = varianceBlock != 0 && (t + length) % varianceBlock == 0
                    && (t + length) / varianceBlock <= fullBlocks;
            int block = atBoundary ? (int) ((t + length) / varianceBlock - 1) : -1;
            // Runs in pairs: the products of a run are a serial chain of multiplications, so two runs (and two
            // lanes) are multiplied in one loop to keep the multiplier busy.
            for (int r = 0; r < runs; r += 2) {
                int pair = Math.min(2, runs - r);
                boolean four = pair == 2 && lanes == 2 && !collapsed[0][r] && !collapsed[1][r]
                        && !collapsed[0][r + 1] && !collapsed[1][r + 1];
                if (four && fresh != null) {
                    // N = ∞, S = 1: χ straight from the normals inside the product loop.
                    streams.gaussians(r, normals[0], 0, 2 * length);
                    streams.gaussians(r + 1, normals[1], 0, 2 * length);
                    for (int from = 0; from < length; from += BLOCK) {
                        multiplyFreshTwoRunsTwoLanes(state, fresh, r, normals, chi, Math.min(length, from + BLOCK),
                                from);
                    }
                } else {
                    for (int q = 0; q < pair; q++) {
                        draws.fill(streams, r + q, chi[q], length, scratch);
                    }
                }
                for (int from = 0; from < length && !(four && fresh != null); from += BLOCK) {
                    int to = Math.min(length, from + BLOCK);
                    if (four) {
                        multiplyTwoRunsTwoLanes(state, r, chi[0], chi[1], from, to);
                    } else {
                        for (int q = 0; q < pair; q++) {
                            for (int j = 0; j < lanes; j++) {
                                if (collapsed[j][r + q]) {
                                    continue;
                                }
                                double lambda = lambdas[j];
                                double next = mantissa[j][r + q];
                                double[] c = chi[q];
                                for (int k = from; k < to; k++) {
                                    next *= 1.0 - lambda * c[k];
                                }
                                state.finish(j, r + q, next, c, from, to);
                            }
                        }
                    }
                }
                if (atBoundary) {
                    for (int q = 0; q < pair; q++) {
                        for (int j = 0; j < lanes; j++) {
                            if (collapsed[j][r + q]) {
                                continue;
                            }
                            double logNow = exponent[j][r + q] * Constants.LN2 + StrictMath.log(Math.abs(mantissa[j][r + q]));
                            blockSums[j][r + q][block] = logNow - blockStart[j][r + q];
                            blockStart[j][r + q] = logNow;
                        }
                    }
                }
            }
            t += length;
        }
        double[][] logNorms = new double[lanes][runs];
        for (int j = 0; j < lanes; j++) {
            for (int r = 0; r < runs; r++) {
                logNorms[j][r] = collapsed[j][r] ? Double.NEGATIVE_INFINITY
                        : exponent[j][r] * Constants.LN2 + StrictMath.log(Math.abs(mantissa[j][r]));
            }
        }
        return new ProductRuns(steps, logNorms, varianceBlock, blockSums);
    }

    /**
     * Cut-off products: lane j of run r multiplies z ← (1 − λ_j χ_t) z from z_0 = 1 until |z| ≥ upper, |z| ≤ lower
     * or t = maxSteps.
     *
     * @param upper upper cut-off in (1, ∞) (paper: 1e100)
     * @param lower lower cut-off in (0, 1) (paper: 1e−140)
     */
    public static CutoffRuns cutoff(CurvatureDraws draws, double[] lambdas, long maxSteps, double upper,
                                    double lower, RunStreams streams) {
        Objects.requireNonNull(draws, "draws");
        Objects.requireNonNull(streams, "streams");
        checkLambdas(lambdas);
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        if (!(upper > 1) || !(lower > 0 && lower < 1)) {
            throw new IllegalArgumentException("cut-offs must satisfy 0 < lower < 1 < upper, got " + lower + ", "
                    + upper);
        }
        int lanes = lambdas.length;
        int runs = streams.runs();
        double[][] z = new double[lanes][runs];
        double[][] magnitude = new double[lanes][runs];
        long[][] stop = new long[lanes][runs];
        int[] activeLanes = new int[runs];
        for (int j = 0; j < lanes; j++) {
            java.util.Arrays.fill(z[j], 1.0);
            java.util.Arrays.fill(magnitude[j], 1.0);
        }
        java.util.Arrays.fill(activeLanes, lanes);
        int activeRuns = runs;
        double[] chi = new double[DRAW_BLOCK];
        CurvatureDraws.Scratch scratch = scratchFor(draws);
        long t = 0;
        while (t < maxSteps && activeRuns > 0) {
            int length = (int) Math.min(DRAW_BLOCK, maxSteps - t);
            for (int r = 0; r < runs; r++) {
                if (activeLanes[r] == 0) {
                    continue;
                }
                draws.fill(streams, r, chi, length, scratch);
                int done = 0;
                if (lanes == 2 && stop[0][r] == 0 && stop[1][r] == 0) {
                    // Both lanes in one loop while both run (two independent chains): the same steps as below.
                    double l0 = lambdas[0];
                    double l1 = lambdas[1];
                    double z0 = z[0][r];
                    double z1 = z[1][r];
                    double m0 = magnitude[0][r];
                    double m1 = magnitude[1][r];
                    while (done < length) {
                        double c = chi[done];
                        z0 *= 1.0 - l0 * c;
                        z1 *= 1.0 - l1 * c;
                        done++;
                        m0 = Math.abs(z0);
                        m1 = Math.abs(z1);
                        boolean out0 = !(m0 < upper && m0 > lower);
                        boolean out1 = !(m1 < upper && m1 > lower);
                        if (out0 | out1) {
                            if (out0) {
                                stop[0][r] = t + done;
                            }
                            if (out1) {
                                stop[1][r] = t + done;
                            }
                            break;
                        }
                    }
                    z[0][r] = z0;
                    z[1][r] = z1;
                    magnitude[0][r] = m0;
                    magnitude[1][r] = m1;
                }
                for (int j = 0; j < lanes; j++) {
                    if (stop[j][r] != 0) {
                        continue;
                    }
                    double lambda = lambdas[j];
                    double zz = z[j][r];
                    double mag = magnitude[j][r];
                    int k = done;
                    while (k < length) {
                        zz *= 1.0 - lambda * chi[k];
                        k++;
                        mag = Math.abs(zz);
                        if (!(mag < upper && mag > lower)) {
                            stop[j][r] = t + k;
                            break;
                        }
                    }
                    z[j][r] = zz;
                    magnitude[j][r] = mag;
                    if (stop[j][r] == 0 && t + length == maxSteps) {
                        stop[j][r] = maxSteps;
                    }
                }
                int active = 0;
                for (int j = 0; j < lanes; j++) {
                    active += stop[j][r] == 0 ? 1 : 0;
                }
                if (active == 0 && activeLanes[r] > 0) {
                    activeRuns--;
                }
                activeLanes[r] = active;
            }
            t += length;
        }
        double[][] logNorms = new double[lanes][runs];
        for (int j = 0; j < lanes; j++) {
            for (int r = 0; r < runs; r++) {
                logNorms[j][r] = StrictMath.log(magnitude[j][r]);
            }
        }
        return new CutoffRuns(logNorms, stop);
    }

    /**
     * {@link #multiplyTwoRunsTwoLanes} for N = ∞, S = 1 Gaussian regression, with χ = x(μx + (1 − μ)σe) computed
     * from the two runs' normals in the loop (the arithmetic of {@link CurvatureDraws.FreshGaussian#fill}); χ is
     * written to {@code chi} only for a block that has to be replayed.
     */
    private static void multiplyFreshTwoRunsTwoLanes(State state, CurvatureDraws.FreshGaussian law, int r,
                                                     double[][] normals, double[][] chi, int to, int from) {
        double mu = law.mu();
        double noise = (1 - law.mu()) * law.sigma();
        double l0 = state.lambdas[0];
        double l1 = state.lambdas[1];
        double a0 = state.mantissa[0][r];
        double a1 = state.mantissa[1][r];
        double b0 = state.mantissa[0][r + 1];
        double b1 = state.mantissa[1][r + 1];
        double[] ga = normals[0];
        double[] gb = normals[1];
        for (int k = from; k < to; k++) {
            double xa = ga[2 * k];
            double xb = gb[2 * k];
            double ca = xa * (mu * xa + noise * ga[2 * k + 1]);
            double cb = xb * (mu * xb + noise * gb[2 * k + 1]);
            a0 *= 1.0 - l0 * ca;
            a1 *= 1.0 - l1 * ca;
            b0 *= 1.0 - l0 * cb;
            b1 *= 1.0 - l1 * cb;
        }
        if (!(normal(a0) && normal(a1) && normal(b0) && normal(b1))) {
            for (int q = 0; q < 2; q++) {
                double[] g = normals[q];
                for (int k = from; k < to; k++) {
                    double x = g[2 * k];
                    chi[q][k] = x * (mu * x + noise * g[2 * k + 1]);
                }
            }
        }
        state.finish(0, r, a0, chi[0], from, to);
        state.finish(1, r, a1, chi[0], from, to);
        state.finish(0, r + 1, b0, chi[1], from, to);
        state.finish(1, r + 1, b1, chi[1], from, to);
    }

    /** Finite and non-zero: a block product that needs no replay. */
    private static boolean normal(double x) {
        return Double.isFinite(x) && x != 0.0;
    }

    /** Steps [from, to) of lanes 0 and 1 of runs r and r + 1: four independent chains in one loop. */
    private static void multiplyTwoRunsTwoLanes(State state, int r, double[] chiA, double[] chiB, int from, int to) {
        double l0 = state.lambdas[0];
        double l1 = state.lambdas[1];
        double a0 = state.mantissa[0][r];
        double a1 = state.mantissa[1][r];
        double b0 = state.mantissa[0][r + 1];
        double b1 = state.mantissa[1][r + 1];
        for (int k = from; k < to; k++) {
            double ca = chiA[k];
            double cb = chiB[k];
            a0 *= 1.0 - l0 * ca;
            a1 *= 1.0 - l1 * ca;
            b0 *= 1.0 - l0 * cb;
            b1 *= 1.0 - l1 * cb;
        }
        state.finish(0, r, a0, chiA, from, to);
        state.finish(1, r, a1, chiA, from, to);
        state.finish(0, r + 1, b0, chiB, from, to);
        state.finish(1, r + 1, b1, chiB, from, to);
    }

    /** The lanes' mantissas, exponents and collapse flags, and the end of a block of products. */
    private static final class State {
        final double[][] mantissa;
        final long[][] exponent;
        final boolean[][] collapsed;
        final double[] lambdas;

        State(double[][] mantissa, long[][] exponent, boolean[][] collapsed, double[] lambdas) {
            this.mantissa = mantissa;
            this.exponent = exponent;
            this.collapsed = collapsed;
            this.lambdas = lambdas;
        }

        /**
         * Stores the product {@code next} of lane j, run r after steps [from, to) of the block, renormalised to [1, 2).
         * A non-zero factor has |1 − λχ| ≥ 2⁻⁵³ (the spacing of doubles below 2), so from |m| ∈ [1, 2) no partial
         * product of at most {@value #BLOCK} steps can underflow, and an overflow sticks as ±∞ or NaN: a finite,
         * non-zero result means the block never left the normal range. Otherwise the block is replayed step by step
         * with RenormalisedProduct's rules.
         */
        void finish(int j, int r, double next, double[] chi, int from, int to) {
            long e = exponent[j][r];
            if (!(Double.isFinite(next) && next != 0.0)) {
                double lambda = lambdas[j];
                next = mantissa[j][r];
                for (int k = from; k < to; k++) {
                    double factor = 1.0 - lambda * chi[k];
                    double product = next * factor;
                    double magnitude = Math.abs(product);
                    if (magnitude < SAFE_MAX && magnitude > SAFE_MIN) {
                        next = product;
                    } else {
                        if (factor == 0.0) {
                            collapsed[j][r] = true;
                            return;
                        }
                        if (!Double.isFinite(factor)) {
                            throw new IllegalArgumentException("factor 1 - lambda*chi must be finite, got " + factor
                                    + " at lambda = " + lambda);
                        }
                        e += Math.getExponent(factor);
                        next *= unitExponent(factor);
                    }
                }
            }
            exponent[j][r] = e + Math.getExponent(next);
            mantissa[j][r] = unitExponent(next);
        }
    }

    static CurvatureDraws.Scratch scratchFor(CurvatureDraws draws) {
        return new CurvatureDraws.Scratch(draws.batchSize());
    }

    /** x with its binary exponent set to 0 (|result| ∈ [1, 2), sign kept): exact for normal x. */
    static double unitExponent(double x) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(x) & ~EXPONENT_MASK) | UNIT_EXPONENT_BITS);
    }

    private static void checkLambdas(double[] lambdas) {
        if (lambdas == null || lambdas.length == 0) {
            throw new IllegalArgumentException("at least one lambda is needed");
        }
        for (double lambda : lambdas) {
            if (!Double.isFinite(lambda)) {
                throw new IllegalArgumentException("lambda must be finite, got " + lambda);
            }
        }
    }
}
