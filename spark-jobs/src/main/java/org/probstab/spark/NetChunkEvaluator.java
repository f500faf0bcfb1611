package org.probstab.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.probstab.model.Model;
import org.probstab.model.ModelRegistry;
import org.probstab.net.MemoryBudget;
import org.probstab.net.model.NetCellModel;
import org.probstab.net.model.TaskResources;
import org.probstab.param.CellParameters;
import org.probstab.sweep.SweepPlan;
import org.probstab.table.Row;

/**
 * The chunks of a net-cell sweep ({@code probstab train}): a task trains all cells of a chunk together
 * ({@link NetCellModel#train}: one batched tensor per shape and backend, as many cells per batch as the memory
 * allows), with what the task was given:
 * <ul>
 *   <li>cores: {@link TaskContext#cpus()} ({@code spark.task.cpus}), the {@code cpu} backend's threads;</li>
 *   <li>GPUs: the addresses of the task's {@code gpu} resource, {@code TaskContext.resourcesJMap().get("gpu")} (the
 *       Java view of {@code TaskContext.resources()}), set by Spark's resource scheduling
 *       ({@code spark.task.resource.gpu.amount}, {@code spark.executor.resource.gpu.amount} and
 *       {@code .discoveryScript}); the {@code djl} backend trains on the first, {@code device = auto} on the CPU
 *       when there is none;</li>
 *   <li>memory: each batch holds at most {@code memory_mb}, capped at the task's share of Spark's user memory,
 *       (heap − {@value #RESERVED_MIB} MiB) × (1 − {@code spark.memory.fraction}) / (executor cores / task cpus) —
 *       the part of the heap Spark leaves to user code, split over the tasks that run at once (on the {@code djl}
 *       backend the batch is on the device and the cap is a bound on its host staging).</li>
 * </ul>
 * On the {@code cpu} backend every row is bit-identical to the cell trained alone ({@code probstab eval}), whatever
 * the chunking, the partitions or the cores; the GPU path cannot be exercised without a GPU.
 */
public final class NetChunkEvaluator implements ChunkEvaluator {

    private static final long serialVersionUID = 1L;

    /** The heap Spark reserves before it shares out the rest (its {@code RESERVED_SYSTEM_MEMORY_BYTES}). */
    static final long RESERVED_MIB = 300;

    private NetChunkEvaluator() {
    }

    /** The evaluator of a plan: net cells trained together for a net model, else cell by cell. */
    public static ChunkEvaluator of(SweepPlan plan) {
        return isNet(plan.spec().model()) ? new NetChunkEvaluator() : ChunkEvaluator.CELL_BY_CELL;
    }

    /** Whether a model is a deep-net model (trained, batched across cells). */
    public static boolean isNet(String model) {
        return ModelRegistry.get(model) instanceof NetCellModel;
    }

    @Override
    public void evaluate(SweepPlan plan, long chunk, int level, Consumer<Row> out) {
        Model model = ModelRegistry.get(plan.spec().model());
        NetCellModel net = (NetCellModel) model;
        long start = plan.chunkStart(chunk);
        int n = (int) (plan.chunkEnd(chunk) - start);
        List<CellParameters> cells = new ArrayList<>(n);
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = start + i;
            cells.add(ModelRegistry.resolve(model, plan.parameters(ids[i]), plan.spec().estimator()));
        }
        net.train(cells, ids, plan.spec().seed(), level, resources()).forEach(out);
    }

    /** What this task may use (one core, no GPU, no cap when not inside a Spark task). */
    static TaskResources resources() {
        TaskContext task = TaskContext.get();
        if (task == null) {
            return TaskResources.single();
        }
        Map<String, ResourceInformation> resources = task.resourcesJMap();
        ResourceInformation gpu = resources.get("gpu");
        List<Integer> gpus = gpu == null ? List.of() : TaskResources.gpuOrdinals(gpu.addresses());
        int cpus = Math.max(1, task.cpus());
        SparkEnv env = SparkEnv.get();
        int executorCores = env == null ? Runtime.getRuntime().availableProcessors()
                : env.conf().getInt("spark.executor.cores", Runtime.getRuntime().availableProcessors());
        double fraction = env == null ? 0.6 : env.conf().getDouble("spark.memory.fraction", 0.6);
        return new TaskResources(cpus, gpus, userMemoryShare(Runtime.getRuntime().maxMemory(), fraction,
                Math.max(1, executorCores / cpus)));
    }

    /** (heap − reserved) × (1 − fraction) / slots, at least 1 MiB. */
    static long userMemoryShare(long heapBytes, double memoryFraction, int slots) {
        double user = Math.max(0, heapBytes - RESERVED_MIB * MemoryBudget.MIB) * (1 - memoryFraction) / slots;
        return Math.max(MemoryBudget.MIB, (long) user);
    }
}
