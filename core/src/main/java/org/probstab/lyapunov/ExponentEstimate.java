package org.probstab.lyapunov;

/**
 * One Lyapunov exponent Λ = E log|1 − λχ_B| (or the top exponent of a matrix product) with its uncertainty.
 *
 * @param value         the exponent; {@code Double.NEGATIVE_INFINITY} is legal (a factor exactly 0: almost-sure
 *                      collapse), NaN is not
 * @param standardError standard error of {@code value}; 0 for exact methods
 * @param logVariance   s² = Var log|1 − λχ_B| (002 Lemma 1), the per-step variance of log|z|; NaN when the
 *                      method does not provide it (matrix products), +∞ when {@code value} is −∞ with positive
 *                      probability only
 * @param method        how it was computed
 * @param samples       number of independent samples behind it (batches, trajectories, quadrature nodes,
 *                      enumerated batches)
 * @param steps         steps per trajectory (0 for non-trajectory methods)
 */
public record ExponentEstimate(double value, double standardError, double logVariance, Method method,
                               long samples, long steps) {

    public ExponentEstimate {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("exponent is NaN (method " + method + ")");
        }
        if (!(standardError >= 0)) {
            throw new IllegalArgumentException("standard error must be >= 0, got " + standardError);
        }
        if (method == null) {
            throw new IllegalArgumentException("method must be given");
        }
    }

    /** An exact value (SE = 0). */
    public static ExponentEstimate exact(double value, double logVariance, Method method, long samples) {
        return new ExponentEstimate(value, 0.0, logVariance, method, samples, 0);
    }
}
