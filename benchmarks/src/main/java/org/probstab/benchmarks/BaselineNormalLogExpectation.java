package org.probstab.benchmarks;

import org.probstab.special.Chebyshev;
import org.probstab.special.Constants;

/**
 * The kernel of {@code org.probstab.lyapunov.NormalLogExpectation} before its F and V were evaluated in batches on
 * quarter intervals (36-point unit intervals, one point at a time; a verbatim copy apart from the names): the
 * baseline that {@link QuadratureBenchmark} and {@link QuadratureCpuComparison} measure beside the current kernel.
 *
 * <p>E log|c + Z| and Var log|c + Z| for Z ~ N(0, 1): the inner expectation of the N = ∞ Gaussian-regression
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
 *   <li>t &lt; {@value #ASYMPTOTIC_FROM}: Chebyshev expansions ({@link Chebyshev}) on the unit intervals [k, k+1],
 *       whose coefficients are computed once, at class initialisation, from the Poisson sums above (36 Chebyshev
 *       points per interval, coefficients below 1e-18 dropped).</li>
 *   <li>t ≥ {@value #ASYMPTOTIC_FROM}: the asymptotic series of log|1 + Z/t| (error of order e^{−t²/2} &lt; 2e−22):
 *       F = log t − Σ_{m≥1} (2m−1)!!/(2m) t^{−2m},  V = G₂ − G₁² with G₁ = F − log t and
 *       G₂ = Σ_{m≥1} (2m−1)!! H_{2m−1}/m · t^{−2m} (H_n the harmonic numbers), so that no log t cancels.</li>
 * </ul>
 * Accuracy against the 30-digit reference ({@code NormalLogExpectationTest}, 125 points from 0 to 1e100): at most
 * 4e-15 absolute for F below |c| = 10 and a few ulps of log|c| above, 2e-15 for V.
 */
final class BaselineNormalLogExpectation {

    /** Below this |c| the Chebyshev tables are used, from it on the asymptotic series. */
    static final double ASYMPTOTIC_FROM = 10.0;

    private static final int INTERVALS = (int) ASYMPTOTIC_FROM;
    private static final int SAMPLES = 36;
    private static final double DROP_BELOW = 1e-18;
    private static final int SERIES_TERMS = 48;
    private static final double SERIES_TOLERANCE = 1e-18;

    private static final double EULER_GAMMA = 0.57721566490153286060651209;

    /** Chebyshev coefficients of F and V on [k, k+1], k = 0 … INTERVALS−1, at offset k·SAMPLES. */
    private static final double[] F_COEFFICIENTS = new double[INTERVALS * SAMPLES];
    private static final double[] V_COEFFICIENTS = new double[INTERVALS * SAMPLES];
    private static final int[] F_LENGTH = new int[INTERVALS];
    private static final int[] V_LENGTH = new int[INTERVALS];
    /** Coefficients of t^{−2m}, m = 1 … SERIES_TERMS (index m−1), of F − log t and of V. */
    private static final double[] G1_SERIES = new double[SERIES_TERMS];
    private static final double[] V_SERIES = new double[SERIES_TERMS];

    static {
        buildChebyshevTables();
        buildAsymptoticSeries();
    }

    private BaselineNormalLogExpectation() {
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

    // ---------------------------------------------------------------------------------------------- evaluation

    /** The expansion on [k, k+1] that holds t, in y = 2(t − k) − 1 ∈ [−1, 1]. */
    private static double chebyshev(double[] coefficients, int[] lengths, double t) {
        if (Double.isNaN(t)) {
            return t;
        }
        int k = (int) t;
        return Chebyshev.evaluate(coefficients, k * SAMPLES, lengths[k], 2.0 * (t - k) - 1.0);
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
                poissonMoments(k + 0.5 * (y + 1.0), moments);
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
