package org.probstab.special;

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

/**
 * {@link StandardNormal}: Φ and Φ⁻¹ against 25-digit mpmath values ({@code reference/normal_reference.csv}, made by
 * {@code reference/normal_distribution.py}).
 *
 * <p>Tolerances. Φ(x): relative 1e-15 (≈ 4.5 ulp: the Chebyshev sum ≤ ~1.5 ulp, the two exponentials ≤ 1 ulp
 * each, the product ½ ulp). Φ⁻¹(p): |error| ≤ 1e-15·max(1, |x|), the inherited error of Φ divided by the density
 * (≤ 1e-15·Φ/φ ≤ 1e-15·1.26·… in the tails, where |x| ≥ 1).
 */
class StandardNormalTest {

    @Test
    void cdfMatchesMpmath() throws IOException {
        for (double[] row : reference("cdf")) {
            double value = StandardNormal.cdf(row[0]);
            double relative = Math.abs(value - row[1]) / row[1];
            assertThat(relative).as("Phi(%s) = %s, mpmath %s", row[0], value, row[1]).isLessThanOrEqualTo(1e-15);
        }
    }

    @Test
    void quantileMatchesMpmath() throws IOException {
        for (double[] row : reference("quantile")) {
            double value = StandardNormal.quantile(row[0]);
            assertThat(value).as("Phi^-1(%s)", row[0])
                    .isCloseTo(row[1], offset(1e-15 * Math.max(1, Math.abs(row[1]))));
        }
        assertThat(StandardNormal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StandardNormal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(StandardNormal.quantile(0.5)).isZero();
        assertThatThrownBy(() -> StandardNormal.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardNormal.quantile(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cdfIsSymmetricMonotoneAndInvertedByTheQuantile() {
        double previous = 0;
        for (double x = -37.5; x <= 8.5; x += 0.0625) {
            double p = StandardNormal.cdf(x);
            if (x <= 5) {
                assertThat(p).isGreaterThan(previous);
            } else {
                assertThat(p).isGreaterThanOrEqualTo(previous); // 1 − Φ(−x) saturates at 1 − 2⁻⁵³
            }
            previous = p;
            assertThat(p + StandardNormal.cdf(-x)).isCloseTo(1.0, offset(2e-16));
            if (x <= 0) {
                assertThat(StandardNormal.quantile(p)).isCloseTo(x, offset(2e-15 * Math.max(1, -x)));
            }
        }
        assertThat(StandardNormal.cdf(-40)).isZero();
        assertThat(StandardNormal.cdf(40)).isEqualTo(1.0);
        assertThat(StandardNormal.cdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(StandardNormal.cdf(Double.NaN)).isNaN();
    }

    private static List<double[]> reference(String kind) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                StandardNormalTest.class.getResourceAsStream("/reference/normal_reference.csv"),
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
