package org.probstab.net.cpu;

import java.util.Arrays;
import org.probstab.net.Activation;
import org.probstab.net.BatchShape;

/**
 * One training step of one cell of a two-layer net on primitive float arrays: forward pass, loss, backward pass
 * (the minibatch gradient of L_B = (1/(Sd)) Σ_j ½‖f(x_j) − y_j‖²), written as the chain rule
 * <pre>
 *   Z = X W₁ᵀ + b₁,  A = σ(Z),  F = A W₂ᵀ + b₂,  D = (F − Y)/(Sd),
 *   ∂L/∂W₂ = Dᵀ A,  ∂L/∂b₂ = Σ_s D_s,  ∂L/∂A = D W₂,  ∂L/∂Z = ∂L/∂A ⊙ σ'(Z),  ∂L/∂W₁ = (∂L/∂Z)ᵀ X,  ∂L/∂b₁ = Σ_s (∂L/∂Z)_s
 * </pre>
 * (rows of X, Y, Z, A, F are the S samples). Every product is computed as "weight row outer, sample inner" with a
 * contiguous inner loop y[·] = fma(a, x[·], y[·]) over a row (which the JIT vectorises), so each weight row is read
 * once per step and each output element is summed in one fixed order: the result of a cell depends on nothing but
 * its own arrays, never on the batch it is in or on the thread that runs it.
 *
 * <p>W₂ is kept twice, as W₂ᵀ (h × d, for the forward product) and W₂ (d × h, for ∂L/∂A), because both products
 * then have contiguous inner loops; the two gradients Dᵀ A and (Dᵀ A)ᵀ are accumulated separately with the same
 * products in the same order, so the two copies stay exact transposes of each other.
 *
 * <p>Zero inputs are skipped in the products with X (the masked data of 000 App. A.6 has one non-zero per sample).
 * Instances hold the per-thread workspace; not thread-safe.
 */
final class CellKernel {

    private final int d;
    private final int h;
    private final int samples;
    private final Activation activation;
    private final boolean bias;

    final float[][] x;
    final float[][] y;
    private final float[][] z;
    private final float[][] a;
    private final float[][] f;
    private final float[][] da;
    /** Gradients: ∂L/∂W₁ᵀ (d × h), ∂L/∂b₁, ∂L/∂W₂ᵀ (h × d), ∂L/∂W₂ (d × h), ∂L/∂b₂. */
    final float[] g1t;
    final float[] gb1;
    final float[] g2t;
    final float[] g2;
    final float[] gb2;

    CellKernel(BatchShape shape) {
        this.d = shape.inputDim();
        this.h = shape.hiddenDim();
        this.samples = shape.batchSize();
        this.activation = shape.activation();
        this.bias = shape.bias();
        this.x = new float[samples][d];
        this.y = new float[samples][d];
        this.z = new float[samples][h];
        this.a = new float[samples][h];
        this.f = new float[samples][d];
        this.da = new float[samples][h];
        this.g1t = new float[d * h];
        this.gb1 = new float[h];
        this.g2t = new float[h * d];
        this.g2 = new float[d * h];
        this.gb2 = new float[d];
    }

    /** Floats of workspace one kernel holds (for the memory estimate). */
    static long workspaceFloats(BatchShape shape) {
        long s = shape.batchSize();
        long d = shape.inputDim();
        long h = shape.hiddenDim();
        return s * (3 * d + 3 * h) + 3 * d * h + h + d;
    }

