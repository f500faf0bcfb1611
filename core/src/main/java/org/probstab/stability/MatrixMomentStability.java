package org.probstab.stability;

import org.apache.spark.ml.linalg.DenseMatrix;

/**
 * Mean-square (L2) stability of θ_{t+1} = (I − λĤ)θ_t for the random symmetric law Ĥ = E[Ĥ] + ν(M + Mᵀ)
 * (000 App. A.2, eq. 25) — the d-dimensional analogue of E(1 − λχ_B)² (DESIGN §2, §4 {@code ms_growth}).
 *
 * <p>The second moment Σ_t = E θ_tθ_tᵀ evolves by the linear map on symmetric matrices
 * L(X) = E[(I − λĤ) X (I − λĤ)] = A X A + 2λ²ν²(X + tr(X)·I), with A = I − λE[Ĥ], because for M with
 * i.i.d. N(0,1) entries E[(M + Mᵀ)_{ik}(M + Mᵀ)_{lj}] = 2δ_{il}δ_{kj} + 2δ_{ij}δ_{kl}. Then
 * E‖θ_t‖² = tr Σ_t ~ ρ(L)^t, so the per-step mean-square factor is the spectral radius ρ(L), and the system is
 * mean-square stable iff ρ(L) &lt; 1. L maps positive semidefinite matrices into themselves, so ρ(L) is its Perron
 * root and power iteration from X = I converges to it.
 */
public final class MatrixMomentStability {

    private MatrixMomentStability() {
    }

    /** ρ(L), by power iteration to relative change ≤ 1e-13 (at most 100 000 iterations). */
    public static double meanSquareFactor(DenseMatrix meanHessian, double noise, double lambda) {
        int d = meanHessian.numRows();
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i * d + j] = (i == j ? 1.0 : 0.0) - lambda * meanHessian.apply(i, j);
            }
        }
        double c = 2 * lambda * lambda * noise * noise;
        double[] x = new double[d * d];
        for (int i = 0; i < d; i++) {
            x[i * d + i] = 1.0;
        }
        double[] ax = new double[d * d];
        double[] next = new double[d * d];
        double rho = 0;
        for (int iter = 0; iter < 100_000; iter++) {
            // ax = A X
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += a[i * d + k] * x[k * d + j];
                    }
                    ax[i * d + j] = s;
                }
            }
            double trace = 0;
            for (int i = 0; i < d; i++) {
                trace += x[i * d + i];
            }
            // next = (A X) A + c (X + tr X · I)
            double norm = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += ax[i * d + k] * a[k * d + j];
                    }
                    s += c * (x[i * d + j] + (i == j ? trace : 0.0));
                    next[i * d + j] = s;
                }
            }
            for (int i = 0; i < d; i++) {
                norm += next[i * d + i];
            }
            if (!(norm > 0)) {
                return 0.0; // L annihilates every PSD matrix: θ_t = 0 after one step
            }
            // X is PSD with tr X = 1, so tr L(X) → ρ.
            double newRho = norm;
            for (int k = 0; k < d * d; k++) {
                x[k] = next[k] / norm;
            }
            if (iter > 0 && Math.abs(newRho - rho) <= 1e-13 * Math.abs(newRho)) {
                return newRho;
            }
            rho = newRho;
        }
        return rho;
    }
}
