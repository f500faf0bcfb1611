package org.probstab.boundary;

/**
 * The function whose λ-roots a boundary record follows (DESIGN §2, §6): the two exponents of the
 * matrix-factorisation saddle and the mean-square factor.
 */
public enum BoundaryExponent {
    /** Λ₋(λ) = E_B log|1 − λχ_B| = 0 (the sign of w − u). */
    MINUS("minus"),
    /** Λ₊(λ) = E_B log|1 + λχ_B| = 0 (the sign of w + u). */
    PLUS("plus"),
    /** E_B(1 − λχ_B)² − 1 = 0, the mean-square (L2) stability boundary. */
    L2("l2");

    private final String label;

    BoundaryExponent(String label) {
        this.label = label;
    }

    /** The name in boundary tables: {@code minus}, {@code plus} or {@code l2}. */
    public String label() {
        return label;
    }
}
