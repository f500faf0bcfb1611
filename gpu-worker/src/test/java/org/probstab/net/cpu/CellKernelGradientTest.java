package org.probstab.net.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.net.Activation;
import org.probstab.net.BatchShape;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetSampler;
import org.probstab.net.NetWeights;
import org.probstab.random.StreamSeeds;

/**
 * The backward pass of {@link CellKernel} against central finite differences of the whole loss, evaluated in double
 * by {@link NetWeights#loss} (an independent forward pass), for every activation with and without biases, on a
 * small net (d = 3, h = 4, S = 5) with O(1) weights so that every hidden unit is exercised.
 *
 * <p>Tolerance. The kernel works in float: each gradient entry is a sum of ≤ 20 products of O(1) numbers, so its
 * rounding error is ≲ 20·6e-8 ≈ 1e-6 of the sum of magnitudes (bounded by 10 here). The finite difference uses the
 * float-representable neighbours w ± δ (δ ≈ 2e-3) and divides by their actual distance; its truncation error is
 * L'''·δ²/6 ≲ 1e-5 for these tanh/swish nets (ReLU is piecewise quadratic, so exact unless a kink is crossed, which
 * the chosen weights avoid: all |pre-activations| &gt; 0.05). Asserted: |g − fd| ≤ 5e-5 + 1e-4·|g|.
 */
class CellKernelGradientTest {

    private static final int D = 3;
    private static final int H = 4;
    private static final int S = 5;

    @Test
    void gradientsOfEveryActivationMatchFiniteDifferences() {
        for (Activation act : Activation.values()) {
            for (boolean bias : new boolean[] {false, true}) {
                checkGradients(act, bias);
            }
        }
    }

    private static void checkGradients(Activation act, boolean bias) {
        NetCellSpec spec = NetCellSpec.builder().dims(D, H).activation(act).bias(bias).batchSize(S).steps(1)
                .mu(0.4).sigma(1.0).build();
        BatchShape shape = BatchShape.of(spec);
        // The first seeded draw whose pre-activations all keep |z| > 0.05 (a finite-difference step moves z by
        // at most 2e-3·max|x| < 0.02, so ReLU's kink is never crossed); deterministic.
        NetWeights w = null;
        float[] x = new float[S * D];
        float[] y = new float[S * D];
        for (int attempt = 0; w == null; attempt++) {
            RandomGenerator rng = StreamSeeds.stream(5, 1000L * act.ordinal() + 100L * (bias ? 1 : 0) + attempt,
                    StreamSeeds.Purpose.SIMULATION);
            NetWeights candidate = NetWeights.initialise(D, H, true, rng);
            // O(1) weights (the init bounds are 1/√3 and 1/2): scale up.
            scale(candidate.w1t(), 2.5f);
            scale(candidate.w2t(), 2.0f);
            if (!bias) {
                java.util.Arrays.fill(candidate.b1(), 0f);
                java.util.Arrays.fill(candidate.b2(), 0f);
            }
            new NetSampler(spec, rng).next(x, y, 0, S);
            if (minAbsPreActivation(candidate, x) > 0.05 && maxAbs(x) < 8) {
                w = candidate;
            }
        }
        CellKernel kernel = new CellKernel(shape);
        for (int s = 0; s < S; s++) {
            System.arraycopy(x, s * D, kernel.x[s], 0, D);
            System.arraycopy(y, s * D, kernel.y[s], 0, D);
        }
        float[] w2 = transpose(w.w2t(), H, D);
        double loss = kernel.forwardBackward(w.w1t(), 0, w.b1(), 0, w.w2t(), w2, 0, w.b2(), 0);
        assertThat(loss).as("%s bias=%s loss", act, bias)
                .isCloseTo(w.loss(act, x, y, S), offset(1e-6 * Math.abs(loss)));
        String what = act + " bias=" + bias;
        compare(what + " W1", w, act, x, y, w.w1t(), kernel.g1t);
        compare(what + " W2", w, act, x, y, w.w2t(), kernel.g2t);
        if (bias) {
            compare(what + " b1", w, act, x, y, w.b1(), kernel.gb1);
            compare(what + " b2", w, act, x, y, w.b2(), kernel.gb2);
        }
        // The two layouts of ∂L/∂W₂ are the same numbers, bit for bit.
        for (int k = 0; k < H; k++) {
            for (int j = 0; j < D; j++) {
                assertThat(kernel.g2[j * H + k]).isEqualTo(kernel.g2t[k * D + j]);
            }
        }
    }

    private static void compare(String what, NetWeights w, Activation act, float[] x, float[] y, float[] param,
                                float[] gradient) {
        for (int e = 0; e < param.length; e++) {
            float original = param[e];
            float up = (float) (original + 2e-3);
            float down = (float) (original - 2e-3);
            param[e] = up;
            double lossUp = w.loss(act, x, y, S);
            param[e] = down;
            double lossDown = w.loss(act, x, y, S);
            param[e] = original;
            double fd = (lossUp - lossDown) / ((double) up - down);
            assertThat((double) gradient[e]).as("%s[%d]", what, e)
                    .isCloseTo(fd, offset(5e-5 + 1e-4 * Math.abs(fd)));
        }
    }

    private static double minAbsPreActivation(NetWeights w, float[] x) {
        double min = Double.POSITIVE_INFINITY;
        for (int s = 0; s < S; s++) {
            for (int k = 0; k < H; k++) {
                double z = w.b1()[k];
                for (int i = 0; i < D; i++) {
                    z += (double) x[s * D + i] * w.w1t()[i * H + k];
                }
                min = Math.min(min, Math.abs(z));
            }
        }
        return min;
    }

    private static double maxAbs(float[] a) {
        double max = 0;
        for (float v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static void scale(float[] a, float factor) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= factor;
        }
    }

    private static float[] transpose(float[] rowsByCols, int rows, int cols) {
        float[] t = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = rowsByCols[r * cols + c];
            }
        }
        return t;
    }
}
