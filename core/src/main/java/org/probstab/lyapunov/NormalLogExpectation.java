package org.probstab.lyapunov;

import org.probstab.special.Chebyshev;
import org.probstab.special.Constants;

/**
 * E log|c + Z| and Var log|c + Z| for Z ~ N(0, 1): the inner expectation of the N = ∞ Gaussian-regression
 * exponent (DESIGN §2, "N = ∞, Gaussian regression, any S"; used by {@link GaussianChiSquareQuadrature}).
 *
 * <p><b>Formula.</b> X = c + Z has X² ~ noncentral χ²₁(c²), a Poisson mixture: given K ~ Poisson(c²/2),
 * X² ~ χ²_{1+2K}. Since E log χ²_ν = log 2 + ψ(ν/2) and Var log χ²_ν = ψ'(ν/2),
 * <pre>
 *   F(c) = E log|c + Z|   = ½ (log 2 + E_K ψ(K + ½))
 *                         = −(γ + ln 2)/2 + E_K Σ_{j&lt;K} 1/(2j+1)
 *   V(c) = Var log|c + Z| = ¼ (E_K ψ'(K + ½) + Var_K ψ(K + ½)),
 *   ψ(k + ½) = −γ − 2 ln 2 + Σ_{j&lt;k} 2/(2j+1),   ψ'(k + ½) = π²/2 − Σ_{j&lt;k} 4/(2j+1)².
 * </pre>
 * All terms of these sums are positive, so they are free of cancellation. F has the equivalent closed forms
 * F(c) = −(γ + ln 2)/2 + (c²/2)·₂F₂(1, 1; 3/2, 2; −c²/2) = −(γ + ln 2)/2 + 2∫_0^{|c|/√2} D(u) du with D Dawson's
 * function (the derivative at p = 0 of E|X|^p = 2^{p/2} Γ((p+1)/2)/√π · ₁F₁(−p/2; ½; −c²/2)); the reference
 * script {@code src/test/resources/reference/quadrature_reference.py} checks all forms against direct
 * integration to 30 digits. Special values: F(0) = −(γ + ln 2)/2, V(0) = π²/8.
 *
 * <p><b>Evaluation.</b> With t = |c|:
 * <ul>
 *   <li>t &lt; {@value #ASYMPTOTIC_FROM}: Chebyshev expansions ({@link Chebyshev}) on the quarter intervals
 *       [k/4, (k+1)/4], whose coefficients are computed once, at class initialisation, from the Poisson sums above
 *       (16 Chebyshev points per interval, coefficients below 1e-18 dropped). Quarter intervals need 16 terms where
 *       unit intervals needed 36, and are a little more accurate (the interpolant's own rounding is smaller);
 *       {@link GaussianChiSquareQuadrature} evaluates the nodes of a cell in batches ({@code evaluateAll}), whose
 *       interleaved recurrences give each point the bits of the one-point methods.</li>
 *   <li>t ≥ {@value #ASYMPTOTIC_FROM}: the asymptotic series of log|1 + Z/t| (error of order e^{−t²/2} &lt; 2e−22):
 *       F = log t − Σ_{m≥1} (2m−1)!!/(2m) t^{−2m},  V = G₂ − G₁² with G₁ = F − log t and
 *       G₂ = Σ_{m≥1} (2m−1)!! H_{2m−1}/m · t^{−2m} (H_n the harmonic numbers), so that no log t cancels.</li>
 * </ul>
 * Accuracy against the 30-digit reference ({@code NormalLogExpectationTest}, 125 points from 0 to 1e100): at most
 * 1.1e-15·max(1, |F|) for F and 7.2e-16·max(1, V) for V (1.8e-15 and 1.3e-15 with the former 36-point unit
 * intervals).
 */
public final class NormalLogExpectation {

    /** Below this |c| the Chebyshev tables are used, from it on the asymptotic series. */
    static final double ASYMPTOTIC_FROM = 10.0;

    /** Chebyshev intervals per unit of t: [k/PER_UNIT, (k+1)/PER_UNIT). */
    static final int PER_UNIT = 4;
    private static final int INTERVALS = (int) ASYMPTOTIC_FROM * PER_UNIT;
    private static final int SAMPLES = 16;
    private static final double DROP_BELOW = 1e-18;
    private static final int SERIES_TERMS = 48;
    private static final double SERIES_TOLERANCE = 1e-18;

    private static final double EULER_GAMMA = 0.57721566490153286060651209;

