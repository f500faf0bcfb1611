package org.probstab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.config.InvalidInputException;
import org.probstab.random.StreamSeeds;

/**
 * {@link SingularValues} against matrices built with known singular values, A = U diag(s) Vᵀ with random orthogonal
 * U, V (Gram–Schmidt on seeded Gaussians, re-orthogonalised twice): all values within 1e-13·s_max (the one-sided
 * Jacobi method is backward stable: errors of a few ε·‖A‖₂ times √n), plus exact special cases.
 */
class SingularValuesTest {

    @Test
    void recoversPrescribedSingularValuesOfTallWideAndSquareMatrices() {
        int[][] shapes = {{12, 12}, {20, 7}, {6, 15}, {40, 40}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int r = Math.min(m, n);
            double[] s = new double[r];
            for (int i = 0; i < r; i++) {
                s[i] = Math.pow(10, -8.0 * i / Math.max(1, r - 1)) * (1 + 0.1 * Math.sin(i));
            }
            java.util.Arrays.sort(s);
            reverse(s);
            RandomGenerator rng = StreamSeeds.stream(3, m * 100L + n, StreamSeeds.Purpose.SIMULATION);
            double[][] u = orthonormalColumns(m, r, rng);
            double[][] v = orthonormalColumns(n, r, rng);
            double[] a = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int k = 0; k < r; k++) {
                        sum += u[k][i] * s[k] * v[k][j];
                    }
                    a[i * n + j] = sum;
                }
            }
            double[] computed = SingularValues.of(a, m, n);
            assertThat(computed).hasSize(r);
            for (int i = 0; i < r; i++) {
                assertThat(computed[i]).as("%dx%d s_%d", m, n, i).isCloseTo(s[i], offset(1e-13 * s[0]));
            }
            // Rank at τ = 1e-4: s_i > 1e-4 s_max for the first half (s falls from 1 to 1e-8 geometrically).
            int expected = 0;
            for (double si : s) {
                if (si > 1e-4 * s[0]) {
                    expected++;
                }
            }
            assertThat(SingularValues.rank(computed, 1e-4)).isEqualTo(expected);
        }
    }

    @Test
    void specialCases() {
        // Outer product u vᵀ: one singular value |u||v| = 5·13, the others 0 to rounding.
        double[] u = {3, 4};
        double[] v = {5, 12, 0};
        double[] a = new double[6];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                a[i * 3 + j] = u[i] * v[j];
            }
        }
        double[] s = SingularValues.of(a, 2, 3);
        assertThat(s[0]).isCloseTo(65, offset(1e-13));
        assertThat(s[1]).isLessThan(1e-13);
        assertThat(SingularValues.rank(s, 1e-6)).isEqualTo(1);
        assertThat(SingularValues.of(new double[] {-2, 0, 0, 3}, 2, 2)).containsExactly(3, 2);
        assertThat(SingularValues.of(new double[] {1, 1}, 1, 2)[0]).isCloseTo(Math.sqrt(2), offset(1e-15));
        double[] zero = SingularValues.of(new double[9], 3, 3);
        assertThat(zero).containsExactly(0, 0, 0);
        assertThat(SingularValues.rank(zero, 0.5)).isZero();
    }

    @Test
    void rankToleranceOutsideTheOpenUnitIntervalIsRefused() {
        for (double bad : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> SingularValues.rank(new double[] {1}, bad))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("'rank_tolerance'")
                    .hasMessageContaining("(0, 1)");
        }
    }

    private static double[][] orthonormalColumns(int m, int r, RandomGenerator rng) {
        double[][] q = new double[r][m];
        for (int k = 0; k < r; k++) {
            for (int i = 0; i < m; i++) {
                q[k][i] = rng.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < k; p++) {
                    double dot = 0;
                    for (int i = 0; i < m; i++) {
                        dot += q[p][i] * q[k][i];
                    }
                    for (int i = 0; i < m; i++) {
                        q[k][i] -= dot * q[p][i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += q[k][i] * q[k][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                q[k][i] /= norm;
            }
        }
        return q;
    }

    private static void reverse(double[] s) {
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
    }
}
