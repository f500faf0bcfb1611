package org.probstab.special;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@link GaussLegendre} against 30-digit mpmath nodes and weights (rows "gauss_legendre" of
 * {@code reference/special_functions_reference.csv}, orders 1–8, 10, 12, 16, 20, 24, 32, 48, 64, 100, 128), the
 * closed forms of orders 1–3, and the defining property: exactness for polynomials of degree ≤ 2n − 1.
 *
 * <p>Tolerances. A node is the double nearest a root found by Newton steps until the step is below 1e-16, so it is
 * within ½ ulp(1) of the root plus that last step: 1 ulp(1) (observed 0.45). A weight w(x) = 2/((1 − x²)P_n'(x)²)
 * inherits the node's error δ through d log w/dx = −2x/(1 − x²) (at a root of P_n, by Legendre's equation), and
 * P_n' its own few-ulp recurrence error: relative 16ε(1 + 2|x|/(1 − x²)), ε = 2⁻⁵² (observed ≤ 8.9ε(…)).
 */
class GaussLegendreTest {

    private static final double EPS = Math.ulp(1.0);

    @Test
    void matchesMpmath() throws IOException {
        for (ReferenceTable.Row row : ReferenceTable.rows("gauss_legendre")) {
            GaussLegendre rule = new GaussLegendre(row.n());
            double node = rule.nodes()[row.i()];
            double weight = rule.weights()[row.i()];
            double x = row.x().doubleValue();
            assertThat(ReferenceTable.error(node, row.x())).as("node %d of %d", row.i(), row.n())
                    .isLessThanOrEqualTo(EPS);
            double relative = ReferenceTable.error(weight, row.value()) / row.value().doubleValue();
            assertThat(relative).as("weight %d of %d", row.i(), row.n())
                    .isLessThanOrEqualTo(16 * EPS * (1 + 2 * Math.abs(x) / (1 - x * x)));
        }
    }

    @Test
    void lowOrdersAreTheClosedForms() {
        // n = 1: the midpoint rule; n = 2: ±1/√3, weights 1; n = 3: 0, ±√(3/5), weights 8/9, 5/9.
        GaussLegendre one = new GaussLegendre(1);
        assertThat(one.nodes()[0]).isCloseTo(0, within(EPS));
        assertThat(one.weights()[0]).isCloseTo(2, within(4 * EPS));
        GaussLegendre two = new GaussLegendre(2);
        assertThat(two.nodes()).containsExactly(new double[] {-1 / Math.sqrt(3), 1 / Math.sqrt(3)}, within(EPS));
        assertThat(two.weights()).containsExactly(new double[] {1, 1}, within(8 * EPS));
        GaussLegendre three = new GaussLegendre(3);
        double r = Math.sqrt(0.6);
        assertThat(three.nodes()).containsExactly(new double[] {-r, 0, r}, within(EPS));
        assertThat(three.weights()).containsExactly(new double[] {5.0 / 9, 8.0 / 9, 5.0 / 9}, within(8 * EPS));
        assertThat(three.order()).isEqualTo(3);
    }

    @Test
    void integratesPolynomialsUpToDegreeTwoNMinusOneExactly() {
        // ∫_{−1}^{1} x^k dx = 2/(k + 1) for even k, 0 for odd k; the sum of n terms of size ≤ 2 carries at most
        // n roundings of ½ ulp(2) plus each weight's and power's relative error: 4n·ε·2 with margin.
        for (int n = 1; n <= GaussLegendre.MAX_ORDER; n++) {
            GaussLegendre rule = new GaussLegendre(n);
            double[] x = rule.nodes();
            double[] w = rule.weights();
            for (int k = 0; k <= 2 * n - 1; k++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += w[i] * Math.pow(x[i], k);
                }
                double exact = k % 2 == 0 ? 2.0 / (k + 1) : 0.0;
                assertThat(sum).as("n=%d, x^%d", n, k).isCloseTo(exact, within(8.0 * n * EPS));
            }
        }
    }

    @Test
    void isSymmetricAndSorted() {
        for (int n : new int[] {1, 2, 7, 12, 64, 128}) {
            double[] x = new GaussLegendre(n).nodes();
            double[] w = new GaussLegendre(n).weights();
            for (int i = 0; i < n; i++) {
                if (2 * i + 1 == n) {
                    assertThat(x[i]).as("middle node of %d", n).isCloseTo(0, within(EPS));
                } else {
                    assertThat(x[n - 1 - i]).isEqualTo(-x[i]);
                }
                assertThat(w[n - 1 - i]).isEqualTo(w[i]);
                if (i > 0) {
                    assertThat(x[i]).isGreaterThan(x[i - 1]);
                }
            }
        }
    }

    @Test
    void refusesOrdersOutOfRange() {
        for (int bad : new int[] {0, -3, GaussLegendre.MAX_ORDER + 1}) {
            assertThatThrownBy(() -> new GaussLegendre(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("order must be in [1, 128]");
        }
    }
}
