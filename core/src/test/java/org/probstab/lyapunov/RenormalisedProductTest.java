package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.law.FiniteDataset;
import org.probstab.law.MatrixSampler;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.law.TwoPointLaw;
import org.probstab.random.StreamSeeds;

/**
 * References are exact: for a finite dataset with S = 1 the factors 1 − λχ_I are i.i.d. over a finite set, so
 * Λ = (1/N) Σ log|1 − λχ_i| (DESIGN §2), s² = (1/N) Σ (log|1 − λχ_i| − Λ)², E z_T² = (E f²)^T and the law of
 * log|z_T| is binomial for two points. Monte-Carlo tolerances are z = 4 standard errors of the estimator
 * (STYLE 3); the SE is either the estimator's own or computed from the exact moments, as each test says.
 */
class RenormalisedProductTest {

    private static final double Z = 4.0;
    private static final long SEED = StreamSeeds.streamSeed(20_240_601L, 0, StreamSeeds.Purpose.TRAJECTORY_MINUS);

    /** Exact Λ = (1/N) Σ log|1 − λχ_i|. */
    private static double exactExponent(double[] chi, double lambda) {
        double sum = 0;
        for (double c : chi) {
            sum += Math.log(Math.abs(1 - lambda * c));
        }
        return sum / chi.length;
    }

    /** Exact k-th central moment of log|1 − λχ_I|, I uniform. */
    private static double exactCentralMoment(double[] chi, double lambda, int k) {
        double mean = exactExponent(chi, lambda);
        double sum = 0;
        for (double c : chi) {
            sum += Math.pow(Math.log(Math.abs(1 - lambda * c)) - mean, k);
        }
        return sum / chi.length;
    }

