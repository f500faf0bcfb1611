package org.probstab.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probstab.random.ReferenceStreams.Row;

/**
 * Word-for-word against the C transcription of the reference code (reference/xoshiro_ziggurat.c): the SplitMix64
 * seeding, the first words and an FNV-1a hash of 10⁶ words for four seeds, a fixed state, uniforms and bounded
 * indices (Lemire) for seven bounds. Exact equality: both sides are integer arithmetic.
 */
class Xoshiro256PlusTest {

    @Test
    void seedingIsSplitMix64() {
        for (Row row : ReferenceStreams.rows("state")) {
            assertThat(Xoshiro256Plus.fromSeed(row.seed()).state()[(int) row.index()])
                    .as("state word %d of seed %x", row.index(), row.seed()).isEqualTo(row.word());
        }
    }

    @Test
    void wordsMatchTheReference() {
        for (Row row : ReferenceStreams.rows("word_hash")) {
            Xoshiro256Plus g = Xoshiro256Plus.fromSeed(row.seed());
            List<Row> first = ReferenceStreams.rows("word").stream().filter(w -> w.seed() == row.seed()).toList();
            long hash = ReferenceStreams.FNV_OFFSET;
            for (int i = 0; i < row.index(); i++) {
                long w = g.nextLong();
                if (i < first.size()) {
                    assertThat(w).as("word %d of seed %x", i, row.seed()).isEqualTo(first.get(i).word());
                }
                hash = ReferenceStreams.fnv(hash, w);
            }
            assertThat(hash).as("hash of %d words of seed %x", row.index(), row.seed()).isEqualTo(row.word());
        }
    }

    @Test
    void fixedStateMatchesTheReference() {
        Xoshiro256Plus g = new Xoshiro256Plus(1, 2, 3, 4);
        for (Row row : ReferenceStreams.rows("word1234")) {
            assertThat(g.nextLong()).isEqualTo(row.word());
        }
    }

    @Test
    void uniformsAreTheUpper53Bits() {
        List<Row> rows = ReferenceStreams.rows("uniform");
        Xoshiro256Plus g = Xoshiro256Plus.fromSeed(rows.get(0).seed());
        for (Row row : rows) {
            assertThat(g.nextDouble()).isEqualTo(row.number());
        }
    }

    @Test
    void boundedIndicesAreLemiresMethod() {
        int[] bounds = {1, 2, 3, 7, 100, 1_000_003, Integer.MAX_VALUE};
        for (int bound : bounds) {
            Row hashRow = ReferenceStreams.rows("bounded" + bound + "_hash").get(0);
            List<Row> first = ReferenceStreams.rows("bounded" + bound);
            Xoshiro256Plus g = Xoshiro256Plus.fromSeed(hashRow.seed());
            long hash = ReferenceStreams.FNV_OFFSET;
            for (int i = 0; i < hashRow.index(); i++) {
                int k = g.nextInt(bound);
                assertThat(k).isBetween(0, bound - 1);
                if (i < first.size()) {
                    assertThat((long) k).as("index %d for bound %d", i, bound).isEqualTo(first.get(i).unsigned());
                }
                hash = ReferenceStreams.fnv(hash, k);
            }
            assertThat(hash).as("hash for bound %d", bound).isEqualTo(hashRow.word());
        }
    }

    /**
     * Lemire's rejection makes indices exactly uniform; with bound = 3·2²⁹ (so that (2³² mod bound)/2³² = 1/3 of
     * the unrejected multiply-shift would be biased) the 3 residues mod 3 of 3·10⁵ draws are each 1/3 within z = 4
     * binomial SE (SE = √(n·p(1 − p)) = 258).
     */
    @Test
    void boundedIndicesAreUniformForAnAwkwardBound() {
        Xoshiro256Plus g = Xoshiro256Plus.fromSeed(99);
        int bound = 3 << 29;
        int n = 300_000;
        long[] counts = new long[3];
        long upperHalf = 0;
        for (int i = 0; i < n; i++) {
            int k = g.nextInt(bound);
            counts[k % 3]++;
            if (k >= bound / 2) {
                upperHalf++;
            }
        }
        double se = Math.sqrt(n * (1.0 / 3) * (2.0 / 3));
        for (long c : counts) {
            assertThat(Math.abs(c - n / 3.0)).isLessThan(4 * se);
        }
        assertThat(Math.abs(upperHalf - n / 2.0)).isLessThan(4 * Math.sqrt(n * 0.25));
    }

    @Test
    void allZeroStateIsRefused() {
        assertThatThrownBy(() -> new Xoshiro256Plus(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Xoshiro256Plus.fromSeed(1).nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
