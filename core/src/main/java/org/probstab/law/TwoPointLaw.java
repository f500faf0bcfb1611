package org.probstab.law;

/**
 * The two-point curvature law χ ∈ {1, a}, equiprobable (000 Fig. 2-left, 001 Fig. 1b). With S = 1 its exponents
 * have the closed form Λ± = ½ log|(1 ± λ)(1 ± λa)|; for S &gt; 1 (with replacement) it is the finite dataset {1, a}
 * sampled with replacement.
 *
 * @param a the second curvature value (any finite real)
 */
public record TwoPointLaw(double a) {

    public TwoPointLaw {
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("a must be finite, got " + a);
        }
    }

    /** The equiprobable dataset {1, a}. */
    public FiniteDataset dataset() {
        return new FiniteDataset(new double[] {1.0, a});
    }

    /** Closed form at S = 1: ½ log|(1 − λ)(1 − λa)| for the signed step −λ (pass −λ for Λ₊). */
    public double exponentClosedForm(double lambda) {
        return 0.5 * (Math.log(Math.abs(1 - lambda)) + Math.log(Math.abs(1 - lambda * a)));
    }
}
