package org.probstab.lyapunov;

import org.probstab.law.FiniteDataset;
import org.probstab.special.Constants;
import org.probstab.special.FastLog;
import org.probstab.special.RunningMoments;

/**
 * The exact exponent of a finite dataset with batch size S = 1 (000 Thm 1, eq. 6–7; 001 Prop. 1; DESIGN §2):
 * <pre>
 *   Λ(λ) = (1/N) Σ_i log|1 − λχ_i|,      s²(λ) = (1/N) Σ_i (log|1 − λχ_i| − Λ)²,
 * </pre>
 * the population mean and variance of the per-step log-growth over the N equally likely samples. Λ₋ = Λ(λ) and
 * Λ₊ = Λ(−λ) of the matrix-factorisation saddle come from one {@link #exponentPair} call.
 *
 * <p><b>Zero factors.</b> If some factor is exactly 0 in floating point (λ = 1/χ_i exactly), a trajectory is
 * absorbed at 0 with probability ≥ 1/N per step: Λ = −∞ (almost-sure collapse; never NaN). s² is then +∞ when some
 * but not all factors are 0 (log|1 − λχ| is −∞ with a probability in (0, 1)), and 0 when all are (the constant
 * −∞: every trajectory is exactly 0 after one step). A zero factor wins over an overflowing one.
 *
 * <p><b>Overflow.</b> When λχ_i overflows to ±∞ its log is taken as log|λ| + log|χ_i| (exact to rounding, since
 * then |λχ_i| ≥ 2¹⁰²⁴ ≫ 1): an enormous λ gives a large finite Λ, never ∞ or NaN.
 *
 * <p><b>Accuracy.</b> Each term is log(fl(|1 − λχ_i|)): forming 1 − λχ_i costs up to ~1.1e-16 <i>absolute</i> in
 * the log (exactly as with {@code Math.log}), the logarithm itself ≤ 2 ulp ({@link FastLog}). Means and variances
 * are corrected two-pass sums per chunk of {@value #CHUNK} samples, chunks merged by Chan, Golub &amp; LeVeque
 * ({@link RunningMoments#addChunk}).
 *
 * <p><b>Speed.</b> Logarithms are taken in bulk ({@link FastLog#logAll}) on a per-thread scratch workspace of
 * 3 × 2 × {@value #CHUNK} doubles (12 KB; nothing escapes a call; allocating it per call cost a quarter of the
 * time), which about halves the cost of a cell against {@code Math.log} per term; {@link #exponentOnly} needs no
 * logarithm per sample at all. The README (Performance) has the measured throughputs.
 */
public final class ExactFiniteSum {

    /** Samples per chunk of the bulk path. */
    static final int CHUNK = 256;
    private static final long ABS_MASK = 0x7FFFFFFFFFFFFFFFL;
    private static final long MANTISSA_MASK = 0x000FFFFFFFFFFFFFL;
    private static final long ONE_BITS = 0x3FF0000000000000L;
    private static final long MAX_FINITE_BITS = 0x7FEFFFFFFFFFFFFFL;
    /** Products of this many mantissas in [1, 2) (32 per accumulator) stay below 2³². */
    private static final int RENORMALISE_EVERY = 64;

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private ExactFiniteSum() {
    }

