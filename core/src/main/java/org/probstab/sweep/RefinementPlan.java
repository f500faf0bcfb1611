package org.probstab.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.probstab.config.InvalidInputException;
import org.probstab.model.ModelRegistry;
import org.probstab.table.PhaseTable;
import org.probstab.table.RefinedCellTable;
import org.probstab.table.Row;

/**
 * The immutable plan of an adaptive refinement (DESIGN §6): a sweep's grid refined {@code levels} times along some of
 * its from/to/steps axes (quadtree in 2-D, bisection in 1-D), evaluated only where the phase changes.
 *
 * <p><b>Points and ids.</b> Every point a refinement can evaluate is a point of the <i>finest grid</i>: on a refined
 * axis with n config points, (n − 1)·2^L + 1 points of the same recipe ({@link Axis.Grid#value}), so the config's
 * point i is the finest point i·2^L, bit for bit; an integer axis (S, N) instead has every integer between its ends
 * (it stops subdividing at unit spacing). Other axes keep their values. A point's {@code cell_id} is its mixed-radix
 * index over the finest grid (the sweep's axis order, first slowest): exactly the id, parameters and random streams
 * of the same point in a uniform sweep of the finest grid, so the two rows are identical but for {@code level} and
 * {@code cell_size}.
 *
 * <p><b>Boxes.</b> A box is a product of index intervals [a_k, a_k + w_k] on the refined axes (a single index on the
 * others), identified by its lower corner's cell id and its widths. Level 0 has every box of the config's grid. A box
 * is <i>refined</i> when its corners disagree in phase or in the sign of an exponent (or a neighbour does, or a pole
 * curve crosses it: decided by the job); its children split every axis with w ≥ 2 at the floor of the midpoint
 * ({@link #children}), and their corners are the points of the next level. Boxes with every width 1 are at the finest
 * resolution and are not split.
 *
 * <p><b>Cell size.</b> A point first evaluated at level ℓ stands for the box of side h_k/2^ℓ around it on each
 * refined axis (h_k the config's spacing; in ln units on a log axis; integer axes at least 1): {@code cell_size} in
 * the refined table, what a map draws and box counting reads.
 */