    /**
     * 24 random cells (dataset size N ∈ [1, 40], χ_i = 2·N(0,1), |λ| ∈ (0.01, 2), random sign, i.e. Λ₋ or Λ₊).
     * With a fixed seed the outcome is deterministic; were the seed random, the chance that any of the 24 cells
     * exceeds 4 SE is ≈ 24·2·P(t₆₃ &gt; 4) ≈ 0.4 %, so a failure means a bug, not bad luck.
     */
    @Test
    void scalarMatchesTheExactSumOnRandomFiniteDatasets() {
        RandomGenerator cells = StreamSeeds.stream(7, 0, StreamSeeds.Purpose.DATASET);
        TrajectorySettings settings = new TrajectorySettings(64, 4_000, 0, 1, 1e-3);
        for (int cell = 0; cell < 24; cell++) {
            int n = 1 + cells.nextInt(40);
            double[] chi = new double[n];
            for (int i = 0; i < n; i++) {
                chi[i] = 2 * cells.nextGaussian();
            }
            double lambda = (cells.nextBoolean() ? 1 : -1) * (0.01 + 1.99 * cells.nextDouble());
            ScalarBatchSampler sampler = new FiniteDataset(chi).samplerWithReplacement(1);
            ExponentEstimate estimate = RenormalisedProduct.scalar(sampler, lambda, settings, SEED + cell * 1000L)
                    .exponent();
            double exact = exactExponent(chi, lambda);
            assertThat(estimate.method()).isEqualTo(Method.TRAJECTORY);
            assertThat(estimate.samples()).isEqualTo(64);
            assertThat(estimate.steps()).isEqualTo(4_000);
            if (n == 1) {
                // One value: every run multiplies the same factor, so the spread is 0 up to the rounding of the
                // mean, and only rounding remains (T products, relative error ≤ T·2^-53 ≈ 4e-13, |Λ| ≤ 10).
                assertThat(estimate.standardError()).isLessThan(1e-15);
                assertThat(estimate.value()).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-11));
                continue;
            }
            // SE ≈ s/√(RT) = s/506; only s > 25 would give 0.05: a larger SE means a broken SE.
            assertThat(estimate.standardError()).as("cell %d", cell).isPositive().isLessThan(0.05);
            assertThat(Math.abs(estimate.value() - exact)).as("cell %d: N=%d lambda=%s exact=%s", cell, n,
                    lambda, exact).isLessThanOrEqualTo(Z * estimate.standardError());
        }
    }

    /** The two-point law's closed form ½ log|(1 − λ)(1 − λa)| (000 Fig. 2-left), 4 SE. */
    @Test
    void scalarMatchesTheTwoPointClosedForm() {
        double[][] cases = {{-0.5, 0.3}, {3.0, 0.8}, {0.2, -1.1}, {-2.0, 1.7}};
        TrajectorySettings settings = new TrajectorySettings(64, 5_000, 0, 1, 1e-3);
        for (double[] c : cases) {
            TwoPointLaw law = new TwoPointLaw(c[0]);
            ExponentEstimate estimate = RenormalisedProduct.scalar(law.dataset().samplerWithReplacement(1), c[1],
                    settings, SEED).exponent();
            assertThat(Math.abs(estimate.value() - law.exponentClosedForm(c[1])))
                    .as("a=%s lambda=%s", c[0], c[1]).isLessThanOrEqualTo(Z * estimate.standardError());
        }
    }

    /**
     * ŝ² is (pooled sample variance of n = R·⌊T/b⌋ block sums of b log-factors)/b. For i.i.d. steps with variance
     * σ² and fourth central moment μ₄, Var(ŝ²) ≈ (μ₄/b + (2 − 3/b)σ⁴)/n (fourth moment of a sum of b i.i.d. terms);
     * the tolerance is 4 times that SE computed from the exact moments of the dataset.
     */
    @Test
    void logVarianceMatchesTheExactVarianceOfLogFactors() {
        RandomGenerator cells = StreamSeeds.stream(8, 0, StreamSeeds.Purpose.DATASET);
        TrajectorySettings settings = new TrajectorySettings(32, 5_000, 0, 1, 1e-3);
        int b = RenormalisedProduct.VARIANCE_BLOCK;
        long n = settings.runs() * (settings.steps() / b);
        for (int cell = 0; cell < 6; cell++) {
            double[] chi = new double[2 + cells.nextInt(20)];
            for (int i = 0; i < chi.length; i++) {
                chi[i] = 2 * cells.nextGaussian();
            }
            double lambda = 0.05 + 1.5 * cells.nextDouble();
            double variance = exactCentralMoment(chi, lambda, 2);
            double fourth = exactCentralMoment(chi, lambda, 4);
            double se = Math.sqrt((fourth / b + (2 - 3.0 / b) * variance * variance) / n);
            double estimated = RenormalisedProduct.scalar(new FiniteDataset(chi).samplerWithReplacement(1), lambda,
                    settings, SEED + cell).exponent().logVariance();
            assertThat(Math.abs(estimated - variance)).as("cell %d: s2=%s", cell, variance)
                    .isLessThanOrEqualTo(Z * se);
        }
    }

    /**
     * SE → s/√(RT) (s exact): the relative error of a sample standard deviation of R near-normal values is
     * ≈ 1/√(2(R − 1)), so |SE·√(RT)/s − 1| ≤ 4/√(2(R − 1)); and SE(256)/SE(4096) = 4 within 4·√(1/510 + 1/8190)
     * ≈ 18 % (the runs of the small estimate are a subset of the large one's, which only tightens the ratio).
     */
    @Test
    void standardErrorShrinksLikeOneOverRootRuns() {
        double[] chi = {0.3, -0.8, 1.9, 0.05, 2.4};
        double lambda = 0.7;
        double s = Math.sqrt(exactCentralMoment(chi, lambda, 2));
        ScalarBatchSampler sampler = new FiniteDataset(chi).samplerWithReplacement(1);
        long steps = 200;
        double[] errors = new double[5];
        int[] runs = {16, 64, 256, 1024, 4096};
        for (int i = 0; i < runs.length; i++) {
            TrajectorySettings settings = new TrajectorySettings(runs[i], steps, 0, 1, 1e-3);
            errors[i] = RenormalisedProduct.scalar(sampler, lambda, settings, SEED).exponent().standardError();
            double normalised = errors[i] * Math.sqrt(runs[i] * steps) / s;
            assertThat(Math.abs(normalised - 1)).as("R=%d", runs[i])
                    .isLessThanOrEqualTo(Z / Math.sqrt(2.0 * (runs[i] - 1)));
        }
        assertThat(errors[2] / errors[4]).isBetween(4 * (1 - 0.18), 4 * (1 + 0.18));
    }

    /**
     * Two-point law at T = 5: E z_T² = m₂^T exactly, so the mean-square growth is log m₂ (here &gt; 0 while Λ &lt; 0).
     * Its SE by the delta method is (1/T)·√((m₄/m₂²)^T − 1)/√R (m₄ = E f⁴); 4 SE.
     */
    @Test
    void meanSquareGrowthMatchesTheExactSecondMoment() {
        double a = -0.5;
        double lambda = 0.9;
        double f1 = 1 - lambda;
        double f2 = 1 - lambda * a;
        double m2 = (f1 * f1 + f2 * f2) / 2;
        double m4 = (Math.pow(f1, 4) + Math.pow(f2, 4)) / 2;
        int runs = 20_000;
        int steps = 5;
        double se = Math.sqrt(Math.pow(m4 / (m2 * m2), steps) - 1) / Math.sqrt(runs) / steps;
        TrajectoryResult result = RenormalisedProduct.scalar(new TwoPointLaw(a).dataset().samplerWithReplacement(1),
                lambda, new TrajectorySettings(runs, steps, 0, 1, 1e-3), SEED);
        assertThat(Math.log(m2)).isPositive();
        assertThat(result.exponent().value()).isNegative();
        assertThat(Math.abs(result.meanSquareGrowth() - Math.log(m2))).isLessThanOrEqualTo(Z * se);
    }

    /**
     * Two-point law at T = 20: log|z_T| = K log|f₁| + (T − K) log|f₂| with K ~ Binomial(T, ½), so P(|z_T| &lt; ε)
     * is a binomial tail (ε = 1e-10 is far from any atom: the nearest K gives log|z_T| − log ε ≈ 1.0).
     * Tolerance 4·√(p(1 − p)/R).
     */
    @Test
    void probabilityBelowEpsilonMatchesTheBinomialTail() {
        double a = -0.5;
        double lambda = 0.9;
        int steps = 20;
        int runs = 20_000;
        double epsilon = 1e-10;
        double l1 = Math.log(Math.abs(1 - lambda));
        double l2 = Math.log(Math.abs(1 - lambda * a));
        double p = 0;
        double binomial = 1;
        for (int k = 0; k <= steps; k++) {
            if (k > 0) {
                binomial = binomial * (steps - k + 1) / k;
            }
            double log = k * l1 + (steps - k) * l2;
            assertThat(Math.abs(log - Math.log(epsilon))).isGreaterThan(0.5);
            if (log < Math.log(epsilon)) {
                p += binomial / Math.pow(2, steps);
            }
        }
        TrajectoryResult result = RenormalisedProduct.scalar(new TwoPointLaw(a).dataset().samplerWithReplacement(1),
                lambda, new TrajectorySettings(runs, steps, 0, 1, epsilon), SEED);
        assertThat(Math.abs(result.probabilityBelowEpsilon() - p))
                .isLessThanOrEqualTo(Z * Math.sqrt(p * (1 - p) / runs));
    }

    /** The matrix path with d = 1 (Ĥ = χ_I) against the exact sum, 4 SE. */
    @Test
    void oneDimensionalMatrixMatchesTheExactSum() {
        double[] chi = {0.3, -0.8, 1.9, 0.05, 2.4};
        double lambda = 0.7;
        MatrixSampler sampler = new MatrixSampler() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void sample(RandomGenerator rng, double[] out) {
                out[0] = chi[rng.nextInt(chi.length)];
            }
        };
        TrajectoryResult result = RenormalisedProduct.matrix(sampler, lambda,
                new TrajectorySettings(64, 4_000, 10, 1, 1e-3), SEED);
        assertThat(result.exponent().logVariance()).isNaN();
        assertThat(Math.abs(result.exponent().value() - exactExponent(chi, lambda)))
                .isLessThanOrEqualTo(Z * result.exponent().standardError());
    }

    /** A factor exactly 0 (λ = 1/χ_i): every run collapses; −∞ with SE 0 is the legal answer (DESIGN §2). */
    @Test
    void aZeroFactorGivesMinusInfinity() {
        TrajectoryResult result = RenormalisedProduct.scalar(new TwoPointLaw(2.0).dataset().samplerWithReplacement(1),
                1.0, new TrajectorySettings(16, 1_000, 0, 1, 1e-3), SEED);
        assertThat(result.exponent().value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(result.exponent().standardError()).isZero();
        assertThat(result.exponent().logVariance()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(result.probabilityBelowEpsilon()).isEqualTo(1.0);
        assertThat(result.meanSquareGrowth()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    /** Huge factors (|1 − λχ| ≈ 1e200) are accumulated exactly, without overflow: the exact sum, 4 SE. */
    @Test
    void extremeFactorsDoNotOverflow() {
        double[] chi = {-1e200, 1e-3, 0.5};
        double lambda = 1.0;
        TrajectoryResult result = RenormalisedProduct.scalar(new FiniteDataset(chi).samplerWithReplacement(1),
                lambda, new TrajectorySettings(32, 2_000, 0, 50, 1e-3), SEED);
        assertThat(result.exponent().value()).isGreaterThan(100);
        assertThat(Math.abs(result.exponent().value() - exactExponent(chi, lambda)))
                .isLessThanOrEqualTo(Z * result.exponent().standardError());
    }

    @Test
    void sameSeedIsBitIdenticalAndOtherSeedsDiffer() {
        ScalarBatchSampler scalar = new TwoPointLaw(-0.5).dataset().samplerWithReplacement(1);
        TrajectorySettings settings = new TrajectorySettings(16, 500, 20, 1, 1e-3);
        TrajectoryResult first = RenormalisedProduct.scalar(scalar, 0.6, settings, SEED);
        assertThat(RenormalisedProduct.scalar(scalar, 0.6, settings, SEED)).isEqualTo(first);
        long other = StreamSeeds.streamSeed(20_240_601L, 1, StreamSeeds.Purpose.TRAJECTORY_MINUS);
        assertThat(RenormalisedProduct.scalar(scalar, 0.6, settings, other).exponent().value())
                .isNotEqualTo(first.exponent().value());

        RandomSymmetricLaw law = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
        TrajectoryResult matrix = RenormalisedProduct.matrix(law, 0.3, settings, SEED);
        assertThat(RenormalisedProduct.matrix(law, 0.3, settings, SEED)).isEqualTo(matrix);
        assertThat(RenormalisedProduct.matrix(law, 0.3, settings, other).exponent().value())
                .isNotEqualTo(matrix.exponent().value());
    }

    /**
     * Rescaling by powers of two is exact and commutes with every rounding of a step, so the renormalisation
     * period k cannot change a single bit of the result (scalar and matrix).
     */
    @Test
    void resultsDoNotDependOnTheRenormalisationPeriod() {
        ScalarBatchSampler scalar = new FiniteDataset(new double[] {0.3, -0.8, 1.9, 0.05, 2.4})
                .samplerWithReplacement(1);
        RandomSymmetricLaw law = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1, 0.0}, 1.0);
        TrajectorySettings every = new TrajectorySettings(8, 3_000, 50, 1, 1e-3);
        TrajectoryResult scalarEvery = RenormalisedProduct.scalar(scalar, 1.3, every, SEED);
        TrajectoryResult matrixEvery = RenormalisedProduct.matrix(law, 0.8, every, SEED);
        for (int k : new int[] {7, 100, 1_000_000}) {
            assertThat(RenormalisedProduct.scalar(scalar, 1.3, every.withRenormEvery(k), SEED))
                    .as("scalar k=%d", k).isEqualTo(scalarEvery);
            assertThat(RenormalisedProduct.matrix(law, 0.8, every.withRenormEvery(k), SEED))
                    .as("matrix k=%d", k).isEqualTo(matrixEvery);
        }
    }

    @Test
    void nonFiniteInputsAreRejected() {
        ScalarBatchSampler scalar = new TwoPointLaw(-0.5).dataset().samplerWithReplacement(1);
        TrajectorySettings settings = new TrajectorySettings(2, 10, 0, 1, 1e-3);
        assertThatThrownBy(() -> RenormalisedProduct.scalar(scalar, Double.NaN, settings, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lambda must be finite, got NaN");
        assertThatThrownBy(() -> RenormalisedProduct.scalar(rng -> Double.NaN, 0.5, settings, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("factor 1 - lambda*chi");
    }
}
