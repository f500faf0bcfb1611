package org.probstab.net;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.probstab.stability.DiagonalApproximation;

/**
 * Draws the online data of one cell ({@link NetData}), S samples at a time, in float, in a fixed order: per
 * sample, Gaussian data draws x₁…x_d then ε₁…ε_d; masked data draws the active coordinate k, then X_k, then ε_k.
 * Labels are formed in double and rounded once: y = (float)(μx + (1 − μ)σ_k ε) with x the float input.
 * Both backends train on exactly these numbers.
 */
public final class NetSampler {

    private final NetData law;
    private final int d;
    private final double mu;
    private final double[] noiseScale;
    private final RandomGenerator rng;

    /** A sampler for the spec's data law drawing from {@code rng}. */
    public NetSampler(NetCellSpec spec, RandomGenerator rng) {
        this.law = spec.data();
        this.d = spec.inputDim();
        this.mu = spec.mu();
        this.rng = rng;
        this.noiseScale = noiseScales(spec);
    }

    /** σ_k: σ for Gaussian data; σ√v_k for masked data. */
    public static double[] noiseScales(NetCellSpec spec) {
        double[] scale = new double[spec.inputDim()];
        if (spec.data() == NetData.GAUSSIAN) {
            Arrays.fill(scale, spec.sigma());
        } else {
            double[] v = DiagonalApproximation.appendixNoiseVariances(spec.inputDim(), 1.0);
            for (int k = 0; k < scale.length; k++) {
                scale[k] = spec.sigma() * Math.sqrt(v[k]);
            }
        }
        return scale;
    }

    /** Fills rows [0, samples) of x and y (row-major, d per row) starting at {@code offset}. */
    public void next(float[] x, float[] y, int offset, int samples) {
        for (int s = 0; s < samples; s++) {
            nextSample(x, y, offset + s * d);
        }
    }

    /** Fills one sample, x[row..row+d) and y[row..row+d). */
    public void nextSample(float[] x, float[] y, int row) {
        if (law == NetData.GAUSSIAN) {
            for (int i = 0; i < d; i++) {
                x[row + i] = (float) rng.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double eps = rng.nextGaussian();
                y[row + i] = (float) (mu * x[row + i] + (1 - mu) * noiseScale[i] * eps);
            }
        } else {
            Arrays.fill(x, row, row + d, 0f);
            Arrays.fill(y, row, row + d, 0f);
            int k = rng.nextInt(d);
            float xk = (float) rng.nextGaussian();
            double eps = rng.nextGaussian();
            x[row + k] = xk;
            y[row + k] = (float) (mu * xk + (1 - mu) * noiseScale[k] * eps);
        }
    }
}
