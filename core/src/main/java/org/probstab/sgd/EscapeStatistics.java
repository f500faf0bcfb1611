package org.probstab.sgd;

/**
 * How far a scalar parameter escaped from the saddle w = 0 (002 Fig. 2).
 *
 * <ul>
 *   <li>Escape probability: the fraction of runs whose final w lies outside the two central bins of the
 *       final-parameter histogram, [−h, h) with h the bin width (a non-finite w counts as escaped); its standard
 *       error is the binomial √(p(1 − p)/R).</li>
 *   <li>Escape rate (002 Def. 2 and eq. 9): γ̂ = (1/R) Σ_r (1/τ) ln|w_{t₀+τ}/w_{t₀}| over the window
 *       [t₀, t₀ + τ] (eq. 9 with the sum of the log-ratios of consecutive steps telescoped; the paper uses t₀ = 0,
 *       τ = 50 in §6.2 and 100 in App. A.2), SE = sd_r/√R. A run whose w is exactly 0 at the window's end
 *       contributes −∞ (γ̂ = −∞, SE 0, as a collapsed Lyapunov trajectory); a run that diverged (non-finite w)
 *       contributes +∞. When some runs collapsed and others diverged (at λ = 1 on the two-point law, where
 *       1 − λx = 0 for one point), γ̂ is undefined: NaN with a NaN SE, null in the table.</li>
 * </ul>
 *
 * @param probability       escape probability, in [0, 1]
 * @param probabilitySe     its binomial standard error
 * @param centralHalfWidth  h: a run escaped when |w_T| ≥ h (or w_T ≥ h, w_T &lt; −h: the bins are [−h, 0), [0, h))
 * @param rate              γ̂ (±∞ allowed; NaN only when undefined, see above)
 * @param rateSe            its standard error (0 when γ̂ is infinite, +∞ with one run, NaN with a NaN γ̂)
 * @param windowStart       t₀
 * @param windowLength      τ ≥ 1
 * @param medianLogAbs      the median over runs of ln|w_T| (−∞ when more than half collapsed to 0): far below 0
 *                          when the runs converge to the maximum, near or above 0 when they stay away
 */
public record EscapeStatistics(double probability, double probabilitySe, double centralHalfWidth, double rate,
                               double rateSe, long windowStart, long windowLength, double medianLogAbs) {

    public EscapeStatistics {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("escape probability must be in [0, 1], got " + probability);
        }
        if (Double.isNaN(rate) ? !Double.isNaN(rateSe) : !(rateSe >= 0)) {
            throw new IllegalArgumentException("escape rate SE must be >= 0 (NaN exactly when the rate is), got "
                    + rate + " +- " + rateSe);
        }
        if (windowStart < 0 || windowLength < 1) {
            throw new IllegalArgumentException("escape window must have start >= 0 and length >= 1");
        }
    }
}
