package org.probstab.boundary;

import java.util.ArrayList;
import java.util.List;
import org.probstab.config.InvalidInputException;

/**
 * The exact boundary of one row along λ for a finite batch law (DESIGN §6): every root in (λ_lo, λ_hi] of Λ₋ and Λ₊
 * by {@link PoleBracketing}, and of E(1 − λχ_B)² − 1 by {@link MeanSquareBoundary}. With all roots of a row known,
 * the sign of each function at any λ of the row follows (each root records whether the function rises through 0),
 * so the phase of every λ in the row is known exactly.
 */
public final class FiniteBoundary {

    private FiniteBoundary() {
    }

    /** The roots of Λ₋, then Λ₊, then the L2 function, each ascending in λ. */
    public static List<BoundaryRoot> roots(BatchAtoms atoms, double lo, double hi) {
        List<BoundaryRoot> out = new ArrayList<>();
        for (BoundaryExponent e : BoundaryExponent.values()) {
            out.addAll(roots(atoms, e, lo, hi));
        }
        return out;
    }

    /** The roots of one function in (lo, hi], ascending in λ. */
    public static List<BoundaryRoot> roots(BatchAtoms atoms, BoundaryExponent exponent, double lo, double hi) {
        return exponent == BoundaryExponent.L2 ? MeanSquareBoundary.roots(atoms, lo, hi)
                : PoleBracketing.roots(atoms, exponent, lo, hi);
    }

    /**
     * The roots without the stripes narrower than {@code minWidth} (full width 2·exp(log_half_width)); both
     * roots of such a stripe go, so the row reads as unstable across it. Crossings are kept. {@code minWidth} = 0
     * keeps everything.
     *
     * @throws InvalidInputException when minWidth is negative or not finite
     */
    public static List<BoundaryRoot> withMinWidth(List<BoundaryRoot> roots, double minWidth) {
        if (!(minWidth >= 0) || minWidth == Double.POSITIVE_INFINITY) {
            throw InvalidInputException.outOfRange("min-width", minWidth, "a finite width >= 0");
        }
        if (minWidth == 0) {
            return List.copyOf(roots);
        }
        double logHalf = Math.log(0.5 * minWidth);
        List<BoundaryRoot> out = new ArrayList<>(roots.size());
        for (BoundaryRoot r : roots) {
            if (r.kind() != RootKind.STRIPE || !(r.logHalfWidth() < logHalf)) {
                out.add(r);
            }
        }
        return out;
    }

    /** A λ range (lo, hi]: finite, lo &lt; hi. */
    static void checkRange(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw InvalidInputException.outOfRange("lambda", "(" + lo + ", " + hi + "]",
                    "finite bounds with lambda_lo < lambda_hi");
        }
    }
}
