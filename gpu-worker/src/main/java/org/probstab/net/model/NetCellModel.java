package org.probstab.net.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.EstimatorSettings;
import org.probstab.model.Model;
import org.probstab.model.TheoryCell;
import org.probstab.net.BackendChoice;
import org.probstab.net.BatchShape;
import org.probstab.net.MemoryBudget;
import org.probstab.net.NetCellResult;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetTheory;
import org.probstab.net.train.NetTrainer;
import org.probstab.net.train.TrainingRequest;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.CellTable;
import org.probstab.table.NetCellTable;
import org.probstab.table.Row;

/**
 * A deep-net cell as a {@link Model} of the catalogue (DESIGN §7): its parameters are sweepable and validated like
 * every model's, a cell is one trained network, and its row is one of {@link NetCellTable}. The nets, data, training
 * and outputs are those of {@link NetCellSpec} and {@link NetTrainer}; the theory beside each row is
 * {@link NetTheory}.
 *
 * <p>Parameters shared by the net models (each subclass adds or fixes the architecture's):
 * <ul>
 *   <li>{@code lambda} λ, {@code mu} μ, {@code S} batch size, {@code sigma} σ of the label noise;</li>
 *   <li>{@code steps} — the shared estimator parameter, here the training steps T; the model takes no other
 *       estimator parameter ({@link #estimatorParameters}), so {@code runs}, {@code burn_in}, … are refused as
 *       unknown;</li>
 *   <li>{@code rank_tolerance} τ ∈ (0, 1) of {@code rank};</li>
 *   <li>{@code backend} cpu|djl, {@code device} auto|cpu|gpu, {@code memory_mb} — how the cells are trained, not
 *       what: on {@code cpu} a cell's row is the same, bit for bit, whatever the batch, thread count or chunk.</li>
 * </ul>
 *
 * <p>{@link #evaluate} trains one cell (what {@code probstab eval} does); {@link #train} trains a list of cells
 * together, as a Spark task of {@code probstab train} does with a chunk. The task's resources (CPU cores, GPU
 * addresses, memory cap) come in as {@link TaskResources}.
 */
public abstract class NetCellModel implements Model {

    public static final String LAMBDA = "lambda";
    public static final String MU = "mu";
    public static final String BATCH_SIZE = "S";
    public static final String SIGMA = "sigma";
    /** The training steps T: the shared estimator parameter {@code steps}. */
    public static final String STEPS = EstimatorSettings.STEPS;
    public static final String RANK_TOLERANCE = "rank_tolerance";
    public static final String BACKEND = "backend";
    public static final String DEVICE = "device";
    public static final String MEMORY = MemoryBudget.KEY;

    /** The value of the {@code architecture} column. */
    public static final String ARCHITECTURE = "two-layer";
    /** Cells per chunk (one task's batch) when the config leaves it automatic. */
    public static final long CHUNK_CELLS = 8;
    /** Default of {@code memory_mb}. */
    public static final int DEFAULT_MEMORY_MB = 512;

    /** Learning rates up to 1e100, as core's models (far beyond any stable λ). */
    static final ParameterSpec LAMBDA_SPEC = ParameterSpec.real(LAMBDA, 0, false, 1e100, null, "learning rate lambda");
    static final ParameterSpec MU_SPEC = ParameterSpec.real(MU, 0, true, 1, null,
            "signal fraction mu of the labels y = mu x + (1 - mu) eps");
    static final ParameterSpec BATCH_SIZE_SPEC = ParameterSpec.integer(BATCH_SIZE, 1, NetCellSpec.MAX_BATCH_SIZE,
            false, "1", "batch size S (fresh samples every step)");
    /** Range-checked in {@link #validate} (one message, "(0, 1)", for every value outside). */
    static final ParameterSpec RANK_TOLERANCE_SPEC = ParameterSpec.real(RANK_TOLERANCE, Double.NEGATIVE_INFINITY,
            false, Double.POSITIVE_INFINITY, Double.toString(NetCellSpec.DEFAULT_RANK_TOLERANCE),
            "rank counts singular values of W2 above rank_tolerance x the largest; in (0, 1)");
    static final ParameterSpec BACKEND_SPEC = ParameterSpec.choice(BACKEND, "cpu", List.of("cpu", "djl"),
            "training backend: cpu (pure Java, bit-reproducible) or djl (PyTorch)");
    static final ParameterSpec DEVICE_SPEC = ParameterSpec.choice(DEVICE, "auto", List.of("auto", "cpu", "gpu"),
            "djl device: auto (the task's GPU if any, else the CPU), cpu, or gpu (an error without one)");
    static final ParameterSpec MEMORY_SPEC = ParameterSpec.integer(MEMORY, 1, 1 << 24, false,
            Integer.toString(DEFAULT_MEMORY_MB), "MiB one batch of cells may hold (heap on cpu, device memory on"
                    + " djl); a Spark task caps it at its share of the executor's user memory");

