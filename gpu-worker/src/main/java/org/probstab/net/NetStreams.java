package org.probstab.net;

import java.util.random.RandomGenerator;
import org.probstab.random.StreamSeeds;

/**
 * The random streams of one net cell (DESIGN §3): from the cell's simulation stream seed
 * s = {@code StreamSeeds.streamSeed(seed, cellId, SIMULATION)}, three independent generators of the named algorithm,
 * {@code StreamSeeds.fromSeed(mix(s ^ code))} with one code per use: the initial weights, the training data (one
 * batch per step) and the held-out evaluation samples of the final loss. A cell's whole run is therefore a pure
 * function of (seed, cell id, spec), whatever batch it is trained in, on whatever backend.
 *
 * @param initialisation seed of the initial-weights stream
 * @param data           seed of the training-data stream
 * @param evaluation     seed of the evaluation stream
 */
public record NetStreams(long initialisation, long data, long evaluation) {

    private static final long INITIALISATION = 0x5EED_1417L;
    private static final long DATA = 0x5EED_DA7BL;
    private static final long EVALUATION = 0x5EED_E7A1L;

    /** The streams of cell {@code cellId} of a sweep with seed {@code seed}. */
    public static NetStreams of(long seed, long cellId) {
        long s = StreamSeeds.streamSeed(seed, cellId, StreamSeeds.Purpose.SIMULATION);
        return new NetStreams(StreamSeeds.mix(s ^ INITIALISATION), StreamSeeds.mix(s ^ DATA),
                StreamSeeds.mix(s ^ EVALUATION));
    }

    public RandomGenerator initialisationStream() {
        return StreamSeeds.fromSeed(initialisation);
    }

    public RandomGenerator dataStream() {
        return StreamSeeds.fromSeed(data);
    }

    public RandomGenerator evaluationStream() {
        return StreamSeeds.fromSeed(evaluation);
    }
}
