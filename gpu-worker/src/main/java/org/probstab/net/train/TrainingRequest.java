package org.probstab.net.train;

import java.util.List;
import org.probstab.config.InvalidInputException;
import org.probstab.net.BackendChoice;
import org.probstab.net.NetCellSpec;

/**
 * What a training task is given: the cells with their ids, the sweep seed, the backend and the memory the task
 * may use for one batch.
 *
 * @param cells             the cells (any mix of shapes: they are grouped into batches of one shape)
 * @param cellIds           one id per cell; a cell's random streams are those of (seed, id)
 * @param seed              the sweep seed
 * @param backend           which backend and device
 * @param memoryBudgetBytes the most one batch may use ({@link org.probstab.net.NetBackend#bytesFor})
 */
public record TrainingRequest(List<NetCellSpec> cells, long[] cellIds, long seed, BackendChoice backend,
                              long memoryBudgetBytes) {

    public TrainingRequest {
        cells = List.copyOf(cells);
        cellIds = cellIds.clone();
        if (cells.isEmpty()) {
            throw InvalidInputException.outOfRange("cells", 0, "at least one cell");
        }
        if (cellIds.length != cells.size()) {
            throw InvalidInputException.outOfRange("cell_ids", cellIds.length, "one id per cell (" + cells.size()
                    + ")");
        }
        if (backend == null) {
            throw InvalidInputException.missing("backend", "cpu|djl");
        }
        if (memoryBudgetBytes <= 0) {
            throw InvalidInputException.outOfRange(org.probstab.net.MemoryBudget.KEY, memoryBudgetBytes,
                    "> 0 bytes");
        }
    }

    @Override
    public long[] cellIds() {
        return cellIds.clone();
    }
}
