package org.probstab.trajectory;

/**
 * The summary arithmetic of {@code TrajectoryResult.fromLogNorms}, {@code RenormalisedProduct}'s pooled block
 * variance and {@code PaperProtocol}'s mean, written out operation for operation so that engine runs can be compared
 * with the estimators' public results bit for bit (those helpers are package-private in {@code lyapunov}).
 */
final class EstimatorArithmetic {

    private EstimatorArithmetic() {
    }

    /** {Λ̂, SE, P(log‖θ_T‖ &lt; log ε), mean-square growth} of per-run log-norms, as TrajectoryResult computes them. */
    static double[] trajectorySummary(double[] logNorms, long steps, double epsilon) {
        int runs = logNorms.length;
        double[] exponents = new double[runs];
        double logEpsilon = StrictMath.log(epsilon);
        int below = 0;
        double maxTwice = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < runs; r++) {
            exponents[r] = logNorms[r] / steps;
            if (logNorms[r] < logEpsilon) {
                below++;
            }
            maxTwice = Math.max(maxTwice, 2 * logNorms[r]);
        }
        double meanSquareGrowth;
        if (maxTwice == Double.NEGATIVE_INFINITY) {
            meanSquareGrowth = Double.NEGATIVE_INFINITY;
        } else {
            double sum = 0;
            for (double l : logNorms) {
                sum += StrictMath.exp(2 * l - maxTwice);
            }
            meanSquareGrowth = (maxTwice + StrictMath.log(sum) - StrictMath.log(runs)) / steps;
        }
        double mean = mean(exponents);
        return new double[] {mean, standardError(exponents, mean), (double) below / runs, meanSquareGrowth};
    }

    /** RenormalisedProduct's s²: Welford over all block sums, run by run, divided by the block length. */
    static double pooledBlockVariance(double[][] blockSums, double[] logNorms, int block) {
        double count = 0;
        double mean = 0;
        double m2 = 0;
        boolean collapsed = false;
        for (int r = 0; r < blockSums.length; r++) {
            collapsed |= logNorms[r] == Double.NEGATIVE_INFINITY;
            for (double x : blockSums[r]) {
                count = count + 1;
                double delta = x - mean;
                mean += delta / count;
                m2 += delta * (x - mean);
            }
        }
        if (collapsed) {
            return Double.POSITIVE_INFINITY;
        }
        if (count < 2) {
            return Double.NaN;
        }
        return m2 / (count - 1) / block;
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    static double standardError(double[] x, double mean) {
        if (Double.isInfinite(mean)) {
            return 0.0;
        }
        int n = x.length;
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (n - 1) / n);
    }
}
