package org.probstab.net.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probstab.net.BackendChoice;
import org.probstab.net.BatchShape;
import org.probstab.net.MemoryBudget;
import org.probstab.net.NetBackend;
import org.probstab.net.NetBatch;
import org.probstab.net.NetCellResult;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetStreams;
import org.probstab.net.NetTheory;
import org.probstab.net.NetWeights;
import org.probstab.net.SingularValues;
import org.probstab.net.cpu.CpuBackend;
import org.probstab.net.djl.DjlBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a list of net cells and returns one {@link NetCellResult} per cell, in the order given: the entry point
 * for a training task.
 *
 * <p>Cells are grouped by {@link BatchShape} (first appearance first); each group is cut into batches of as many
 * cells as the memory budget allows ({@link NetBackend#bytesFor}), each batch is trained for its T steps with one
 * step advancing all its cells, and every cell is then evaluated on the host: the singular values of W₂ (one-sided
 * Jacobi, {@link SingularValues}), its rank at the cell's tolerance, the population loss on held-out samples, and
 * the theory of {@link NetTheory}. A cell whose single-cell footprint exceeds the budget is refused. The backend
 * and its device are logged once per call.
 */
public final class NetTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(NetTrainer.class);

    private NetTrainer() {
    }

    /** The (backend, device) pairs this JVM has announced. */
    private static final java.util.Set<String> ANNOUNCED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Forgets which backends were announced (tests of the log line). */
    static void forgetAnnouncements() {
        ANNOUNCED.clear();
    }

    /**
     * Trains every cell of the request. The first call on each backend and device in this JVM logs one line naming
     * them (INFO), later ones at DEBUG: a sweep's tasks do not repeat it for every chunk.
     */
    public static List<NetCellResult> train(TrainingRequest request) {
        try (NetBackend backend = open(request.backend())) {
            String line = "backend " + backend.name() + ", device " + backend.device();
            String threads = backend instanceof CpuBackend cpu ? " (" + cpu.threads() + " threads)" : "";
            if (ANNOUNCED.add(line)) {
                LOG.info("net cells: {}{}", line, threads);
            } else {
                LOG.debug("net cells: {}{}", line, threads);
            }
            return train(request, backend);
        }
    }

    /** Opens the backend of a choice ({@link DjlBackend} checks the device). */
    public static NetBackend open(BackendChoice choice) {
        return switch (choice.kind()) {
            case CPU -> new CpuBackend(choice.threads());
            case DJL -> DjlBackend.open(choice.device(), choice.gpu());
        };
    }

    /**
     * The memory a batch of {@code cells} cells of {@code shape} needs on the chosen backend, without opening it
     * ({@link NetBackend#bytesFor}).
     */
    public static long footprint(BackendChoice choice, BatchShape shape, int cells) {
        return switch (choice.kind()) {
            case CPU -> CpuBackend.footprint(shape, cells, choice.threads());
            case DJL -> DjlBackend.footprint(shape, cells);
        };
    }

    /** Trains every cell of the request on an open backend. */
    public static List<NetCellResult> train(TrainingRequest request, NetBackend backend) {
        List<NetCellSpec> cells = request.cells();
        long[] ids = request.cellIds();
        Map<BatchShape, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            groups.computeIfAbsent(BatchShape.of(cells.get(i)), s -> new ArrayList<>()).add(i);
        }
        NetCellResult[] results = new NetCellResult[cells.size()];
        for (Map.Entry<BatchShape, List<Integer>> group : groups.entrySet()) {
            BatchShape shape = group.getKey();
            List<Integer> members = group.getValue();
            int perBatch = maxCellsPerBatch(backend, shape, request.memoryBudgetBytes());
            for (int from = 0; from < members.size(); from += perBatch) {
                List<Integer> batch = members.subList(from, Math.min(members.size(), from + perBatch));
                trainBatch(request, backend, shape, batch, results, ids);
            }
        }
        return List.of(results);
    }

    /** The largest C with {@code bytesFor(shape, C)} within the budget; refuses when not even one cell fits. */
    static int maxCellsPerBatch(NetBackend backend, BatchShape shape, long budget) {
        if (backend.bytesFor(shape, 1) > budget) {
            throw MemoryBudget.tooSmall(budget, backend.bytesFor(shape, 1), 1, shape, backend.name());
        }
        int lo = 1;
        int hi = 1 << 20;
        while (lo < hi) {
            int mid = (int) (((long) lo + hi + 1) / 2);
            if (backend.bytesFor(shape, mid) <= budget) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static void trainBatch(TrainingRequest request, NetBackend backend, BatchShape shape, List<Integer> batch,
                                   NetCellResult[] results, long[] ids) {
        List<NetCellSpec> specs = new ArrayList<>(batch.size());
        List<NetStreams> streams = new ArrayList<>(batch.size());
        for (int i : batch) {
            specs.add(request.cells().get(i));
            streams.add(NetStreams.of(request.seed(), ids[i]));
        }
        long t0 = System.nanoTime();
        try (NetBatch nets = backend.open(shape, specs, streams, request.memoryBudgetBytes())) {
            nets.run(shape.steps());
            long share = (System.nanoTime() - t0) / batch.size();
            for (int c = 0; c < batch.size(); c++) {
                long t1 = System.nanoTime();
                int i = batch.get(c);
                NetCellSpec spec = specs.get(c);
                NetWeights w = nets.weights(c);
                int divergedAt = nets.divergedAt(c);
                boolean diverged = divergedAt >= 0 || !w.finite();
                double[] sv = new double[0];
                int rank = -1;
                double loss = Double.POSITIVE_INFINITY;
                if (!diverged) {
                    sv = SingularValues.of(w.secondLayer(), spec.inputDim(), spec.hiddenDim());
                    rank = SingularValues.rank(sv, spec.rankTolerance());
                    loss = w.populationLoss(spec, streams.get(c).evaluationStream(), NetCellResult.EVALUATION_SAMPLES);
                    if (!Double.isFinite(loss)) {
                        diverged = true;
                        loss = Double.POSITIVE_INFINITY;
                        sv = new double[0];
                        rank = -1;
                    }
                }
                long steps = divergedAt >= 0 ? divergedAt : shape.steps();
                NetTheory theory = NetTheory.of(spec, request.seed(), ids[i]);
                long elapsed = share + (System.nanoTime() - t1);
                results[i] = new NetCellResult(ids[i], spec, backend.name(), backend.device(), rank, sv, loss,
                        diverged, steps, elapsed, theory.lambda(), theory.phase(), theory.exponentMinus(),
                        theory.exponentPlus(), theory.rank());
            }
        }
    }
}
