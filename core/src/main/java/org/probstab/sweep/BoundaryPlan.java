package org.probstab.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.probstab.boundary.BoundaryRoot;
import org.probstab.boundary.FiniteBoundary;
import org.probstab.boundary.RowBoundary;
import org.probstab.config.InvalidInputException;
import org.probstab.table.BoundaryTable;
import org.probstab.table.Column;
import org.probstab.table.Row;

/**
 * The plan of an exact boundary table (DESIGN §6): a sweep's axes other than λ span the <i>rows</i> (every
 * combination, numbered in mixed radix in the sweep's axis order, the first slowest, like cells), and each row yields
 * every root along λ of Λ₋, Λ₊ and E(1 − λχ_B)² − 1 in (λ_lo, λ_hi] ({@link RowBoundary}). Rows are grouped into
 * chunks of consecutive row ids, the unit of writing and resuming. A row's roots are a pure function of (spec, row
 * id), so the table does not depend on how rows are spread over tasks.
 *
 * <p>λ_lo and λ_hi are the smallest and largest λ of the sweep's λ axis unless given; at N = ∞ the bracketing grid
 * has as many points as the λ axis (at least {@link #MIN_GRID}) unless given.
 */
public final class BoundaryPlan implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The one axis boundaries are found along. */
    public static final String ALONG = "lambda";
    /** Smallest N = ∞ bracketing grid by default. */
    public static final int MIN_GRID = 200;
    /** Largest number of rows (combinations of the other axes). */
    public static final long MAX_ROWS = 1L << 31;
    /** Rows per chunk: about this many chunks … */
    static final long TARGET_CHUNKS = 256;
    /** … of at least this many rows. */
    static final long MIN_CHUNK_ROWS = 16;

    private final SweepSpec spec;
    private final List<Axis> others;
    private final long[] strides;
    private final long rows;
    private final double lo;
    private final double hi;
    private final int grid;
    private final double minWidth;
    private final long chunkRows;
    private final String hash;
    private transient BoundaryTable table;

    /**
     * @param spec     the validated sweep
     * @param along    the axis to follow ({@code --along}); must be {@value #ALONG} and an axis of the sweep
     * @param range    {λ_lo, λ_hi}, or null for the λ axis's extremes
     * @param grid     N = ∞ bracketing points, 0 for the default
     * @param minWidth stripes narrower than this are dropped (0 keeps all)
     * @throws InvalidInputException for a bad option or a row without an exact method
     */
    public BoundaryPlan(SweepSpec spec, String along, double[] range, int grid, double minWidth) {
        this.spec = spec;
        Axis alongAxis = null;
        List<Axis> rest = new ArrayList<>();
        for (Axis a : spec.axes()) {
            if (a.name().equals(along)) {
                alongAxis = a;
            } else {
                rest.add(a);
            }
        }
        List<String> names = spec.axes().stream().map(Axis::name).toList();
        if (alongAxis == null) {
            throw InvalidInputException.outOfRange("--along", along, "an axis of the config: "
                    + String.join(", ", names));
        }
        if (!along.equals(ALONG)) {
            throw InvalidInputException.outOfRange("--along", along, "lambda (roots are found along the learning"
                    + " rate)");
        }
        this.others = List.copyOf(rest);
        strides = new long[others.size()];
        long stride = 1;
        for (int k = others.size() - 1; k >= 0; k--) {
            strides[k] = stride;
            stride = Math.multiplyExact(stride, others.get(k).size());
        }
        rows = stride;
        if (rows > MAX_ROWS) {
            throw InvalidInputException.of("sweep.axes", "the other axes have " + rows + " combinations: allowed at"
                    + " most " + MAX_ROWS + " rows");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Object v : alongAxis.values()) {
            min = Math.min(min, (Double) v);
            max = Math.max(max, (Double) v);
        }
        if (range != null) {
            if (range.length != 2 || !(range[0] >= 0) || !(range[1] > range[0]) || !(range[1] <= 1e100)) {
                throw InvalidInputException.outOfRange("--range", range.length == 2 ? range[0] + ":" + range[1]
                        : java.util.Arrays.toString(range), "LO:HI with 0 <= LO < HI <= 1e100");
            }
            min = range[0];
            max = range[1];
        } else if (!(max > min)) {
            throw InvalidInputException.of("sweep.axes.lambda", "the lambda axis has one value " + min
                    + ": boundaries need a range, allowed two or more values or --range LO:HI");
        }
        this.lo = min;
        this.hi = max;
        if (grid < 0 || grid > 100_000_000) {
            throw InvalidInputException.outOfRange("--grid", grid, "integers in [2, 100000000] (0: default)");
        }
        this.grid = grid > 0 ? Math.max(2, grid) : Math.max(MIN_GRID, alongAxis.size());
        FiniteBoundary.withMinWidth(List.of(), minWidth);
        this.minWidth = minWidth;
        long auto = (rows + TARGET_CHUNKS - 1) / TARGET_CHUNKS;
        this.chunkRows = Math.max(1, Math.min(rows, Math.max(MIN_CHUNK_ROWS, auto)));
        this.hash = sha256(spec.hash() + "\nboundary along=" + along + " lo=" + lo + " hi=" + hi + " grid="
                + this.grid + " min_width=" + minWidth + " chunk_rows=" + chunkRows);
        checkRows();
    }

    /** Validates the rows at the extremes of every numeric axis (as a sweep does): each needs an exact method. */
    private void checkRows() {
        List<List<Integer>> choices = new ArrayList<>();
        long combos = 1;
        for (Axis a : others) {
            List<Integer> c = new ArrayList<>();
            if (a.value(0) instanceof String || a.size() <= 2) {
                for (int i = 0; i < a.size(); i++) {
                    c.add(i);
                }
            } else {
                int argMin = 0;
                int argMax = 0;
                for (int i = 1; i < a.size(); i++) {
                    argMin = (Double) a.value(i) < (Double) a.value(argMin) ? i : argMin;
                    argMax = (Double) a.value(i) > (Double) a.value(argMax) ? i : argMax;
                }
                c.add(argMin);
                if (argMax != argMin) {
                    c.add(argMax);
                }
            }
            choices.add(c);
            combos *= c.size();
        }
        if (combos > 64) {
            choices.replaceAll(c -> c.subList(0, 1));
            combos = 1;
        }
        int[] idx = new int[choices.size()];
        for (long n = 0; n < combos; n++) {
            long row = 0;
            for (int k = 0; k < idx.length; k++) {
                row += choices.get(k).get(idx[k]) * strides[k];
            }
            RowBoundary.law(spec.model(), parameters(row), spec.seed(), hi);
            for (int k = idx.length - 1; k >= 0; k--) {
                if (++idx[k] < choices.get(k).size()) {
                    break;
                }
                idx[k] = 0;
            }
        }
    }

    public SweepSpec spec() {
        return spec;
    }

    /** The axes that span the rows, in the sweep's order. */
    public List<Axis> otherAxes() {
        return others;
    }

    public long rowCount() {
        return rows;
    }

    /** λ_lo (excluded). */
    public double lo() {
        return lo;
    }

    /** λ_hi (included). */
    public double hi() {
        return hi;
    }

    /** Bracketing points at N = ∞. */
    public int grid() {
        return grid;
    }

    public double minWidth() {
        return minWidth;
    }

    public long chunkRows() {
        return chunkRows;
    }

    public long chunkCount() {
        return (rows + chunkRows - 1) / chunkRows;
    }

    public long chunkStart(long chunk) {
        return chunk * chunkRows;
    }

    public long chunkEnd(long chunk) {
        return Math.min(rows, (chunk + 1) * chunkRows);
    }

    /** SHA-256 of the sweep's config hash and the boundary options: what decides the table. */
    public String hash() {
        return hash;
    }

    /** The table's sweep_id: the sweep's name and 8 hex digits of {@link #hash()}. */
    public String sweepId() {
        return spec.name() + "-" + hash.substring(0, 8);
    }

    /** The table kind: the other axes by name, then the root columns. */
    public BoundaryTable table() {
        if (table == null) {
            Map<String, Boolean> text = new LinkedHashMap<>();
            for (Axis a : others) {
                text.put(a.name(), a.value(0) instanceof String);
            }
            table = BoundaryTable.of(others.stream().map(Axis::name).toList(), text);
        }
        return table;
    }

    /** The axis indices of a row. */
    public int[] indices(long row) {
        if (row < 0 || row >= rows) {
            throw new IllegalArgumentException("row " + row + " outside [0, " + rows + ")");
        }
        int[] idx = new int[strides.length];
        long rest = row;
        for (int k = 0; k < strides.length; k++) {
            idx[k] = (int) (rest / strides[k]);
            rest -= idx[k] * strides[k];
        }
        return idx;
    }

    /** The row's parameters: the fixed ones and its value of every other axis (no λ). */
    public Map<String, Object> parameters(long row) {
        int[] idx = indices(row);
        Map<String, Object> p = new HashMap<>(spec.fixed());
        for (int k = 0; k < idx.length; k++) {
            p.put(others.get(k).name(), others.get(k).value(idx[k]));
        }
        return p;
    }

    /** The roots of one row (stripes narrower than the minimum width dropped), Λ₋ then Λ₊ then L2. */
    public List<BoundaryRoot> roots(long row) {
        List<BoundaryRoot> roots = RowBoundary.roots(spec.model(), parameters(row), spec.seed(), lo, hi, grid);
        return FiniteBoundary.withMinWidth(roots, minWidth);
    }

    /** The table rows of one row of the other axes, in the order of {@link #roots}. */
    public List<Row> rows(long row) {
        BoundaryTable t = table();
        int[] idx = indices(row);
        List<Row> out = new ArrayList<>();
        for (BoundaryRoot r : roots(row)) {
            Row.Builder b = t.kind().newRow();
            for (int k = 0; k < idx.length; k++) {
                Object v = others.get(k).value(idx[k]);
                Column c = t.axes().get(k).column();
                if (c instanceof Column.Text text) {
                    b.set(text, (String) v);
                } else if (c instanceof Column.Int32 i32) {
                    b.set(i32, (int) (double) (Double) v);
                } else if (c instanceof Column.WholeNumber whole) {
                    b.set(whole, (Double) v);
                } else {
                    b.set((Column.Real) c, (Double) v);
                }
            }
            b.set(t.exponent, r.exponent().label()).set(t.root, r.root()).set(t.bracketLo, r.bracketLo())
                    .set(t.bracketHi, r.bracketHi()).set(t.rootKind, r.kind().label()).set(t.pole, r.pole())
                    .set(t.logHalfWidth, r.logHalfWidth()).set(t.rising, r.rising());
            out.add(b.build());
        }
        return out;
    }

    /** The options as the manifest records them. */
    public Map<String, Object> options() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("along", ALONG);
        m.put("lambda_lo", lo);
        m.put("lambda_hi", hi);
        m.put("grid", grid);
        m.put("min_width", minWidth);
        m.put("row_count", rows);
        m.put("chunk_rows", chunkRows);
        return m;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BoundaryPlan[%s: %d rows over (%s, %s]]", sweepId(), rows, lo, hi);
    }
}
