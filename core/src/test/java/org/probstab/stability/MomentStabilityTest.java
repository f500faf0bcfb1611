package org.probstab.stability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.random.StreamSeeds;

/**
 * {@link MomentStability} against a direct computation of E w_t² for linear regression
 * w_{t+1} = (1 − λh_B) w_t with h_i = x_i², on the small dataset x = (0.3, 0.8, 1.1, 1.7, 2.5).
 *
 * <p>"Direct" means two independent routes that never use the closed form: (i) exact enumeration of the batch law
 * (all N^S ordered index tuples with replacement, all N!/(N−S)! ordered distinct tuples without), giving
 * E(1 − λh_B)² and E w_t² = (E(1 − λh_B)²)^t w_0²; (ii) seeded Monte-Carlo of R trajectories w_t, whose sample
 * mean of w_t² is compared with (i) within 4 standard errors (SE from the sample itself; the exact fourth-moment
 * SE is printed into the assertion message for the record). Tolerance for (i) against the closed form: 1e-13
 * relative (a few roundings per term, ≤ 625 terms).
 */
class MomentStabilityTest {

    private static final double[] X = {0.3, 0.8, 1.1, 1.7, 2.5};
    private static final FiniteDataset H = squares(X);
    private static final double Z = 4;

    @Test
    void closedFormMatchesEnumerationOfTheBatchLaw() {
        for (int s = 1; s <= 4; s++) {
            for (boolean replacement : new boolean[] {true, false}) {
                for (double lambda : new double[] {-0.3, 0.05, 0.4, 0.7, 1.3}) {
                    double direct = enumeratedMoment(H, s, replacement, lambda, 2);
                    assertThat(MomentStability.meanSquareFactor(H, s, replacement, lambda))
                            .as("S=%d repl=%s lambda=%s", s, replacement, lambda)
                            .isCloseTo(direct, offset(1e-13 * direct));
                }
            }
        }
    }

    @Test
    void correctedThresholdIsWhereTheDirectFactorCrossesOne() {
        double second = H.mean();
        double fourth = H.variance() + second * second;
        for (int s = 1; s <= 4; s++) {
            double threshold = MomentStability.linearRegressionThreshold(second, fourth, s);
            assertThat(threshold).isCloseTo(MomentStability.threshold(H, s, true), offset(1e-14 * threshold));
            assertThat(enumeratedMoment(H, s, true, threshold, 2)).isCloseTo(1.0, offset(1e-12));
            assertThat(MomentStability.l2Stable(enumeratedMoment(H, s, true, threshold * (1 - 1e-6), 2))).isTrue();
            assertThat(MomentStability.l2Stable(enumeratedMoment(H, s, true, threshold * (1 + 1e-6), 2))).isFalse();
        }
        // Gaussian x: E[x⁴] = 3E[x²]² turns the general formula into 2S/((S+2)E[x²]).
        for (int s = 1; s <= 64; s *= 2) {
            assertThat(MomentStability.gaussianLinearRegressionThreshold(1.7, s))
                    .isCloseTo(MomentStability.linearRegressionThreshold(1.7, 3 * 1.7 * 1.7, s), offset(1e-15));
        }
        // GD: |1 − λ h_max| < 1 ⇔ λ < 2/h_max; for scalar linear regression h_max = E[x²] (001 eq. 3).
        assertThat(MomentStability.gdThreshold(second)).isEqualTo(2 / second);
        assertThat(MomentStability.gdThreshold(-1)).isZero();
    }

    @Test
    void meanSquareGrowthOfTrajectoriesMatchesTheFactorToTheT() {
        // Below the corrected threshold (E w_t² decays) and between the thresholds (it grows).
        int s = 3;
        double second = H.mean();
        double fourth = H.variance() + second * second;
        double correct = MomentStability.linearRegressionThreshold(second, fourth, s);
        double paper = MomentStability.paperThreshold001(second, fourth, s);
        int t = 4;
        int trajectories = 200_000;
        for (double lambda : new double[] {0.7 * correct, correct + 0.25 * (paper - correct)}) {
            double factor = MomentStability.meanSquareFactor(H, s, true, lambda);
            double expected = Math.pow(factor, t);
            double[] meanAndSe = simulatedMeanSquare(H.samplerWithReplacement(s), lambda, t, trajectories,
                    StreamSeeds.stream(77, Double.doubleToLongBits(lambda), StreamSeeds.Purpose.SIMULATION));
            double exactSe = Math.sqrt((Math.pow(enumeratedMoment(H, s, true, lambda, 4), t) - expected * expected)
                    / trajectories);
            assertThat(Math.abs(meanAndSe[0] - expected))
                    .as("lambda %s: E w_t^2 = %s, simulated %s +- %s (exact SE %s)", lambda, expected,
                            meanAndSe[0], meanAndSe[1], exactSe)
                    .isLessThanOrEqualTo(Z * meanAndSe[1]);
        }
    }

