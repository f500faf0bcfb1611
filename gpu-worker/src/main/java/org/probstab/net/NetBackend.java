package org.probstab.net;

import java.util.List;

/**
 * Where batches of net cells are trained: {@code cpu} (pure Java) or {@code djl} (PyTorch through DJL, on the CPU or
 * a GPU). Both train the same cells from the same initial weights on the same data (drawn in Java from the cells'
 * {@link NetStreams}); they differ only in floating-point rounding.
 *
 * <p><b>Memory.</b> A batch of C cells needs {@link #bytesFor} bytes of the memory the task is allowed (heap for
 * {@code cpu}, device memory for {@code djl}); {@link #open} refuses a batch above the budget. The estimate counts
 * float32 parameters, optimiser state, gradients, activations and data of the step, per cell or per worker thread
 * (see each backend).
 */
public interface NetBackend extends AutoCloseable {

    /** {@code cpu} or {@code djl}. */
    String name();

    /** The device the backend computes on: {@code cpu}, or {@code gpu(0)}…. */
    String device();

    /** Estimated bytes for a batch of {@code cells} cells of this shape. */
    long bytesFor(BatchShape shape, int cells);

    /**
     * A batch of the given cells (all of {@code shape}), initialised from their streams.
     *
     * @throws org.probstab.config.InvalidInputException if {@link #bytesFor} exceeds {@code memoryBudgetBytes}
     */
    NetBatch open(BatchShape shape, List<NetCellSpec> cells, List<NetStreams> streams, long memoryBudgetBytes);

    @Override
    void close();
}
