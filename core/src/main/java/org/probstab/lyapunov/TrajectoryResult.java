package org.probstab.lyapunov;

import org.probstab.special.RunningMoments;

/**
 * What R renormalised trajectories say about θ_{t+1} = (I − λĤ_t) θ_t (DESIGN §2, "Monte-Carlo trajectories";
 * 000 eq. 8, Thm 3; 002 Lemma 1).
 *
 * <p>With L_r = log‖θ_T‖ of run r (‖θ_0‖ = 1, after the burn-in):
 * <ul>
 *   <li>{@code exponent}: Λ̂ = (1/R) Σ_r L_r/T, SE = sd_r(L_r/T)/√R (sample standard deviation, divisor R − 1;
 *       +∞ when R = 1). If some run collapsed to exactly 0 (a factor exactly 0), Λ̂ = −∞ with SE = 0: almost-sure
 *       collapse is a legal, exact-in-kind answer (DESIGN §2), never NaN;</li>
 *   <li>{@code probabilityBelowEpsilon}: (1/R) #{r : L_r &lt; log ε};</li>
 *   <li>{@code meanSquareGrowth}: (1/T) log((1/R) Σ_r ‖θ_T‖²) = (1/T)(logsumexp_r(2L_r) − log R), computed by
 *       log-sum-exp so that ‖θ_T‖² never over- or underflows. It estimates the mean-square exponent, which can be
 *       positive while Λ &lt; 0 (it is dominated by rare large runs, so with few runs it is biased low).</li>
 * </ul>
 *
 * @param exponent                the top Lyapunov exponent, {@link Method#TRAJECTORY}
 * @param probabilityBelowEpsilon empirical P(‖θ_T‖ &lt; ε), in [0, 1]
 * @param meanSquareGrowth        (1/T) log mean_r ‖θ_T‖²; −∞ when every run collapsed
 */
public record TrajectoryResult(ExponentEstimate exponent, double probabilityBelowEpsilon, double meanSquareGrowth) {

    public TrajectoryResult {
        if (exponent == null) {
            throw new IllegalArgumentException("exponent must be given");
        }
        if (!(probabilityBelowEpsilon >= 0 && probabilityBelowEpsilon <= 1)) {
            throw new IllegalArgumentException("probabilityBelowEpsilon must be in [0, 1], got "
                    + probabilityBelowEpsilon);
        }
        if (Double.isNaN(meanSquareGrowth)) {
            throw new IllegalArgumentException("meanSquareGrowth must not be NaN");
        }
    }

    /**
     * Builds the result from the per-run log-norms L_r = log‖θ_T‖ (each finite or −∞).
     *
     * @param logVariance s², or NaN when not estimated
     */
    static TrajectoryResult fromLogNorms(double[] logNorms, long steps, double epsilon, double logVariance) {
        int runs = logNorms.length;
        double[] exponents = new double[runs];
        double logEpsilon = StrictMath.log(epsilon);
        int below = 0;
        double maxTwice = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < runs; r++) {
            exponents[r] = logNorms[r] / steps;
            if (logNorms[r] < logEpsilon) {
                below++;
            }
            maxTwice = Math.max(maxTwice, 2 * logNorms[r]);
        }
        double meanSquareGrowth;
        if (maxTwice == Double.NEGATIVE_INFINITY) {
            meanSquareGrowth = Double.NEGATIVE_INFINITY;
        } else {
            double sum = 0;
            for (double l : logNorms) {
                sum += StrictMath.exp(2 * l - maxTwice);
            }
            meanSquareGrowth = (maxTwice + StrictMath.log(sum) - StrictMath.log(runs)) / steps;
        }
        double mean = mean(exponents);
        ExponentEstimate exponent = new ExponentEstimate(mean, standardError(exponents, mean), logVariance,
                Method.TRAJECTORY, runs, steps);
        return new TrajectoryResult(exponent, (double) below / runs, meanSquareGrowth);
    }

    /** (1/n) Σ x_i; −∞ as soon as one x_i is −∞ ({@link RunningMoments#mean(double[])}). */
    static double mean(double[] x) {
        return RunningMoments.mean(x);
    }

    /**
     * sd(x)/√n with the n − 1 divisor (two-pass); 0 when the mean is infinite (a collapsed run), +∞ when n = 1.
     */
    static double standardError(double[] x, double mean) {
        if (Double.isInfinite(mean)) {
            return 0.0;
        }
        int n = x.length;
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(RunningMoments.sumOfSquaredDeviations(x, mean) / (n - 1) / n);
    }
}
