package org.probstab.boundary;

/**
 * One λ-root of a boundary function along a row (one row of a boundary table, DESIGN §4, §6).
 *
 * @param exponent     which function vanishes
 * @param root         the root, the double nearest to it within the guarantee of the method that found it
 *                     ({@link PoleBracketing}, {@link MeanSquareBoundary})
 * @param bracketLo    the lower end of an interval that contains the root: the solver's last bracket, on whose ends
 *                     the computed function has opposite signs (in λ, or near a pole in the log distance to it),
 *                     rounded outward to doubles ({@link PoleBracketing}); [r, r] for a root hit exactly
 * @param bracketHi    its upper end
 * @param kind         crossing, or one side of a stripe
 * @param pole         stripes: the pole λ = 1/c the stripe surrounds (the double nearest to it); NaN for crossings
 * @param logHalfWidth stripes: ln of the stripe's half-width (d⁻ + d⁺)/2, d∓ the exact distances from the pole to
 *                     its two roots, kept in log form so that it is exact where the width itself underflows or lies
 *                     below double resolution around the pole; NaN for crossings
 * @param rising       true when the function goes from negative (stable) to positive (unstable) as λ grows
 */
public record BoundaryRoot(BoundaryExponent exponent, double root, double bracketLo, double bracketHi, RootKind kind,
                           double pole, double logHalfWidth, boolean rising) {

    public BoundaryRoot {
        if (exponent == null || kind == null) {
            throw new IllegalArgumentException("exponent and kind are required");
        }
        if (!Double.isFinite(root) || !(bracketLo <= root) || !(root <= bracketHi)) {
            throw new IllegalArgumentException("root must be finite and inside its bracket, got " + root + " in ["
                    + bracketLo + ", " + bracketHi + "]");
        }
        if (kind == RootKind.STRIPE) {
            if (!Double.isFinite(pole) || Double.isNaN(logHalfWidth) || logHalfWidth == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("a stripe root needs a finite pole and half-width, got pole "
                        + pole + ", log half-width " + logHalfWidth);
            }
        } else if (!Double.isNaN(pole) || !Double.isNaN(logHalfWidth)) {
            throw new IllegalArgumentException("a crossing has no pole or half-width, got " + pole + ", "
                    + logHalfWidth);
        }
    }

    /** A crossing. */
    static BoundaryRoot crossing(BoundaryExponent exponent, double root, double bracketLo, double bracketHi,
                                 boolean rising) {
        return new BoundaryRoot(exponent, root, bracketLo, bracketHi, RootKind.CROSSING, Double.NaN, Double.NaN,
                rising);
    }

    /** The stripe's full width 2·exp(logHalfWidth) (0 where it underflows); NaN for crossings. */
    public double width() {
        return kind == RootKind.STRIPE ? 2 * Math.exp(logHalfWidth) : Double.NaN;
    }

    /**
     * Whether this stripe root is a double different from its pole, i.e. the stripe is wider than the double
     * spacing at the pole on this side; false for crossings.
     */
    public boolean resolved() {
        return kind == RootKind.STRIPE && root != pole;
    }
}
