package org.probstab.net.cpu;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.probstab.config.InvalidInputException;
import org.probstab.net.BatchShape;
import org.probstab.net.MemoryBudget;
import org.probstab.net.NetBackend;
import org.probstab.net.NetBatch;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetStreams;

/**
 * The pure-Java backend: batches of cells on primitive float arrays ({@link CpuBatch}, {@link CellKernel}), spread
 * over a fixed number of worker threads, one cell per thread at a time (a batch of one cell runs on one thread).
 *
 * <p><b>Memory</b> ({@link #bytesFor}): per cell 4 bytes × (3dh + h + d) parameters (W₂ is held in both layouts),
 * three times that with Adam's two moments; per worker thread the workspace of one step, 4 bytes ×
 * (S(3d + 3h) + 3dh + h + d) (samples, activations, gradients); plus {@value #OVERHEAD_PER_CELL} bytes per cell for
 * its random streams and bookkeeping. All on the Java heap.
 */
public final class CpuBackend implements NetBackend {

    /** Bytes per cell beyond its arrays (samplers, generators, object headers). */
    static final long OVERHEAD_PER_CELL = 512;

    private final int threads;
    private final ExecutorService pool;

    /** A backend with {@code threads} worker threads (≥ 1). */
    public CpuBackend(int threads) {
        if (threads < 1 || threads > 4096) {
            throw InvalidInputException.outOfRange("threads", threads, "integers in [1, 4096]");
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemonThreads());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "probstab-net-cpu-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String device() {
        return "cpu";
    }

    /** The worker thread count. */
    public int threads() {
        return threads;
    }

    @Override
    public long bytesFor(BatchShape shape, int cells) {
        return footprint(shape, cells, threads);
    }

    /** The heap a batch of {@code cells} cells needs on {@code threads} worker threads (see the class comment). */
    public static long footprint(BatchShape shape, int cells, int threads) {
        long perCell = MemoryBudget.floats(CpuBatch.floatsPerCell(shape)) + OVERHEAD_PER_CELL;
        long workers = Math.min(threads, Math.max(cells, 1));
        return cells * perCell + workers * MemoryBudget.floats(CellKernel.workspaceFloats(shape));
    }

    @Override
    public NetBatch open(BatchShape shape, List<NetCellSpec> cells, List<NetStreams> streams,
                         long memoryBudgetBytes) {
        shape.checkCells(cells, streams);
        MemoryBudget.check(bytesFor(shape, cells.size()), memoryBudgetBytes, cells.size(), shape, name());
        if ((long) cells.size() * shape.inputDim() * shape.hiddenDim() > Integer.MAX_VALUE - 8) {
            throw InvalidInputException.outOfRange("cells", cells.size(), "at most "
                    + (Integer.MAX_VALUE - 8) / ((long) shape.inputDim() * shape.hiddenDim())
                    + " cells of d = " + shape.inputDim() + ", h = " + shape.hiddenDim() + " per cpu batch");
        }
        return new CpuBatch(shape, cells, streams, pool, threads);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
