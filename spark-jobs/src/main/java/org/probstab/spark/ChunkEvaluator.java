package org.probstab.spark;

import java.io.Serializable;
import java.util.function.Consumer;
import org.probstab.sweep.SweepPlan;
import org.probstab.table.Row;

/**
 * How a task turns one chunk of a plan into rows. The default evaluates cell by cell through the model registry;
 * a model whose cells are cheaper together (deep-net cells trained as one batched tensor) supplies its own. Either
 * way every row must be the pure function of (plan, cell id) the model defines, so tables do not depend on how cells
 * were grouped.
 */
@FunctionalInterface
public interface ChunkEvaluator extends Serializable {

    /** One row at a time, {@link SweepPlan#evaluate(long, int)}. */
    ChunkEvaluator CELL_BY_CELL = (plan, chunk, level, out) -> {
        for (long id = plan.chunkStart(chunk), end = plan.chunkEnd(chunk); id < end; id++) {
            out.accept(plan.evaluate(id, level));
        }
    };

    /**
     * Sends the rows of the cells {@code plan.chunkStart(chunk)} … {@code plan.chunkEnd(chunk) − 1} at refinement
     * {@code level} to {@code out}, in cell-id order, each of the plan's table kind.
     */
    void evaluate(SweepPlan plan, long chunk, int level, Consumer<Row> out);
}
