package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.law.TwoPointLaw;
import org.probstab.random.StreamSeeds;

/**
 * {@link ExactFiniteSum} against closed forms and plain {@code Math.log} sums.
 *
 * <p>Tolerances: each term carries ≤ 2 ulp from {@link FastLog} and the reference's {@code Math.log} ≤ 1 ulp, so
 * per term the difference is ≤ 3 ulp of the term's magnitude; summing N terms adds ≤ N/2 ulp of the partial
 * sums. For the two-point law (N = 2) that is ≤ 4·2⁻⁵²·(|ℓ₁| + |ℓ₂|) ≈ 1e-15 of the log scale; we allow 1e-14
 * of max(1, |ℓ₁| + |ℓ₂|).
 */
class ExactFiniteSumTest {

    @Test
    void twoPointLawMatchesTheClosedFormOverAGridOfCells() {
        SplittableRandom random = new SplittableRandom(1);
        for (int cell = 0; cell < 2000; cell++) {
            double a = (random.nextDouble() - 0.3) * 10;
            double lambda = (random.nextDouble() - 0.5) * 8;
            TwoPointLaw law = new TwoPointLaw(a);
            ExponentEstimate e = ExactFiniteSum.exponent(law.dataset(), lambda);
            double l1 = Math.log(Math.abs(1 - lambda));
            double l2 = Math.log(Math.abs(1 - lambda * a));
            double scale = Math.max(1, Math.abs(l1) + Math.abs(l2));
            assertThat(e.value()).isCloseTo(law.exponentClosedForm(lambda),
                    org.assertj.core.data.Offset.offset(1e-14 * scale));
            // s² of two equiprobable values is ((ℓ₁ − ℓ₂)/2)².
            double half = (l1 - l2) / 2;
            assertThat(e.logVariance()).isCloseTo(half * half,
                    org.assertj.core.data.Offset.offset(1e-14 * scale * scale));
            assertThat(e.method()).isEqualTo(Method.EXACT_SUM);
            assertThat(e.standardError()).isZero();
            assertThat(e.samples()).isEqualTo(2);
        }
    }

    @Test
    void matchesAPlainTwoPassSumOfMathLogOnLargeDatasetsAcrossChunks() {
        // N = 1000 > CHUNK exercises the chunk merge. Tolerance 1e-13 relative to max(1, mean |log|): see class doc.
        FiniteDataset data = new GaussianRegression(0.3, 2).sampleDataset(1000,
                StreamSeeds.stream(5, 0, StreamSeeds.Purpose.DATASET));
        for (double lambda : new double[] {1e-6, 0.01, 0.37, -0.37, 2.5, 40, -1e5}) {
            double[] logs = new double[data.size()];
            double sum = 0;
            double scale = 0;
            for (int i = 0; i < logs.length; i++) {
                logs[i] = Math.log(Math.abs(1 - lambda * data.value(i)));
                sum += logs[i];
                scale += Math.abs(logs[i]) / logs.length;
            }
            double mean = sum / logs.length;
            double squares = 0;
            for (double l : logs) {
                squares += (l - mean) * (l - mean);
            }
            double variance = squares / logs.length;
            ExponentEstimate e = ExactFiniteSum.exponent(data, lambda);
            double tolerance = 1e-13 * Math.max(1, scale);
            assertThat(e.value()).as("lambda %s", lambda)
                    .isCloseTo(mean, org.assertj.core.data.Offset.offset(tolerance));
            assertThat(e.logVariance()).as("lambda %s", lambda).isCloseTo(variance,
                    org.assertj.core.data.Offset.offset(1e-13 * Math.max(1, variance)));
            assertThat(ExactFiniteSum.exponentOnly(data.values(), lambda)).as("lambda %s", lambda)
                    .isCloseTo(mean, org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    @Test
    void pairIsBitForBitTheTwoSingleExponents() {
        FiniteDataset data = new GaussianRegression(0.6, 2).sampleDataset(300,
                StreamSeeds.stream(9, 1, StreamSeeds.Purpose.DATASET));
        double[] withZero = data.values();
        withZero[17] = 4.0; // λ = 0.25 makes this factor exactly 0 for Λ₋ only
        FiniteDataset zeroMinus = new FiniteDataset(withZero);
        for (FiniteDataset d : new FiniteDataset[] {data, zeroMinus}) {
            for (double lambda : new double[] {0.25, 0.8, 3.0, -0.25}) {
                ExponentEstimate[] pair = ExactFiniteSum.exponentPair(d, lambda);
                assertThat(pair[0]).isEqualTo(ExactFiniteSum.exponent(d, lambda));
                assertThat(pair[1]).isEqualTo(ExactFiniteSum.exponent(d, -lambda));
            }
        }
        assertThat(ExactFiniteSum.exponentPair(zeroMinus, 0.25)[0].value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ExactFiniteSum.exponentPair(zeroMinus, 0.25)[1].value()).isFinite();
    }

    @Test
    void lambdaAtOneOverChiGivesMinusInfinityNeverNaN() {
        // 1 − λχ_i is exactly 0 in floating point for χ_i = 0.5, 2, 8 at λ = 2, 0.5, 0.125.
        FiniteDataset data = new FiniteDataset(new double[] {0.5, 2, 8, -1.3, 0.7});
        for (double lambda : new double[] {2, 0.5, 0.125}) {
            ExponentEstimate e = ExactFiniteSum.exponent(data, lambda);
            assertThat(e.value()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(e.logVariance()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(e.samples()).isEqualTo(5);
            assertThat(ExactFiniteSum.exponentOnly(data.values(), lambda)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(ExactFiniteSum.exponentPair(data, -lambda)[1].value()).isEqualTo(Double.NEGATIVE_INFINITY);
        }
        // Every factor 0: the constant −∞, variance 0 by the documented convention.
        ExponentEstimate all = ExactFiniteSum.exponent(new FiniteDataset(new double[] {4, 4, 4}), 0.25);
        assertThat(all.value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(all.logVariance()).isZero();
        // The two-point law of 002 Prop. 1 at λ = 1: χ = 1 gives a zero factor.
        assertThat(ExactFiniteSum.exponent(new TwoPointLaw(-2).dataset(), 1).value())
                .isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void overflowingStepsGiveLargeFiniteExponents() {
        FiniteDataset data = new FiniteDataset(new double[] {1e10, 1e-10, 3});
        double lambda = 1e300;
        // 1e300·1e10 overflows: its log is log(1e300) + log(1e10); the other two factors are finite.
        double expected = (Math.log(1e300) + Math.log(1e10) + Math.log(1e300 * 1e-10) + Math.log(3e300)) / 3;
        ExponentEstimate e = ExactFiniteSum.exponent(data, lambda);
        assertThat(e.value()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * expected));
        assertThat(e.logVariance()).isFinite();
        assertThat(ExactFiniteSum.exponentOnly(data.values(), lambda))
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * expected));
    }

    @Test
    void refusesNonFiniteLambda() {
        FiniteDataset data = new FiniteDataset(new double[] {1, 2});
        assertThatThrownBy(() -> ExactFiniteSum.exponent(data, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lambda");
        assertThatThrownBy(() -> ExactFiniteSum.exponentPair(data, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExactFiniteSum.exponentOnly(new double[0], 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
