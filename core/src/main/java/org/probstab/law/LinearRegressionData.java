package org.probstab.law;

import java.util.random.RandomGenerator;

/**
 * Linear regression at an interpolation minimum (001 §3, Fig. 2): the per-sample Hessian is h_i = x_i²; the first
 * data point may be an outlier of prescribed squared norm x₁² while x_2 … x_N are standard normal. SGD near
 * the minimum is w_{t+1} = (1 − λ h_B) w_t.
 */
public final class LinearRegressionData {

    private LinearRegressionData() {
    }

    /**
     * Draws h_1 … h_N. The stream gives x_1 … x_N in order; when {@code outlierSquaredNorm > 0}, h_1 is replaced
     * by it (x_1 is still drawn, so the other samples do not depend on whether there is an outlier).
     */
    public static FiniteDataset sample(int n, double outlierSquaredNorm, RandomGenerator rng) {
        if (n < 1) {
            throw new IllegalArgumentException("N must be >= 1, got " + n);
        }
        if (!(outlierSquaredNorm >= 0) || !Double.isFinite(outlierSquaredNorm)) {
            throw new IllegalArgumentException("outlier must be in [0, inf), got " + outlierSquaredNorm);
        }
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            double x = rng.nextGaussian();
            h[i] = x * x;
        }
        if (outlierSquaredNorm > 0) {
            h[0] = outlierSquaredNorm;
        }
        return new FiniteDataset(h);
    }
}