    /**
     * Λ(λ) = (1/N) Σ log|1 − λχ_i| with s², as {@link Method#EXACT_SUM}, SE 0, samples N.
     *
     * @param lambda the signed step (pass −λ for Λ₊); must be finite
     */
    public static ExponentEstimate exponent(FiniteDataset data, double lambda) {
        checkLambda(lambda);
        Workspace w = WORKSPACE.get();
        RunningMoments moments = new RunningMoments();
        long zeros = 0;
        int n = data.size();
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            for (int i = 0; i < m; i++) {
                w.factors[i] = Math.abs(1 - lambda * data.value(start + i));
            }
            if (FastLog.logAll(w.factors, 0, m, w.logs, w.scratch)) {
                moments.addChunk(w.logs, 0, m);
            } else {
                zeros += addCarefully(moments, data, start, m, lambda);
            }
        }
        return estimate(moments, zeros);
    }

    /**
     * Both exponents of a matrix-factorisation cell from one pass over the data: {Λ₋ = Λ(λ), Λ₊ = Λ(−λ)}, each
     * with its s² (DESIGN §2); bit for bit equal to {@code exponent(data, lambda)} and
     * {@code exponent(data, -lambda)}.
     */
    public static ExponentEstimate[] exponentPair(FiniteDataset data, double lambda) {
        checkLambda(lambda);
        Workspace w = WORKSPACE.get();
        RunningMoments minus = new RunningMoments();
        RunningMoments plus = new RunningMoments();
        long zerosMinus = 0;
        long zerosPlus = 0;
        int n = data.size();
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            for (int i = 0; i < m; i++) {
                double step = lambda * data.value(start + i);
                w.factors[i] = Math.abs(1 - step);
                w.factors[m + i] = Math.abs(1 + step);
            }
            if (FastLog.logAll(w.factors, 0, 2 * m, w.logs, w.scratch)) {
                RunningMoments.addChunks(minus, plus, w.logs, m);
                continue;
            }
            // Some factor is 0 or infinite: redo each sign on its own, so each equals exponent(data, ±λ).
            if (FastLog.logAll(w.factors, 0, m, w.logs, w.scratch)) {
                minus.addChunk(w.logs, 0, m);
            } else {
                zerosMinus += addCarefully(minus, data, start, m, lambda);
            }
            if (FastLog.logAll(w.factors, m, 2 * m, w.logs, w.scratch)) {
                plus.addChunk(w.logs, m, m);
            } else {
                zerosPlus += addCarefully(plus, data, start, m, -lambda);
            }
        }
        return new ExponentEstimate[] {estimate(minus, zerosMinus), estimate(plus, zerosPlus)};
    }

    /**
     * Λ(λ) alone, without a logarithm per sample: the factors' binary exponents are summed as integers and their
     * mantissas (in [1, 2)) multiplied in two interleaved products, renormalised every
     * {@value #RENORMALISE_EVERY} samples; one logarithm at the end. Agrees with {@link #exponent} to a few
     * 1e-16 (the N-fold product's rounding, divided by N). −∞ if a factor is exactly 0.
     *
     * @param chi    χ_1 … χ_N (N ≥ 1, finite; read only)
     * @param lambda the signed step; must be finite
     */
    public static double exponentOnly(double[] chi, double lambda) {
        checkLambda(lambda);
        int n = chi.length;
        if (n == 0) {
            throw new IllegalArgumentException("chi needs at least one value");
        }
        long exponentSum = 0;
        long flags = 0;
        double product0 = 1;
        double product1 = 1;
        int i = 0;
        while (i < n) {
            int end = Math.min(n, i + RENORMALISE_EVERY);
            for (; i + 1 < end; i += 2) {
                long bits0 = Double.doubleToRawLongBits(1 - lambda * chi[i]) & ABS_MASK;
                long bits1 = Double.doubleToRawLongBits(1 - lambda * chi[i + 1]) & ABS_MASK;
                flags |= (bits0 - 1) | (MAX_FINITE_BITS - bits0) | (bits1 - 1) | (MAX_FINITE_BITS - bits1);
                exponentSum += (bits0 >>> 52) + (bits1 >>> 52);
                product0 *= Double.longBitsToDouble((bits0 & MANTISSA_MASK) | ONE_BITS);
                product1 *= Double.longBitsToDouble((bits1 & MANTISSA_MASK) | ONE_BITS);
            }
            if (i < end) {
                long bits0 = Double.doubleToRawLongBits(1 - lambda * chi[i]) & ABS_MASK;
                flags |= (bits0 - 1) | (MAX_FINITE_BITS - bits0);
                exponentSum += bits0 >>> 52;
                product0 *= Double.longBitsToDouble((bits0 & MANTISSA_MASK) | ONE_BITS);
                i++;
            }
            long b0 = Double.doubleToRawLongBits(product0);
            long b1 = Double.doubleToRawLongBits(product1);
            exponentSum += (b0 >>> 52) + (b1 >>> 52) - 2 * 1023;
            product0 = Double.longBitsToDouble((b0 & MANTISSA_MASK) | ONE_BITS);
            product1 = Double.longBitsToDouble((b1 & MANTISSA_MASK) | ONE_BITS);
        }
        if (flags < 0) {
            // A zero or infinite factor (|1 − λχ| is never subnormal, never NaN for finite λ, χ).
            RunningMoments moments = new RunningMoments();
            long zeros = 0;
            for (double c : chi) {
                zeros += addLog(moments, logFactor(lambda, c));
            }
            return estimate(moments, zeros).value();
        }
        long binaryExponent = exponentSum - 1023L * n;
        return (binaryExponent * Constants.LN2 + FastLog.log(product0 * product1)) / n;
    }

    static void checkLambda(double lambda) {
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite, got " + lambda);
        }
    }

    /**
     * log|1 − step·χ| for one sample: −∞ for a zero factor, log|step| + log|χ| when step·χ overflows.
     */
    static double logFactor(double step, double chi) {
        double factor = Math.abs(1 - step * chi);
        if (factor == Double.POSITIVE_INFINITY) {
            return FastLog.log(Math.abs(step)) + FastLog.log(Math.abs(chi));
        }
        return FastLog.log(factor);
    }

    /** Per-thread scratch of the bulk path. */
    private static final class Workspace {
        final double[] factors = new double[2 * CHUNK];
        final double[] logs = new double[2 * CHUNK];
        final double[] scratch = new double[2 * CHUNK];
    }

    /**
     * The careful path for a chunk with a zero or infinite factor: adds the finite log-factors of samples
     * [start, start + m) to {@code moments} one by one and returns how many were −∞.
     */
    static long addCarefully(RunningMoments moments, FiniteDataset data, int start, int m, double step) {
        long zeros = 0;
        for (int i = 0; i < m; i++) {
            zeros += addLog(moments, logFactor(step, data.value(start + i)));
        }
        return zeros;
    }

    /**
     * Adds one term to the population mean and variance of the finite logs (as a merged part of one, Chan, Golub
     * &amp; LeVeque, like the chunks); a −∞ term is counted, not averaged: returns 1 for it, else 0.
     */
    static long addLog(RunningMoments moments, double log) {
        if (log == Double.NEGATIVE_INFINITY) {
            return 1;
        }
        moments.merge(1, log, 0);
        return 0;
    }

    /**
     * The exact reading of the sums: Λ = mean of the finite logs, s² = their population variance, or Λ = −∞ when
     * {@code zeros} &gt; 0 (see the class comment for s² then).
     */
    static ExponentEstimate estimate(RunningMoments finite, long zeros) {
        long samples = (long) finite.weight() + zeros;
        if (zeros > 0) {
            return ExponentEstimate.exact(Double.NEGATIVE_INFINITY, zeroLogVariance(finite), Method.EXACT_SUM,
                    samples);
        }
        return ExponentEstimate.exact(finite.mean(), Math.max(0.0, finite.populationVariance()), Method.EXACT_SUM,
                samples);
    }

    /**
     * The Monte-Carlo reading of the same sums: sample mean, SE = sample sd/√n, logVariance = sample variance
     * (n − 1 in the denominator). A sampled zero factor proves an atom at 0 of positive probability, so then
     * Λ = −∞ exactly, with SE 0.
     */
    static ExponentEstimate sampleEstimate(RunningMoments finite, long zeros, Method method) {
        long count = (long) finite.weight();
        long samples = count + zeros;
        if (zeros > 0) {
            return new ExponentEstimate(Double.NEGATIVE_INFINITY, 0.0, zeroLogVariance(finite), method, samples, 0);
        }
        double variance = count > 1 ? Math.max(0.0, finite.sampleVariance()) : 0.0;
        return new ExponentEstimate(finite.mean(), Math.sqrt(variance / count), variance, method, samples, 0);
    }

    /** s² when some factor is 0: +∞ if some other is not (a −∞ log with probability in (0, 1)), else 0. */
    private static double zeroLogVariance(RunningMoments finite) {
        return finite.weight() == 0 ? 0.0 : Double.POSITIVE_INFINITY;
    }
}
