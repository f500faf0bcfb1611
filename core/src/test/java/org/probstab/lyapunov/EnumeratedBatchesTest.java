package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.random.StreamSeeds;

/**
 * {@link EnumeratedBatches} is {@link BatchEnumeration#exponent} at ±λ reorganised (weights shared, logarithms in
 * bulk, both signs in one pass) with the same operations in the same order: the reference is {@code exponent}
 * itself, compared to the bit (no tolerance), including zero factors, overflowing factors and both replacement modes.
 */
class EnumeratedBatchesTest {

    private static FiniteDataset gaussian(int n, double mu, long seed) {
        return new GaussianRegression(mu, 2.0).datasetFromPairs(GaussianRegression.samplePairs(n,
                StreamSeeds.stream(seed, n, StreamSeeds.Purpose.DATASET)));
    }

    private static void assertSameBits(ExponentEstimate actual, ExponentEstimate expected, String what) {
        assertThat(Double.doubleToRawLongBits(actual.value())).as("%s value %s vs %s", what, actual.value(),
                expected.value()).isEqualTo(Double.doubleToRawLongBits(expected.value()));
        assertThat(Double.doubleToRawLongBits(actual.logVariance())).as("%s s² %s vs %s", what,
                actual.logVariance(), expected.logVariance())
                .isEqualTo(Double.doubleToRawLongBits(expected.logVariance()));
        assertThat(actual).as(what).isEqualTo(expected);
    }

    private static void check(FiniteDataset data, int s, boolean withReplacement, double lambda) {
        EnumeratedBatches batches = EnumeratedBatches.of(data, s, withReplacement);
        ExponentEstimate[] pair = batches.exponentPair(lambda);
        String what = "N=" + data.size() + " S=" + s + " with=" + withReplacement + " lambda=" + lambda;
        assertSameBits(pair[0], BatchEnumeration.exponent(data, s, withReplacement, lambda), what + " minus");
        assertSameBits(pair[1], BatchEnumeration.exponent(data, s, withReplacement, -lambda), what + " plus");
        assertThat(batches.count()).isEqualTo(BatchEnumeration.batchCount(data.size(), s, withReplacement));
    }

    @Test
    void bothExponentsAreBatchEnumerationsToTheBit() {
        for (int n : new int[] {1, 3, 10, 100}) {
            for (int s : new int[] {1, 2, 3}) {
                if (n == 100 && s == 3) {
                    continue;
                }
                for (boolean with : new boolean[] {true, false}) {
                    if (!with && s > n) {
                        continue;
                    }
                    FiniteDataset data = gaussian(n, 0.3, 5);
                    for (double lambda : new double[] {0, 1e-9, 0.05, 0.7, 2.9, 40, 1e6}) {
                        check(data, s, with, lambda);
                    }
                }
            }
        }
    }

    @Test
    void zeroAndOverflowingFactorsFollowTheEnumeration() {
        // χ = {1, 3, 5}: the batch {1, 3} at S = 2 has mean 2, so λ = 0.5 makes its factor 1 − λχ_B exactly 0
        // (Λ₋ = −∞ with s² = +∞); λ = 1e308 overflows λχ_B for every batch (log|λ| + log|χ_B|, finite).
        FiniteDataset data = new FiniteDataset(new double[] {1, 3, 5});
        for (boolean with : new boolean[] {true, false}) {
            check(data, 2, with, 0.5);
            check(data, 2, with, 1e308);
        }
        assertThat(EnumeratedBatches.of(data, 2, true).exponentPair(0.5)[0].value())
                .isEqualTo(Double.NEGATIVE_INFINITY);
        // Every factor zero: χ = {2, 2}, λ = 0.5 — Λ₋ = −∞ with s² = 0 (the constant −∞).
        FiniteDataset constant = new FiniteDataset(new double[] {2, 2});
        check(constant, 2, true, 0.5);
        assertThat(EnumeratedBatches.of(constant, 2, true).exponentPair(0.5)[0].logVariance()).isZero();
    }

    @Test
    void anEnumerationWithAWeightBelowTheSmallestDoubleIsLeftToBatchEnumeration() {
        // N = 2, S = 3000: the batches {1 × 3000} and {2 × 3000} have probability 2^-3000, 0 in double precision.
        assertThat(EnumeratedBatches.of(new FiniteDataset(new double[] {0.5, 1.5}), 3000, true)).isNull();
    }
}
