package org.probstab.net;

import java.util.Arrays;
import org.probstab.config.InvalidInputException;

/**
 * Singular values of a dense real matrix by the one-sided Jacobi method (Hestenes 1958; Demmel &amp; Veselić 1992),
 * and the numerical rank they give.
 *
 * <p>The columns u_p of A (of the transpose when A has more columns than rows) are orthogonalised by plane rotations:
 * for each pair p &lt; q with α = ‖u_p‖², β = ‖u_q‖², γ = u_p·u_q and |γ| &gt; ε√(αβ),
 * <pre>
 *   ζ = (β − α)/(2γ),  t = sgn(ζ)/(|ζ| + √(1 + ζ²)),  c = 1/√(1 + t²),  s = ct,
 *   u_p ← c u_p − s u_q,   u_q ← s u_p + c u_q,
 * </pre>
 * which zeroes the (p, q) entry of AᵀA. Sweeps over all pairs repeat until no pair needs a rotation (quadratic
 * convergence); the singular values are then the column norms. With ε = {@value #TOLERANCE} the computed values are
 * within a few units of ε·‖A‖₂ of the exact ones (and small singular values of well-scaled columns are resolved
 * with high relative accuracy), far beyond what float weights carry.
 */
public final class SingularValues {

    /** Orthogonality tolerance ε of a column pair. */
    static final double TOLERANCE = 1e-15;
    /** Sweeps before giving up (convergence takes ~6–12). */
    static final int MAX_SWEEPS = 60;

    private SingularValues() {
    }

    /**
     * The min(m, n) singular values of the m × n matrix {@code a} (row-major), in descending order.
     */
    public static double[] of(double[] a, int rows, int cols) {
        if (rows < 1 || cols < 1 || a.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix of " + a.length + " entries is not " + rows + " x " + cols);
        }
        // Columns to orthogonalise: n = min(rows, cols) vectors of length m = max(rows, cols).
        boolean transpose = cols > rows;
        int n = transpose ? rows : cols;
        int m = transpose ? cols : rows;
        double[][] u = new double[n][m];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = a[r * cols + c];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("matrix entry (" + r + ", " + c + ") is " + v);
                }
                if (transpose) {
                    u[r][c] = v;
                } else {
                    u[c][r] = v;
                }
            }
        }
        double[] norms = new double[n];
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            for (int p = 0; p < n; p++) {
                norms[p] = dot(u[p], u[p], m);
            }
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = norms[p];
                    double beta = norms[q];
                    if (alpha == 0 || beta == 0) {
                        continue;
                    }
                    double gamma = dot(u[p], u[q], m);
                    if (Math.abs(gamma) <= TOLERANCE * Math.sqrt(alpha) * Math.sqrt(beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    double[] up = u[p];
                    double[] uq = u[q];
                    for (int i = 0; i < m; i++) {
                        double x = up[i];
                        double y = uq[i];
                        up[i] = c * x - s * y;
                        uq[i] = s * x + c * y;
                    }
                    norms[p] = alpha - t * gamma;
                    norms[q] = beta + t * gamma;
                }
            }
            if (!rotated) {
                double[] values = new double[n];
                for (int p = 0; p < n; p++) {
                    values[p] = Math.sqrt(dot(u[p], u[p], m));
                }
                Arrays.sort(values);
                for (int i = 0; i < n / 2; i++) {
                    double tmp = values[i];
                    values[i] = values[n - 1 - i];
                    values[n - 1 - i] = tmp;
                }
                return values;
            }
        }
        throw new IllegalStateException("one-sided Jacobi did not converge in " + MAX_SWEEPS + " sweeps");
    }

    /**
     * The numerical rank: the number of singular values s_i &gt; τ·s_max (0 for the zero matrix).
     *
     * @param descending singular values, largest first
     * @param tolerance  relative tolerance τ ∈ (0, 1)
     */
    public static int rank(double[] descending, double tolerance) {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw InvalidInputException.outOfRange("rank_tolerance", tolerance, "(0, 1)");
        }
        if (descending.length == 0 || descending[0] == 0) {
            return 0;
        }
        double cut = tolerance * descending[0];
        int rank = 0;
        for (double s : descending) {
            if (s > cut) {
                rank++;
            }
        }
        return rank;
    }

    /** Σ x_i y_i with four partial sums (a fixed order: deterministic). */
    private static double dot(double[] x, double[] y, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
