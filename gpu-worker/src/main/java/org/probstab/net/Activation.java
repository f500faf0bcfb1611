package org.probstab.net;

import java.util.List;
import org.probstab.config.Labelled;

/**
 * The hidden-layer nonlinearity σ of a two-layer net f(x) = W₂σ(W₁x + b₁) + b₂ (000 §5.3–5.4, Fig. 6 and 14;
 * 001 Fig. 7–8). Every one is locally linear at 0 with σ'(0) = c₀ (c₀ = 1 except swish, c₀ = ½), which is what
 * makes (W₁, W₂) = (0, 0) a Type-II saddle (000 Thm 4).
 * <pre>
 *   linear  σ(z) = z                σ'(z) = 1
 *   tanh    σ(z) = tanh z           σ'(z) = 1 − tanh² z
 *   relu    σ(z) = max(z, 0)        σ'(z) = 1 if z &gt; 0, else 0   (the subgradient PyTorch takes at 0)
 *   swish   σ(z) = z·s(z)           σ'(z) = s(z) + z·s(z)(1 − s(z)),   s = 1/(1 + e^{−z})  (SiLU)
 * </pre>
 * The float versions are the ones the backends train with; the double versions evaluate trained nets and check
 * gradients.
 */
public enum Activation implements Labelled {
    LINEAR("linear"), TANH("tanh"), RELU("relu"), SWISH("swish");

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    /** The name users write. */
    @Override
    public String label() {
        return label;
    }

    /** All labels, for messages. */
    public static List<String> labels() {
        return Labelled.labels(Activation.class);
    }

    /** Parses a label; unknown ones name the key and the allowed values. */
    public static Activation parse(String key, String raw) {
        return Labelled.parse(Activation.class, key, raw);
    }

    /** σ(z). */
    public double value(double z) {
        return switch (this) {
            case LINEAR -> z;
            case TANH -> Math.tanh(z);
            case RELU -> Math.max(z, 0.0);
            case SWISH -> z / (1 + Math.exp(-z));
        };
    }

    /** σ'(z). */
    public double derivative(double z) {
        return switch (this) {
            case LINEAR -> 1;
            case TANH -> {
                double t = Math.tanh(z);
                yield 1 - t * t;
            }
            case RELU -> z > 0 ? 1 : 0;
            case SWISH -> {
                double s = 1 / (1 + Math.exp(-z));
                yield s + z * s * (1 - s);
            }
        };
    }

    /** a[off..off+n) = σ(z[off..off+n)), in float. */
    public void apply(float[] z, float[] a, int off, int n) {
        switch (this) {
            case LINEAR -> System.arraycopy(z, off, a, off, n);
            case TANH -> {
                for (int i = off; i < off + n; i++) {
                    a[i] = (float) Math.tanh(z[i]);
                }
            }
            case RELU -> {
                for (int i = off; i < off + n; i++) {
                    a[i] = Math.max(z[i], 0f);
                }
            }
            case SWISH -> {
                for (int i = off; i < off + n; i++) {
                    float s = (float) (1 / (1 + Math.exp(-z[i])));
                    a[i] = z[i] * s;
                }
            }
        }
    }

    /**
     * g[off..off+n) *= σ'(z), given z and a = σ(z) (tanh uses 1 − a², swish recomputes s(z)); in float.
     */
    public void multiplyByDerivative(float[] z, float[] a, float[] g, int off, int n) {
        switch (this) {
            case LINEAR -> {
            }
            case TANH -> {
                for (int i = off; i < off + n; i++) {
                    g[i] *= 1 - a[i] * a[i];
                }
            }
            case RELU -> {
                for (int i = off; i < off + n; i++) {
                    g[i] = z[i] > 0 ? g[i] : 0f;
                }
            }
            case SWISH -> {
                for (int i = off; i < off + n; i++) {
                    float s = (float) (1 / (1 + Math.exp(-z[i])));
                    g[i] *= s + z[i] * s * (1 - s);
                }
            }
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
