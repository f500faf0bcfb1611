package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.law.TwoPointLaw;
import org.probstab.random.StreamSeeds;

/**
 * {@link BatchEnumeration} against brute force over all ordered index tuples (the definition of the batch law:
 * N^S equally likely ordered tuples with replacement, N!/(N−S)! without), computed with {@code Math.log} and a
 * plain two-pass mean and variance. Tolerance 1e-12 (relative to max(1, |value|)): both sides add ≤ ~1e-15
 * relative per term over ≤ 10⁴ terms.
 */
class BatchEnumerationTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void batchCountIsTheBinomialCoefficientAndSaturates() {
        assertThat(BatchEnumeration.batchCount(5, 3, true)).isEqualTo(35);   // C(7, 3)
        assertThat(BatchEnumeration.batchCount(5, 3, false)).isEqualTo(10);  // C(5, 3)
        assertThat(BatchEnumeration.batchCount(5, 6, false)).isZero();
        assertThat(BatchEnumeration.batchCount(1, 1000, true)).isEqualTo(1);
        assertThat(BatchEnumeration.batchCount(2, 3000, true)).isEqualTo(3001);
        assertThat(BatchEnumeration.batchCount(100, 10, true))
                .isEqualTo(binomial(109, 10).longValueExact());
        assertThat(BatchEnumeration.batchCount(66, 33, false)).isEqualTo(binomial(66, 33).longValueExact());
        // C(66, 33) ≈ 7.2e18 is the largest central binomial below 2^63; C(67, 33) ≈ 1.4e19 saturates.
        assertThat(BatchEnumeration.batchCount(67, 33, false)).isEqualTo(Long.MAX_VALUE);
        assertThat(BatchEnumeration.batchCount(70, 35, false)).isEqualTo(Long.MAX_VALUE);
        assertThat(BatchEnumeration.batchCount(1_000_000, 1000, true)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> BatchEnumeration.batchCount(0, 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchEnumeration.batchCount(3, 0, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchSizeOneIsTheExactFiniteSum() {
        FiniteDataset data = dataset(40, 3);
        for (double lambda : new double[] {0.05, 0.4, -0.4, 3}) {
            for (boolean replacement : new boolean[] {true, false}) {
                ExponentEstimate enumerated = BatchEnumeration.exponent(data, 1, replacement, lambda);
                ExponentEstimate exact = ExactFiniteSum.exponent(data, lambda);
                assertThat(enumerated.value())
                        .isCloseTo(exact.value(), offset(1e-14 * Math.max(1, Math.abs(exact.value()))));
                assertThat(enumerated.logVariance())
                        .isCloseTo(exact.logVariance(), offset(1e-14 * Math.max(1, exact.logVariance())));
                assertThat(enumerated.method()).isEqualTo(Method.ENUMERATION);
                assertThat(enumerated.samples()).isEqualTo(40);
            }
        }
    }

    @Test
    void withReplacementEqualsBruteForceOverOrderedTuples() {
        FiniteDataset data = dataset(7, 4);
        for (int s = 2; s <= 4; s++) {
            for (double lambda : new double[] {0.1, 0.9, -0.9, 2.5}) {
                double[] reference = bruteForce(data, s, true, lambda);
                ExponentEstimate e = BatchEnumeration.exponent(data, s, true, lambda);
                assertThat(e.value()).as("S=%d lambda=%s", s, lambda)
                        .isCloseTo(reference[0], offset(TOLERANCE * Math.max(1, Math.abs(reference[0]))));
                assertThat(e.logVariance()).as("S=%d lambda=%s", s, lambda)
                        .isCloseTo(reference[1], offset(TOLERANCE * Math.max(1, reference[1])));
                assertThat(e.samples()).isEqualTo(BatchEnumeration.batchCount(7, s, true));
                assertThat(e.standardError()).isZero();
            }
        }
    }

    @Test
    void withoutReplacementEqualsBruteForceOverOrderedDistinctTuples() {
        FiniteDataset data = dataset(8, 5);
        for (int s = 2; s <= 5; s++) {
            for (double lambda : new double[] {0.1, 0.9, -0.9, 2.5}) {
                double[] reference = bruteForce(data, s, false, lambda);
                ExponentEstimate e = BatchEnumeration.exponent(data, s, false, lambda);
                assertThat(e.value()).as("S=%d lambda=%s", s, lambda)
                        .isCloseTo(reference[0], offset(TOLERANCE * Math.max(1, Math.abs(reference[0]))));
                assertThat(e.logVariance()).as("S=%d lambda=%s", s, lambda)
                        .isCloseTo(reference[1], offset(TOLERANCE * Math.max(1, reference[1])));
            }
        }
        // S = N without replacement: one batch, the full mean; variance 0.
        ExponentEstimate full = BatchEnumeration.exponent(data, 8, false, 0.9);
        assertThat(full.samples()).isEqualTo(1);
        assertThat(full.value()).isCloseTo(Math.log(Math.abs(1 - 0.9 * data.mean())), offset(1e-15));
        assertThat(full.logVariance()).isZero();
    }

    @Test
    void largeBatchesOfTheTwoPointLawMatchTheBinomialSum() {
        // N = 2, S = 3000: prefix probabilities range over 2^-3000 … 1, which the binary rescaling must survive.
        // Reference Σ_k C(S,k)/2^S log|1 − λ(k + (S−k)a)/S| with log C(S,k) from sums of logs (≈1e-13 relative).
        int s = 3000;
        double a = -0.5;
        double lambda = 1.7;
        double[] logFactorial = new double[s + 1];
        for (int i = 1; i <= s; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
        double mean = 0;
        double second = 0;
        for (int k = 0; k <= s; k++) {
            double p = Math.exp(logFactorial[s] - logFactorial[k] - logFactorial[s - k] - s * Math.log(2));
            double l = Math.log(Math.abs(1 - lambda * (k + (s - k) * a) / s));
            mean += p * l;
            second += p * l * l;
        }
        ExponentEstimate e = BatchEnumeration.exponent(new TwoPointLaw(a).dataset(), s, true, lambda);
        assertThat(e.samples()).isEqualTo(s + 1);
        assertThat(e.value()).isCloseTo(mean, offset(1e-10 * Math.abs(mean)));
        assertThat(e.logVariance()).isCloseTo(second - mean * mean, offset(1e-8 * (second - mean * mean)));
    }

    @Test
    void zeroFactorsAndTheHardCap() {
        // χ = {1, 3}, S = 2, λ = 0.5: the batch {1, 3} has χ_B = 2, factor 1 − 0.5·2 = 0 exactly.
        FiniteDataset data = new FiniteDataset(new double[] {1, 3});
        ExponentEstimate e = BatchEnumeration.exponent(data, 2, true, 0.5);
        assertThat(e.value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(e.logVariance()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(BatchEnumeration.exponent(data, 2, false, 0.5).logVariance()).isZero(); // the only batch
        assertThatThrownBy(() -> BatchEnumeration.exponent(dataset(100, 1), 10, true, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hard cap");
        assertThatThrownBy(() -> BatchEnumeration.exponent(data, 3, false, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S must be <= N");
    }

    private static FiniteDataset dataset(int n, long cell) {
        return new GaussianRegression(0.4, 2).sampleDataset(n,
                StreamSeeds.stream(11, cell, StreamSeeds.Purpose.DATASET));
    }

    /** {mean, population variance} of log|1 − λχ_B| over all ordered tuples (distinct ones without replacement). */
    private static double[] bruteForce(FiniteDataset data, int s, boolean withReplacement, double lambda) {
        int n = data.size();
        int[] index = new int[s];
        java.util.List<Double> logs = new java.util.ArrayList<>();
        long total = 1;
        for (int j = 0; j < s; j++) {
            total *= n;
        }
        for (long code = 0; code < total; code++) {
            long c = code;
            boolean distinct = true;
            long seen = 0;
            double sum = 0;
            for (int j = 0; j < s; j++) {
                index[j] = (int) (c % n);
                c /= n;
                distinct &= (seen & (1L << index[j])) == 0;
                seen |= 1L << index[j];
                sum += data.value(index[j]);
            }
            if (withReplacement || distinct) {
                logs.add(Math.log(Math.abs(1 - lambda * sum / s)));
            }
        }
        double mean = logs.stream().mapToDouble(Double::doubleValue).sum() / logs.size();
        double squares = logs.stream().mapToDouble(l -> (l - mean) * (l - mean)).sum();
        return new double[] {mean, squares / logs.size()};
    }

    private static BigInteger binomial(int m, int k) {
        BigInteger c = BigInteger.ONE;
        for (int j = 1; j <= k; j++) {
            c = c.multiply(BigInteger.valueOf(m - k + j)).divide(BigInteger.valueOf(j));
        }
        return c;
    }
}
