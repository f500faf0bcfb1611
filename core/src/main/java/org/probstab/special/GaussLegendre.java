package org.probstab.special;

/**
 * The n-point Gauss–Legendre rule on [−1, 1]: ∫_{−1}^{1} f(x) dx ≈ Σ_i w_i f(x_i), exact for polynomials of degree
 * ≤ 2n − 1 (Abramowitz &amp; Stegun 25.4.29; DLMF 3.5.19). The nodes x_i are the zeros of the Legendre polynomial
 * P_n, in increasing order, and w_i = 2 / ((1 − x_i²) P_n'(x_i)²).
 *
 * <p><b>Method.</b> Newton's method on P_n from x = cos(π(i + ¾)/(n + ½)) (Tricomi's first approximation), with
 * P_n from the three-term recurrence k P_k = (2k − 1) x P_{k−1} − (k − 1) P_{k−2} and
 * P_n' = n (x P_n − P_{n−1}) / (x² − 1); the rule is made exactly symmetric (x_{n−1−i} = −x_i, equal weights).
 *
 * <p><b>Accuracy</b> against 40-digit mpmath ({@code src/test/resources/reference/special_functions_reference.py},
 * rows "gauss_legendre"; {@code GaussLegendreTest}), every order in [1, {@value #MAX_ORDER}]: nodes within
 * ½ ulp(1) absolute; weights within a relative 16ε(1 + 2|x_i|/(1 − x_i²)) (ε = 2⁻⁵²), the node's rounding
 * amplified by d log w/dx = −2x/(1 − x²) near the ends (the weights of the outermost nodes of the 128-point rule
 * are good to ~3e-13 relative). Instances are immutable.
 */
public final class GaussLegendre {

    /** The largest order accepted (and tested). */
    public static final int MAX_ORDER = 128;

    private final double[] nodes;
    private final double[] weights;

    /**
     * The rule of order n.
     *
     * @throws IllegalArgumentException if n ∉ [1, {@value #MAX_ORDER}]
     */
    public GaussLegendre(int n) {
        if (n < 1 || n > MAX_ORDER) {
            throw new IllegalArgumentException("Gauss-Legendre order must be in [1, " + MAX_ORDER + "], got " + n);
        }
        nodes = new double[n];
        weights = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            for (int iteration = 0; iteration < 100; iteration++) {
                double[] p = legendrePair(n, x);
                double step = p[1] / derivative(n, x, p);
                x -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            double derivative = derivative(n, x, legendrePair(n, x));
            double w = 2 / ((1 - x * x) * derivative * derivative);
            nodes[i] = -x;
            nodes[n - 1 - i] = x;
            weights[i] = w;
            weights[n - 1 - i] = w;
        }
    }

    /** n, the number of nodes. */
    public int order() {
        return nodes.length;
    }

    /** x_0 &lt; … &lt; x_{n−1} (a copy). */
    public double[] nodes() {
        return nodes.clone();
    }

    /** w_0 … w_{n−1}, aligned with {@link #nodes()} (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** P_n'(x) = n (x P_n − P_{n−1}) / (x² − 1), from {@code p} = {P_{n−1}(x), P_n(x)}. */
    private static double derivative(int n, double x, double[] p) {
        return n * (x * p[1] - p[0]) / (x * x - 1);
    }

    /** {P_{n−1}(x), P_n(x)} by the recurrence k P_k = (2k − 1) x P_{k−1} − (k − 1) P_{k−2}. */
    private static double[] legendrePair(int n, double x) {
        double p0 = 1;
        double p1 = x;
        for (int k = 2; k <= n; k++) {
            double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        return new double[] {p0, p1};
    }
}
