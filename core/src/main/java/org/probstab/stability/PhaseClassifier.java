package org.probstab.stability;

import org.probstab.lyapunov.ExponentEstimate;

/**
 * Classifies a cell into a {@link Phase} from its exponents (000 Prop. 1; DESIGN §2 table). An exponent Λ with
 * standard error SE is <em>determined</em> when |Λ| &gt; z·SE; for exact methods (SE = 0) only Λ = 0 exactly is
 * undetermined. Λ = −∞ is a determined negative exponent.
 */
public final class PhaseClassifier {

    /** The default number of standard errors, z = 3. */
    public static final double DEFAULT_Z = 3.0;

    private final double z;

    public PhaseClassifier(double z) {
        if (!(z >= 0) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("z must be in [0, inf), got " + z);
        }
        this.z = z;
    }

    public double z() {
        return z;
    }

    /** −1, +1, or 0 when |Λ| ≤ z·SE. */
    public int sign(ExponentEstimate e) {
        return sign(e.value(), e.standardError());
    }

    /** −1, +1, or 0 when |Λ| ≤ z·SE. */
    public int sign(double value, double standardError) {
        if (value == Double.NEGATIVE_INFINITY) {
            return -1;
        }
        if (Math.abs(value) <= z * standardError || value == 0) {
            return 0;
        }
        return value < 0 ? -1 : 1;
    }

    /**
     * Matrix-factorisation phases from Λ₋ (mode w − u), Λ₊ (mode w + u) and the mean-square factor
     * E(1 − λχ_B)² of the w − u mode.
     */
    public Phase matrixFactorisation(ExponentEstimate minus, ExponentEstimate plus, double meanSquareFactor) {
        int sm = sign(minus);
        int sp = sign(plus);
        if (sm == 0 || sp == 0) {
            return Phase.UNDETERMINED;
        }
        if (sm < 0 && sp > 0) {
            return meanSquareFactor < 1 ? Phase.IA : Phase.IB;
        }
        if (sm > 0 && sp < 0) {
            return Phase.II;
        }
        return sm < 0 ? Phase.III : Phase.IV;
    }

    /** Stable / unstable from a single (top) exponent. */
    public Phase single(double value, double standardError) {
        int s = sign(value, standardError);
        if (s == 0) {
            return Phase.UNDETERMINED;
        }
        return s < 0 ? Phase.STABLE : Phase.UNSTABLE;
    }
}
