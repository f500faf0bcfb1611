package org.probstab.net;

import org.probstab.config.InvalidInputException;

/**
 * The memory a training task may use for one batch of cells, and the check that a batch fits. The budget is an
 * explicit number of bytes (for a Spark task e.g. its share of the executor memory, for a GPU its free device
 * memory); the backends estimate a batch's footprint from d, h, S, the optimiser's state and their own
 * per-thread buffers ({@link NetBackend#bytesFor}).
 */
public final class MemoryBudget {

    private MemoryBudget() {
    }

    /** Bytes of a float32 tensor of {@code elements} elements. */
    public static long floats(long elements) {
        return 4 * elements;
    }

    /** Refuses a batch whose estimate exceeds the budget, naming the key, the value and what would fit. */
    public static void check(long needed, long budget, int cells, BatchShape shape) {
        if (budget <= 0) {
            throw InvalidInputException.outOfRange("memory_budget", budget, "bytes > 0");
        }
        if (needed > budget) {
            throw InvalidInputException.outOfRange("memory_budget", budget, "at least " + needed
                    + " bytes for a batch of " + cells + " cells with d = " + shape.inputDim() + ", h = "
                    + shape.hiddenDim() + ", S = " + shape.batchSize() + ", " + shape.optimiser()
                    + " (fewer cells per batch, or a larger budget)");
        }
    }
}
