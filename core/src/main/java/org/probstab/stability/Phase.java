package org.probstab.stability;

/**
 * The phase of a cell (000 §5.3, Prop. 1, Fig. 2-left; DESIGN §2). For the matrix-factorisation saddle the phase is
 * the sign pattern of (Λ₋, Λ₊), with phase I split by mean-square stability; single-exponent models (linear
 * regression, random symmetric Hessians) are stable or unstable. {@link #UNDETERMINED} marks a cell with an
 * exponent within z standard errors of 0 (or exactly 0).
 */
public enum Phase {
    /** Λ₋ &lt; 0 &lt; Λ₊ and E(1 − λχ_B)² &lt; 1: correct learning, also mean-square stable. */
    IA("Ia"),
    /** Λ₋ &lt; 0 &lt; Λ₊ and E(1 − λχ_B)² ≥ 1: correct learning in probability only. */
    IB("Ib"),
    /** Λ₋ &gt; 0 &gt; Λ₊: incorrect learning, w → −u. */
    II("II"),
    /** Λ₋ &lt; 0, Λ₊ &lt; 0: collapse to the low-rank saddle. */
    III("III"),
    /** Λ₋ &gt; 0, Λ₊ &gt; 0: completely unstable. */
    IV("IV"),
    /** Single exponent Λ &lt; 0: θ_t → 0 in probability. */
    STABLE("stable"),
    /** Single exponent Λ &gt; 0. */
    UNSTABLE("unstable"),
    /** An exponent is within z·SE of 0. */
    UNDETERMINED("undetermined");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /** The name written to tables. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
