package org.probstab.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probstab.config.InvalidInputException;
import org.probstab.table.Row;
import org.probstab.table.TableKind;
import org.probstab.model.CellResolver;
import org.probstab.model.Model;
import org.probstab.model.ModelRegistry;
import org.probstab.random.StreamSeeds;

/**
 * The immutable plan of a sweep (DESIGN §3): the grid's cells numbered in mixed radix, the first axis slowest,
 *
 * <pre>  cell_id = Σ_k i_k · Π_{j &gt; k} n_j,   0 ≤ i_k &lt; n_k,</pre>
 *
 * and grouped into chunks of consecutive ids, {@code chunk = cell_id / chunkCells} (the unit of writing and of
 * resumption). A cell is decoded from its id on demand; no list of cells is ever built, so a plan of 10⁹ cells costs
 * what its axes cost. Evaluating a cell is a pure function of (spec, cell id): its random streams come from
 * (sweep seed, cell id, purpose) through {@link StreamSeeds}.
 */
public final class SweepPlan implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Automatic chunks: about this many per sweep … */
    static final long TARGET_CHUNKS = 256;
    /** … but at least this many cells in each (small files cost more than they save). */
    static final long MIN_AUTO_CHUNK_CELLS = 1000;
    /** … and at most this many. */
    static final long MAX_AUTO_CHUNK_CELLS = 1_000_000;

    private final SweepSpec spec;
    private final long[] strides;
    private final long cellCount;
    private final long chunkCells;
    /** The cells' resolver, made on first use in each JVM (it is not serialised with the plan). */
    private transient volatile CellResolver resolver;

    public SweepPlan(SweepSpec spec) {
        this.spec = spec;
        List<Axis> axes = spec.axes();
        strides = new long[axes.size()];
        long stride = 1;
        for (int k = axes.size() - 1; k >= 0; k--) {
            strides[k] = stride;
            stride = Math.multiplyExact(stride, axes.get(k).size());
        }
        cellCount = stride;
        chunkCells = chunkCells(cellCount, spec.chunkCells());
    }

    /** The chunk size: as configured, or automatic ({@code configured = 0}). */
    static long chunkCells(long cells, long configured) {
        if (configured > 0) {
            return configured;
        }
        long auto = (cells + TARGET_CHUNKS - 1) / TARGET_CHUNKS;
        return Math.max(1, Math.min(cells, Math.min(MAX_AUTO_CHUNK_CELLS, Math.max(MIN_AUTO_CHUNK_CELLS, auto))));
    }

    public SweepSpec spec() {
        return spec;
    }

    public long cellCount() {
        return cellCount;
    }

    public long chunkCells() {
        return chunkCells;
    }

    public long chunkCount() {
        return (cellCount + chunkCells - 1) / chunkCells;
    }

    /** The chunk holding a cell. */
    public long chunkOf(long cellId) {
        return cellId / chunkCells;
    }

    /** First cell id of a chunk. */
    public long chunkStart(long chunk) {
        return chunk * chunkCells;
    }

    /** One past the last cell id of a chunk. */
    public long chunkEnd(long chunk) {
        return Math.min(cellCount, (chunk + 1) * chunkCells);
    }

    /** The axis indices (i_0 … i_{k−1}) of a cell. */
    public int[] indices(long cellId) {
        if (cellId < 0 || cellId >= cellCount) {
            throw new IllegalArgumentException("cell_id " + cellId + " outside [0, " + cellCount + ")");
        }
        int[] idx = new int[strides.length];
        long rest = cellId;
        int last = strides.length - 1;
        for (int k = 0; k < last; k++) {
            idx[k] = (int) (rest / strides[k]);
            rest -= idx[k] * strides[k];
        }
        if (last >= 0) {
            idx[last] = (int) rest; // the last axis's stride is 1
        }
        return idx;
    }

    /** The cell's raw parameters (fixed ones and its axis values), ready for {@link ModelRegistry#resolve}. */
    public Map<String, Object> parameters(long cellId) {
        int[] idx = indices(cellId);
        Map<String, Object> raw = new HashMap<>(spec.fixed());
        List<Axis> axes = spec.axes();
        for (int k = 0; k < idx.length; k++) {
            raw.put(axes.get(k).name(), axes.get(k).value(idx[k]));
        }
        return raw;
    }

    /** The kind of table the sweep's model fills. */
    public TableKind kind() {
        return ModelRegistry.get(spec.model()).kind();
    }

    /** Evaluates one cell of the grid: a pure function of the spec and the id (the elapsed time aside). */
    public Row evaluate(long cellId) {
        return evaluate(cellId, 0);
    }

    /** Evaluates one cell at a refinement level (the level is recorded in the row). */
    public Row evaluate(long cellId, int level) {
        return resolver().evaluate(indices(cellId), spec.seed(), cellId, level);
    }

    /**
     * The plan's {@link CellResolver}: the same validation and row as {@link ModelRegistry#evaluate} of
     * {@link #parameters}, with the fixed values and each axis value checked once per JVM instead of once per cell.
     */
    private CellResolver resolver() {
        CellResolver r = resolver;
        if (r == null) {
            List<Axis> axes = spec.axes();
            r = ModelRegistry.resolver(spec.model(), spec.fixed(), axes.stream().map(Axis::name).toList(),
                    axes.stream().map(Axis::values).toList(), spec.estimator());
            resolver = r;
        }
        return r;
    }

    /**
     * The order in which chunks are computed: van der Corput order (position i goes to the place whose index is i
     * with its binary digits reversed), so that every prefix — the first wave, the first two — samples the whole grid
     * evenly. Costs differ from one region of a grid to another, so waves taken as consecutive slices of this order
     * cost about the same per chunk, the first wave's speed predicts the rest, and the ETA is honest.
     */
    public static List<Long> spreadOrder(List<Long> chunks) {
        int n = chunks.size();
        int bits = n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
        List<Long> out = new ArrayList<>(n);
        for (long i = 0; i < (1L << bits); i++) {
            int j = bits == 0 ? 0 : Integer.reverse((int) i) >>> (32 - bits);
            if (j < n) {
                out.add(chunks.get(j));
            }
        }
        return out;
    }

    /**
     * Cross-checks that single values cannot: resolves every combination of each numeric axis's smallest and largest
     * value (every value of text axes), up to 4096 combinations, through the model's validation — so S &gt; N
     * without replacement, a too-small enumeration budget for {@code exact}, … are refused before anything runs.
     * (Each single value has already been range-checked; the model's cross-checks are monotone in each number, so
     * the extremes are where they fail.)
     */
    static void checkCombinations(SweepSpec spec) {
        Model model = ModelRegistry.get(spec.model());
        List<List<Object>> choices = new ArrayList<>();
        long combos = 1;
        for (Axis a : spec.axes()) {
            List<Object> c = new ArrayList<>();
            if (a.value(0) instanceof String) {
                c.addAll(a.values());
            } else {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (Object v : a.values()) {
                    min = Math.min(min, (Double) v);
                    max = Math.max(max, (Double) v);
                }
                c.add(min);
                if (max > min) {
                    c.add(max);
                }
            }
            choices.add(c);
            combos *= c.size();
            if (combos > 4096) {
                break;
            }
        }
        if (combos > 4096) {
            choices.replaceAll(c -> c.subList(0, 1));
            combos = 1;
        }
        int[] idx = new int[choices.size()];
        for (long n = 0; n < combos; n++) {
            Map<String, Object> raw = new HashMap<>(spec.fixed());
            StringBuilder where = new StringBuilder();
            for (int k = 0; k < idx.length; k++) {
                Object v = choices.get(k).get(idx[k]);
                raw.put(spec.axes().get(k).name(), v);
                where.append(k == 0 ? "" : ", ").append(spec.axes().get(k).name()).append(" = ")
                        .append(Axis.format(v));
            }
            try {
                ModelRegistry.resolve(model, raw, spec.estimator());
            } catch (InvalidInputException e) {
                String key = spec.axes().stream().anyMatch(a -> a.name().equals(e.key())) ? "sweep.axes." + e.key()
                        : model.estimatorParameters().stream().anyMatch(p -> p.name().equals(e.key()))
                        ? "sweep.estimator." + e.key() : "sweep.params." + e.key();
                throw InvalidInputException.of(key, key + ": " + e.getMessage()
                        + (where.length() > 0 ? " (at the cell " + where + ")" : ""));
            }
            for (int k = idx.length - 1; k >= 0; k--) {
                if (++idx[k] < choices.get(k).size()) {
                    break;
                }
                idx[k] = 0;
            }
        }
    }
}
