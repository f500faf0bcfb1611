package org.probstab.net;

import java.util.random.RandomGenerator;

/**
 * The parameters of one two-layer net d → h → d, in float, in the layouts the kernels stream through:
 * W₁ᵀ as d rows of h ({@code w1t[i·h + k] = W₁[k][i]}), W₂ᵀ as h rows of d ({@code w2t[k·d + j] = W₂[j][k]}),
 * b₁ (h) and b₂ (d), both zero and never trained without biases.
 *
 * <p><b>Initialisation</b> ({@link #initialise}): PyTorch's {@code nn.Linear} default, Kaiming-uniform with
 * a = √5, i.e. every weight and bias of a layer with fan-in n uniform on (−1/√n, 1/√n): n = d for W₁, b₁ and n = h
 * for W₂, b₂. Drawn in the order W₁ (row by row of h × d), b₁, W₂ (row by row of d × h), b₂, each as
 * (float)(bound·(2u − 1)) with u = {@code nextDouble()}.
 *
 * @param inputDim  d
 * @param hiddenDim h
 * @param w1t       W₁ᵀ, d·h
 * @param b1        b₁, h
 * @param w2t       W₂ᵀ, h·d
 * @param b2        b₂, d
 */
public record NetWeights(int inputDim, int hiddenDim, float[] w1t, float[] b1, float[] w2t, float[] b2) {

    public NetWeights {
        long dh = (long) inputDim * hiddenDim;
        if (w1t.length != dh || w2t.length != dh || b1.length != hiddenDim || b2.length != inputDim) {
            throw new IllegalArgumentException("weight arrays do not match d = " + inputDim + ", h = " + hiddenDim);
        }
    }

    /** Fresh PyTorch-default initial weights (biases zero when {@code bias} is false). */
    public static NetWeights initialise(int d, int h, boolean bias, RandomGenerator rng) {
        float[] w1t = new float[d * h];
        float[] b1 = new float[h];
        float[] w2t = new float[h * d];
        float[] b2 = new float[d];
        double bound1 = 1 / Math.sqrt(d);
        double bound2 = 1 / Math.sqrt(h);
        for (int k = 0; k < h; k++) {
            for (int i = 0; i < d; i++) {
                w1t[i * h + k] = uniform(rng, bound1);
            }
        }
        if (bias) {
            for (int k = 0; k < h; k++) {
                b1[k] = uniform(rng, bound1);
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < h; k++) {
                w2t[k * d + j] = uniform(rng, bound2);
            }
        }
        if (bias) {
            for (int j = 0; j < d; j++) {
                b2[j] = uniform(rng, bound2);
            }
        }
        return new NetWeights(d, h, w1t, b1, w2t, b2);
    }

    private static float uniform(RandomGenerator rng, double bound) {
        return (float) (bound * (2 * rng.nextDouble() - 1));
    }

    /** A deep copy. */
    public NetWeights copy() {
        return new NetWeights(inputDim, hiddenDim, w1t.clone(), b1.clone(), w2t.clone(), b2.clone());
    }

    /** W₂ as a d × h matrix in double, row-major. */
    public double[] secondLayer() {
        int d = inputDim;
        int h = hiddenDim;
        double[] w2 = new double[d * h];
        for (int k = 0; k < h; k++) {
            for (int j = 0; j < d; j++) {
                w2[j * h + k] = w2t[k * d + j];
            }
        }
        return w2;
    }

    /** Whether every parameter is finite. */
    public boolean finite() {
        return allFinite(w1t) && allFinite(b1) && allFinite(w2t) && allFinite(b2);
    }

    private static boolean allFinite(float[] a) {
        for (float v : a) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The loss (1/(nd)) Σ_j ½‖f(x_j) − y_j‖² over n samples (rows of d), computed in double from the float
     * weights.
     */
    public double loss(Activation activation, float[] x, float[] y, int samples) {
        int d = inputDim;
        int h = hiddenDim;
        double[] a = new double[h];
        double total = 0;
        for (int s = 0; s < samples; s++) {
            int row = s * d;
            for (int k = 0; k < h; k++) {
                double z = b1[k];
                for (int i = 0; i < d; i++) {
                    z += (double) x[row + i] * w1t[i * h + k];
                }
                a[k] = activation.value(z);
            }
            for (int j = 0; j < d; j++) {
                double f = b2[j];
                for (int k = 0; k < h; k++) {
                    f += a[k] * w2t[k * d + j];
                }
                double r = f - y[row + j];
                total += 0.5 * r * r;
            }
        }
        return total / ((double) samples * d);
    }

    /**
     * The population loss E (1/d) ½‖f(x) − y‖², estimated on {@code samples} fresh samples of the cell's data law drawn
     * from {@code rng} (double-precision forward pass).
     */
    public double populationLoss(NetCellSpec spec, RandomGenerator rng, int samples) {
        NetSampler sampler = new NetSampler(spec, rng);
        float[] x = new float[samples * inputDim];
        float[] y = new float[samples * inputDim];
        sampler.next(x, y, 0, samples);
        return loss(spec.activation(), x, y, samples);
    }
}
