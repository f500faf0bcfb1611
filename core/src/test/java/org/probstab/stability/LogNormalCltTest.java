package org.probstab.stability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probstab.law.TwoPointLaw;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.lyapunov.ExponentEstimate;

/**
 * {@link LogNormalClt}: Φ and Φ⁻¹ against 25-digit mpmath values ({@code reference/normal_reference.csv}, made by
 * {@code reference/normal_distribution.py}), and the CLT probability against the exact binomial law of the
 * two-point model.
 *
 * <p>Tolerances. Φ(x): relative 1e-15 (≈ 4.5 ulp: the Chebyshev sum ≤ ~1.5 ulp, the two exponentials ≤ 1 ulp
 * each, the product ½ ulp). Φ⁻¹(p): |error| ≤ 1e-15·max(1, |x|), the inherited error of Φ divided by the density
 * (≤ 1e-15·Φ/φ ≤ 1e-15·1.26·… in the tails, where |x| ≥ 1).
 */
class LogNormalCltTest {

    @Test
    void cdfMatchesMpmath() throws IOException {
        for (double[] row : reference("cdf")) {
            double value = LogNormalClt.standardNormalCdf(row[0]);
            double relative = Math.abs(value - row[1]) / row[1];
            assertThat(relative).as("Phi(%s) = %s, mpmath %s", row[0], value, row[1]).isLessThanOrEqualTo(1e-15);
        }
    }

    @Test
    void quantileMatchesMpmath() throws IOException {
        for (double[] row : reference("quantile")) {
            double value = LogNormalClt.standardNormalQuantile(row[0]);
            assertThat(value).as("Phi^-1(%s)", row[0])
                    .isCloseTo(row[1], offset(1e-15 * Math.max(1, Math.abs(row[1]))));
        }
        assertThat(LogNormalClt.standardNormalQuantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogNormalClt.standardNormalQuantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(LogNormalClt.standardNormalQuantile(0.5)).isZero();
        assertThatThrownBy(() -> LogNormalClt.standardNormalQuantile(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogNormalClt.standardNormalQuantile(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cdfIsSymmetricMonotoneAndInvertedByTheQuantile() {
        double previous = 0;
        for (double x = -37.5; x <= 8.5; x += 0.0625) {
            double p = LogNormalClt.standardNormalCdf(x);
            if (x <= 5) {
                assertThat(p).isGreaterThan(previous);
            } else {
                assertThat(p).isGreaterThanOrEqualTo(previous); // 1 − Φ(−x) saturates at 1 − 2⁻⁵³
            }
            previous = p;
            assertThat(p + LogNormalClt.standardNormalCdf(-x)).isCloseTo(1.0, offset(2e-16));
            if (x <= 0) {
                assertThat(LogNormalClt.standardNormalQuantile(p)).isCloseTo(x, offset(2e-15 * Math.max(1, -x)));
            }
        }
        assertThat(LogNormalClt.standardNormalCdf(-40)).isZero();
        assertThat(LogNormalClt.standardNormalCdf(40)).isEqualTo(1.0);
        assertThat(LogNormalClt.standardNormalCdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(LogNormalClt.standardNormalCdf(Double.NaN)).isNaN();
    }

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
            assertThat(q).isCloseTo(t * exponent + Math.sqrt(logVariance * t) * LogNormalClt.standardNormalQuantile(p),
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

    private static List<double[]> reference(String kind) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LogNormalCltTest.class.getResourceAsStream("/reference/normal_reference.csv"),
                StandardCharsets.UTF_8))) {
            String line = in.readLine(); // header
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                if (f[0].equals(kind)) {
                    rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                }
            }
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }
}
