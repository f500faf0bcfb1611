package org.probstab.law;

import java.util.random.RandomGenerator;

/**
 * The Gaussian regression data of the matrix-factorisation saddle (000 §5.3, Fig. 5, 8, 9; DESIGN §2):
 * x ~ N(0, 1), ε ~ N(0, σ²), y = μx + (1 − μ)ε, and the per-sample curvature χ = x·y.
 *
 * <p>Moments: E χ = μ, Var χ = 2μ² + (1 − μ)²σ² (since E x⁴ = 3 and x ⟂ ε).
 *
 * @param mu    μ ∈ [0, 1], the signal fraction of the labels
 * @param sigma σ &gt; 0, the label-noise scale (the papers use σ = 2)
 */
public record GaussianRegression(double mu, double sigma) {

    /** The papers' noise scale. */
    public static final double DEFAULT_SIGMA = 2.0;

    public GaussianRegression {
        if (!(mu >= 0 && mu <= 1)) {
            throw new IllegalArgumentException("mu must be in [0, 1], got " + mu);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be in (0, inf), got " + sigma);
        }
    }

    /** E χ = μ. */
    public double mean() {
        return mu;
    }

    /** Var χ = 2μ² + (1 − μ)²σ². */
    public double variance() {
        double noise = (1 - mu) * sigma;
        return 2 * mu * mu + noise * noise;
    }

    /** χ = x(μx + (1 − μ)σ e) for standard normal x, e. */
    public double curvature(double x, double e) {
        return x * (mu * x + (1 - mu) * sigma * e);
    }

    /**
     * A fixed dataset of N samples. The stream is consumed as (x_1, e_1, x_2, e_2, …), so the same stream gives
     * the same (x, ε) pairs whatever μ and σ: a dataset seed shared by several cells shares the draws.
     */
    public FiniteDataset sampleDataset(int n, RandomGenerator rng) {
        return datasetFromPairs(samplePairs(n, rng));
    }

    /**
     * N standard-normal pairs (x_i, e_i) laid out as {x_1, e_1, x_2, e_2, …}: the μ- and σ-free part of a dataset,
     * which a cache may share between cells that differ only in μ or σ.
     */
    public static double[] samplePairs(int n, RandomGenerator rng) {
        if (n < 1) {
            throw new IllegalArgumentException("N must be >= 1, got " + n);
        }
        double[] pairs = new double[2 * n];
        for (int k = 0; k < pairs.length; k++) {
            pairs[k] = rng.nextGaussian();
        }
        return pairs;
    }

    /** The dataset χ_i = x_i(μx_i + (1 − μ)σ e_i) of pairs made by {@link #samplePairs}. */
    public FiniteDataset datasetFromPairs(double[] pairs) {
        double[] chi = new double[pairs.length / 2];
        for (int i = 0; i < chi.length; i++) {
            chi[i] = curvature(pairs[2 * i], pairs[2 * i + 1]);
        }
        return new FiniteDataset(chi);
    }

    /** N = ∞: every batch is S fresh samples. */
    public ScalarBatchSampler freshBatchSampler(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("S must be >= 1, got " + batchSize);
        }
        final double inv = 1.0 / batchSize;
        return rng -> {
            double s = 0;
            for (int j = 0; j < batchSize; j++) {
                double x = rng.nextGaussian();
                double e = rng.nextGaussian();
                s += curvature(x, e);
            }
            return s * inv;
        };
    }
}
