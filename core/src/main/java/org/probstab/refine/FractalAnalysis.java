package org.probstab.refine;

import java.util.ArrayList;
import java.util.List;

/**
 * Fractal statistics of a phase boundary (DESIGN §6) from the two kinds of table that hold one, each axis normalised
 * onto [0, 1]:
 * <ul>
 *   <li><b>a boundary table</b> ({@link #ofRows}): exact roots on R rows. Box counting of the roots as points of the
 *       plane ({@code boxes}) from ε = 2⁻¹ down to the row spacing 2^−K, K = ⌊log₂(R − 1)⌋, fitted over
 *       k = min(3, K − 5) … K − 2: boxes at least four rows high, so that a curve crossing the rows at a shallow
 *       angle still has a root in every box it passes, and from 2⁻³, where separate curves are resolved (a rough
 *       curve, whose root moves by more than a box between neighbouring rows, needs more rows); below the row spacing, boxes along each row ({@code rows}, {@link BoxCounting#alongRows})
 *       from 2^−K to 2^−{@value #ALONG_FINEST}, where only λ resolves: the slope there is that of the sections, D − 1
 *       (Marstrand), fitted over the whole range, and a set of finitely many roots per row shows slope 0. The
 *       uncertainty exponent is exact along the rows ({@link BoundaryRows#uncertainFraction}) at ε = 2^−k from the
 *       plane's finest fitted box down {@value #UNCERTAINTY_OCTAVES} octaves (margin: that box; along the rows ε may go
 *       below the row spacing), fitted over them all; α = 2 − D as in the plane, since a section of a set of
 *       dimension D has dimension D − 1 and α_line = 1 − (D − 1). The basin entropies are on a uniform sub-grid of at most
 *       {@value #MAX_ENTROPY_SIDE} rows (every s-th row) and as many points along λ, in boxes of
 *       {@value #ENTROPY_BOX} × {@value #ENTROPY_BOX}. Rows that cross a boundary between neighbours far apart in λ
 *       (a boundary nearly parallel to the rows) are seen only where they cross it: counts in the plane at ε below
 *       that gap are low.</li>
 *   <li><b>a refined table</b> ({@link #ofRefined}): the boxes of the finest level whose corners disagree (unit boxes
 *       of the finest grid, in index coordinates j/2^K with 2^K ≥ the finest intervals per axis, so that they are
 *       dyadic). The curve runs from the coarse grid's scale 2^−(K−L) to 2^−K and is fitted over it all. A boundary
 *       the coarse grid missed everywhere is missing at every scale. Labels come from the finest uniform sub-grid
 *       that the refinement determines ({@link RefinedLabels}); the uncertainty exponent on it
 *       ({@link UncertaintyExponent#onGrid}, ε = 1, 2, 4, … cells) and the basin entropies as above.</li>
 * </ul>
 */
public final class FractalAnalysis {

    /** Finest scale along rows: 2⁻⁴⁴ of the λ range (≈ 5.7e-14, the root brackets' relative width). */
    public static final int ALONG_FINEST = 44;
    /** Octaves of ε of the uncertainty exponent along rows, from the plane's finest fitted box down. */
    public static final int UNCERTAINTY_OCTAVES = 6;
    /** Largest side of the basin-entropy grid. */
    public static final int MAX_ENTROPY_SIDE = 2048;
    /** Box side of the basin entropy, in cells (Daza et al. 2016 use 5). */
    public static final int ENTROPY_BOX = 5;

    private FractalAnalysis() {
    }

