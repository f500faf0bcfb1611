package org.probstab.sgd;

import org.probstab.random.RunStreams;

/**
 * Fair random bits for every run, for laws with two equiprobable values (x ∈ {1, a − 1}, x = ±1): the upper 32 bits
 * of each of the run's words, most significant first (one word per 32 steps). The unused bits of a run's last word
 * are kept for its next block, so a run's bits do not depend on how its steps are cut into blocks.
 */
final class RunBits {

    private final long[] pending;
    private final int[] left;
    private final long[] words = new long[3];

    RunBits(int runs) {
        pending = new long[runs];
        left = new int[runs];
    }

    /**
     * The next {@code count} ≤ 64 bits of run r as values: out[k·stride + offset] = ifSet or ifClear for k &lt; count.
     */
    void fill(RunStreams streams, int run, int count, double[] out, int stride, int offset, double ifSet,
              double ifClear) {
        long bits = pending[run];
        int remaining = left[run];
        int need = count - remaining;
        if (need > 0) {
            streams.words(run, words, 0, (need + 31) / 32);
        }
        int word = 0;
        for (int k = 0; k < count; k++) {
            if (remaining == 0) {
                bits = words[word++] & 0xFFFF_FFFF_0000_0000L;
                remaining = 32;
            }
            out[k * stride + offset] = bits < 0 ? ifSet : ifClear;
            bits <<= 1;
            remaining--;
        }
        pending[run] = bits;
        left[run] = remaining;
    }
}
