package org.probstab.special;

/**
 * Mathematical constants shared by the estimators, each defined once.
 */
public final class Constants {

    /**
     * ln 2 = 0.693147180559945309417232121458…, correctly rounded to a double (0x1.62e42fefa39efp-1; equal to
     * {@code StrictMath.log(2)}). Used wherever a value kept as mantissa · 2^E is turned into a logarithm,
     * E·ln 2 + log(mantissa), and in the digamma values ψ(k + ½) = −γ − 2 ln 2 + Σ_{j&lt;k} 2/(2j+1).
     */
    public static final double LN2 = 0x1.62e42fefa39efp-1;

    private Constants() {
    }
}
