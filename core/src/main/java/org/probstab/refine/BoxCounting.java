package org.probstab.refine;

import java.util.Arrays;

/**
 * Box counting (Falconer, <i>Fractal Geometry</i>, 2nd ed., §3.1): for a set F in the unit cube [0, 1]^d, N(ε) is
 * the number of boxes of the dyadic grid of side ε = 2^−k that meet F, and the box dimension is
 * D = lim ln N(ε) / ln(1/ε). Over a finite, stated range of k the dimension is the least-squares slope of ln N
 * against k ln 2 ({@link ScalingFit}); the local slope per octave, log₂(N(2^−k−1)/N(2^−k)), shows crossovers that
 * the single fitted number would average away (DESIGN §6).
 *
 * <p>Boundary elements come in normalised coordinates (each axis mapped affinely onto [0, 1]):
 * <ul>
 *   <li><b>points</b> ({@link #ofPoints}) — e.g. exact roots (λ, μ) of a boundary table: a point is in the box
 *       ⌊x·2^k⌋ on each axis (x = 1 goes into the last box);</li>
 *   <li><b>cells</b> ({@link #ofCells}) — e.g. boundary cells of a refined phase grid, each its own size, as
 *       half-open boxes [lower, upper): a cell meets every grid box its interior overlaps. A dyadic cell of side
 *       ≤ ε lies in exactly one box; at scales finer than a cell every box under it is counted (the boundary is
 *       somewhere inside, position unknown), so fit only scales at or above the cell sizes;</li>
 *   <li><b>rows</b> ({@link #alongRows}) — points on the parallel lines of a boundary table (one μ row each): the
 *       distinct (row, ⌊x·2^k⌋) pairs, boxes of side 2^−k along the row within each row. Along λ the roots are exact,
 *       so this resolves far below the row spacing: for a set of dimension D its sections by lines generically have
 *       dimension D − 1 (Marstrand's slicing theorem, Falconer Cor. 7.10), so the slope here estimates D − 1.</li>
 * </ul>
 * Points and rows are sorted once, by their key at the finest scale (bit-interleaved for points, so the key at a
 * coarser scale is a right shift that keeps the order): O(n log n) for the whole curve. Cells are counted scale by
 * scale (one long key per cell and box, d·k ≤ 62 bits).
 */
public final class BoxCounting {

    /** Cells larger than this many boxes at one scale are refused (the count would not mean anything anyway). */
    static final long MAX_BOXES = 1L << 26;

    private BoxCounting() {
    }