    /**
     * Forward and backward pass on the samples in {@link #x}, {@link #y} for the cell whose parameters start at
     * {@code o1} in {@code w1t} (d·h), {@code ob1} in {@code b1}, {@code o2} in {@code w2t} and {@code w2} (d·h) and
     * {@code ob2} in {@code b2}; leaves the gradients in this kernel's arrays and returns the loss L_B (in double).
     */
    double forwardBackward(float[] w1t, int o1, float[] b1, int ob1, float[] w2t, float[] w2, int o2, float[] b2,
                           int ob2) {
        // Z = X W₁ᵀ + b₁, row i of W₁ᵀ once for all samples.
        for (int s = 0; s < samples; s++) {
            if (bias) {
                System.arraycopy(b1, ob1, z[s], 0, h);
            } else {
                Arrays.fill(z[s], 0f);
            }
        }
        for (int i = 0; i < d; i++) {
            int row = o1 + i * h;
            for (int s = 0; s < samples; s++) {
                float xi = x[s][i];
                if (xi != 0f) {
                    axpy(h, xi, w1t, row, z[s], 0);
                }
            }
        }
        for (int s = 0; s < samples; s++) {
            activation.apply(z[s], a[s], 0, h);
            if (bias) {
                System.arraycopy(b2, ob2, f[s], 0, d);
            } else {
                Arrays.fill(f[s], 0f);
            }
        }
        // F = A W₂ᵀ + b₂.
        for (int k = 0; k < h; k++) {
            int row = o2 + k * d;
            for (int s = 0; s < samples; s++) {
                axpy(d, a[s][k], w2t, row, f[s], 0);
            }
        }
        // D = (F − Y)/(Sd) and the loss.
        double loss = 0;
        float inverseSd = 1f / ((float) samples * d);
        for (int s = 0; s < samples; s++) {
            float[] fs = f[s];
            float[] ys = y[s];
            for (int j = 0; j < d; j++) {
                float r = fs[j] - ys[j];
                loss += (double) r * r;
                fs[j] = r * inverseSd;
            }
        }
        loss *= 0.5 / ((double) samples * d);
        // ∂L/∂W₂ᵀ[k][·] = Σ_s A[s][k] D[s][·] and ∂L/∂W₂[j][·] = Σ_s D[s][j] A[s][·].
        for (int k = 0; k < h; k++) {
            int row = k * d;
            Arrays.fill(g2t, row, row + d, 0f);
            for (int s = 0; s < samples; s++) {
                axpy(d, a[s][k], f[s], 0, g2t, row);
            }
        }
        for (int j = 0; j < d; j++) {
            int row = j * h;
            Arrays.fill(g2, row, row + h, 0f);
            for (int s = 0; s < samples; s++) {
                axpy(h, f[s][j], a[s], 0, g2, row);
            }
        }
        if (bias) {
            Arrays.fill(gb2, 0f);
            for (int s = 0; s < samples; s++) {
                add(d, f[s], gb2);
            }
        }
        // ∂L/∂A = D W₂, then ⊙ σ'(Z).
        for (int s = 0; s < samples; s++) {
            Arrays.fill(da[s], 0f);
        }
        for (int j = 0; j < d; j++) {
            int row = o2 + j * h;
            for (int s = 0; s < samples; s++) {
                axpy(h, f[s][j], w2, row, da[s], 0);
            }
        }
        for (int s = 0; s < samples; s++) {
            activation.multiplyByDerivative(z[s], a[s], da[s], 0, h);
        }
        // ∂L/∂W₁ᵀ[i][·] = Σ_s X[s][i] (∂L/∂Z)[s][·].
        for (int i = 0; i < d; i++) {
            int row = i * h;
            Arrays.fill(g1t, row, row + h, 0f);
            for (int s = 0; s < samples; s++) {
                float xi = x[s][i];
                if (xi != 0f) {
                    axpy(h, xi, da[s], 0, g1t, row);
                }
            }
        }
        if (bias) {
            Arrays.fill(gb1, 0f);
            for (int s = 0; s < samples; s++) {
                add(h, da[s], gb1);
            }
        }
        return loss;
    }

    /** y[yo..yo+n) = fma(alpha, x[xo..xo+n), y[yo..yo+n)). */
    static void axpy(int n, float alpha, float[] x, int xo, float[] y, int yo) {
        for (int i = 0; i < n; i++) {
            y[yo + i] = Math.fma(alpha, x[xo + i], y[yo + i]);
        }
    }

    private static void add(int n, float[] x, float[] y) {
        for (int i = 0; i < n; i++) {
            y[i] += x[i];
        }
    }

    /** SGD: w ← w − λg, as fma(−λ, g, w). */
    static void sgd(float[] w, int wo, float[] g, int n, float lambda) {
        float minus = -lambda;
        for (int i = 0; i < n; i++) {
            w[wo + i] = Math.fma(minus, g[i], w[wo + i]);
        }
    }

    /**
     * Adam (the form of {@link org.probstab.net.OptimiserSpec}): m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
     * w ← w − stepSize · m / (√v · invSqrtBc2 + ε) with stepSize = λ/(1 − β₁ᵗ), invSqrtBc2 = 1/√(1 − β₂ᵗ).
     */
    static void adam(float[] w, float[] m, float[] v, int wo, float[] g, int n, float beta1, float beta2,
                     float stepSize, float invSqrtBc2, float epsilon) {
        float oneMinusBeta1 = 1 - beta1;
        float oneMinusBeta2 = 1 - beta2;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = beta1 * m[wo + i] + oneMinusBeta1 * gi;
            float vi = beta2 * v[wo + i] + oneMinusBeta2 * gi * gi;
            m[wo + i] = mi;
            v[wo + i] = vi;
            w[wo + i] -= stepSize * mi / ((float) Math.sqrt(vi) * invSqrtBc2 + epsilon);
        }
    }

    /** Sets |a[i]| &lt; threshold to 0 (NaN stays NaN). */
    static void flush(float[] a, int off, int n, float threshold) {
        for (int i = off; i < off + n; i++) {
            if (Math.abs(a[i]) < threshold) {
                a[i] = 0f;
            }
        }
    }
}