    /** Chebyshev coefficients of F and V on [k, k+1], k = 0 … INTERVALS−1, at offset k·SAMPLES. */
    private static final double[] F_COEFFICIENTS = new double[INTERVALS * SAMPLES];
    private static final double[] V_COEFFICIENTS = new double[INTERVALS * SAMPLES];
    private static final int[] F_LENGTH = new int[INTERVALS];
    private static final int[] V_LENGTH = new int[INTERVALS];
    /**
     * The same tables with every coefficient at or past an interval's length set to 0 (the dropped tail), so that
     * {@link #evaluateAll} can run one Clenshaw loop of the longest length for every point: leading zero
     * coefficients leave Clenshaw's state at +0, so each point's value is the bits of {@link #chebyshev}.
     */
    private static final double[] F_PADDED = new double[INTERVALS * SAMPLES];
    private static final double[] V_PADDED = new double[INTERVALS * SAMPLES];
    /** Coefficients of t^{−2m}, m = 1 … SERIES_TERMS (index m−1), of F − log t and of V. */
    private static final double[] G1_SERIES = new double[SERIES_TERMS];
    private static final double[] V_SERIES = new double[SERIES_TERMS];

    static {
        buildChebyshevTables();
        buildAsymptoticSeries();
        for (int k = 0; k < INTERVALS; k++) {
            System.arraycopy(F_COEFFICIENTS, k * SAMPLES, F_PADDED, k * SAMPLES, F_LENGTH[k]);
            System.arraycopy(V_COEFFICIENTS, k * SAMPLES, V_PADDED, k * SAMPLES, V_LENGTH[k]);
        }
    }

    private NormalLogExpectation() {
    }

    /**
     * E log|c + Z| for Z ~ N(0, 1); finite for every finite c, NaN for NaN, +∞ for ±∞.
     */
    public static double expectedLogAbs(double c) {
        double t = Math.abs(c);
        if (t < ASYMPTOTIC_FROM) {
            return chebyshev(F_COEFFICIENTS, F_LENGTH, t);
        }
        if (t == Double.POSITIVE_INFINITY) {
            return t;
        }
        return Math.log(t) + logCorrection(t);
    }

    /**
     * E log|a + bZ| for Z ~ N(0, 1) and b ≥ 0: log b + F(a/b), or log|a| when b = 0 (−∞ when also a = 0).
     * When |a| ≥ {@value #ASYMPTOTIC_FROM}·b it is log|a| + (F(t) − log t), t = |a|/b, so a tiny b loses nothing.
     *
     * @throws IllegalArgumentException if b is negative or NaN
     */
    public static double expectedLogAbs(double a, double b) {
        if (!(b >= 0)) {
            throw new IllegalArgumentException("b must be in [0, inf), got " + b);
        }
        double absA = Math.abs(a);
        if (b == 0) {
            return Math.log(absA);
        }
        if (absA >= ASYMPTOTIC_FROM * b) {
            // also b so small that |a|/b overflows: the correction is then 0
            double t = absA / b;
            return Math.log(absA) + (t == Double.POSITIVE_INFINITY ? 0.0 : logCorrection(t));
        }
        return Math.log(b) + chebyshev(F_COEFFICIENTS, F_LENGTH, absA / b);
    }

    /** Var log|c + Z| for Z ~ N(0, 1): π²/8 at c = 0, ~ 1/c² for large |c|, 0 for c = ±∞. */
    public static double varianceLogAbs(double c) {
        double t = Math.abs(c);
        if (t < ASYMPTOTIC_FROM) {
            return chebyshev(V_COEFFICIENTS, V_LENGTH, t);
        }
        return series(V_SERIES, t);
    }

    /** F(t) − log t for t ≥ {@value #ASYMPTOTIC_FROM} (negative, ~ −1/(2t²)). */
    static double logCorrection(double t) {
        return series(G1_SERIES, t);
    }

    /** F(t) for 0 ≤ t &lt; {@value #ASYMPTOTIC_FROM}, no argument checks (hot path). */
    static double expectedLogAbsSmall(double t) {
        return chebyshev(F_COEFFICIENTS, F_LENGTH, t);
    }

    /** Per-call state of {@link #evaluateAll} for up to {@code capacity} points (one per thread or call). */
    static final class Batch {
        final double[] twoY;
        final double[] fb1;
        final double[] fb2;
        final double[] vb1;
        final double[] vb2;
        final int[] offset;

        Batch(int capacity) {
            twoY = new double[capacity];
            fb1 = new double[capacity];
            fb2 = new double[capacity];
            vb1 = new double[capacity];
            vb2 = new double[capacity];
            offset = new int[capacity];
        }
    }

