package org.probstab.sgd;

import java.util.Arrays;
import org.probstab.special.RunningMoments;

/** Summaries over runs: mean, standard error, median and type-7 quantiles, with the conventions for ±∞. */
final class Statistics {

    private Statistics() {
    }

    /** (1/n) Σ x_i (±∞ as soon as one x_i is, NaN if both signs appear). */
    static double mean(double[] x) {
        return RunningMoments.mean(x);
    }

    /** sd(x)/√n with divisor n − 1; 0 when the mean is infinite, +∞ when n = 1. */
    static double standardError(double[] x, double mean) {
        if (Double.isInfinite(mean)) {
            return 0.0;
        }
        int n = x.length;
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(RunningMoments.sumOfSquaredDeviations(x, mean) / (n - 1) / n);
    }

    /** The median (type 7) of values without NaN. */
    static double median(double[] x) {
        return quantile(sorted(x), 0.5);
    }

    /** A sorted copy. */
    static double[] sorted(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }

    /**
     * The type-7 quantile (Hyndman &amp; Fan 1996: h = (n − 1)q, linear between the order statistics ⌊h⌋ and ⌈h⌉) of
     * sorted values; an infinite neighbour gives that infinity.
     */
    static double quantile(double[] sorted, double q) {
        int n = sorted.length;
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        double frac = h - lo;
        double a = sorted[lo];
        double b = sorted[hi];
        if (frac == 0 || a == b) {
            return a;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return frac < 1 && Double.isInfinite(a) ? a : b;
        }
        return a + frac * (b - a);
    }
}
