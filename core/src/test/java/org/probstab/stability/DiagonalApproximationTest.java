package org.probstab.stability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.config.InvalidInputException;
import org.probstab.lyapunov.GaussianChiSquareQuadrature;
import org.probstab.random.StreamSeeds;

/**
 * {@link DiagonalApproximation} against three independent references: Monte-Carlo moments of the batch variable
 * χ_{B,k} drawn from the data law itself (z·SE, z = 4), the exact probabilistic boundary Λ₊ = 0 of the same scalar
 * saddle by quadrature ({@link GaussianChiSquareQuadrature}), whose relative distance to the second-order λ_k must
 * shrink like λ_k² as μ → 0, and the masked law's closed form. (The terms eq. 7 drops, ⅓λ³E[χ³] − ¼λ⁴E[χ⁴] + …,
 * move the root by a relative (2/E[χ²])(⅓λ_k E[χ³] − ¼λ_k² E[χ⁴]); with E[χ³] ∝ μ and λ_k ∝ μ both parts are
 * O(μ²), so halving μ quarters the gap.)
 */
class DiagonalApproximationTest {

    private static final double Z = 4;

    @Test
    void momentsMatchMonteCarloOfTheBatchVariable() {
        int d = 5;
        double mu = 0.3;
        double[] v = {0.02, 0.5, 1.0, 2.0, 4.0};
        for (boolean masked : new boolean[] {false, true}) {
            for (int s : new int[] {1, 3, 8}) {
                DiagonalApproximation approx = masked ? DiagonalApproximation.masked(mu, v, s)
                        : DiagonalApproximation.gaussian(mu, v, s);
                RandomGenerator rng = StreamSeeds.stream(11, (masked ? 100 : 0) + s, StreamSeeds.Purpose.SIMULATION);
                int draws = 200_000;
                double[] sum = new double[d];
                double[] sumSq = new double[d];
                double[] sumFourth = new double[d];
                double[] chi = new double[d];
                for (int n = 0; n < draws; n++) {
                    java.util.Arrays.fill(chi, 0);
                    for (int j = 0; j < s; j++) {
                        int active = masked ? rng.nextInt(d) : -1;
                        for (int k = 0; k < d; k++) {
                            if (masked && k != active) {
                                continue;
                            }
                            double x = rng.nextGaussian();
                            double y = mu * x + (1 - mu) * Math.sqrt(v[k]) * rng.nextGaussian();
                            chi[k] += x * y / s;
                        }
                    }
                    for (int k = 0; k < d; k++) {
                        sum[k] += chi[k];
                        sumSq[k] += chi[k] * chi[k];
                        sumFourth[k] += chi[k] * chi[k] * chi[k] * chi[k];
                    }
                }
                for (int k = 0; k < d; k++) {
                    double mean = sum[k] / draws;
                    double second = sumSq[k] / draws;
                    double meanSe = Math.sqrt((second - mean * mean) / draws);
                    double secondSe = Math.sqrt((sumFourth[k] / draws - second * second) / draws);
                    assertThat(-approx.meanH(k)).as("masked=%s S=%d k=%d E[chi]", masked, s, k)
                            .isCloseTo(mean, offset(Z * meanSe));
                    assertThat(approx.secondMomentH(k)).as("masked=%s S=%d k=%d E[chi^2]", masked, s, k)
                            .isCloseTo(second, offset(Z * secondSe));
                }
            }
        }
    }

    @Test
    void secondOrderBoundaryApproachesTheExactOneAsTheCriticalRateShrinks() {
        // σ = 2 (v = 4), S = 1 and S = 4: the exact root of Λ₊(λ) = E log|1 + λχ_B| by bisection on the quadrature.
        for (int s : new int[] {1, 4}) {
            double previousGap = Double.NaN;
            for (double mu : new double[] {0.1, 0.05, 0.025, 0.0125}) {
                double critical = DiagonalApproximation.gaussian(mu, new double[] {4.0}, s).criticalLearningRate(0);
                double exact = exactLowerRootOfPlusExponent(mu, 2.0, s, critical);
                double gap = Math.abs(critical - exact) / critical;
                assertThat(exact).as("exact root below the second-order one").isLessThan(critical);
                if (!Double.isNaN(previousGap)) {
                    // Halving μ halves λ_k, so the relative gap should halve: allow ratios 0.35..0.65.
                    // Halving μ halves λ_k and should quarter the relative gap: allow ratios in [0.15, 0.3] (measured
                    // 0.18, 0.23, 0.24 for S = 1; 0.19, 0.23, 0.24 for S = 4, tending to 1/4).
                    assertThat(gap / previousGap).as("S=%d mu=%s gap ratio", s, mu).isBetween(0.15, 0.3);
                }
                previousGap = gap;
            }
            assertThat(previousGap).as("relative gap at mu = 0.0125").isLessThan(1e-3);
        }
        // The numbers quoted in the javadoc: μ = 0.05, σ = 2, S = 1.
        double critical = DiagonalApproximation.gaussian(0.05, new double[] {4.0}, 1).criticalLearningRate(0);
        assertThat(critical).isCloseTo(0.1 / (3 * 0.0025 + 0.9025 * 4), offset(1e-16));
        assertThat(exactLowerRootOfPlusExponent(0.05, 2.0, 1, critical)).isCloseTo(0.0275229262, offset(1e-9));
    }