    /**
     * F and V at many points at once, each to the bit what the one-point methods give: for t[i] &lt;
     * {@value #ASYMPTOTIC_FROM}, f[i] = F(t[i]) ({@link #expectedLogAbsSmall}); from it on, f[i] = F(t[i]) − log t[i]
     * ({@link #logCorrection}); v[i] = V(t[i]) when {@code withVariance}. Every t[i] must be ≥ 0 and not NaN, and
     * there may be at most as many as the batch holds. The Chebyshev recurrences of all the points (and of F and V)
     * run interleaved, which the chain of dependent multiply–adds of a single point cannot.
     */
    static void evaluateAll(double[] t, int count, double[] f, double[] v, boolean withVariance, Batch batch) {
        double[] twoY = batch.twoY;
        int[] offset = batch.offset;
        int small = 0;
        int longest = 1;
        for (int i = 0; i < count; i++) {
            double x = t[i];
            if (x < ASYMPTOTIC_FROM) {
                double scaled = x * PER_UNIT;
                int k = (int) scaled;
                twoY[small] = 2 * (2.0 * (scaled - k) - 1.0);
                offset[small] = k * SAMPLES;
                longest = Math.max(longest, withVariance ? Math.max(F_LENGTH[k], V_LENGTH[k]) : F_LENGTH[k]);
                small++;
            } else {
                f[i] = logCorrection(x);
                if (withVariance) {
                    v[i] = series(V_SERIES, x);
                }
            }
        }
        if (small == 0) {
            return;
        }
        if (withVariance) {
            clenshawPair(twoY, offset, small, longest, batch);
        } else {
            clenshaw(F_PADDED, twoY, offset, small, longest, batch.fb1, batch.fb2);
        }
        int q = 0;
        for (int i = 0; i < count; i++) {
            if (t[i] < ASYMPTOTIC_FROM) {
                double y = 0.5 * twoY[q];
                int at = offset[q];
                f[i] = y * batch.fb1[q] - batch.fb2[q] + F_PADDED[at];
                if (withVariance) {
                    v[i] = y * batch.vb1[q] - batch.vb2[q] + V_PADDED[at];
                }
                q++;
            }
        }
    }

    /**
     * {@link #clenshaw} of F and V together: four points per pass, each with the chains of both tables (eight
     * independent chains of multiply–adds, the same operations as two separate passes, so the same bits).
     */
    private static void clenshawPair(double[] twoY, int[] offset, int n, int longest, Batch batch) {
        double[] f = F_PADDED;
        double[] g = V_PADDED;
        int q = 0;
        for (; q + 3 < n; q += 4) {
            double y0 = twoY[q];
            double y1 = twoY[q + 1];
            double y2 = twoY[q + 2];
            double y3 = twoY[q + 3];
            int o0 = offset[q];
            int o1 = offset[q + 1];
            int o2 = offset[q + 2];
            int o3 = offset[q + 3];
            double p0 = 0;
            double p1 = 0;
            double p2 = 0;
            double p3 = 0;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double u0 = 0;
            double u1 = 0;
            double u2 = 0;
            double u3 = 0;
            double w0 = 0;
            double w1 = 0;
            double w2 = 0;
            double w3 = 0;
            for (int j = longest - 1; j > 0; j--) {
                double n0 = y0 * p0 - s0 + f[o0 + j];
                double n1 = y1 * p1 - s1 + f[o1 + j];
                double n2 = y2 * p2 - s2 + f[o2 + j];
                double n3 = y3 * p3 - s3 + f[o3 + j];
                double m0 = y0 * u0 - w0 + g[o0 + j];
                double m1 = y1 * u1 - w1 + g[o1 + j];
                double m2 = y2 * u2 - w2 + g[o2 + j];
                double m3 = y3 * u3 - w3 + g[o3 + j];
                s0 = p0;
                s1 = p1;
                s2 = p2;
                s3 = p3;
                p0 = n0;
                p1 = n1;
                p2 = n2;
                p3 = n3;
                w0 = u0;
                w1 = u1;
                w2 = u2;
                w3 = u3;
                u0 = m0;
                u1 = m1;
                u2 = m2;
                u3 = m3;
            }
            batch.fb1[q] = p0;
            batch.fb1[q + 1] = p1;
            batch.fb1[q + 2] = p2;
            batch.fb1[q + 3] = p3;
            batch.fb2[q] = s0;
            batch.fb2[q + 1] = s1;
            batch.fb2[q + 2] = s2;
            batch.fb2[q + 3] = s3;
            batch.vb1[q] = u0;
            batch.vb1[q + 1] = u1;
            batch.vb1[q + 2] = u2;
            batch.vb1[q + 3] = u3;
            batch.vb2[q] = w0;
            batch.vb2[q + 1] = w1;
            batch.vb2[q + 2] = w2;
            batch.vb2[q + 3] = w3;
        }
        if (q < n) {
            clenshawTail(f, twoY, offset, q, n, longest, batch.fb1, batch.fb2);
            clenshawTail(g, twoY, offset, q, n, longest, batch.vb1, batch.vb2);
        }
    }

