package org.probstab.sgd;

/**
 * Distance from a saddle against time (000 Fig. 1): quantiles over runs of d_t = ‖θ_t − θ_saddle‖ at recorded steps,
 * and the exponential rate of the escape, fitted per run as the least-squares slope of ln d_t against t over a
 * window where the runs are still near the saddle; rate = mean of the per-run slopes, SE = their sd/√R. In the
 * linear regime d_t ≈ d_0 e^{Λt} with Λ the top Lyapunov exponent of the linearised dynamics (000 eq. 8).
 *
 * @param times          recorded steps t (increasing; t = 0 is the start)
 * @param levels         quantile levels q ∈ (0, 1)
 * @param quantiles      at [i][k] the level-k quantile of d at times[i] (type 7: linear between order statistics;
 *                       +∞ once more than (1 − q) of the runs diverged)
 * @param fitStart       first step of the fit window
 * @param fitEnd         last step of the fit window
 * @param rate           the fitted rate (per step), NaN when no fit was asked for
 * @param rateSe         its standard error
 */
public record SaddleEscapeCurve(long[] times, double[] levels, double[][] quantiles, long fitStart, long fitEnd,
                                double rate, double rateSe) {

    public SaddleEscapeCurve {
        if (quantiles.length != times.length) {
            throw new IllegalArgumentException("one row of quantiles per recorded time");
        }
        times = times.clone();
        levels = levels.clone();
        double[][] copy = new double[quantiles.length][];
        for (int i = 0; i < quantiles.length; i++) {
            copy[i] = quantiles[i].clone();
        }
        quantiles = copy;
    }

    /** A copy of the times. */
    @Override
    public long[] times() {
        return times.clone();
    }

    /** A copy of the levels. */
    @Override
    public double[] levels() {
        return levels.clone();
    }

    /** A copy of the quantiles. */
    @Override
    public double[][] quantiles() {
        double[][] copy = new double[quantiles.length][];
        for (int i = 0; i < quantiles.length; i++) {
            copy[i] = quantiles[i].clone();
        }
        return copy;
    }

    /** The level-k quantile at times[i]. */
    public double quantile(int i, int k) {
        return quantiles[i][k];
    }
}
