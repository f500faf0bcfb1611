package org.probstab.random;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Independent, reproducible random streams for every (sweep seed, cell id, purpose) triple (DESIGN §3).
 *
 * <p>The 64-bit stream seed is {@code mix(mix(mix(seed) ^ cellId) ^ purpose.code())}, where {@code mix} is the
 * SplitMix64 finaliser (Steele, Lea &amp; Flood 2014). The generator is always the named algorithm
 * {@value #ALGORITHM}, never the JDK default, so a table records which algorithm made it and results do not
 * depend on partitioning, executor count, retries or resumption: a cell's randomness is a pure function of the
 * triple.
 */
public final class StreamSeeds {

    /** The one random-number algorithm of probstab; recorded in every manifest. */
    public static final String ALGORITHM = "L64X128MixRandom";

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(ALGORITHM);

    /** What a stream is used for; each purpose draws from its own independent stream. */
    public enum Purpose {
        /** Drawing a finite dataset (x, ε pairs, Hessian samples of a dataset). */
        DATASET(0x5EED_DA7AL),
        /** Monte-Carlo over minibatches. */
        BATCHES(0x5EED_BA7CL),
        /** Trajectories for Λ₋ (or the top exponent). */
        TRAJECTORY_MINUS(0x5EED_7A0DL),
        /** Trajectories for Λ₊. */
        TRAJECTORY_PLUS(0x5EED_7A0EL),
        /** The papers' cut-off protocol. */
        PAPER_PROTOCOL(0x5EED_9A9EL),
        /** Nonlinear SGD simulations. */
        SIMULATION(0x5EED_51A0L);

        private final long code;

        Purpose(long code) {
            this.code = code;
        }

        public long code() {
            return code;
        }
    }

    private StreamSeeds() {
    }

    /** SplitMix64 finaliser: a bijection of 64-bit words with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The 64-bit seed of the stream for (seed, cellId, purpose). */
    public static long streamSeed(long seed, long cellId, Purpose purpose) {
        return mix(mix(mix(seed) ^ cellId) ^ purpose.code());
    }

    /** A fresh generator of the named algorithm for (seed, cellId, purpose). */
    public static RandomGenerator stream(long seed, long cellId, Purpose purpose) {
        return FACTORY.create(streamSeed(seed, cellId, purpose));
    }

    /** A fresh generator of the named algorithm from an already mixed seed (e.g. one stream per trajectory). */
    public static RandomGenerator fromSeed(long mixedSeed) {
        return FACTORY.create(mixedSeed);
    }
}