    /**
     * The statistics of a boundary table's boundary: {@code boxes} (in the plane) and {@code rows} (along λ).
     *
     * @param boundary the boundary's name ({@code phase}, or one function)
     * @param rows     the roots, normalised
     */
    public static List<FractalStatistics> ofRows(String boundary, BoundaryRows rows) {
        if (rows.rootCount() == 0) {
            throw new IllegalArgumentException("no roots: the " + boundary + " boundary does not meet the map");
        }
        int r = rows.rows();
        int k = r >= 5 ? 31 - Integer.numberOfLeadingZeros(r - 1) : 2;
        int rowBits = 32 - Integer.numberOfLeadingZeros(r);
        int along = Math.min(ALONG_FINEST, 62 - rowBits);
        double[][] points = new double[2][rows.rootCount()];
        int[] rowOf = new int[rows.rootCount()];
        double[] xs = new double[rows.rootCount()];
        int n = 0;
        for (int i = 0; i < r; i++) {
            for (double x : rows.roots(i)) {
                points[0][n] = x;
                points[1][n] = rows.y(i);
                rowOf[n] = i;
                xs[n] = x;
                n++;
            }
        }
        int fitTo = Math.max(2, k - 2);
        int fitFrom = Math.max(1, Math.min(3, fitTo - 3));
        BoxCountingCurve plane = BoxCounting.ofPoints(points, 1, k, fitFrom, fitTo);
        BoxCountingCurve line = BoxCounting.alongRows(rowOf, xs, k, along, k, along);

        double[] eps = new double[UNCERTAINTY_OCTAVES + 1];
        double[] fraction = new double[eps.length];
        double margin = Math.scalb(1.0, -fitTo);
        for (int i = 0; i < eps.length; i++) {
            eps[i] = Math.scalb(1.0, -(fitTo + UNCERTAINTY_OCTAVES - i));
            fraction[i] = rows.uncertainFraction(eps[i], margin);
        }
        UncertaintyResult uncertainty = null;
        if (countPositive(fraction) == fraction.length && fraction.length >= 2) {
            uncertainty = UncertaintyExponent.ofFractions(2, eps, fraction, 0, eps.length - 1);
        }
        BasinEntropyResult entropy = null;
        if (rows.labelled() && r >= ENTROPY_BOX) {
            int stride = (r + MAX_ENTROPY_SIDE - 1) / MAX_ENTROPY_SIDE;
            int side = (r + stride - 1) / stride;
            entropy = BasinEntropy.of(rows.labels(stride, side), ENTROPY_BOX);
        }
        List<FractalStatistics> out = new ArrayList<>();
        out.add(new FractalStatistics(boundary, FractalStatistics.BOXES, 0, plane, uncertainty, entropy));
        out.add(new FractalStatistics(boundary, FractalStatistics.ROWS, 0, line, uncertainty, entropy));
        return out;
    }

    /**
     * The statistics of a refined table's boundary.
     *
     * @param lower  {@code lower[axis][i]}: the finest-grid index of boundary box i's lower corner on each refined
     *               axis (unit boxes of the finest level whose corners disagree)
     * @param sizes  points of the finest grid along each refined axis
     * @param levels L, the refinement levels
     * @param labels the finest uniform sub-grid's labels (2-D only), or null
     */
    public static FractalStatistics ofRefined(long[][] lower, long[] sizes, int levels, int[][] labels) {
        int d = lower.length;
        long max = 1;
        for (long s : sizes) {
            max = Math.max(max, s - 1);
        }
        int k = 64 - Long.numberOfLeadingZeros(max - 1);
        if ((long) d * k > 62) {
            throw new IllegalArgumentException("the finest grid is too fine to count in " + d + " dimensions");
        }
        int n = lower[0].length;
        if (n == 0) {
            throw new IllegalArgumentException("no boundary box at the finest level");
        }
        double scale = Math.scalb(1.0, -k);
        double[][] lo = new double[d][n];
        double[][] hi = new double[d][n];
        for (int a = 0; a < d; a++) {
            for (int i = 0; i < n; i++) {
                lo[a][i] = lower[a][i] * scale;
                hi[a][i] = (lower[a][i] + 1) * scale;
            }
        }
        int coarse = Math.max(0, k - levels);
        int kMin = Math.max(0, coarse - 1);
        BoxCountingCurve curve = BoxCounting.ofCells(lo, hi, kMin, k, coarse == k ? kMin : coarse, k);
        UncertaintyResult uncertainty = null;
        BasinEntropyResult entropy = null;
        if (labels != null && labels.length >= 2 * ENTROPY_BOX && labels[0].length >= 2 * ENTROPY_BOX) {
            int side = Math.min(labels.length, labels[0].length);
            List<Integer> offsets = new ArrayList<>();
            for (int m = 1; 2 * m < side && offsets.size() < 8; m *= 2) {
                offsets.add(m);
            }
            if (offsets.size() >= 2) {
                int[] o = offsets.stream().mapToInt(Integer::intValue).toArray();
                try {
                    uncertainty = UncertaintyExponent.onGrid(labels, o, 0, o.length - 1);
                } catch (IllegalArgumentException e) {
                    uncertainty = null; // no uncertain point at some ε: the boundary is not seen on this grid
                }
            }
            entropy = BasinEntropy.of(labels, ENTROPY_BOX);
        }
        return new FractalStatistics("phase", FractalStatistics.BOXES, levels, curve, uncertainty, entropy);
    }

    private static int countPositive(double[] v) {
        int n = 0;
        for (double x : v) {
            if (x > 0) {
                n++;
            }
        }
        return n;
    }
}
