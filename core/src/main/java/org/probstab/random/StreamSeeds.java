package org.probstab.random;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Independent, reproducible random streams for every (sweep seed, cell id, purpose) triple (DESIGN §3).
 *
 * <p>The 64-bit stream seed is {@code mix(mix(mix(seed) ^ cellId) ^ purpose.code())}, where {@code mix} is the
 * SplitMix64 finaliser (Steele, Lea &amp; Flood 2014). The generator is always a named algorithm, never the JDK
 * default: {@value #ALGORITHM} for the streams made here (datasets, Monte-Carlo over batches), and the per-run streams
 * of {@link RunStreams} — {@code mix(streamSeed + r)} for run r — for trajectories and simulations. A table records
 * which algorithm drew which streams ({@link #ALGORITHMS}), and results do not depend on partitioning, executor
 * count, retries or resumption: a cell's randomness is a pure function of the triple.
 */
public final class StreamSeeds {

    /** The JDK algorithm of the streams made here: datasets and Monte-Carlo over batches. */
    public static final String ALGORITHM = "L64X128MixRandom";

    /**
     * Which named algorithm draws which streams, as every manifest records it ({@code rng_algorithm}): datasets and
     * Monte-Carlo over batches by {@value #ALGORITHM}; the runs of the trajectory estimators (renormalised products,
     * the QR spectrum, the papers' protocol) and of the simulations by {@value Xoshiro256Plus#ALGORITHM}; a
     * simulation asked for {@code rng = l64x128} draws its runs by {@value #ALGORITHM}, as its rows'
     * {@code rng_algorithm} column says.
     */
    public static final String ALGORITHMS = "datasets and Monte-Carlo over batches: " + ALGORITHM
            + "; trajectory, paper-protocol and simulation runs: " + Xoshiro256Plus.ALGORITHM
            + " (a simulation with rng = l64x128: " + ALGORITHM + ", see its rows' rng_algorithm)";

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(ALGORITHM);

    /** What a stream is used for; each purpose draws from its own independent stream. */
    public enum Purpose {
        /** Drawing a finite dataset (x, ε pairs, Hessian samples of a dataset). */
        DATASET(0x5EED_DA7AL),
        /** Monte-Carlo over minibatches. */
        BATCHES(0x5EED_BA7CL),
        /**
         * Trajectories: of a commuting model both exponents Λ₋ and Λ₊ (two lanes on the same draws), or the top
         * exponent and the spectrum of a matrix law.
         */
        TRAJECTORY_MINUS(0x5EED_7A0DL),
        /** The papers' cut-off protocol of a matrix law (a commuting model's runs on the trajectory stream). */
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
