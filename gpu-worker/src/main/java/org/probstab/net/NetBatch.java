package org.probstab.net;

/**
 * C cells of one {@link BatchShape} whose parameters form one batched tensor on a backend; {@link #step} advances
 * every cell by one training step. A cell whose training loss becomes non-finite is marked diverged (and may be
 * frozen); the others are unaffected: cells never interact.
 */
public interface NetBatch extends AutoCloseable {

    /** What the cells share. */
    BatchShape shape();

    /** C, the number of cells. */
    int cells();

    /** Steps taken so far (the same for every cell). */
    int stepsDone();

    /** One SGD or Adam step of every cell, each on its own fresh batch of S samples. */
    void step();

    /** {@code steps} calls of {@link #step}; a backend may reorder the work (cell by cell) when the result is the same. */
    default void run(int steps) {
        for (int t = 0; t < steps; t++) {
            step();
        }
    }

    /** A host copy of cell {@code cell}'s current parameters. */
    NetWeights weights(int cell);

    /** The first step at which the cell's training loss was found non-finite, or −1 if it never was. */
    int divergedAt(int cell);

    @Override
    void close();
}
