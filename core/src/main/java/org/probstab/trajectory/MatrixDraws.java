package org.probstab.trajectory;

import org.probstab.law.MatrixSampler;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.random.RunStreams;

/**
 * How the trajectory engine draws the d×d minibatch Hessians Ĥ_t of θ_{t+1} = (I − λĤ_t) θ_t (000 eq. 8), a block
 * of steps of one run at a time. Each law consumes its run's stream exactly as its
 * {@link org.probstab.law.MatrixSampler} does per step: {@link RandomSymmetric}, the law as data, and {@link Sampled},
 * any law by its sampler.
 */
public sealed interface MatrixDraws {

    /** d. */
    int dimension();

    /** Standard normals one step consumes. */
    int normalsPerStep();

    /**
     * Writes Ĥ of step k of a block into {@code h} (row-major, d·d) from the block's normals: the normals of step k
     * are {@code normals[k·normalsPerStep(), (k + 1)·normalsPerStep())}.
     */
    void hessian(double[] normals, int k, double[] h);

    /** The draws of {@code law}. */
    static RandomSymmetric of(RandomSymmetricLaw law) {
        return new RandomSymmetric(law.mean().values().clone(), law.noise(), law.dimension());
    }

    /**
     * The draws of any sampler: the random-symmetric law as data ({@link #of(RandomSymmetricLaw)}, the same numbers
     * faster), any other law by its sampler ({@link Sampled}).
     */
    static MatrixDraws of(MatrixSampler sampler) {
        return sampler instanceof RandomSymmetricLaw law ? of(law) : new Sampled(sampler);
    }

    /**
     * A law known only by its sampler: a block's Ĥ are drawn by {@code sampler.sample(streams.generator(r), ·)}, one
     * call per step, and kept as the block's "normals" (d² numbers per step, Ĥ itself).
     *
     * @param sampler the law's sampler (not thread-safe: one per engine call)
     */
    record Sampled(MatrixSampler sampler) implements MatrixDraws {

        @Override
        public int dimension() {
            return sampler.dimension();
        }

        @Override
        public int normalsPerStep() {
            int d = sampler.dimension();
            return d * d;
        }

        @Override
        public void fill(RunStreams streams, int run, double[] normals, int count) {
            int dd = normalsPerStep();
            double[] h = new double[dd];
            java.util.random.RandomGenerator g = streams.generator(run);
            for (int k = 0; k < count; k++) {
                sampler.sample(g, h);
                System.arraycopy(h, 0, normals, k * dd, dd);
            }
        }

        @Override
        public void hessian(double[] normals, int k, double[] h) {
            int dd = normalsPerStep();
            System.arraycopy(normals, k * dd, h, 0, dd);
        }
    }

    /**
     * The random symmetric law of 000 App. A.2: Ĥ = E[Ĥ] + ν(M + Mᵀ) with M of i.i.d. N(0, 1) entries drawn row
     * by row (d² normals per step), with the arithmetic of {@link RandomSymmetricLaw#sample}: out = νM, then
     * out_ii = E_ii + 2·out_ii and out_ij = out_ji = E_ij + (out_ij + out_ji).
     *
     * @param mean  E[Ĥ] in column-major order (a symmetric matrix, so also row-major)
     * @param noise ν
     * @param d     the dimension
     */
    record RandomSymmetric(double[] mean, double noise, int d) implements MatrixDraws {

        public RandomSymmetric {
            if (d < 1 || mean.length != d * d) {
                throw new IllegalArgumentException("mean must have d*d entries, got " + mean.length + " for d = " + d);
            }
            mean = mean.clone();
        }

        @Override
        public int dimension() {
            return d;
        }

        @Override
        public int normalsPerStep() {
            return d * d;
        }

        @Override
        public void hessian(double[] normals, int k, double[] out) {
            int base = k * d * d;
            for (int i = 0; i < d * d; i++) {
                out[i] = noise * normals[base + i];
            }
            for (int i = 0; i < d; i++) {
                out[i * d + i] = mean[i * d + i] + 2 * out[i * d + i];
                for (int j = i + 1; j < d; j++) {
                    double s = out[i * d + j] + out[j * d + i];
                    out[i * d + j] = mean[i * d + j] + s;
                    out[j * d + i] = mean[j * d + i] + s;
                }
            }
        }

        /** A copy of E[Ĥ]. */
        @Override
        public double[] mean() {
            return mean.clone();
        }

        /** E[Ĥ] itself, for the engine's loops (not to be modified). */
        double[] meanValues() {
            return mean;
        }
    }

    /** Draws {@code count} steps' normals of run {@code run} into {@code normals}. */
    default void fill(RunStreams streams, int run, double[] normals, int count) {
        streams.gaussians(run, normals, 0, count * normalsPerStep());
    }
}
