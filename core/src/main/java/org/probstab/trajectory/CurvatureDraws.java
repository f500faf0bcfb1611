package org.probstab.trajectory;

import java.util.Objects;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.random.RunStreams;

/**
 * How the trajectory engine draws the minibatch curvature χ_B of the commuting (rank-1) case, one block of steps of
 * one run at a time (000 Thm 1; DESIGN §2): the law as data instead of a per-step sampler call, so that a block is a
 * loop over primitive arrays. Each law consumes its run's stream exactly as the corresponding
 * {@link org.probstab.law.ScalarBatchSampler} does per step, so the χ values are those of the samplers called once
 * per step with the run's generator, bit for bit, with either stream algorithm:
 * <ul>
 *   <li>{@link FreshGaussian}: N = ∞ Gaussian regression ({@link GaussianRegression#freshBatchSampler}): per step
 *       S pairs (x_j, e_j) of standard normals, χ_B = (1/S) Σ_j x_j(μx_j + (1 − μ)σ e_j);</li>
 *   <li>{@link Finite}: a finite dataset with replacement ({@link FiniteDataset#samplerWithReplacement}): per step S
 *       uniform indices, χ_B = (1/S) Σ_j χ_{I_j}.</li>
 * </ul>
 * and, for any other law, {@link Sampled}: its {@link ScalarBatchSampler} called once per step with the run's
 * stream as a generator (sampling without replacement, whose sampler keeps a permutation across draws, runs so).
 */
public sealed interface CurvatureDraws {

    /** The most steps one {@link #fill} call is asked for. */
    int MAX_BLOCK = 64;

    /** Writes χ_B of the next {@code count} ≤ {@link #MAX_BLOCK} steps of run {@code run} into {@code chi[0, count)}. */
    void fill(RunStreams streams, int run, double[] chi, int count, Scratch scratch);

    /** E χ_B. */
    double mean();

    /** S, the samples averaged per step. */
    int batchSize();

    /** Buffers for one engine call (not thread-safe). */
    final class Scratch {
        final double[] normals;
        final int[] indices;

        /** Buffers for laws with batch size up to {@code batchSize}. */
        public Scratch(int batchSize) {
            normals = new double[2 * batchSize * MAX_BLOCK];
            indices = new int[batchSize * MAX_BLOCK];
        }
    }

    /** N = ∞ Gaussian regression (000 §5.3): χ = x(μx + (1 − μ)σ e) averaged over S fresh samples. */
    static FreshGaussian of(GaussianRegression law, int batchSize) {
        return new FreshGaussian(law.mu(), law.sigma(), batchSize);
    }

    /** A finite dataset, S indices with replacement. */
    static Finite of(FiniteDataset data, int batchSize) {
        return new Finite(data.values(), batchSize);
    }

    /** Any law, by its sampler (one call per step). */
    static Sampled sampled(ScalarBatchSampler sampler) {
        return new Sampled(sampler);
    }

    /**
     * A law known only by its sampler: step k of run r is {@code sampler.sample(streams.generator(r))}. One sampler
     * serves all runs in turn, so a sampler with state (a without-replacement permutation) carries it from one run's
     * block to the next; every draw is still exactly of the law (a partial Fisher–Yates shuffle of any permutation
     * gives a uniform subset), and the order of runs and blocks is fixed, so results are reproducible.
     *
     * @param sampler the law's sampler (not thread-safe: one per engine call)
     */
    record Sampled(ScalarBatchSampler sampler) implements CurvatureDraws {

        public Sampled {
            Objects.requireNonNull(sampler, "sampler");
        }

        @Override
        public void fill(RunStreams streams, int run, double[] chi, int count, Scratch scratch) {
            java.util.random.RandomGenerator g = streams.generator(run);
            for (int k = 0; k < count; k++) {
                chi[k] = sampler.sample(g);
            }
        }

        /** Unknown: NaN. */
        @Override
        public double mean() {
            return Double.NaN;
        }

        /** One sample per call as far as the engine's buffers are concerned. */
        @Override
        public int batchSize() {
            return 1;
        }
    }

    /**
     * Fresh Gaussian-regression samples.
     *
     * @param mu        μ ∈ [0, 1]
     * @param sigma     σ &gt; 0
     * @param batchSize S ≥ 1
     */
    record FreshGaussian(double mu, double sigma, int batchSize) implements CurvatureDraws {

        public FreshGaussian {
            new GaussianRegression(mu, sigma);
            if (batchSize < 1) {
                throw new IllegalArgumentException("S must be >= 1, got " + batchSize);
            }
        }

        @Override
        public void fill(RunStreams streams, int run, double[] chi, int count, Scratch scratch) {
            double[] g = scratch.normals;
            int perStep = 2 * batchSize;
            streams.gaussians(run, g, 0, perStep * count);
            // The same expression as GaussianRegression.curvature: x * (mu * x + (1 - mu) * sigma * e).
            double noise = (1 - mu) * sigma;
            if (batchSize == 1) {
                for (int k = 0; k < count; k++) {
                    double x = g[2 * k];
                    double e = g[2 * k + 1];
                    chi[k] = x * (mu * x + noise * e);
                }
                return;
            }
            double inverse = 1.0 / batchSize;
            for (int k = 0; k < count; k++) {
                double s = 0;
                int base = k * perStep;
                for (int j = 0; j < batchSize; j++) {
                    double x = g[base + 2 * j];
                    double e = g[base + 2 * j + 1];
                    s += x * (mu * x + noise * e);
                }
                chi[k] = s * inverse;
            }
        }

        @Override
        public double mean() {
            return mu;
        }
    }

    /**
     * A finite dataset χ_1 … χ_N sampled with replacement.
     *
     * @param values    χ_i (copied)
     * @param batchSize S ≥ 1
     */
    record Finite(double[] values, int batchSize) implements CurvatureDraws {

        public Finite {
            Objects.requireNonNull(values, "values");
            values = new FiniteDataset(values).values();
            if (batchSize < 1) {
                throw new IllegalArgumentException("S must be >= 1, got " + batchSize);
            }
        }

        /** A copy of χ_1 … χ_N. */
        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public void fill(RunStreams streams, int run, double[] chi, int count, Scratch scratch) {
            int[] index = scratch.indices;
            double[] v = values;
            streams.indices(run, v.length, index, 0, batchSize * count);
            if (batchSize == 1) {
                for (int k = 0; k < count; k++) {
                    chi[k] = v[index[k]];
                }
                return;
            }
            double inverse = 1.0 / batchSize;
            for (int k = 0; k < count; k++) {
                double s = 0;
                int base = k * batchSize;
                for (int j = 0; j < batchSize; j++) {
                    s += v[index[base + j]];
                }
                chi[k] = s * inverse;
            }
        }

        @Override
        public double mean() {
            double s = 0;
            for (double x : values) {
                s += x;
            }
            return s / values.length;
        }
    }
}
