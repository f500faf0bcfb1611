package org.probstab.stability;

import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.special.StandardNormal;

/**
 * The log-normal (central-limit) picture of the rank-1 dynamics z_{t+1} = (1 − λh_t) z_t (002 Lemma 1, eq. 20–23;
 * App. B.2, eq. 39–41; 001 App. B.1 and Fig. 6): log|z_t/z_0| = Σ_{i≤t} log|1 − λh_i| is a sum of i.i.d. terms
 * with mean Λ and variance s², so
 * <pre>
 *   log|z_t/z_0| ≈ Normal(tΛ, t s²),
 *   P(|z_t| &lt; ε) ≈ Φ((ln ε − ln|z_0| − tΛ) / (s√t)),
 *   q_p(log|z_t/z_0|) ≈ tΛ + s√t Φ⁻¹(p) = tΛ + s√(2t) erf⁻¹(2p − 1).
 * </pre>
 * (002 eq. 41 prints the quantile of |w_t/w_0| as exp[tμ + √(2ts) erf⁻¹(2p − 1)]; the central limit gives the
 * scale s√(2t), which is what is implemented; its text's "standard deviation √t s" agrees.)
 *
 * <p>(Λ, s²) are what the exponent estimators return ({@link ExponentEstimate#value()},
 * {@link ExponentEstimate#logVariance()}); the approximation is good when t is large and s² finite.
 *
 * <p><b>Degenerate cases</b> (defined values, never NaN): t = 0 or s² = 0 is a point mass at tΛ (P = 1 if
 * tΛ &lt; ln ε − ln|z_0|, else 0; every quantile is tΛ); z_0 = 0 gives P = 1; Λ = −∞ (an atom of the factor at
 * 0) gives P = 1 and quantile −∞ for t ≥ 1 — the t → ∞ limit: collapse is almost sure, but the probability of
 * having collapsed by step t is not modelled. An infinite s² with a finite Λ, or NaN s² (matrix methods), is
 * refused.
 *
 * <p>Φ and Φ⁻¹ are {@link StandardNormal#cdf} and {@link StandardNormal#quantile}.
 */
public final class LogNormalClt {

    private LogNormalClt() {
    }

    /**
     * P(|z_t| &lt; ε) ≈ Φ((ln ε − ln|z_0| − tΛ)/(s√t)).
     *
     * @param epsilon     ε &gt; 0 (may be +∞)
     * @param z0          z_0, finite
     * @param t           steps t ≥ 0
     * @param exponent    Λ, not NaN
     * @param logVariance s² ≥ 0, not NaN; +∞ only with Λ = −∞
     */
    public static double probabilityBelow(double epsilon, double z0, long t, double exponent, double logVariance) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        if (!Double.isFinite(z0)) {
            throw new IllegalArgumentException("z0 must be finite, got " + z0);
        }
        checkLaw(t, exponent, logVariance);
        if (z0 == 0 || epsilon == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        double threshold = StrictMath.log(epsilon) - StrictMath.log(Math.abs(z0));
        if (t == 0) {
            return threshold > 0 ? 1.0 : 0.0;
        }
        if (exponent == Double.NEGATIVE_INFINITY) {
            return 1.0;
        }
        if (exponent == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        double mean = t * exponent;
        if (logVariance == 0) {
            return mean < threshold ? 1.0 : 0.0;
        }
        return StandardNormal.cdf((threshold - mean) / (Math.sqrt(logVariance) * Math.sqrt((double) t)));
    }

    /** {@link #probabilityBelow(double, double, long, double, double)} with Λ and s² of an estimate. */
    public static double probabilityBelow(double epsilon, double z0, long t, ExponentEstimate estimate) {
        return probabilityBelow(epsilon, z0, t, estimate.value(), estimate.logVariance());
    }

    /**
     * The p-quantile of log|z_t/z_0| ≈ tΛ + s√t Φ⁻¹(p): the typical trajectory (p = ½) and its spread.
     *
     * @param p in [0, 1]
     */
    public static double quantile(double p, long t, double exponent, double logVariance) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        checkLaw(t, exponent, logVariance);
        if (t == 0) {
            return 0.0;
        }
        if (Double.isInfinite(exponent)) {
            return exponent;
        }
        double mean = t * exponent;
        if (logVariance == 0) {
            return mean;
        }
        return mean + Math.sqrt(logVariance * (double) t) * StandardNormal.quantile(p);
    }

    private static void checkLaw(long t, double exponent, double logVariance) {
        if (t < 0) {
            throw new IllegalArgumentException("t must be >= 0, got " + t);
        }
        if (exponent != exponent) {
            throw new IllegalArgumentException("exponent must not be NaN");
        }
        if (!(logVariance >= 0)) {
            throw new IllegalArgumentException("logVariance must be >= 0 (not NaN), got " + logVariance);
        }
        if (logVariance == Double.POSITIVE_INFINITY && exponent != Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("an infinite logVariance needs exponent -Infinity, got " + exponent);
        }
    }
}
