package org.probstab.net;

import java.util.List;
import org.probstab.config.InvalidInputException;

/**
 * What the cells of one batch share, so that their weights stack into one tensor and one step advances them all:
 * the architecture, the optimiser kind, S, T and the data law. λ, μ, σ, the optimiser's hyper-parameters and the
 * random streams may differ from cell to cell.
 *
 * @param inputDim   d
 * @param hiddenDim  h
 * @param activation σ
 * @param bias       whether the layers have biases
 * @param optimiser  the optimiser kind
 * @param batchSize  S
 * @param steps      T
 * @param data       the data law
 */
public record BatchShape(int inputDim, int hiddenDim, Activation activation, boolean bias,
                         OptimiserSpec.Kind optimiser, int batchSize, int steps, NetData data) {

    /** The shape of one cell. */
    public static BatchShape of(NetCellSpec spec) {
        return new BatchShape(spec.inputDim(), spec.hiddenDim(), spec.activation(), spec.bias(),
                spec.optimiser().kind(), spec.batchSize(), spec.steps(), spec.data());
    }

    /** Weights and biases of one cell: 2dh (+ h + d with biases). */
    public long parameterCount() {
        long weights = 2L * inputDim * hiddenDim;
        return bias ? weights + inputDim + hiddenDim : weights;
    }

    /** Every cell has this shape, there is at least one, and one stream triple per cell. */
    public void checkCells(List<NetCellSpec> cells, List<NetStreams> streams) {
        if (cells.isEmpty()) {
            throw InvalidInputException.outOfRange("cells", 0, "at least one cell per batch");
        }
        if (cells.size() != streams.size()) {
            throw new IllegalArgumentException(cells.size() + " cells but " + streams.size() + " stream triples");
        }
        for (NetCellSpec c : cells) {
            if (!of(c).equals(this)) {
                throw new IllegalArgumentException("cell " + c + " does not have the batch shape " + this);
            }
        }
    }
}