    @Test
    void maskedLawHasTheSameRatesAsGaussianAtBatchSizeOneAndLargerOnesBeyond() {
        double[] v = DiagonalApproximation.appendixNoiseVariances(50, 2.0);
        DiagonalApproximation masked1 = DiagonalApproximation.masked(0.15, v, 1);
        DiagonalApproximation gauss1 = DiagonalApproximation.gaussian(0.15, v, 1);
        DiagonalApproximation masked8 = DiagonalApproximation.masked(0.15, v, 8);
        for (int k = 0; k < 50; k++) {
            // m₁/d over m₂/d: the 1/d cancels at S = 1 (a few roundings: 1e-15 relative).
            assertThat(masked1.criticalLearningRate(k)).isCloseTo(gauss1.criticalLearningRate(k),
                    offset(1e-15 * gauss1.criticalLearningRate(k)));
            // With S > 1 the mean term m₁² = μ²/d² is small against the variance term, so the rate grows ~ S.
            double closedForm = 2 * (0.15 / 50) / ((0.15 / 50) * (0.15 / 50)
                    + ((3 * 0.15 * 0.15 + 0.85 * 0.85 * v[k]) / 50 - (0.15 / 50) * (0.15 / 50)) / 8);
            assertThat(masked8.criticalLearningRate(k)).isCloseTo(closedForm, offset(1e-14 * closedForm));
        }
        assertThat(v[0]).isEqualTo(0.02);
        assertThat(v[49]).isCloseTo(4.02, offset(1e-15));
    }

    @Test
    void predictedRankCountsSubspacesBelowTheirCriticalRateNoisiestFirst() {
        double[] v = DiagonalApproximation.appendixNoiseVariances(50, 2.0);
        DiagonalApproximation approx = DiagonalApproximation.masked(0.05, v, 1);
        double[] rates = approx.criticalLearningRates();
        for (int k = 1; k < rates.length; k++) {
            assertThat(rates[k]).as("noisier subspace collapses earlier").isLessThan(rates[k - 1]);
        }
        assertThat(approx.predictedRank(rates[49] * 0.999)).isEqualTo(50);
        assertThat(approx.predictedRank(rates[49] * 1.001)).isEqualTo(49);
        assertThat(approx.predictedRank(rates[10] * 1.001)).isEqualTo(10);
        assertThat(approx.predictedRank(rates[0] * 1.001)).isZero();
    }

    @Test
    void badInputIsRefusedWithTheKey() {
        assertThat(DiagonalApproximation.gaussian(0, new double[] {1, 0}, 1).predictedRank(1e-9)).isZero();
        assertThatThrownBy(() -> DiagonalApproximation.gaussian(-0.1, new double[] {1}, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'mu'");
        assertThatThrownBy(() -> DiagonalApproximation.masked(0.1, new double[] {1}, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'S'");
        assertThatThrownBy(() -> DiagonalApproximation.masked(0.1, new double[] {-1}, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'noise_variances'");
        assertThatThrownBy(() -> DiagonalApproximation.masked(0.1, new double[] {1}, 1).predictedRank(-0.1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'lambda'");
        assertThatThrownBy(() -> DiagonalApproximation.appendixNoiseVariances(0, 2))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'d'");
    }

    /** The smallest λ in (0, upper) with Λ₊(λ) = 0, by bisection on the sign (Λ₊ &gt; 0 just above 0). */
    private static double exactLowerRootOfPlusExponent(double mu, double sigma, int s, double upper) {
        GaussianChiSquareQuadrature q = new GaussianChiSquareQuadrature(mu, sigma, s);
        double lo = upper * 0.5;
        double hi = upper * 1.01;
        assertThat(q.exponentOnly(-lo)).as("Λ₊ > 0 at the lower bracket").isPositive();
        assertThat(q.exponentOnly(-hi)).as("Λ₊ < 0 at the upper bracket").isNegative();
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (q.exponentOnly(-mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
