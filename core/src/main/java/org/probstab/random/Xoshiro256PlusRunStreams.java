package org.probstab.random;

import java.util.random.RandomGenerator;

/**
 * {@link RunStreams} of {@link Xoshiro256Plus}: the four state words of run r at {@code state[4r .. 4r + 3]},
 * seeded by SplitMix64 from {@link RunStreams#runSeed}. A block of draws loads a run's state into locals once,
 * inlines the generator step and the ziggurat's fast path ({@link ZigguratNormal}), and stores the state back; the
 * rare slow paths (1.5 % of normals, at most 2⁻³²·bound of bounded indices) go through a scratch
 * {@link Xoshiro256Plus}. Normals come two per word; a run whose last word still holds a normal keeps it for its next
 * normal, whatever it draws in between. Every method draws exactly what the same calls on a {@link Xoshiro256Plus}
 * with the run's state would draw (tested).
 */
final class Xoshiro256PlusRunStreams extends RunStreams {

    private final long[] state;
    /**
     * Per run, the lower half of the last word drawn for normals if its normal is still to be handed out (as an
     * unsigned 32-bit value), else {@link #NONE}. Normals come in pairs per word ({@link ZigguratNormal}).
     */
    private final long[] pending;
    private static final long NONE = -1;
    /** Carries a run's state through the slow paths. */
    private final Xoshiro256Plus scratch = new Xoshiro256Plus(1, 0, 0, 0);

    Xoshiro256PlusRunStreams(long streamSeed, int runs) {
        super(runs);
        state = new long[4 * runs];
        pending = new long[runs];
        java.util.Arrays.fill(pending, NONE);
        for (int r = 0; r < runs; r++) {
            Xoshiro256Plus.seedState(runSeed(streamSeed, r), state, 4 * r);
        }
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.XOSHIRO256_PLUS;
    }

    @Override
    public void gaussians(int run, double[] out, int from, int count) {
        if (count <= 0) {
            return;
        }
        final int[] k = ZigguratNormal.K;
        final double[] w = ZigguratNormal.W;
        final long[] st = state;
        int o = 4 * run;
        long s0 = st[o];
        long s1 = st[o + 1];
        long s2 = st[o + 2];
        long s3 = st[o + 3];
        int i = from;
        int end = from + count;
        long held = pending[run];
        if (held != NONE) {
            Xoshiro256Plus g = scratch;
            g.setState(s0, s1, s2, s3);
            out[i++] = ZigguratNormal.fromCandidate((int) held, g);
            s0 = g.word(0);
            s1 = g.word(1);
            s2 = g.word(2);
            s3 = g.word(3);
            held = NONE;
        }
        while (i < end) {
            long u = s0 + s3;
            long t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Long.rotateLeft(s3, 45);
            int upper = (int) (u >>> 32);
            int lower = (int) u;
            int p = (upper << 8) >> 8;
            int iz = upper >>> 24;
            if (Math.abs(p) < k[iz]) {
                out[i] = p * w[iz];
            } else {
                Xoshiro256Plus g = scratch;
                g.setState(s0, s1, s2, s3);
                out[i] = ZigguratNormal.slow(p, iz, g);
                s0 = g.word(0);
                s1 = g.word(1);
                s2 = g.word(2);
                s3 = g.word(3);
            }
            if (++i == end) {
                held = lower & 0xFFFF_FFFFL;
                break;
            }
            p = (lower << 8) >> 8;
            iz = lower >>> 24;
            if (Math.abs(p) < k[iz]) {
                out[i] = p * w[iz];
            } else {
                Xoshiro256Plus g = scratch;
                g.setState(s0, s1, s2, s3);
                out[i] = ZigguratNormal.slow(p, iz, g);
                s0 = g.word(0);
                s1 = g.word(1);
                s2 = g.word(2);
                s3 = g.word(3);
            }
            i++;
        }
        pending[run] = held;
        st[o] = s0;
        st[o + 1] = s1;
        st[o + 2] = s2;
        st[o + 3] = s3;
    }

    @Override
    public void uniforms(int run, double[] out, int from, int count) {
        final long[] st = state;
        int o = 4 * run;
        long s0 = st[o];
        long s1 = st[o + 1];
        long s2 = st[o + 2];
        long s3 = st[o + 3];
        for (int i = from, end = from + count; i < end; i++) {
            long u = s0 + s3;
            long t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Long.rotateLeft(s3, 45);
            out[i] = (u >>> 11) * 0x1.0p-53;
        }
        st[o] = s0;
        st[o + 1] = s1;
        st[o + 2] = s2;
        st[o + 3] = s3;
    }

    @Override
    public void indices(int run, int bound, int[] out, int from, int count) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        final long[] st = state;
        int o = 4 * run;
        long s0 = st[o];
        long s1 = st[o + 1];
        long s2 = st[o + 2];
        long s3 = st[o + 3];
        for (int i = from, end = from + count; i < end; i++) {
            long u = s0 + s3;
            long t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Long.rotateLeft(s3, 45);
            long m = (u >>> 32) * bound;
            if ((m & 0xFFFF_FFFFL) < bound) {
                Xoshiro256Plus g = scratch;
                g.setState(s0, s1, s2, s3);
                out[i] = Xoshiro256Plus.boundedIndex(g, u, bound);
                s0 = g.word(0);
                s1 = g.word(1);
                s2 = g.word(2);
                s3 = g.word(3);
            } else {
                out[i] = (int) (m >>> 32);
            }
        }
        st[o] = s0;
        st[o + 1] = s1;
        st[o + 2] = s2;
        st[o + 3] = s3;
    }

    @Override
    public void words(int run, long[] out, int from, int count) {
        final long[] st = state;
        int o = 4 * run;
        long s0 = st[o];
        long s1 = st[o + 1];
        long s2 = st[o + 2];
        long s3 = st[o + 3];
        for (int i = from, end = from + count; i < end; i++) {
            out[i] = s0 + s3;
            long t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Long.rotateLeft(s3, 45);
        }
        st[o] = s0;
        st[o + 1] = s1;
        st[o + 2] = s2;
        st[o + 3] = s3;
    }

    @Override
    public RandomGenerator generator(int run) {
        checkRun(run);
        return new RunView(run);
    }

    /** Run r's stream as a generator: every draw loads and stores the run's state. */
    private final class RunView implements RandomGenerator {
        private final int offset;

        RunView(int run) {
            offset = 4 * run;
        }

        @Override
        public long nextLong() {
            Xoshiro256Plus g = scratch;
            g.load(state, offset);
            long w = g.nextLong();
            g.store(state, offset);
            return w;
        }

        @Override
        public double nextGaussian() {
            double[] one = new double[1];
            gaussians(offset / 4, one, 0, 1);
            return one[0];
        }

        @Override
        public double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        @Override
        public int nextInt() {
            return (int) (nextLong() >>> 32);
        }

        @Override
        public int nextInt(int bound) {
            if (bound <= 0) {
                throw new IllegalArgumentException("bound must be positive, got " + bound);
            }
            Xoshiro256Plus g = scratch;
            g.load(state, offset);
            int k = Xoshiro256Plus.boundedIndex(g, g.nextLong(), bound);
            g.store(state, offset);
            return k;
        }
    }
}
