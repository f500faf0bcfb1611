package org.probstab.special;

/**
 * Chebyshev series on y ∈ [−1, 1]: evaluation by Clenshaw's recurrence and the coefficients of the interpolant at
 * the Chebyshev points of the first kind.
 *
 * <p><b>Convention.</b> A series is stored as the coefficients of the plain sum
 * <pre>
 *   f(y) = Σ_{j=0}^{n−1} c_j T_j(y),   T_j(cos θ) = cos(jθ),
 * </pre>
 * so c_0 is the mean value of f over θ: the "c_0/2" of the textbook form Σ' is already halved in storage (as in
 * the mpmath script {@code src/test/resources/reference/normal_distribution.py} and in {@link #coefficients}).
 *
 * <p><b>Clenshaw</b> (Clenshaw 1955; Numerical Recipes §5.8): b_n = b_{n+1} = 0,
 * b_j = 2y·b_{j+1} − b_{j+2} + c_j for j = n−1 … 1, and f(y) = y·b_1 − b_2 + c_0. Backward-stable: the error is a
 * few ulps of Σ |c_j| ({@code ChebyshevTest}).
 */
public final class Chebyshev {

    private Chebyshev() {
    }

    /** Σ_j c_j T_j(y) over all of {@code c} (c_0 stored halved, see the class comment). */
    public static double evaluate(double[] c, double y) {
        return evaluate(c, 0, c.length, y);
    }

    /**
     * Σ_{j&lt;length} c[from + j] T_j(y): one series stored at {@code from} in a table of several (no checks: the hot
     * path; length ≥ 1).
     */
    public static double evaluate(double[] c, int from, int length, double y) {
        double b1 = 0;
        double b2 = 0;
        double twoY = 2 * y;
        for (int j = from + length - 1; j > from; j--) {
            double b0 = twoY * b1 - b2 + c[j];
            b2 = b1;
            b1 = b0;
        }
        return y * b1 - b2 + c[from];
    }

    /**
     * The coefficients of the degree n−1 interpolant through the n values f(y_i) at the Chebyshev points of the
     * first kind y_i = cos(π(i + ½)/n), i = 0 … n−1 (n = {@code values.length}), written to
     * {@code target[offset … offset + n)}:
     * <pre>
     *   c_j = (2/n) Σ_i f(y_i) cos(πj(i + ½)/n),   with c_0 then halved (the stored convention).
     * </pre>
     * The angle is reduced exactly (j(2i+1) mod 4n) before the multiplication by π, which would otherwise cost
     * ~1e-14 at large j.
     */
    public static void coefficients(double[] values, double[] target, int offset) {
        int n = values.length;
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                int multiple = (j * (2 * i + 1)) % (4 * n);
                sum += values[i] * Math.cos(Math.PI * multiple / (2 * n));
            }
            target[offset + j] = 2.0 * sum / n;
        }
        target[offset] *= 0.5;
    }
}
