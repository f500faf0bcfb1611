package org.probstab.random;

import java.util.random.RandomGenerator;

/**
 * One independent random stream per run of a Monte-Carlo cell, for kernels that advance many runs in lockstep:
 * a kernel asks for a block of draws of one run at a time (normals, uniforms, indices or raw words) and works on
 * primitive arrays, so there is one call per block, not one interface call per step.
 *
 * <p>Run r of a cell draws from the stream seeded with {@code StreamSeeds.mix(streamSeed + r)} (the seeding of the
 * trajectory estimators, e.g. {@code RenormalisedProduct}), with {@code streamSeed} from
 * {@link StreamSeeds#streamSeed}. A run's draws therefore do not depend on how many runs there are, in which order
 * they are advanced or how the blocks are cut: the k-th normal of run r is the same whatever the block sizes.
 *
 * <p>Two named algorithms ({@link Algorithm}); the manifest of a table records {@link Algorithm#label()}:
 * <ul>
 *   <li>{@link Algorithm#L64X128_MIX_RANDOM}: the JDK's {@code L64X128MixRandom} objects, one per run, exactly as
 *       {@link StreamSeeds#fromSeed} makes them; normals, uniforms and bounded ints are the JDK's
 *       ({@code nextGaussian}, {@code nextDouble}, {@code nextInt(bound)}): the simulations' {@code rng = l64x128};</li>
 *   <li>{@link Algorithm#XOSHIRO256_PLUS}: {@link Xoshiro256Plus} seeded by SplitMix64 from the same per-run seed,
 *       normals by {@link ZigguratNormal} (two per word); the states of all runs sit in one array. The streams of
 *       the trajectory estimators and, by default, of the simulations.</li>
 * </ul>
 * Not thread-safe: one instance per cell evaluation.
 */
public abstract class RunStreams {

    /** The named stream algorithms. */
    public enum Algorithm {
        /** The JDK's L64X128MixRandom ({@link StreamSeeds#ALGORITHM}), with the JDK's normals. */
        L64X128_MIX_RANDOM(StreamSeeds.ALGORITHM),
        /** {@link Xoshiro256Plus} with {@link ZigguratNormal} normals. */
        XOSHIRO256_PLUS(Xoshiro256Plus.ALGORITHM);

        private final String label;

        Algorithm(String label) {
            this.label = label;
        }

        /** The name a manifest records. */
        public String label() {
            return label;
        }
    }

    private final int runs;

    RunStreams(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be in [1, " + Integer.MAX_VALUE + "], got " + runs);
        }
        this.runs = runs;
    }

    /** The streams of {@code runs} runs of the cell whose mixed stream seed is {@code streamSeed}. */
    public static RunStreams of(Algorithm algorithm, long streamSeed, int runs) {
        return switch (algorithm) {
            case L64X128_MIX_RANDOM -> new L64X128RunStreams(streamSeed, runs);
            case XOSHIRO256_PLUS -> new Xoshiro256PlusRunStreams(streamSeed, runs);
        };
    }

    /** The seed of run r's stream: {@code StreamSeeds.mix(streamSeed + r)}. */
    public static long runSeed(long streamSeed, int run) {
        return StreamSeeds.mix(streamSeed + run);
    }

    /** The algorithm. */
    public abstract Algorithm algorithm();

    /** R. */
    public final int runs() {
        return runs;
    }

    /** The next {@code count} standard normals of run {@code run} into {@code out[from, from + count)}. */
    public abstract void gaussians(int run, double[] out, int from, int count);

    /** The next {@code count} uniforms on [0, 1) of run {@code run}. */
    public abstract void uniforms(int run, double[] out, int from, int count);

    /** The next {@code count} uniform indices in [0, bound) of run {@code run} ({@code bound} ≥ 1). */
    public abstract void indices(int run, int bound, int[] out, int from, int count);

    /**
     * The next {@code count} raw 64-bit words of run {@code run}. For {@link Algorithm#XOSHIRO256_PLUS} only the
     * upper bits are of full quality (see {@link Xoshiro256Plus}): take random bits from the top.
     */
    public abstract void words(int run, long[] out, int from, int count);

    /**
     * Run r's stream as a {@link RandomGenerator}, for occasional single draws (a random start): draws from it and
     * from the block methods interleave in one sequence. Slower per draw than the block methods.
     */
    public abstract RandomGenerator generator(int run);

    final void checkRun(int run) {
        if (run < 0 || run >= runs) {
            throw new IndexOutOfBoundsException("run " + run + " of " + runs);
        }
    }
}
