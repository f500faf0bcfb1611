package org.probstab.refine;

/**
 * An ordinary least-squares line y = intercept + slope·x through scaling data (log–log points), with the
 * standard error of the slope from the residuals: SE = √(Σ r² / ((n − 2) Σ (x − x̄)²)) (n ≥ 3; NaN for n = 2, where
 * a line fits exactly and no error can be estimated).
 *
 * <p>The SE measures how far the points scatter about a straight line over the fitted scales; in box counting the
 * scatter is systematic (lacunarity, crossovers, finite resolution), not random, so the SE is a measure of how well
 * one power law describes the range, and the local slopes say where it does not.
 *
 * @param slope     the fitted slope
 * @param slopeSe   its standard error
 * @param intercept the fitted intercept
 * @param points    how many points were fitted
 */
public record ScalingFit(double slope, double slopeSe, double intercept, int points) {

    public ScalingFit {
        if (points < 2) {
            throw new IllegalArgumentException("a fit needs at least 2 points, got " + points);
        }
    }

    /** The least-squares line through (x_i, y_i), i in [from, to). */
    public static ScalingFit of(double[] x, double[] y, int from, int to) {
        return weighted(x, y, null, from, to);
    }

    /**
     * The weighted least-squares line (weights 1/σ_i² when σ are the standard errors of y; null for equal weights).
     * With weights the SE is the residual-scaled one, √(Σ w r² / ((n − 2) Σ w (x − x̄)²)).
     */
    public static ScalingFit weighted(double[] x, double[] y, double[] weights, int from, int to) {
        int n = to - from;
        if (n < 2) {
            throw new IllegalArgumentException("a fit needs at least 2 points, got " + n);
        }
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int i = from; i < to; i++) {
            double w = weights == null ? 1 : weights[i];
            sw += w;
            sx += w * x[i];
            sy += w * y[i];
        }
        double mx = sx / sw;
        double my = sy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = from; i < to; i++) {
            double w = weights == null ? 1 : weights[i];
            sxx += w * (x[i] - mx) * (x[i] - mx);
            sxy += w * (x[i] - mx) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("a fit needs at least two distinct x");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double ss = 0;
        for (int i = from; i < to; i++) {
            double w = weights == null ? 1 : weights[i];
            double r = y[i] - intercept - slope * x[i];
            ss += w * r * r;
        }
        double se = n > 2 ? Math.sqrt(ss / ((n - 2) * sxx)) : Double.NaN;
        return new ScalingFit(slope, se, intercept, n);
    }
}
