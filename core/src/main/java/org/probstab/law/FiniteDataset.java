package org.probstab.law;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.probstab.special.RunningMoments;

/**
 * A finite dataset of per-sample curvatures χ_1 … χ_N (χ_i = x_i y_i for matrix factorisation, h_i = x_i² for
 * linear regression). A minibatch B of size S is drawn uniformly, with replacement (S i.i.d. indices) or without
 * (a uniformly random S-subset), and χ_B = (1/S) Σ_{j∈B} χ_j (DESIGN §2).
 *
 * <p>The array is copied on construction and never exposed mutably.
 */
public final class FiniteDataset {

    private final double[] values;
    private final double mean;
    private final double variance;

    public FiniteDataset(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a dataset needs at least one value");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("dataset values must be finite, got " + v);
            }
        }
        this.values = values.clone();
        this.mean = RunningMoments.mean(values);
        this.variance = RunningMoments.sumOfSquaredDeviations(values, mean) / values.length;
    }

    /** N. */
    public int size() {
        return values.length;
    }

    /** χ_i (0-based). */
    public double value(int i) {
        return values[i];
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** E χ = (1/N) Σ χ_i. */
    public double mean() {
        return mean;
    }

    /** Population variance Var χ = (1/N) Σ (χ_i − Eχ)². */
    public double variance() {
        return variance;
    }

    /**
     * Var χ_B for a batch of S: Var χ / S with replacement; Var χ / S · (N − S)/(N − 1) without (finite
     * population correction).
     */
    public double batchVariance(int batchSize, boolean withReplacement) {
        int n = values.length;
        if (withReplacement || n == 1) {
            return variance / batchSize;
        }
        return variance / batchSize * (n - batchSize) / (n - 1.0);
    }

    /** A sampler of χ_B with S i.i.d. uniform indices. */
    public ScalarBatchSampler samplerWithReplacement(int batchSize) {
        checkBatchSize(batchSize, true);
        final double[] v = values;
        final int n = v.length;
        if (batchSize == 1) {
            return rng -> v[rng.nextInt(n)];
        }
        final double inv = 1.0 / batchSize;
        return rng -> {
            double s = 0;
            for (int j = 0; j < batchSize; j++) {
                s += v[rng.nextInt(n)];
            }
            return s * inv;
        };
    }

    /**
     * A sampler of χ_B over uniformly random S-subsets (partial Fisher–Yates on a private permutation, which
     * stays a permutation after every draw, so every draw is an exactly uniform subset). Not thread-safe.
     */
    public ScalarBatchSampler samplerWithoutReplacement(int batchSize) {
        checkBatchSize(batchSize, false);
        final double[] v = values;
        final int n = v.length;
        final int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        final double inv = 1.0 / batchSize;
        return (RandomGenerator rng) -> {
            double s = 0;
            for (int j = 0; j < batchSize; j++) {
                int k = j + rng.nextInt(n - j);
                int t = perm[j];
                perm[j] = perm[k];
                perm[k] = t;
                s += v[perm[j]];
            }
            return s * inv;
        };
    }

    /** The sampler for the given replacement mode. */
    public ScalarBatchSampler sampler(int batchSize, boolean withReplacement) {
        return withReplacement ? samplerWithReplacement(batchSize) : samplerWithoutReplacement(batchSize);
    }

    private void checkBatchSize(int batchSize, boolean withReplacement) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("S must be >= 1, got " + batchSize);
        }
        if (!withReplacement && batchSize > values.length) {
            throw new IllegalArgumentException("S must be <= N = " + values.length
                    + " without replacement, got " + batchSize);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FiniteDataset other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FiniteDataset[N=" + values.length + ", mean=" + mean + ", variance=" + variance + "]";
    }
}