    /**
     * Clenshaw's recurrence down to j = 1 for {@code n} points at once (b1, b2 hold the state on return), four
     * points per pass with the state in locals: four independent chains of multiply–adds keep the floating-point
     * units busy where one chain waits for each result.
     */
    private static void clenshaw(double[] table, double[] twoY, int[] offset, int n, int longest, double[] b1,
                                 double[] b2) {
        int q = 0;
        for (; q + 3 < n; q += 4) {
            double y0 = twoY[q];
            double y1 = twoY[q + 1];
            double y2 = twoY[q + 2];
            double y3 = twoY[q + 3];
            int o0 = offset[q];
            int o1 = offset[q + 1];
            int o2 = offset[q + 2];
            int o3 = offset[q + 3];
            double p0 = 0;
            double p1 = 0;
            double p2 = 0;
            double p3 = 0;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = longest - 1; j > 0; j--) {
                double n0 = y0 * p0 - s0 + table[o0 + j];
                double n1 = y1 * p1 - s1 + table[o1 + j];
                double n2 = y2 * p2 - s2 + table[o2 + j];
                double n3 = y3 * p3 - s3 + table[o3 + j];
                s0 = p0;
                s1 = p1;
                s2 = p2;
                s3 = p3;
                p0 = n0;
                p1 = n1;
                p2 = n2;
                p3 = n3;
            }
            b1[q] = p0;
            b1[q + 1] = p1;
            b1[q + 2] = p2;
            b1[q + 3] = p3;
            b2[q] = s0;
            b2[q + 1] = s1;
            b2[q + 2] = s2;
            b2[q + 3] = s3;
        }
        clenshawTail(table, twoY, offset, q, n, longest, b1, b2);
    }

    /** {@link #clenshaw} one point at a time, for points {@code from} to {@code n} − 1. */
    private static void clenshawTail(double[] table, double[] twoY, int[] offset, int from, int n, int longest,
                                     double[] b1, double[] b2) {
        for (int q = from; q < n; q++) {
            double y = twoY[q];
            int o = offset[q];
            double p = 0;
            double s = 0;
            for (int j = longest - 1; j > 0; j--) {
                double next = y * p - s + table[o + j];
                s = p;
                p = next;
            }
            b1[q] = p;
            b2[q] = s;
        }
    }

    // ---------------------------------------------------------------------------------------------- evaluation

    /** The expansion on [k/PER_UNIT, (k+1)/PER_UNIT] that holds t, in y = 2(PER_UNIT·t − k) − 1 ∈ [−1, 1]. */
    private static double chebyshev(double[] coefficients, int[] lengths, double t) {
        if (Double.isNaN(t)) {
            return t;
        }
        double scaled = t * PER_UNIT;
        int k = (int) scaled;
        return Chebyshev.evaluate(coefficients, k * SAMPLES, lengths[k], 2.0 * (scaled - k) - 1.0);
    }

    private static double series(double[] coefficients, double t) {
        double inverseSquare = 1.0 / (t * t);
        double power = inverseSquare;
        double sum = 0;
        for (int m = 0; m < SERIES_TERMS; m++) {
            double term = coefficients[m] * power;
            sum += term;
            if (Math.abs(term) < SERIES_TOLERANCE) {
                break;
            }
            power *= inverseSquare;
        }
        return sum;
    }

    // ---------------------------------------------------------------------------------------- initialisation

    /**
     * F and V at one point from the Poisson mixture (see the class comment), in double precision.
     * The Poisson weights are generated outwards from the mode so that rounding drifts over at most half
     * the support, and normalised by their computed sum.
     */
    static void poissonMoments(double c, double[] out) {
        double x = 0.5 * c * c;
        int mode = (int) Math.floor(x);
        int last = (int) Math.ceil(x + 14.0 * Math.sqrt(x) + 40.0);
        double[] weight = new double[last + 1];
        double[] psi = new double[last + 1];
        double[] trigamma = new double[last + 1];
        // log p_mode = mode log x − x − log(mode!), with log(mode!) summed exactly enough for mode ≤ ~1000
        double logFactorial = 0;
        for (int j = 2; j <= mode; j++) {
            logFactorial += Math.log(j);
        }
        weight[mode] = Math.exp((mode == 0 ? 0.0 : mode * Math.log(x)) - x - logFactorial);
        for (int k = mode + 1; k <= last; k++) {
            weight[k] = weight[k - 1] * (x / k);
        }
        for (int k = mode - 1; k >= 0; k--) {
            weight[k] = weight[k + 1] * ((k + 1) / x);
        }
        double psiK = -EULER_GAMMA - 2 * Constants.LN2;
        double oddReciprocalSquares = 0;
        for (int k = 0; k <= last; k++) {
            psi[k] = psiK;
            trigamma[k] = Math.PI * Math.PI / 2 - oddReciprocalSquares;
            double odd = 2.0 * k + 1.0;
            psiK += 2.0 / odd;
            oddReciprocalSquares += 4.0 / (odd * odd);
        }
        double total = 0;
        double meanPsi = 0;
        double meanTrigamma = 0;
        for (int k = last; k >= 0; k--) {          // small terms first
            total += weight[k];
            meanPsi += weight[k] * psi[k];
            meanTrigamma += weight[k] * trigamma[k];
        }
        meanPsi /= total;
        meanTrigamma /= total;
        double varPsi = 0;
        for (int k = last; k >= 0; k--) {
            double d = psi[k] - meanPsi;
            varPsi += weight[k] * d * d;
        }
        varPsi /= total;
        out[0] = 0.5 * (Constants.LN2 + meanPsi);
        out[1] = 0.25 * (meanTrigamma + varPsi);
    }

    private static void buildChebyshevTables() {
        double[] f = new double[SAMPLES];
        double[] v = new double[SAMPLES];
        double[] moments = new double[2];
        for (int k = 0; k < INTERVALS; k++) {
            for (int i = 0; i < SAMPLES; i++) {
                double y = Math.cos(Math.PI * (i + 0.5) / SAMPLES);
                poissonMoments((k + 0.5 * (y + 1.0)) / PER_UNIT, moments);
                f[i] = moments[0];
                v[i] = moments[1];
            }
            F_LENGTH[k] = chebyshevCoefficients(f, F_COEFFICIENTS, k * SAMPLES);
            V_LENGTH[k] = chebyshevCoefficients(v, V_COEFFICIENTS, k * SAMPLES);
        }
    }

    /**
     * The interpolation coefficients ({@link Chebyshev#coefficients}, c_0 stored halved) into {@code target} at
     * {@code offset}; returns the length after dropping the tail below {@value #DROP_BELOW}.
     */
    private static int chebyshevCoefficients(double[] values, double[] target, int offset) {
        Chebyshev.coefficients(values, target, offset);
        int length = 1;
        for (int j = 1; j < values.length; j++) {
            if (Math.abs(target[offset + j]) > DROP_BELOW) {
                length = j + 1;
            }
        }
        return length;
    }

    /**
     * g1_m = −(2m−1)!!/(2m), g2_m = (2m−1)!! H_{2m−1}/m and v_m = g2_m − Σ_{i+j=m} g1_i g1_j: the coefficients
     * of t^{−2m} in E log|1 + Z/t|, E log²|1 + Z/t| and their variance (E Z^{2m} = (2m−1)!!).
     */
    private static void buildAsymptoticSeries() {
        double doubleFactorial = 1;
        double harmonic = 0;
        double[] g2 = new double[SERIES_TERMS];
        for (int m = 1; m <= SERIES_TERMS; m++) {
            doubleFactorial *= 2 * m - 1;
            harmonic += 1.0 / (2 * m - 1) + (m > 1 ? 1.0 / (2 * m - 2) : 0.0);
            G1_SERIES[m - 1] = -doubleFactorial / (2 * m);
            g2[m - 1] = doubleFactorial * harmonic / m;
        }
        for (int m = 1; m <= SERIES_TERMS; m++) {
            double square = 0;
            for (int i = 1; i < m; i++) {
                square += G1_SERIES[i - 1] * G1_SERIES[m - i - 1];
            }
            V_SERIES[m - 1] = g2[m - 1] - square;
        }
    }
}
