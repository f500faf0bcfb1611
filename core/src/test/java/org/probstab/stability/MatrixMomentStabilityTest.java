package org.probstab.stability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;
import org.probstab.law.RandomSymmetricLaw;

/**
 * The second-moment map of the random symmetric law against two independent references: the full d²×d² Kronecker
 * matrix E[(I − λĤ) ⊗ (I − λĤ)] written entry by entry from E[G_ij G_kl] = 2ν²(δ_ik δ_jl + δ_il δ_jk), and a
 * seeded Monte-Carlo estimate of E‖θ_t‖².
 */
class MatrixMomentStabilityTest {

    @Test
    void scalarCaseIsTheClosedForm() {
        // d = 1: Ĥ = m + 2νZ, E(1 − λĤ)² = (1 − λm)² + 4λ²ν².
        for (double lambda : new double[] {0.01, 0.3, 1.0, 2.5}) {
            double m = 0.7;
            double nu = 0.4;
            double expected = (1 - lambda * m) * (1 - lambda * m) + 4 * lambda * lambda * nu * nu;
            double actual = MatrixMomentStability.meanSquareFactor(new DenseMatrix(1, 1, new double[] {m}), nu,
                    lambda);
            // Power iteration stops at relative change 1e-13; d = 1 converges in one step.
            assertThat(actual).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * expected));
        }
    }

    @Test
    void agreesWithTheSpectralRadiusOfTheKroneckerSecondMoment() {
        double[][] means = {{0.1, -0.1}, {0.5, 0.2, -0.3}, {1.0, 1.0}};
        double[] nus = {1.0, 0.3, 0.05};
        for (int c = 0; c < means.length; c++) {
            for (double lambda : new double[] {0.05, 0.2, 0.7}) {
                double[] diag = means[c];
                int d = diag.length;
                double nu = nus[c];
                double[] kron = kroneckerSecondMoment(diag, nu, lambda);
                double reference = spectralRadiusByPowerIteration(kron, d * d);
                double ours = MatrixMomentStability.meanSquareFactor(
                        RandomSymmetricLaw.diagonal(diag, nu).mean(), nu, lambda);
                // Both iterations converge to ~1e-12 relative; 1e-9 leaves room for slow second eigenvalues.
                assertThat(ours).as("d=%d nu=%s lambda=%s", d, nu, lambda)
                        .isCloseTo(reference, org.assertj.core.data.Offset.offset(1e-9 * reference));
            }
        }
    }

    @Test
    void predictsMonteCarloMeanSquareGrowth() {
        // E‖θ_t‖² ~ c ρ^t once the transient of the second eigenvalue has died: the Monte-Carlo growth factor
        // between t = 20 and t = 40 estimates ρ.
        double[] diag = {0.1, -0.1};
        double nu = 0.3;
        double lambda = 0.5;
        RandomSymmetricLaw law = RandomSymmetricLaw.diagonal(diag, nu);
        double rho = MatrixMomentStability.meanSquareFactor(law.mean(), nu, lambda);
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(11);
        int runs = 200_000;
        int t1 = 20;
        int t2 = 40;
        double[] h = new double[4];
        double sum1 = 0;
        double sum2 = 0;
        double sumSq2 = 0;
        for (int r = 0; r < runs; r++) {
            double x = 1;
            double y = 0;
            for (int t = 1; t <= t2; t++) {
                law.sample(rng, h);
                double nx = x - lambda * (h[0] * x + h[1] * y);
                double ny = y - lambda * (h[2] * x + h[3] * y);
                x = nx;
                y = ny;
                if (t == t1) {
                    sum1 += x * x + y * y;
                }
            }
            double n2 = x * x + y * y;
            sum2 += n2;
            sumSq2 += n2 * n2;
        }
        double m1 = sum1 / runs;
        double m2 = sum2 / runs;
        double se2 = Math.sqrt((sumSq2 / runs - m2 * m2) / runs);
        double rateMc = Math.pow(m2 / m1, 1.0 / (t2 - t1));
        // Propagate the SE of m2 (the dominant one) into the 20-step rate: d rate / rate = (1/20) dm2/m2;
        // 4 SE plus a 1e-3 allowance for the transient of the second eigenvalue at t = 20.
        double tolerance = 4 * rateMc * se2 / m2 / (t2 - t1) + 1e-3;
        assertThat(rateMc).isCloseTo(rho, org.assertj.core.data.Offset.offset(tolerance));
    }

    /** E[B ⊗ B] with B = A − λG, A = I − λ diag(m), E[G_ij G_kl] = 2ν²(δ_ik δ_jl + δ_il δ_jk). */
    private static double[] kroneckerSecondMoment(double[] diag, double nu, double lambda) {
        int d = diag.length;
        int n = d * d;
        double[] k = new double[n * n];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int p = 0; p < d; p++) {
                    for (int q = 0; q < d; q++) {
                        double aij = (i == j ? 1 - lambda * diag[i] : 0);
                        double apq = (p == q ? 1 - lambda * diag[p] : 0);
                        double g = 2 * nu * nu * ((i == p && j == q ? 1 : 0) + (i == q && j == p ? 1 : 0));
                        // (B ⊗ B)_{(i,p),(j,q)} = B_ij B_pq
                        k[(i * d + p) * n + (j * d + q)] = aij * apq + lambda * lambda * g;
                    }
                }
            }
        }
        return k;
    }

    private static double spectralRadiusByPowerIteration(double[] m, int n) {
        double[] v = new double[n];
        // vec(I): a positive-definite start inside the cone where the Perron vector lives.
        int d = (int) Math.round(Math.sqrt(n));
        for (int i = 0; i < d; i++) {
            v[i * d + i] = 1;
        }
        double rho = 0;
        for (int it = 0; it < 200_000; it++) {
            double[] w = new double[n];
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += m[r * n + c] * v[c];
                }
                w[r] = s;
            }
            double norm = 0;
            for (double x : w) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            double prev = 0;
            for (double x : v) {
                prev += x * x;
            }
            double next = norm / Math.sqrt(prev);
            for (int r = 0; r < n; r++) {
                v[r] = w[r] / norm;
            }
            if (it > 10 && Math.abs(next - rho) <= 1e-14 * next) {
                return next;
            }
            rho = next;
        }
        return rho;
    }
}