    @Test
    void paperFormulaDisagreesWithTheDirectSecondMomentForBatchesAboveOne() {
        double second = H.mean();
        double fourth = H.variance() + second * second;
        // S = 1: 001 eq. 21 and the corrected threshold coincide.
        assertThat(MomentStability.paperThreshold001(second, fourth, 1))
                .isCloseTo(MomentStability.linearRegressionThreshold(second, fourth, 1), offset(1e-15));
        for (int s = 2; s <= 4; s++) {
            double correct = MomentStability.linearRegressionThreshold(second, fourth, s);
            double paper = MomentStability.paperThreshold001(second, fourth, s);
            assertThat(paper).isGreaterThan(correct);
            double lambda = 0.5 * (correct + paper);
            // The paper says mean-square stable: λ below its threshold, its eq.-19 factor below 1 …
            assertThat(lambda).isLessThan(paper);
            double paperFactor = MomentStability.paperMeanSquareFactor001(lambda, second, fourth, s);
            assertThat(MomentStability.l2Stable(paperFactor)).isTrue();
            // … but E(1 − λh_B)², enumerated over all batches, exceeds 1: E w_t² grows like factor^t.
            double direct = enumeratedMoment(H, s, true, lambda, 2);
            assertThat(direct).as("S=%d lambda=%s", s, lambda).isGreaterThan(1.5);
            assertThat(Math.pow(direct, 50)).isGreaterThan(1e8);
            // The trajectories agree with the direct value, not with the paper: E w_3² estimated well above 1.
            double[] meanAndSe = simulatedMeanSquare(H.samplerWithReplacement(s), lambda, 3, 100_000,
                    StreamSeeds.stream(78, s, StreamSeeds.Purpose.SIMULATION));
            assertThat(meanAndSe[0] - 1).as("growth of E w_3^2, S=%d", s).isGreaterThan(Z * meanAndSe[1]);
            assertThat(Math.abs(meanAndSe[0] - Math.pow(direct, 3))).isLessThanOrEqualTo(Z * meanAndSe[1]);
            // The paper's eq. 19 is not even a second moment: it is below (E(1 − λh_B))², which no E(1 − λh_B)² can be.
            assertThat(paperFactor).isLessThan(Math.pow(1 - lambda * second, 2));
        }
    }

    @Test
    void gaussianRegressionAtInfiniteNMatchesSampledBatches() {
        // Eχ = μ, Var χ = 2μ² + (1 − μ)²σ² (χ = x·y): the factor against a Monte-Carlo mean of (1 − λχ_B)².
        GaussianRegression law = new GaussianRegression(0.6, 2);
        int s = 8;
        double lambda = 0.9;
        RandomGenerator rng = StreamSeeds.stream(5, 5, StreamSeeds.Purpose.BATCHES);
        ScalarBatchSampler sampler = law.freshBatchSampler(s);
        int n = 400_000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            double f = 1 - lambda * sampler.sample(rng);
            sum += f * f;
            sumSquares += f * f * f * f;
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSquares / n - mean * mean) / n);
        double factor = MomentStability.meanSquareFactor(law, s, lambda);
        assertThat(factor).isEqualTo(MomentStability.meanSquareFactor(lambda, 0.6, 2 * 0.36 + 0.16 * 4, s));
        assertThat(Math.abs(mean - factor)).isLessThanOrEqualTo(Z * se);
    }

    /** E(1 − λh_B)^power over all ordered tuples (distinct ones without replacement). */
    private static double enumeratedMoment(FiniteDataset h, int s, boolean withReplacement, double lambda, int power) {
        int n = h.size();
        long total = 1;
        for (int j = 0; j < s; j++) {
            total *= n;
        }
        double sum = 0;
        long count = 0;
        for (long code = 0; code < total; code++) {
            long c = code;
            long seen = 0;
            boolean distinct = true;
            double batch = 0;
            for (int j = 0; j < s; j++) {
                int i = (int) (c % n);
                c /= n;
                distinct &= (seen & (1L << i)) == 0;
                seen |= 1L << i;
                batch += h.value(i);
            }
            if (withReplacement || distinct) {
                sum += Math.pow(1 - lambda * batch / s, power);
                count++;
            }
        }
        return sum / count;
    }

    /** {sample mean, its SE} of w_t² over independent trajectories from w_0 = 1. */
    private static double[] simulatedMeanSquare(ScalarBatchSampler sampler, double lambda, int t, int trajectories,
                                                RandomGenerator rng) {
        double sum = 0;
        double sumSquares = 0;
        for (int r = 0; r < trajectories; r++) {
            double w = 1;
            for (int step = 0; step < t; step++) {
                w *= 1 - lambda * sampler.sample(rng);
            }
            double w2 = w * w;
            sum += w2;
            sumSquares += w2 * w2;
        }
        double mean = sum / trajectories;
        return new double[] {mean, Math.sqrt((sumSquares / trajectories - mean * mean) / (trajectories - 1))};
    }

    private static FiniteDataset squares(double[] x) {
        double[] h = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            h[i] = x[i] * x[i];
        }
        return new FiniteDataset(h);
    }
}
