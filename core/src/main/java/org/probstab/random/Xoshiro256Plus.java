package org.probstab.random;

import java.util.random.RandomGenerator;

/**
 * The xoshiro256+ 1.0 generator (Blackman &amp; Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
 * 47 (2021); reference code prng.di.unimi.it/xoshiro256plus.c): a 256-bit xor/shift/rotate state with period
 * 2^256 − 1 and the output s₀ + s₃,
 * <pre>
 *   result = s₀ + s₃;  t = s₁ &lt;&lt; 17;  s₂ ^= s₀;  s₃ ^= s₁;  s₁ ^= s₂;  s₀ ^= s₃;  s₂ ^= t;  s₃ = rotl(s₃, 45).
 * </pre>
 * Its authors recommend it for floating-point work: every output bit passes their tests except the lowest three,
 * whose linear complexity is low. This class therefore uses only <b>upper</b> bits: doubles are
 * (w &gt;&gt;&gt; 11)·2⁻⁵³, ints are the upper 32 bits, bounded indices use Lemire's multiply-shift on the upper 32
 * bits ({@link #boundedIndex}), and the two normals of a word take their layers from the top bits of its halves
 * ({@link ZigguratNormal}).
 *
 * <p>A 64-bit seed is expanded to the state by SplitMix64 (four successive outputs of a SplitMix64 generator started
 * at the seed, {@link #fromSeed}), as the authors recommend; the state is never all zero then. Tested word for word
 * against a C transcription of the reference code ({@code src/test/resources/reference/xoshiro_ziggurat.c}).
 * Together with {@link ZigguratNormal} this is the algorithm {@value #ALGORITHM} that manifests record.
 *
 * <p>Not thread-safe; one instance per stream. {@link org.probstab.random.RunStreams} keeps the same state for many
 * runs in one array.
 */
public final class Xoshiro256Plus implements RandomGenerator {

    /** The name manifests record for streams of this generator with {@link ZigguratNormal} normals. */
    public static final String ALGORITHM = "xoshiro256+/ziggurat256";

    /** SplitMix64's increment, the 64-bit golden ratio. */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long s0;
    private long s1;
    private long s2;
    private long s3;
    /** The lower half of the last word drawn for a normal, when its normal has not been handed out yet. */
    private int pendingCandidate;
    private boolean pending;

    /**
     * A generator with the given state.
     *
     * @throws IllegalArgumentException if all four words are 0 (the one state the generator never leaves)
     */
    public Xoshiro256Plus(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException("xoshiro256+ state must not be all zero");
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /** The generator whose state is the first four outputs of SplitMix64 started at {@code seed}. */
    public static Xoshiro256Plus fromSeed(long seed) {
        long[] state = new long[4];
        seedState(seed, state, 0);
        return new Xoshiro256Plus(state[0], state[1], state[2], state[3]);
    }

    /**
     * Writes the SplitMix64 expansion of {@code seed} into {@code state[offset..offset + 3]}: word i is
     * {@code StreamSeeds.mix(seed + (i + 1)·0x9E3779B97F4A7C15)}. Never all zero (SplitMix64 outputs four distinct
     * words for distinct counters, as its finaliser is a bijection).
     */
    static void seedState(long seed, long[] state, int offset) {
        long x = seed;
        for (int i = 0; i < 4; i++) {
            x += GOLDEN_GAMMA;
            state[offset + i] = StreamSeeds.mix(x);
        }
    }

    @Override
    public long nextLong() {
        long result = s0 + s3;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** The upper 32 bits of the next word. */
    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** (w &gt;&gt;&gt; 11)·2⁻⁵³, uniform on the 2⁵³ doubles k·2⁻⁵³ of [0, 1). */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A uniform index in [0, bound) by {@link #boundedIndex}. */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return boundedIndex(this, nextLong(), bound);
    }

    /**
     * A standard normal by {@link ZigguratNormal}: a word gives two candidates, its upper half for this normal and its
     * lower half, kept, for the next one.
     */
    @Override
    public double nextGaussian() {
        if (pending) {
            pending = false;
            return ZigguratNormal.fromCandidate(pendingCandidate, this);
        }
        long w = nextLong();
        pendingCandidate = (int) w;
        pending = true;
        return ZigguratNormal.fromCandidate((int) (w >>> 32), this);
    }

    /**
     * A uniform index in [0, bound) from the word {@code word} (and further words of {@code more} in the rare case
     * of a rejection): Lemire's multiply-shift with rejection ("Fast random integer generation in an interval", ACM
     * TOMACS 29 (2019)) on the upper 32 bits, exactly unbiased. With m = (word &gt;&gt;&gt; 32)·bound, the result is
     * m &gt;&gt;&gt; 32 unless the low half of m is below (2³² − bound) mod bound, in which case a new word is drawn.
     */
    public static int boundedIndex(RandomGenerator more, long word, int bound) {
        long m = (word >>> 32) * bound;
        long low = m & 0xFFFF_FFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (more.nextLong() >>> 32) * bound;
                low = m & 0xFFFF_FFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** The four state words (for tests and for copying a stream). */
    public long[] state() {
        return new long[] {s0, s1, s2, s3};
    }

    /** Sets the state (slow paths of {@link RunStreams}; the caller guarantees it is not all zero). */
    void setState(long w0, long w1, long w2, long w3) {
        s0 = w0;
        s1 = w1;
        s2 = w2;
        s3 = w3;
    }

    /** State word i ∈ {0, 1, 2, 3}. */
    long word(int i) {
        return switch (i) {
            case 0 -> s0;
            case 1 -> s1;
            case 2 -> s2;
            default -> s3;
        };
    }

    /** Replaces the state by {@code state[offset..offset + 3]} (used by {@link RunStreams} for its slow paths). */
    void load(long[] state, int offset) {
        s0 = state[offset];
        s1 = state[offset + 1];
        s2 = state[offset + 2];
        s3 = state[offset + 3];
    }

    /** Writes the state to {@code state[offset..offset + 3]}. */
    void store(long[] state, int offset) {
        state[offset] = s0;
        state[offset + 1] = s1;
        state[offset + 2] = s2;
        state[offset + 3] = s3;
    }
}