    /**
     * The curve for points.
     *
     * @param points {@code points[axis][i]}: coordinate of point i on each axis, in [0, 1]
     * @param kMin   the coarsest scale 2^−kMin (≥ 0)
     * @param kMax   the finest scale 2^−kMax (d·kMax ≤ 62)
     * @param fitFrom first k of the fit (kMin ≤ fitFrom &lt; fitTo ≤ kMax)
     * @param fitTo  last k of the fit
     */
    public static BoxCountingCurve ofPoints(double[][] points, int kMin, int kMax, int fitFrom, int fitTo) {
        int d = points.length;
        checkScales(d, kMin, kMax, fitFrom, fitTo);
        // Morton (bit-interleaved) keys at the finest scale: the key at scale k is the finest key shifted right by
        // d·(kMax − k), and shifting keeps the sorted order, so one sort serves every scale.
        int n = points[0].length;
        long side = 1L << kMax;
        long[] keys = new long[n];
        long[] first = new long[d];
        long[] last = new long[d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                range(points[a][i], points[a][i], side, first, last, a);
            }
            long key = 0;
            for (int bit = kMax - 1; bit >= 0; bit--) {
                for (int a = 0; a < d; a++) {
                    key = (key << 1) | ((first[a] >>> bit) & 1);
                }
            }
            keys[i] = key;
        }
        Arrays.sort(keys);
        long[] counts = new long[kMax - kMin + 1];
        for (int k = kMin; k <= kMax; k++) {
            counts[k - kMin] = distinctSorted(keys, d * (kMax - k));
        }
        return curve(kMin, counts, fitFrom, fitTo);
    }

    /** The number of distinct keys >>> shift in a sorted array (shifting keeps the order). */
    private static long distinctSorted(long[] sorted, int shift) {
        if (sorted.length == 0) {
            return 0;
        }
        long count = 1;
        long previous = sorted[0] >>> shift;
        for (int i = 1; i < sorted.length; i++) {
            long key = sorted[i] >>> shift;
            if (key != previous) {
                count++;
                previous = key;
            }
        }
        return count;
    }

    /** The curve for cells [lower, upper) (points where lower = upper); arrays as in {@link #ofPoints}. */
    public static BoxCountingCurve ofCells(double[][] lower, double[][] upper, int kMin, int kMax, int fitFrom,
                                           int fitTo) {
        checkScales(lower.length, kMin, kMax, fitFrom, fitTo);
        long[] counts = new long[kMax - kMin + 1];
        for (int k = kMin; k <= kMax; k++) {
            counts[k - kMin] = count(lower, upper, k);
        }
        return curve(kMin, counts, fitFrom, fitTo);
    }

    /**
     * The curve along rows: distinct (row, ⌊x·2^k⌋) for points x[i] ∈ [0, 1] on rows row[i] ≥ 0 (see the class
     * comment: the slope estimates D − 1 of the two-dimensional set).
     */
    public static BoxCountingCurve alongRows(int[] rows, double[] x, int kMin, int kMax, int fitFrom, int fitTo) {
        checkScales(1, kMin, kMax, fitFrom, fitTo);
        long[] counts = new long[kMax - kMin + 1];
        // Sorted by (row, box at kMax); the pair at a coarser k is a monotone function of it: one sort.
        long[] keys = rowKeys(rows, x, kMax);
        Arrays.sort(keys);
        long mask = (1L << kMax) - 1;
        for (int k = kMin; k <= kMax; k++) {
            int shift = kMax - k;
            long count = 0;
            long previous = -1;
            for (long key : keys) {
                long coarse = ((key >>> kMax) << k) | ((key & mask) >>> shift);
                if (coarse != previous) {
                    count++;
                    previous = coarse;
                }
            }
            counts[k - kMin] = count;
        }
        return curve(kMin, counts, fitFrom, fitTo);
    }

    /** N(2^−k) for cells [lower, upper) (points where equal). */
    public static long count(double[][] lower, double[][] upper, int k) {
        int d = lower.length;
        if (d == 0 || upper.length != d) {
            throw new IllegalArgumentException("cells need the same number (>= 1) of lower and upper axes");
        }
        if ((long) d * k > 62) {
            throw new IllegalArgumentException("d * k must be <= 62 for the box keys, got d = " + d + ", k = " + k);
        }
        int n = lower[0].length;
        long side = 1L << k;
        long[] first = new long[d];
        long[] last = new long[d];
        long total = 0;
        for (int i = 0; i < n; i++) {
            long boxes = 1;
            for (int a = 0; a < d; a++) {
                boxes *= range(lower[a][i], upper[a][i], side, first, last, a);
            }
            total += boxes;
            if (boxes > MAX_BOXES || total > MAX_BOXES * 4) {
                throw new IllegalArgumentException("cells cover more than " + MAX_BOXES * 4 + " boxes at scale 2^-"
                        + k + ": fit scales at or above the cell sizes");
            }
        }
        long[] keys = new long[(int) total];
        int next = 0;
        long[] index = new long[d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                range(lower[a][i], upper[a][i], side, first, last, a);
                index[a] = first[a];
            }
            // Odometer over the cell's boxes.
            while (true) {
                long key = 0;
                for (int a = 0; a < d; a++) {
                    key = (key << k) | index[a];
                }
                if (next == 0 || keys[next - 1] != key) {
                    keys[next++] = key; // neighbouring cells often share a box: drop the repeat before sorting
                }
                int a = d - 1;
                while (a >= 0 && index[a] == last[a]) {
                    index[a] = first[a];
                    a--;
                }
                if (a < 0) {
                    break;
                }
                index[a]++;
            }
        }
        return distinct(Arrays.copyOf(keys, next));
    }

    /** N(2^−k) along rows: distinct (row, ⌊x·2^k⌋). */
    public static long countAlongRows(int[] rows, double[] x, int k) {
        return distinct(rowKeys(rows, x, k));
    }

    private static long[] rowKeys(int[] rows, double[] x, int k) {
        if (rows.length != x.length) {
            throw new IllegalArgumentException("one row per point: " + rows.length + " rows, " + x.length + " points");
        }
        int maxRow = 0;
        for (int r : rows) {
            maxRow = Math.max(maxRow, r);
        }
        int rowBits = 32 - Integer.numberOfLeadingZeros(maxRow);
        if (k > 62 - rowBits) {
            throw new IllegalArgumentException("k must be <= " + (62 - rowBits) + " along rows of " + (maxRow + 1)
                    + " (row index and box in one long), got " + k);
        }
        long side = 1L << k;
        long[] keys = new long[x.length];
        long[] first = new long[1];
        long[] last = new long[1];
        for (int i = 0; i < x.length; i++) {
            if (rows[i] < 0) {
                throw new IllegalArgumentException("rows must be >= 0, got " + rows[i]);
            }
            range(x[i], x[i], side, first, last, 0);
            keys[i] = ((long) rows[i] << k) | first[0];
        }
        return keys;
    }

    /** The number of boxes of [lo, hi) on one axis; their indices into first[a], last[a]. */
    private static long range(double lo, double hi, long side, long[] first, long[] last, int a) {
        if (!(lo >= 0 && hi <= 1 && lo <= hi)) {
            throw new IllegalArgumentException("coordinates must satisfy 0 <= lower <= upper <= 1, got [" + lo + ", "
                    + hi + "]");
        }
        long i0 = Math.min(side - 1, (long) Math.floor(lo * side));
        long i1 = hi == lo ? i0 : Math.min(side - 1, Math.max(i0, (long) Math.ceil(hi * side) - 1));
        first[a] = i0;
        last[a] = i1;
        return i1 - i0 + 1;
    }

    private static long distinct(long[] keys) {
        if (keys.length == 0) {
            return 0;
        }
        Arrays.sort(keys);
        long count = 1;
        for (int i = 1; i < keys.length; i++) {
            if (keys[i] != keys[i - 1]) {
                count++;
            }
        }
        return count;
    }

    /** The curve of given counts N(2^−k), k = kMin, kMin + 1, …, fitted over [fitFrom, fitTo]. */
    public static BoxCountingCurve curve(int kMin, long[] counts, int fitFrom, int fitTo) {
        int m = counts.length;
        int[] exponents = new int[m];
        double[] x = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            if (counts[i] < 1) {
                throw new IllegalArgumentException("the set is empty: no box at scale 2^-" + (kMin + i));
            }
            exponents[i] = kMin + i;
            x[i] = exponents[i] * Math.log(2);
            y[i] = Math.log(counts[i]);
        }
        double[] local = new double[m - 1];
        for (int i = 0; i + 1 < m; i++) {
            local[i] = (y[i + 1] - y[i]) / Math.log(2);
        }
        ScalingFit fit = ScalingFit.of(x, y, fitFrom - kMin, fitTo - kMin + 1);
        return new BoxCountingCurve(exponents, counts, fitFrom, fitTo, fit.slope(), fit.slopeSe(), local);
    }

    private static void checkScales(int d, int kMin, int kMax, int fitFrom, int fitTo) {
        if (kMin < 0 || kMax <= kMin || (long) d * kMax > 62) {
            throw new IllegalArgumentException("scales need 0 <= kMin < kMax and d * kMax <= 62, got kMin = " + kMin
                    + ", kMax = " + kMax + ", d = " + d);
        }
        if (fitFrom < kMin || fitTo > kMax || fitTo <= fitFrom) {
            throw new IllegalArgumentException("fit range [" + fitFrom + ", " + fitTo + "] must lie in [" + kMin
                    + ", " + kMax + "] with at least two scales");
        }
    }
}
