package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.random.StreamSeeds;

/**
 * {@link BatchMonteCarlo} against exact enumeration. Tolerance: |Λ̂ − Λ| ≤ 4 SE, SE the estimator's own
 * (STYLE 3); with 24 independent cells the chance that a correct estimator fails somewhere is ≈ 24·6.3e-5 ≈ 0.2 %,
 * and the streams are seeded, so the outcome is fixed.
 */
class BatchMonteCarloTest {

    private static final double Z = 4;

    @Test
    void agreesWithEnumerationWithinFourStandardErrorsOnRandomCells() {
        RandomGenerator cells = StreamSeeds.stream(2024, 0, StreamSeeds.Purpose.SIMULATION);
        for (int cell = 0; cell < 24; cell++) {
            int n = 4 + cells.nextInt(5);
            int s = 1 + cells.nextInt(3);
            boolean replacement = cells.nextBoolean() || s > n;
            double mu = cells.nextDouble();
            double lambda = (cells.nextDouble() - 0.3) * 3;
            FiniteDataset data = new GaussianRegression(mu, 2).sampleDataset(n,
                    StreamSeeds.stream(2024, cell, StreamSeeds.Purpose.DATASET));
            ExponentEstimate exact = BatchEnumeration.exponent(data, s, replacement, lambda);
            ExponentEstimate mc = BatchMonteCarlo.exponent(data.sampler(s, replacement), lambda, 20_000,
                    StreamSeeds.stream(2024, cell, StreamSeeds.Purpose.BATCHES));
            assertThat(mc.method()).isEqualTo(Method.MC_BATCHES);
            assertThat(mc.samples()).isEqualTo(20_000);
            assertThat(mc.standardError()).isPositive();
            assertThat(Math.abs(mc.value() - exact.value()))
                    .as("cell %d: N=%d S=%d repl=%s lambda=%s", cell, n, s, replacement, lambda)
                    .isLessThanOrEqualTo(Z * mc.standardError());
            // SE is the sample sd over √n, and the sample variance estimates s².
            assertThat(mc.standardError()).isCloseTo(Math.sqrt(mc.logVariance() / 20_000),
                    org.assertj.core.data.Offset.offset(1e-15));
            assertThat(mc.logVariance()).isCloseTo(exact.logVariance(),
                    org.assertj.core.data.Percentage.withPercentage(25));
        }
    }

    @Test
    void pairUsesTheSameBatchesForBothSigns() {
        FiniteDataset data = new GaussianRegression(0.5, 2).sampleDataset(6,
                StreamSeeds.stream(3, 3, StreamSeeds.Purpose.DATASET));
        ExponentEstimate[] pair = BatchMonteCarlo.exponentPair(data.samplerWithReplacement(2), 0.7, 5000,
                StreamSeeds.stream(3, 3, StreamSeeds.Purpose.BATCHES));
        ExponentEstimate minus = BatchMonteCarlo.exponent(data.samplerWithReplacement(2), 0.7, 5000,
                StreamSeeds.stream(3, 3, StreamSeeds.Purpose.BATCHES));
        ExponentEstimate plus = BatchMonteCarlo.exponent(data.samplerWithReplacement(2), -0.7, 5000,
                StreamSeeds.stream(3, 3, StreamSeeds.Purpose.BATCHES));
        assertThat(pair[0]).isEqualTo(minus);
        assertThat(pair[1]).isEqualTo(plus);
    }

    @Test
    void aSampledZeroFactorGivesMinusInfinityExactly() {
        // χ ∈ {1, 2} with S = 1 and λ = 1: half the batches have factor 0.
        FiniteDataset data = new FiniteDataset(new double[] {1, 2});
        ExponentEstimate e = BatchMonteCarlo.exponent(data.samplerWithReplacement(1), 1.0, 100,
                StreamSeeds.stream(1, 1, StreamSeeds.Purpose.BATCHES));
        assertThat(e.value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(e.standardError()).isZero();
        assertThat(e.logVariance()).isEqualTo(Double.POSITIVE_INFINITY);
        ExponentEstimate[] pair = BatchMonteCarlo.exponentPair(data.samplerWithReplacement(1), -1.0, 100,
                StreamSeeds.stream(1, 1, StreamSeeds.Purpose.BATCHES));
        assertThat(pair[1].value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(pair[0].value()).isFinite();
    }

    @Test
    void refusesFewerThanTwoBatches() {
        FiniteDataset data = new FiniteDataset(new double[] {1, 2});
        assertThatThrownBy(() -> BatchMonteCarlo.exponent(data.samplerWithReplacement(1), 0.1, 1,
                StreamSeeds.stream(1, 1, StreamSeeds.Purpose.BATCHES)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batches");
    }
}
