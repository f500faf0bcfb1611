package org.probstab.special;

/**
 * log Γ(x) for x &gt; 0, and the Stirling remainder ς(x) = log Γ(x) − ((x − ½) log x − x + ½ log 2π), the part of
 * log Γ that stays small for large x (used where log Γ would cancel against Stirling's terms, e.g. the chi density
 * at its mode in {@code GaussianChiSquareQuadrature}).
 *
 * <p><b>Formula</b> (Abramowitz &amp; Stegun 6.1.40–6.1.42; DLMF 5.11.1). For x ≥ 10 the asymptotic series
 * <pre>
 *   ς(x) = Σ_{n=1}^{8} B_{2n} / (2n(2n−1) x^{2n−1})
 *        = 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹) − 691/(360360x¹¹) + 1/(156x¹³)
 *          − 3617/(122400x¹⁵),
 * </pre>
 * whose truncation error is below the first omitted term, 43867/(244188 x¹⁷) &lt; 2e-18 at x = 10. Below 10 the
 * recurrence Γ(x + 1) = xΓ(x) shifts the argument up: with z = x + n ≥ 10,
 * log Γ(x) = (z − ½) log z − z + ½ log 2π + ς(z) − log(x(x+1)…(x+n−1)).
 *
 * <p><b>Accuracy</b> against 30-digit mpmath ({@code src/test/resources/reference/special_functions_reference.py},
 * rows "loggamma" of its CSV; {@code LogGammaTest}): the error of log Γ is a few ulps of the largest term of the
 * formula, not of the result, so it is absolute (≈ 1e-15) near the zeros x = 1 and x = 2 of log Γ; ς is the
 * difference of two such sums below 10 and carries the same absolute error there.
 */
public final class LogGamma {

    /** From this argument on the asymptotic series is used directly. */
    private static final double ASYMPTOTIC_FROM = 10;

    private LogGamma() {
    }

    /**
     * log Γ(x) for x &gt; 0 (+∞ at +∞).
     *
     * @throws IllegalArgumentException if x is not &gt; 0 (also NaN)
     */
    public static double logGamma(double x) {
        check(x);
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        return shiftedLogGamma(x);
    }

    /**
     * ς(x) = log Γ(x) − ((x − ½) log x − x + ½ log 2π) for x &gt; 0; ~ 1/(12x) for large x, 0 at +∞.
     *
     * @throws IllegalArgumentException if x is not &gt; 0 (also NaN)
     */
    public static double stirlingRemainder(double x) {
        check(x);
        if (x >= ASYMPTOTIC_FROM) {
            double inv = 1 / x;
            double inv2 = inv * inv;
            // Bernoulli terms B_{2n} / (2n(2n−1) x^{2n−1}), n = 1 … 8: error < 2e-18 for x ≥ 10
            return inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680
                    + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156
                    + inv2 * (-3617.0 / 122400))))))));
        }
        return shiftedLogGamma(x) - ((x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI));
    }

    /** log Γ(x) by shifting up to z = x + n ≥ 10 (n = 0 for x ≥ 10): Stirling's terms + ς(z) − log Π(x + j). */
    private static double shiftedLogGamma(double x) {
        double product = 1;
        double z = x;
        while (z < ASYMPTOTIC_FROM) {
            product *= z;
            z += 1;
        }
        return (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + stirlingRemainder(z)
                - Math.log(product);
    }

    private static void check(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("x must be in (0, inf), got " + x);
        }
    }
}
