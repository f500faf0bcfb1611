package org.probstab.refine;

import java.util.Arrays;

/**
 * The exact boundary of a map given row by row (a boundary table, DESIGN §6): on each row (a value y of the other
 * axis, normalised to [0, 1]) the roots of each boundary function along the normalised λ-axis x ∈ [0, 1]. Every root
 * is simple — the function changes sign there — so with the sign of each function at the start of the row the
 * label (the sign pattern of all functions, the phase) of every x of the row is known exactly:
 * <pre>   label(x) = start ⊕ (⊕ over roots r ≤ x of the bit of r's function),</pre>
 * bit f set when function f is positive. Resolution along x is free: nothing here depends on a grid along the rows.
 *
 * <ul>
 *   <li>{@link #uncertainFraction}: the exact fraction of points (x, row) with x ∈ [m, 1 − m] whose label differs
 *       from that at x − ε or x + ε (Grebogi et al.'s ε-uncertain points, perturbed along the rows). Only parities of
 *       roots between x and x ± ε enter, so it needs no start signs. The predicate is constant between consecutive
 *       points of {r, r ± ε}, so one evaluation per piece gives the exact measure.</li>
 *   <li>{@link #labels}: labels on a uniform sub-grid of rows and columns (needs the start signs) for basin
 *       entropy.</li>
 * </ul>
 */
public final class BoundaryRows {

    private final double[] y;
    /** Per row: all roots ascending, the function bit of each, and the prefix XOR of those bits. */
    private final double[][] roots;
    private final int[][] bits;
    private final int[][] prefix;
    private final int[] start;

    /**
     * @param y      each row's normalised coordinate in [0, 1], ascending
     * @param roots  {@code roots[row][function]}: that function's roots on the row, normalised to [0, 1]
     * @param start  each row's label just above x = 0 (bit f: function f positive there); −1 where unknown
     */
    public BoundaryRows(double[] y, double[][][] roots, int[] start) {
        if (y.length != roots.length || y.length != start.length || y.length == 0) {
            throw new IllegalArgumentException("one y, one root list and one start label per row (at least one row)");
        }
        this.y = y.clone();
        this.start = start.clone();
        this.roots = new double[y.length][];
        this.bits = new int[y.length][];
        this.prefix = new int[y.length][];
        for (int r = 0; r < y.length; r++) {
            if (roots[r].length > 30) {
                throw new IllegalArgumentException("at most 30 functions per row, got " + roots[r].length);
            }
            if (!(y[r] >= 0 && y[r] <= 1) || (r > 0 && y[r] < y[r - 1])) {
                throw new IllegalArgumentException("row coordinates must be ascending in [0, 1], got " + y[r]);
            }
            int n = 0;
            for (double[] f : roots[r]) {
                n += f.length;
            }
            int[] function = new int[n];
            double[] all = new double[n];
            int next = 0;
            for (int f = 0; f < roots[r].length; f++) {
                for (double x : roots[r][f]) {
                    if (!(x >= 0 && x <= 1)) {
                        throw new IllegalArgumentException("roots must be normalised to [0, 1], got " + x);
                    }
                    all[next] = x;
                    function[next] = f;
                    next++;
                }
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
            double[] sorted = new double[n];
            int[] fb = new int[n];
            int[] px = new int[n + 1];
            for (int i = 0; i < n; i++) {
                sorted[i] = all[order[i]];
                fb[i] = 1 << function[order[i]];
                px[i + 1] = px[i] ^ fb[i];
            }
            this.roots[r] = sorted;
            this.bits[r] = fb;
            this.prefix[r] = px;
        }
    }

    public int rows() {
        return y.length;
    }

    /** The normalised coordinate of a row. */
    public double y(int row) {
        return y[row];
    }

    /** All roots of a row, ascending (all functions together). */
    public double[] roots(int row) {
        return roots[row].clone();
    }

    /** The number of roots of all rows. */
    public int rootCount() {
        int n = 0;
        for (double[] r : roots) {
            n += r.length;
        }
        return n;
    }

    /** Whether every row's start label is known. */
    public boolean labelled() {
        return Arrays.stream(start).allMatch(s -> s >= 0);
    }

    /** The label at x of a row (needs its start label). */
    public int label(int row, double x) {
        if (start[row] < 0) {
            throw new IllegalStateException("row " + row + " has no start label");
        }
        return start[row] ^ parity(row, x);
    }

    /** XOR of the function bits of the roots ≤ x. */
    private int parity(int row, double x) {
        double[] r = roots[row];
        int lo = 0;
        int hi = r.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (r[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return prefix[row][lo];
    }

    /**
     * The exact fraction of ε-uncertain points (x, row), x uniform in [margin, 1 − margin] on every row: those where
     * the label at x − ε or at x + ε differs from the label at x.
     *
     * @param eps    the perturbation, &gt; 0
     * @param margin at least eps (so x ± ε stays in [0, 1])
     */
    public double uncertainFraction(double eps, double margin) {
        if (!(eps > 0) || !(margin >= eps) || !(margin < 0.5)) {
            throw new IllegalArgumentException("need 0 < eps <= margin < 0.5, got eps = " + eps + ", margin = "
                    + margin);
        }
        double lo = margin;
        double hi = 1 - margin;
        double uncertain = 0;
        double[] cuts = new double[0];
        for (int row = 0; row < y.length; row++) {
            double[] r = roots[row];
            if (r.length == 0) {
                continue;
            }
            int n = 0;
            if (cuts.length < 3 * r.length + 2) {
                cuts = new double[3 * r.length + 2];
            }
            cuts[n++] = lo;
            cuts[n++] = hi;
            for (double x : r) {
                for (double c : new double[] {x - eps, x, x + eps}) {
                    if (c > lo && c < hi) {
                        cuts[n++] = c;
                    }
                }
            }
            Arrays.sort(cuts, 0, n);
            for (int i = 0; i + 1 < n; i++) {
                double a = cuts[i];
                double b = cuts[i + 1];
                if (b <= a) {
                    continue;
                }
                double m = 0.5 * (a + b);
                int here = parity(row, m);
                if (parity(row, m - eps) != here || parity(row, m + eps) != here) {
                    uncertain += b - a;
                }
            }
        }
        return uncertain / (y.length * (hi - lo));
    }

    /**
     * Labels on a uniform sub-grid: every {@code rowStride}-th row (from the first), and {@code columns} points
     * x_j = (j + ½)/columns along each — {@code labels[row][col]}.
     */
    public int[][] labels(int rowStride, int columns) {
        if (rowStride < 1 || columns < 1) {
            throw new IllegalArgumentException("row stride and columns must be >= 1");
        }
        int rows = (y.length + rowStride - 1) / rowStride;
        int[][] out = new int[rows][columns];
        for (int i = 0; i < rows; i++) {
            int row = i * rowStride;
            double[] r = roots[row];
            int next = 0;
            int label = start[row];
            if (label < 0) {
                throw new IllegalStateException("row " + row + " has no start label");
            }
            for (int j = 0; j < columns; j++) {
                double x = (j + 0.5) / columns;
                while (next < r.length && r[next] <= x) {
                    label ^= bits[row][next++];
                }
                out[i][j] = label;
            }
        }
        return out;
    }
}
