package org.probstab.net;

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
}
