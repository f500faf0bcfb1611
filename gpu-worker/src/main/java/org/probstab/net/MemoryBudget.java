package org.probstab.net;

import java.util.Locale;
import org.probstab.config.InvalidInputException;

/**
 * The memory a training task may use for one batch of cells, and the check that a batch fits. The budget is the cell
 * parameter {@value #KEY} (MiB): on the {@code cpu} backend heap, on the {@code djl} backend device memory. A Spark
 * task caps it at its share of the executor's user memory (see the train command). The backends estimate a batch's
 * footprint from d, h, S, the optimiser's state and their own per-thread buffers ({@link NetBackend#bytesFor}); a
 * chunk of cells is cut into batches that fit, and a cell that does not fit alone is refused.
 */
public final class MemoryBudget {

    /** The parameter that sets the budget, in MiB. */
    public static final String KEY = "memory_mb";
    /** Bytes per MiB. */
    public static final long MIB = 1L << 20;

    private MemoryBudget() {
    }

    /** Bytes of a float32 tensor of {@code elements} elements. */
    public static long floats(long elements) {
        return 4 * elements;
    }

    /** Bytes as MiB for messages (one decimal, rounded up). */
    public static String mib(long bytes) {
        double m = Math.ceil(10.0 * bytes / MIB) / 10;
        return m == Math.rint(m) ? Long.toString((long) m) : String.format(Locale.ROOT, "%.1f", m);
    }

    /** Refuses a batch whose estimate exceeds the budget, naming the key, the value and what would fit. */
    public static void check(long needed, long budget, int cells, BatchShape shape, String backend) {
        if (budget <= 0) {
            throw InvalidInputException.outOfRange(KEY, mib(budget), "integers >= 1 (MiB)");
        }
        if (needed > budget) {
            throw tooSmall(budget, needed, cells, shape, backend);
        }
    }

    /** The one-line error for a budget below what {@code cells} cells of {@code shape} need. */
    public static InvalidInputException tooSmall(long budget, long needed, int cells, BatchShape shape,
                                                 String backend) {
        return InvalidInputException.of(KEY, "parameter '" + KEY + "' = " + mib(budget) + " is too small: "
                + (cells == 1 ? "one cell" : "a batch of " + cells + " cells") + " with d = " + shape.inputDim()
                + ", h = " + shape.hiddenDim() + ", S = " + shape.batchSize() + ", " + shape.optimiser()
                + " needs " + mib(needed) + " MiB on backend " + backend + "; allowed " + KEY + " >= " + (needed + MIB - 1) / MIB
                + (cells == 1 ? " (or smaller d, h, S)" : " (or fewer cells per batch)"));
    }
}