public final class RefinementPlan implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Largest number of levels. */
    public static final int MAX_LEVELS = 40;
    /** Largest number of points of the finest grid. */
    public static final long MAX_FINEST_CELLS = 1L << 62;
    /** New cells per chunk of a level: at most … */
    static final long MAX_CHUNK_CELLS = 20_000;
    /** … and at least. */
    static final long MIN_CHUNK_CELLS = 500;

    private final SweepSpec spec;
    private final int levels;
    private final List<String> refined;
    private final boolean halo;
    private final boolean poleSeeding;
    /** Per sweep axis: points of the finest grid, strides of the ids, whether refined. */
    private final long[] sizes;
    private final long[] strides;
    private final int[] refinedIndex;
    /** Per refined axis (in sweep order): the finest recipe (null for integer axes), first integer, coarse points. */
    private final Axis.Grid[] finest;
    private final long[] integerFrom;
    private final long[][] coarse;
    private final double[] coarseSpacing;
    private final long cells;
    private final String hash;

    /**
     * @param spec        the validated sweep (its grid is level 0)
     * @param refineAxes  the axes to refine ({@code --axes}); empty: every from/to/steps axis with two or more points
     * @param levels      L, 1 … {@value #MAX_LEVELS}
     * @param halo        also refine the neighbours of refined boxes
     * @param poleSeeding for exact finite-N models, also refine boxes that a stripe-carrying pole curve crosses
     * @throws InvalidInputException for bad options (one line each)
     */
    public RefinementPlan(SweepSpec spec, List<String> refineAxes, int levels, boolean halo, boolean poleSeeding) {
        if (levels < 1 || levels > MAX_LEVELS) {
            throw InvalidInputException.outOfRange("--levels", levels, "integers in [1, " + MAX_LEVELS + "]");
        }
        if (ModelRegistry.get(spec.model()).kind() != PhaseTable.KIND) {
            throw InvalidInputException.of("model", "model " + spec.model() + " fills "
                    + ModelRegistry.get(spec.model()).kind().name() + " tables: refinement needs a model with phase"
                    + " rows (allowed " + String.join(", ", ModelRegistry.names().stream()
                    .filter(m -> ModelRegistry.get(m).kind() == PhaseTable.KIND).toList()) + ")");
        }
        this.spec = spec;
        this.levels = levels;
        this.halo = halo;
        this.poleSeeding = poleSeeding;
        List<String> names = spec.axes().stream().map(Axis::name).toList();
        List<String> chosen = new ArrayList<>();
        if (refineAxes == null || refineAxes.isEmpty()) {
            for (Axis a : spec.axes()) {
                if (a.isGrid() && a.size() >= 2) {
                    chosen.add(a.name());
                }
            }
            if (chosen.isEmpty()) {
                throw InvalidInputException.of("--axes", "the config has no from/to/steps axis with two or more"
                        + " points to refine: allowed a config with one (axes " + String.join(", ", names) + ")");
            }
        } else {
            for (String n : refineAxes) {
                int k = names.indexOf(n);
                if (k < 0) {
                    throw InvalidInputException.outOfRange("--axes", n, "axes of the config: "
                            + String.join(", ", names));
                }
                Axis a = spec.axes().get(k);
                if (!a.isGrid()) {
                    throw InvalidInputException.of("--axes", "--axes: '" + n + "' is a list axis "
                            + a.values().stream().map(Axis::format).toList() + " and cannot be refined: allowed"
                            + " from/to/steps axes " + spec.axes().stream().filter(Axis::isGrid).map(Axis::name)
                            .toList());
                }
                if (a.size() < 2) {
                    throw InvalidInputException.of("--axes", "--axes: '" + n + "' has one point: allowed axes with"
                            + " two or more points");
                }
                if (chosen.contains(n)) {
                    throw InvalidInputException.of("--axes", "--axes names '" + n + "' twice: allowed each once");
                }
                chosen.add(n);
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String n : names) {
            if (chosen.contains(n)) {
                ordered.add(n);
            }
        }
        this.refined = List.copyOf(ordered);
        int d = refined.size();
        finest = new Axis.Grid[d];
        integerFrom = new long[d];
        coarse = new long[d][];
        coarseSpacing = new double[d];
        sizes = new long[names.size()];
        refinedIndex = new int[names.size()];
        Arrays.fill(refinedIndex, -1);
        long factor = 1L << levels;
        for (int k = 0, r = 0; k < names.size(); k++) {
            Axis a = spec.axes().get(k);
            if (!refined.contains(a.name())) {
                sizes[k] = a.size();
                continue;
            }
            refinedIndex[k] = r;
            Axis.Grid g = a.grid();
            coarse[r] = new long[a.size()];
            if (g.integer()) {
                long from = (long) Math.rint(g.from());
                long to = (long) Math.rint(g.to());
                integerFrom[r] = from;
                sizes[k] = to - from + 1;
                for (int i = 0; i < a.size(); i++) {
                    coarse[r][i] = (long) (double) (Double) a.value(i) - from;
                }
                coarseSpacing[r] = (double) (to - from) / (a.size() - 1);
            } else {
                double points = (double) (g.steps() - 1) * factor + 1;
                if (points > 0x1p53) {
                    throw tooFine(levels, a.name(), points);
                }
                finest[r] = g.withSteps((long) points);
                sizes[k] = (long) points;
                for (int i = 0; i < a.size(); i++) {
                    coarse[r][i] = i * factor;
                }
                coarseSpacing[r] = g.scale() == Axis.Scale.LOG ? Math.log(g.to() / g.from()) / (g.steps() - 1)
                        : (g.to() - g.from()) / (g.steps() - 1);
            }
            r++;
        }
        strides = new long[names.size()];
        double total = 1;
        long stride = 1;
        for (int k = names.size() - 1; k >= 0; k--) {
            strides[k] = stride;
            total *= sizes[k];
            if (total > MAX_FINEST_CELLS) {
                throw tooFine(levels, refined.toString(), total);
            }
            stride *= sizes[k];
        }
        this.cells = stride;
        this.hash = BoundaryPlan.sha256(spec.hash() + "\nrefine axes=" + refined + " levels=" + levels + " halo="
                + halo + " poles=" + poleSeeding);
    }

    private static InvalidInputException tooFine(int levels, String axis, double points) {
        return InvalidInputException.of("--levels", String.format(Locale.ROOT, "--levels = %d makes the finest grid"
                + " of %s %.3g points, more than the ids allow (2^62 cells, 2^53 points per axis): allowed fewer"
                + " levels or a coarser config grid", levels, axis, points));
    }

    public SweepSpec spec() {
        return spec;
    }

    public int levels() {
        return levels;
    }

    /** The refined axes, in the sweep's order. */
    public List<String> refinedAxes() {
        return refined;
    }

    public boolean halo() {
        return halo;
    }

    public boolean poleSeeding() {
        return poleSeeding;
    }

    /** Points of the finest grid (the id range). */
    public long finestCells() {
        return cells;
    }

    /**
     * Points of the finest grid along sweep axis k: the {@code steps} of a uniform from/to/steps axis with the same
     * points (for an integer axis, with its ends rounded).
     */
    public long finestSize(int axis) {
        return sizes[axis];
    }

    /** The stride of sweep axis k in a cell id. */
    public long stride(int axis) {
        return strides[axis];
    }

    /** The position of sweep axis k among the refined axes, or −1. */
    public int refinedIndex(int axis) {
        return refinedIndex[axis];
    }

    /** The sweep axis of refined axis r. */
    public int axisOfRefined(int r) {
        for (int k = 0; k < refinedIndex.length; k++) {
            if (refinedIndex[k] == r) {
                return k;
            }
        }
        throw new IllegalArgumentException("no refined axis " + r);
    }

    /** SHA-256 of the sweep's config hash and the refinement's options. */
    public String hash() {
        return hash;
    }

    /** The table's sweep_id: the sweep's name and 8 hex digits of {@link #hash()}. */
    public String sweepId() {
        return spec.name() + "-" + hash.substring(0, 8);
    }

    /** Cells of level 0: the config's grid. */
    public long levelZeroCells() {
        long n = 1;
        for (Axis a : spec.axes()) {
            n = Math.multiplyExact(n, a.size());
        }
        return n;
    }

    /** Boxes of level 0: every box of the config's grid. */
    public long levelZeroBoxes() {
        long n = 1;
        for (int k = 0; k < sizes.length; k++) {
            int size = spec.axes().get(k).size();
            n = Math.multiplyExact(n, refinedIndex[k] >= 0 ? size - 1 : size);
        }
        return n;
    }

    /** The cell id of the config's grid point number {@code i} (its mixed-radix index over the config's axes). */
    public long levelZeroCell(long i) {
        long id = 0;
        long rest = i;
        for (int k = sizes.length - 1; k >= 0; k--) {
            int size = spec.axes().get(k).size();
            int idx = (int) (rest % size);
            rest /= size;
            int r = refinedIndex[k];
            id += (r >= 0 ? coarse[r][idx] : idx) * strides[k];
        }
        return id;
    }

    /**
     * Level-0 box number {@code i} as {lower corner id, width on each refined axis}: boxes between consecutive config
     * points on every refined axis, at every value of the others.
     */
    public long[] levelZeroBox(long i) {
        long[] box = new long[1 + refined.size()];
        long rest = i;
        for (int k = sizes.length - 1; k >= 0; k--) {
            int r = refinedIndex[k];
            int size = spec.axes().get(k).size() - (r >= 0 ? 1 : 0);
            int idx = (int) (rest % size);
            rest /= size;
            if (r >= 0) {
                box[0] += coarse[r][idx] * strides[k];
                box[1 + r] = coarse[r][idx + 1] - coarse[r][idx];
            } else {
                box[0] += idx * strides[k];
            }
        }
        return box;
    }

    /** The finest-grid indices of a cell id, one per sweep axis. */
    public long[] indices(long cellId) {
        if (cellId < 0 || cellId >= cells) {
            throw new IllegalArgumentException("cell_id " + cellId + " outside [0, " + cells + ")");
        }
        long[] idx = new long[sizes.length];
        long rest = cellId;
        for (int k = 0; k < sizes.length; k++) {
            idx[k] = rest / strides[k];
            rest -= idx[k] * strides[k];
        }
        return idx;
    }

    /** The value of sweep axis k at finest index j: Double (or the text of a list axis). */
    public Object value(int axis, long j) {
        int r = refinedIndex[axis];
        if (r < 0) {
            return spec.axes().get(axis).value((int) j);
        }
        return finest[r] == null ? (double) (integerFrom[r] + j) : finest[r].value(j);
    }

    /** The raw parameters of a cell (fixed ones and its value of every axis), ready for the model. */
    public Map<String, Object> parameters(long cellId) {
        long[] idx = indices(cellId);
        Map<String, Object> raw = new HashMap<>(spec.fixed());
        for (int k = 0; k < idx.length; k++) {
            raw.put(spec.axes().get(k).name(), value(k, idx[k]));
        }
        return raw;
    }

    /** The cell size at level ℓ along each refined axis, by name (see the class comment). */
    public Map<String, Double> cellSize(int level) {
        Map<String, Double> m = new TreeMap<>();
        for (int r = 0; r < refined.size(); r++) {
            double h = Math.scalb(coarseSpacing[r], -level);
            m.put(refined.get(r), finest[r] == null ? Math.max(1, h) : h);
        }
        return m;
    }

    /** Evaluates one cell at its level: the model's phase row with {@code level} and {@code cell_size}. */
    public Row evaluate(long cellId, int level) {
        Row phase = ModelRegistry.evaluate(spec.model(), parameters(cellId), spec.estimator(), spec.seed(), cellId,
                level);
        return phase.toBuilder(RefinedCellTable.KIND).set(RefinedCellTable.CELL_SIZE, cellSize(level)).build();
    }

    /**
     * The children of a box {lower corner id, widths…}: every refined axis with width w ≥ 2 is split at ⌊w/2⌋, the
     * others kept; no children when every width is 1 (or 0).
     *
     * @return the children, each {lower corner id, widths…}
     */
    public List<long[]> children(long[] box) {
        int d = refined.size();
        List<long[]> out = new ArrayList<>();
        out.add(box.clone());
        boolean split = false;
        for (int r = 0; r < d; r++) {
            long w = box[1 + r];
            if (w < 2) {
                continue;
            }
            split = true;
            long half = w / 2;
            long stride = strides[axisOfRefined(r)];
            List<long[]> next = new ArrayList<>(out.size() * 2);
            for (long[] b : out) {
                long[] left = b.clone();
                left[1 + r] = half;
                long[] right = b.clone();
                right[0] += half * stride;
                right[1 + r] = w - half;
                next.add(left);
                next.add(right);
            }
            out = next;
        }
        return split ? out : List.of();
    }

    /** The 2^d corner ids of a box {lower corner id, widths…}. */
    public long[] corners(long[] box) {
        int d = refined.size();
        long[] out = new long[1 << d];
        for (int c = 0; c < out.length; c++) {
            long id = box[0];
            for (int r = 0; r < d; r++) {
                if ((c >> r & 1) != 0) {
                    id += box[1 + r] * strides[axisOfRefined(r)];
                }
            }
            out[c] = id;
        }
        return out;
    }

    /** The lower corner of the neighbour of a box along refined axis r (direction ±1), or −1 outside the grid. */
    public long neighbour(long[] box, int r, int direction) {
        int k = axisOfRefined(r);
        long j = indices(box[0])[k];
        long w = box[1 + r];
        long next = j + direction * w;
        if (next < 0 || next + w > sizes[k] - 1) {
            return -1;
        }
        return box[0] + direction * w * strides[k];
    }

    /** The options as the manifest records them. */
    public Map<String, Object> options() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("axes", refined);
        m.put("levels", levels);
        m.put("halo", halo);
        m.put("pole_seeding", poleSeeding);
        m.put("finest_cells", cells);
        Map<String, Long> steps = new LinkedHashMap<>();
        for (int k = 0; k < sizes.length; k++) {
            if (refinedIndex[k] >= 0) {
                steps.put(spec.axes().get(k).name(), sizes[k]);
            }
        }
        m.put("finest_steps", steps);
        return m;
    }

    /** New cells per chunk of a level of {@code cells} cells: about 64 chunks, within fixed bounds. */
    public static long chunkCells(long levelCells) {
        return Math.max(MIN_CHUNK_CELLS, Math.min(MAX_CHUNK_CELLS, (levelCells + 63) / 64));
    }

    @Override
    public String toString() {
        return "RefinementPlan[" + sweepId() + ": " + refined + ", " + levels + " levels, finest " + cells + "]";
    }
}