    static ParameterSpec sigma(String defaultValue, String description) {
        return ParameterSpec.real(SIGMA, 0, false, 1e100, defaultValue, description);
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> all = new ArrayList<>(List.of(LAMBDA_SPEC, MU_SPEC, BATCH_SIZE_SPEC));
        all.addAll(architectureParameters());
        all.addAll(List.of(RANK_TOLERANCE_SPEC, BACKEND_SPEC, DEVICE_SPEC, MEMORY_SPEC));
        return all;
    }

    /** Of the shared estimator parameters, only {@code steps}: the training steps T. */
    @Override
    public List<ParameterSpec> estimatorParameters() {
        return EstimatorSettings.only(STEPS);
    }

    /** σ and the parameters of the architecture, optimiser and data that the model exposes. */
    abstract List<ParameterSpec> architectureParameters();

    /** The net of a cell (validated: a bad combination is an {@link InvalidInputException} naming the key). */
    public abstract NetCellSpec spec(CellParameters p);

    /** The numeric parameters of the {@code params} column: σ, and Adam's hyper-parameters where they apply. */
    Map<String, Double> extraParameters(CellParameters p, NetCellSpec spec) {
        Map<String, Double> m = new TreeMap<>();
        m.put(SIGMA, spec.sigma());
        return m;
    }

    /**
     * {@value #CHUNK_CELLS} cells per chunk unless the config says otherwise: a chunk is what one task trains as one
     * batch, so this keeps a CPU sweep spread over the cores; on a GPU larger chunks fill the device better
     * ({@code output.chunk_cells = 256}).
     */
    @Override
    public long chunkCells() {
        return CHUNK_CELLS;
    }

    @Override
    public org.probstab.table.TableKind kind() {
        return NetCellTable.KIND;
    }

    @Override
    public void validate(CellParameters p, EstimatorKind estimator) {
        if (estimator != EstimatorKind.AUTO) {
            throw InvalidInputException.outOfRange("estimator", estimator.label(), "auto (net cells are trained,"
                    + " not estimated)");
        }
        double tolerance = p.number(RANK_TOLERANCE);
        if (!(tolerance > 0 && tolerance < 1)) {
            throw InvalidInputException.outOfRange(RANK_TOLERANCE, tolerance, "(0, 1)");
        }
        NetCellSpec spec = spec(p);
        BackendChoice backend = backend(p, TaskResources.single());
        long budget = (long) p.number(MEMORY) * MemoryBudget.MIB;
        BatchShape shape = BatchShape.of(spec);
        long one = NetTrainer.footprint(backend, shape, 1);
        if (one > budget) {
            throw MemoryBudget.tooSmall(budget, one, 1, shape, backend.kind().label());
        }
    }

    /** The backend and device of a cell on a task with these resources (threads: the task's cores). */
    public static BackendChoice backend(CellParameters p, TaskResources task) {
        BackendChoice.Kind kind = BackendChoice.Kind.parse(BACKEND, p.text(BACKEND));
        BackendChoice.DeviceRequest device = BackendChoice.DeviceRequest.parse(DEVICE, p.text(DEVICE));
        if (kind == BackendChoice.Kind.CPU) {
            if (device == BackendChoice.DeviceRequest.GPU) {
                throw InvalidInputException.outOfRange(DEVICE, "'gpu'", "auto|cpu for backend cpu (a GPU needs"
                        + " backend djl)");
            }
            return BackendChoice.cpu(task.cpus());
        }
        return BackendChoice.djl(device, task.gpus().isEmpty() ? 0 : task.gpus().get(0));
    }

    /** The batch budget of a cell on a task: {@code memory_mb}, capped at the task's share. */
    public static long memoryBudget(CellParameters p, TaskResources task) {
        return Math.min((long) p.number(MEMORY) * MemoryBudget.MIB, task.memoryCapBytes());
    }

    @Override
    public Optional<TheoryCell> theory(CellParameters p) {
        return NetTheory.cell(spec(p));
    }

    /** Trains the one cell on this JVM (one thread, GPU 0 if a GPU is asked for). */
    @Override
    public void evaluate(CellParameters p, EstimatorKind estimator, long seed, long cellId, Row.Builder out) {
        NetCellSpec spec = spec(p);
        NetCellResult r = NetTrainer.train(new TrainingRequest(List.of(spec), new long[] {cellId}, seed,
                backend(p, TaskResources.single()), memoryBudget(p, TaskResources.single()))).get(0);
        fill(p, r, out);
    }

