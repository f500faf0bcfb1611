package org.probstab.stability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.probstab.law.TwoPointLaw;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.special.StandardNormal;

/**
 * {@link LogNormalClt}: the CLT probability against the exact binomial law of the two-point model, the quantile as
 * the inverse of the probability, and the degenerate cases. (Φ and Φ⁻¹ themselves: {@code StandardNormalTest}.)
 */
class LogNormalCltTest {

    @Test
    void cltProbabilityConvergesToTheExactBinomialProbability() {
        // χ ∈ {1, a} equiprobable, S = 1: log|z_t/z_0| = K ℓ₁ + (t − K) ℓ₂ with K ~ Binomial(t, ½). The largest
        // |P_exact − P_CLT| over a grid of 601 standardised thresholds in [−3, 3] is a lattice effect of size
        // ≈ 1/√(2πt) (half the binomial's largest jump): it must fall like 1/√t.
        double a = -0.5;
        double lambda = 0.2;
        double l1 = Math.log(Math.abs(1 - lambda));
        double l2 = Math.log(Math.abs(1 - lambda * a));
        ExponentEstimate e = ExactFiniteSum.exponent(new TwoPointLaw(a).dataset(), lambda);
        double s = Math.sqrt(e.logVariance());
        double previous = Double.POSITIVE_INFINITY;
        for (int t : new int[] {25, 100, 400, 1600, 6400}) {
            double[] cdf = binomialCdf(t);
            double worst = 0;
            for (int i = 0; i <= 600; i++) {
                double z = -3 + i * 0.01;
                double c = t * e.value() + z * s * Math.sqrt(t);
                double clt = LogNormalClt.probabilityBelow(Math.exp(c), 1.0, t, e);
                // K ℓ₁ + (t − K) ℓ₂ < c  ⇔  K > (c − t ℓ₂)/(ℓ₁ − ℓ₂)  (ℓ₁ < ℓ₂ here)
                double k = (c - t * l2) / (l1 - l2);
                int below = (int) Math.floor(k);
                double exact = 1 - (below < 0 ? 0 : below >= t ? 1 : cdf[below]);
                worst = Math.max(worst, Math.abs(exact - clt));
            }
            assertThat(worst * Math.sqrt(t)).as("t=%d", t).isLessThan(0.45);
            assertThat(worst).as("t=%d", t).isLessThan(previous / 1.9);
            previous = worst;
        }
    }

    @Test
    void quantileAndProbabilityAreInverse() {
        double exponent = -0.03;
        double logVariance = 0.2;
        long t = 500;
        for (double p : new double[] {1e-6, 0.01, 0.3, 0.5, 0.9, 0.999}) {
            double q = LogNormalClt.quantile(p, t, exponent, logVariance);
            assertThat(q).isCloseTo(t * exponent + Math.sqrt(logVariance * t) * StandardNormal.quantile(p),
                    offset(1e-12));
            assertThat(LogNormalClt.probabilityBelow(Math.exp(q) * 2.5, 2.5, t, exponent, logVariance))
                    .isCloseTo(p, offset(1e-12 * Math.max(p, 1e-3)));
        }
        assertThat(LogNormalClt.quantile(0.5, t, exponent, logVariance)).isCloseTo(t * exponent, offset(1e-12));
    }

    @Test
    void degenerateCasesAreDefined() {
        // t = 0 and s² = 0: point masses.
        assertThat(LogNormalClt.probabilityBelow(1.0, 0.5, 0, 0.1, 0.3)).isEqualTo(1.0);
        assertThat(LogNormalClt.probabilityBelow(0.1, 0.5, 0, 0.1, 0.3)).isZero();
        assertThat(LogNormalClt.probabilityBelow(1.0, 1.0, 10, -0.1, 0)).isEqualTo(1.0);
        assertThat(LogNormalClt.probabilityBelow(1.0, 1.0, 10, 0.1, 0)).isZero();
        assertThat(LogNormalClt.quantile(0.9, 10, 0.1, 0)).isEqualTo(1.0);
        assertThat(LogNormalClt.quantile(0.9, 0, 0.1, 0.4)).isZero();
        // Λ = −∞ (a zero factor): collapse; z_0 = 0 is already collapsed.
        assertThat(LogNormalClt.probabilityBelow(1e-9, 1.0, 3, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY))
                .isEqualTo(1.0);
        assertThat(LogNormalClt.quantile(0.99, 3, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogNormalClt.probabilityBelow(1e-9, 0.0, 3, 0.5, 0.1)).isEqualTo(1.0);
        // p = 0 and 1 give ∓∞; refusals.
        assertThat(LogNormalClt.quantile(0, 10, 0.1, 0.4)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogNormalClt.quantile(1, 10, 0.1, 0.4)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> LogNormalClt.probabilityBelow(0, 1, 10, 0.1, 0.4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> LogNormalClt.probabilityBelow(1, 1, 10, 0.1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logVariance");
        assertThatThrownBy(() -> LogNormalClt.probabilityBelow(1, 1, 10, 0.1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogNormalClt.quantile(0.5, -1, 0.1, 0.4)).isInstanceOf(IllegalArgumentException.class);
    }

    /** P(K ≤ k) for K ~ Binomial(t, ½), from log-factorial sums (relative error ≈ 1e-13, far below the 1/√t tested). */
    private static double[] binomialCdf(int t) {
        double[] logFactorial = new double[t + 1];
        for (int i = 1; i <= t; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
        double[] cdf = new double[t + 1];
        double sum = 0;
        for (int k = 0; k <= t; k++) {
            sum += Math.exp(logFactorial[t] - logFactorial[k] - logFactorial[t - k] - t * Math.log(2));
            cdf[k] = sum;
        }
        return cdf;
    }
}
