package org.probstab.special;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@link LogGamma} against 30-digit mpmath values (rows "loggamma" of
 * {@code reference/special_functions_reference.csv}, made by {@code reference/special_functions_reference.py}:
 * 35 arguments from 1e-300 to 1e300 and every k/2, k = 1 … 200, the arguments the chi density uses), and against
 * closed forms.
 *
 * <p>Tolerances. log Γ(x) is a sum of terms of size up to T = max(|log Γ(x)|, (z − ½) log z + z) with
 * z = x + n ≥ 10 the shifted argument; each of its half-dozen roundings costs at most ½ ulp of T, so the error
 * bound is 4 ulp(T) (observed 1.2). The same holds for ς(x) below 10, a difference of such sums; for x ≥ 10, ς is
 * the series itself, 4 ulps of ς (observed 1.7: nine roundings in Horner's scheme, all terms of alternating
 * sign below the first).
 */
class LogGammaTest {

    @Test
    void matchesMpmath() throws IOException {
        for (ReferenceTable.Row row : ReferenceTable.rows("loggamma")) {
            double x = row.x().doubleValue();
            double z = x;
            while (z < 10) {
                z += 1;
            }
            double scale = Math.max(Math.abs(row.value().doubleValue()), (z - 0.5) * Math.log(z) + z);
            assertThat(ReferenceTable.error(LogGamma.logGamma(x), row.value())).as("log Gamma(%s)", x)
                    .isLessThanOrEqualTo(4 * Math.ulp(scale));
            double remainderScale = x < 10 ? scale : Math.abs(row.value2().doubleValue());
            assertThat(ReferenceTable.error(LogGamma.stirlingRemainder(x), row.value2())).as("remainder(%s)", x)
                    .isLessThanOrEqualTo(4 * Math.ulp(remainderScale));
        }
    }

    @Test
    void closedForms() {
        // Γ(1) = Γ(2) = 1, Γ(½) = √π, Γ(n) = (n − 1)!: within 4 ulp(T) as above (T ≈ 32 for these small x).
        double tolerance = 4 * Math.ulp(32.0);
        assertThat(LogGamma.logGamma(1)).isCloseTo(0, within(tolerance));
        assertThat(LogGamma.logGamma(2)).isCloseTo(0, within(tolerance));
        assertThat(LogGamma.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(tolerance));
        // (n − 1)! is exact in a double up to n = 19 (18! < 2⁵³), its Math.log within 1 ulp.
        double factorial = 1;
        for (int n = 2; n <= 19; n++) {
            double expected = Math.log(factorial);
            assertThat(LogGamma.logGamma(n)).as("log %d!", n - 1)
                    .isCloseTo(expected, within(4 * Math.ulp(Math.max(expected, (n - 0.5) * Math.log(n) + n))
                            + Math.ulp(expected)));
            factorial *= n;
        }
        // ς(x) → 1/(12x) − 1/(360x³) for large x; 0 at +∞.
        assertThat(LogGamma.stirlingRemainder(1e8)).isCloseTo(1 / 12e8, within(Math.ulp(1 / 12e8)));
        assertThat(LogGamma.stirlingRemainder(Double.POSITIVE_INFINITY)).isZero();
        assertThat(LogGamma.logGamma(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void refusesNonPositiveArguments() {
        for (double bad : new double[] {0.0, -0.0, -1.5, Double.NaN, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> LogGamma.logGamma(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("x must be in (0, inf)");
            assertThatThrownBy(() -> LogGamma.stirlingRemainder(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