    /**
     * Trains cells together: grouped by backend choice and memory budget (in order of first appearance), each group
     * one {@link NetTrainer} call, which batches cells of one shape. Returns complete rows (with {@code cell_id},
     * {@code level} and {@code elapsed_ns}, the cell's share of its batch's time) in the order given; each row equals
     * the row {@link #evaluate} gives for the same cell on the {@code cpu} backend, but for {@code elapsed_ns}.
     *
     * @param cells   the cells' validated parameters
     * @param cellIds their ids (with {@code seed}, they name every random stream of a cell)
     * @param seed    the sweep seed
     * @param level   the refinement level recorded in the rows
     * @param task    the task's cores, GPUs and memory cap
     */
    public List<Row> train(List<CellParameters> cells, long[] cellIds, long seed, int level, TaskResources task) {
        if (cells.size() != cellIds.length) {
            throw new IllegalArgumentException(cells.size() + " cells but " + cellIds.length + " ids");
        }
        record Group(BackendChoice backend, long budget) {
        }
        Map<Group, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            CellParameters p = cells.get(i);
            BackendChoice backend = backend(p, task);
            long budget = memoryBudget(p, task);
            long one = NetTrainer.footprint(backend, BatchShape.of(spec(p)), 1);
            if (one > budget && budget < (long) p.number(MEMORY) * MemoryBudget.MIB) {
                throw InvalidInputException.of(MEMORY, "parameter '" + MEMORY + "' = " + (long) p.number(MEMORY)
                        + " is above this task's share of its executor's user memory (" + MemoryBudget.mib(budget)
                        + " MiB), which cannot hold one cell (" + MemoryBudget.mib(one) + " MiB on backend "
                        + backend.kind().label() + "): allowed a larger spark.executor.memory (or driver memory in"
                        + " local mode) or fewer tasks per executor");
            }
            groups.computeIfAbsent(new Group(backend, budget), g -> new ArrayList<>()).add(i);
        }
        Row[] rows = new Row[cells.size()];
        for (Map.Entry<Group, List<Integer>> g : groups.entrySet()) {
            List<Integer> members = g.getValue();
            List<NetCellSpec> specs = new ArrayList<>(members.size());
            long[] ids = new long[members.size()];
            for (int k = 0; k < members.size(); k++) {
                specs.add(spec(cells.get(members.get(k))));
                ids[k] = cellIds[members.get(k)];
            }
            List<NetCellResult> results = NetTrainer.train(new TrainingRequest(specs, ids, seed, g.getKey().backend(),
                    g.getKey().budget()));
            for (int k = 0; k < members.size(); k++) {
                int i = members.get(k);
                NetCellResult r = results.get(k);
                Row.Builder out = kind().newRow().set(CellTable.CELL_ID, cellIds[i]).set(CellTable.LEVEL, level);
                fill(cells.get(i), r, out);
                rows[i] = out.set(NetCellTable.ELAPSED_NS, r.elapsedNanos()).build();
            }
        }
        return List.of(rows);
    }

    /** The row of a trained cell: every column but cell_id, level and elapsed_ns. */
    void fill(CellParameters p, NetCellResult r, Row.Builder out) {
        NetCellSpec spec = r.spec();
        out.set(CellTable.MODEL, name())
                .set(CellTable.LAMBDA, spec.lambda())
                .set(CellTable.MU, spec.mu())
                .set(CellTable.BATCH_SIZE, spec.batchSize())
                .set(CellTable.PARAMS, extraParameters(p, spec))
                .set(NetCellTable.ARCHITECTURE, ARCHITECTURE)
                .set(NetCellTable.DATA, spec.data().label())
                .set(NetCellTable.ACTIVATION, spec.activation().label())
                .set(NetCellTable.OPTIMIZER, spec.optimiser().kind().label())
                .set(NetCellTable.BIAS, spec.bias())
                .set(NetCellTable.WIDTH, spec.inputDim())
                .set(NetCellTable.HIDDEN, spec.hiddenDim())
                .set(NetCellTable.STEPS, r.steps())
                .set(NetCellTable.RANK_TOLERANCE, spec.rankTolerance())
                .set(NetCellTable.DIVERGED, r.diverged())
                .set(NetCellTable.THEORY_LAMBDA, r.theoryLambda())
                .set(NetCellTable.THEORY_EXP_MINUS, r.theoryExponentMinus())
                .set(NetCellTable.THEORY_EXP_PLUS, r.theoryExponentPlus())
                .set(NetCellTable.BACKEND, r.backend())
                .set(NetCellTable.DEVICE, r.device());
        if (!r.diverged()) {
            out.set(NetCellTable.RANK, r.rank())
                    .set(NetCellTable.SINGULAR_VALUES, r.singularValues())
                    .set(NetCellTable.FINAL_LOSS, r.finalLoss());
        }
        if (r.theoryPhase() != null) {
            out.set(NetCellTable.THEORY_PHASE, r.theoryPhase());
        }
        if (r.theoryRank() >= 0) {
            out.set(NetCellTable.THEORY_RANK, r.theoryRank());
        }
    }
}
