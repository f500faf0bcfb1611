package org.probstab.boundary;

import java.util.ArrayList;
import java.util.List;

/**
 * The λ-roots of the mean-square function E_B(1 − λχ_B)² − 1 = λ(m₂λ − 2m₁), m₁ = Eχ_B, m₂ = Eχ_B² (DESIGN §2,
 * the L2 stability boundary that splits phase I into Ia and Ib): λ = 0 and λ = 2m₁/m₂, in closed form. For a finite
 * dataset m₂ = Var χ_B + m₁² with Var χ_B = Var χ/S (with replacement) or Var χ/S · (N − S)/(N − 1) (without), as
 * {@code MomentStability} has it; here both moments come straight from the atoms.
 *
 * <p>The quadratic is negative between its roots and positive outside, so λ = 2m₁/m₂ is rising when m₁ &gt; 0 and
 * falling when m₁ &lt; 0, and λ = 0 the opposite (m₁ = 0: a double root at 0, which is a touching point, not a
 * crossing, and is not reported). All χ_B = 0 (m₂ = 0) makes the function identically 0: no roots. The computed
 * 2m₁/m₂ carries a few roundings (the moment sums, one division); its bracket is the root ± 2⁻⁴⁴|root|, far wider
 * than that error and as narrow as the bracketing of {@link PoleBracketing}.
 */
public final class MeanSquareBoundary {

    private MeanSquareBoundary() {
    }

    /** The roots in (lo, hi], ascending. */
    public static List<BoundaryRoot> roots(BatchAtoms atoms, double lo, double hi) {
        FiniteBoundary.checkRange(lo, hi);
        return roots(atoms.mean(), atoms.secondMoment(), lo, hi);
    }

    /** The roots in (lo, hi] of λ(m₂λ − 2m₁) for given m₁ = Eχ_B and m₂ = Eχ_B² ≥ m₁². */
    public static List<BoundaryRoot> roots(double mean, double secondMoment, double lo, double hi) {
        FiniteBoundary.checkRange(lo, hi);
        if (!Double.isFinite(mean) || !(secondMoment >= 0) || secondMoment == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("moments must be finite with E chi^2 >= 0, got " + mean + ", "
                    + secondMoment);
        }
        List<BoundaryRoot> out = new ArrayList<>(2);
        if (secondMoment == 0 || mean == 0) {
            return out;
        }
        double threshold = 2 * mean / secondMoment;
        double[] candidates = threshold < 0 ? new double[] {threshold, 0} : new double[] {0, threshold};
        for (double root : candidates) {
            if (root > lo && root <= hi) {
                boolean rising = root == threshold ? mean > 0 : mean < 0;
                double margin = PoleBracketing.TOLERANCE * Math.abs(root);
                out.add(BoundaryRoot.crossing(BoundaryExponent.L2, root, root - margin, root + margin, rising));
            }
        }
        return out;
    }
}
