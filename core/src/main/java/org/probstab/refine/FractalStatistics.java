package org.probstab.refine;

/**
 * The fractal statistics of one boundary (DESIGN §6), one row of a fractal-statistics table: the box-counting curve
 * with its fitted dimension and local slopes, the uncertainty exponent and the basin entropies.
 *
 * @param boundary    which boundary: {@code phase} (every label change), {@code minus}, {@code plus} or {@code l2}
 * @param counting    {@code boxes} (square boxes of side ε in the normalised plane) or {@code rows} (boxes of side ε
 *                    along λ within each row of a boundary table; the fitted slope s estimates D − 1, and
 *                    {@link #dimension()} is 1 + s)
 * @param levels      refinement levels behind the boundary (0 for a boundary table)
 * @param curve       the box-counting curve and its fit
 * @param uncertainty the uncertainty exponent, or null where no labels are known
 * @param entropy     the basin entropies on the finest uniform sub-grid, or null where no labels are known
 */
public record FractalStatistics(String boundary, String counting, int levels, BoxCountingCurve curve,
                                UncertaintyResult uncertainty, BasinEntropyResult entropy) {

    /** Box counting in the plane. */
    public static final String BOXES = "boxes";
    /** Box counting along the rows of a boundary table. */
    public static final String ROWS = "rows";

    public FractalStatistics {
        if (!BOXES.equals(counting) && !ROWS.equals(counting)) {
            throw new IllegalArgumentException("counting is boxes or rows, got " + counting);
        }
        if (curve == null || levels < 0) {
            throw new IllegalArgumentException("a curve and levels >= 0 are required");
        }
    }

    /** The box dimension of the boundary in the plane: the fitted slope, plus 1 when counted along rows. */
    public double dimension() {
        return curve.dimension() + (ROWS.equals(counting) ? 1 : 0);
    }

    /** The standard error of {@link #dimension()}. */
    public double dimensionSe() {
        return curve.dimensionSe();
    }

    /** [smallest ε, largest ε] of the fit. */
    public double[] fitRange() {
        return new double[] {Math.scalb(1.0, -curve.fitTo()), Math.scalb(1.0, -curve.fitFrom())};
    }
}
