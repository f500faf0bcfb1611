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
            // ŝ² of n draws has Var ≈ (μ₄ − σ⁴)/n, with σ² and μ₄ the exact central moments of log|1 − λχ_B| over
            // the batch law (enumerated below as equally likely index tuples, independently of BatchEnumeration).
            double[] moments = centralMoments(data.values(), s, replacement, lambda);
            assertThat(moments[0]).isCloseTo(exact.logVariance(), org.assertj.core.data.Offset.offset(1e-12));
            double varianceSe = Math.sqrt((moments[1] - moments[0] * moments[0]) / 20_000);
            assertThat(Math.abs(mc.logVariance() - exact.logVariance())).as("cell %d: s2", cell)
                    .isLessThanOrEqualTo(Z * varianceSe);
        }
    }

    /**
     * {σ², μ₄} of log|1 − λχ_B| over every ordered tuple of s indices (distinct ones without replacement), each
     * equally likely: the batch law, enumerated the simplest way.
     */
    static double[] centralMoments(double[] chi, int s, boolean replacement, double lambda) {
        java.util.List<Double> logs = new java.util.ArrayList<>();
        int n = chi.length;
        int[] idx = new int[s];
        long tuples = (long) Math.pow(n, s);
        for (long code = 0; code < tuples; code++) {
            long c = code;
            for (int j = 0; j < s; j++) {
                idx[j] = (int) (c % n);
                c /= n;
            }
            if (!replacement && java.util.Arrays.stream(idx).distinct().count() < s) {
                continue;
            }
            double mean = 0;
            for (int i : idx) {
                mean += chi[i];
            }
            logs.add(Math.log(Math.abs(1 - lambda * (mean / s))));
        }
        double m = logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double m2 = logs.stream().mapToDouble(x -> (x - m) * (x - m)).average().orElseThrow();
        double m4 = logs.stream().mapToDouble(x -> Math.pow(x - m, 4)).average().orElseThrow();
        return new double[] {m2, m4};
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
