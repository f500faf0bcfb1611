package org.probstab.special;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Chebyshev} against closed forms: T_j(cos θ) = cos(jθ), and the Chebyshev expansion of e^{ay},
 * e^{ay} = I_0(a) + 2 Σ_{j≥1} I_j(a) T_j(y) (Abramowitz &amp; Stegun 9.6.34), with the modified Bessel functions from
 * their power series I_j(a) = Σ_k (a/2)^{2k+j}/(k!(k+j)!) (all terms positive, so the series is accurate to a few
 * ulps in double).
 *
 * <p>Tolerances. Clenshaw's recurrence is backward-stable: its error is a few ulps of Σ|c_j| (≤ 8 ulps here for
 * series of ≤ 30 terms); cos(jθ) from {@code Math.cos} is within 1 ulp, but jθ carries the rounding of θ = acos y
 * times j, hence the j·ulp term.
 */
class ChebyshevTest {

    private static final double EPS = Math.ulp(1.0);

    @Test
    void singleTermsAreTheChebyshevPolynomials() {
        SplittableRandom random = new SplittableRandom(11);
        for (int j = 0; j < 30; j++) {
            double[] c = new double[j + 1];
            c[j] = 1;
            for (int sample = 0; sample < 200; sample++) {
                double theta = Math.PI * random.nextDouble();
                double y = Math.cos(theta);
                // cos(j·acos y): acos y is within 1 ulp of θ' with cos θ' = y exactly; j·θ' then costs j ulps of π.
                double expected = Math.cos(j * Math.acos(y));
                assertThat(Chebyshev.evaluate(c, y)).as("T_%d(%s)", j, y)
                        .isCloseTo(expected, within((8 + 4.0 * j) * EPS));
            }
        }
        // T_j(1) = 1, T_j(−1) = (−1)^j exactly representable: Clenshaw gives them to a few ulps.
        for (int j = 0; j < 30; j++) {
            double[] c = new double[j + 1];
            c[j] = 1;
            assertThat(Chebyshev.evaluate(c, 1.0)).isCloseTo(1.0, within(8 * EPS * (j + 1)));
            assertThat(Chebyshev.evaluate(c, -1.0)).isCloseTo(j % 2 == 0 ? 1.0 : -1.0, within(8 * EPS * (j + 1)));
        }
    }

    @Test
    void evaluatesTheExpansionOfTheExponential() {
        for (double a : new double[] {0.5, 1, 3}) {
            double[] c = exponentialCoefficients(a, 30);
            for (double y = -1; y <= 1; y += 1.0 / 64) {
                double expected = Math.exp(a * y);
                assertThat(Chebyshev.evaluate(c, y)).as("e^(%s·%s)", a, y)
                        .isCloseTo(expected, within(8 * Math.ulp(Math.exp(a))));
            }
        }
    }

    @Test
    void evaluatesOneSeriesOfATable() {
        // Two series stored side by side: the second is found by its offset and length alone.
        double[] first = exponentialCoefficients(1, 20);
        double[] second = exponentialCoefficients(2, 25);
        double[] table = new double[first.length + second.length + 3];
        System.arraycopy(first, 0, table, 0, first.length);
        System.arraycopy(second, 0, table, first.length, second.length);
        table[table.length - 1] = 1e300; // beyond the length: never read
        for (double y = -1; y <= 1; y += 0.125) {
            assertThat(Chebyshev.evaluate(table, first.length, second.length, y))
                    .isEqualTo(Chebyshev.evaluate(second, y));
            assertThat(Chebyshev.evaluate(table, 0, first.length, y)).isEqualTo(Chebyshev.evaluate(first, y));
        }
    }

    @Test
    void interpolationCoefficientsReproduceTheExpansion() {
        // At 36 first-kind points the interpolant of e^{ay} (a ≤ 3) has the expansion's coefficients up to
        // aliasing by terms of order I_36(3) ≈ 1e-35 and the rounding of the cosine sums: 36 terms of size
        // ≤ e³ with ½ ulp each, times 2/n: 4 ulp(e^a) absolute.
        for (double a : new double[] {0.5, 1, 3}) {
            int n = 36;
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = Math.exp(a * Math.cos(Math.PI * (i + 0.5) / n));
            }
            double[] target = new double[n + 2];
            Chebyshev.coefficients(values, target, 2);
            double[] expected = exponentialCoefficients(a, n);
            for (int j = 0; j < n; j++) {
                assertThat(target[2 + j]).as("c_%d of e^(%s y)", j, a)
                        .isCloseTo(expected[j], within(4 * Math.ulp(Math.exp(a))));
            }
            assertThat(target[0]).isZero();
            assertThat(target[1]).isZero();
        }
    }

    /** c_0 = I_0(a), c_j = 2 I_j(a): the stored convention (c_0 halved). */
    private static double[] exponentialCoefficients(double a, int length) {
        double[] c = new double[length];
        for (int j = 0; j < length; j++) {
            c[j] = (j == 0 ? 1 : 2) * besselI(j, a);
        }
        return c;
    }

    /** I_j(a) = Σ_k (a/2)^{2k+j} / (k! (k+j)!), positive terms summed until they stop changing the sum. */
    private static double besselI(int j, double a) {
        double half = a / 2;
        double term = 1;
        for (int i = 1; i <= j; i++) {
            term *= half / i;
        }
        double sum = 0;
        for (int k = 0; k < 200 && sum + term != sum; k++) {
            sum += term;
            term *= half * half / ((k + 1.0) * (k + 1.0 + j));
        }
        return sum;
    }
}
