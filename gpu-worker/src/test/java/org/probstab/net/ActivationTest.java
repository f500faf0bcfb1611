package org.probstab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/**
 * Each activation's derivative against central finite differences of its value, and the float kernels against the
 * double definitions.
 */
class ActivationTest {

    private static final double[] POINTS = {-3.1, -1.2, -0.4, -1e-3, 1e-3, 0.37, 0.9, 2.6};

    @Test
    void derivativeMatchesCentralDifferences() {
        // Step 1e-5: truncation error σ'''·h²/6 ≲ 1e-10, rounding ε/h ≈ 2e-11; tolerance 1e-8.
        double step = 1e-5;
        for (Activation act : Activation.values()) {
            for (double z : POINTS) {
                double fd = (act.value(z + step) - act.value(z - step)) / (2 * step);
                assertThat(act.derivative(z)).as("%s at %s", act, z).isCloseTo(fd, offset(1e-8));
            }
        }
        assertThat(Activation.SWISH.derivative(0)).isEqualTo(0.5);
        assertThat(Activation.TANH.derivative(0)).isEqualTo(1.0);
    }

    @Test
    void floatKernelsAgreeWithTheDoubleDefinitions() {
        int n = POINTS.length;
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) POINTS[i];
        }
        for (Activation act : Activation.values()) {
            float[] a = new float[n];
            act.apply(z, a, 0, n);
            float[] g = new float[n];
            java.util.Arrays.fill(g, 1f);
            act.multiplyByDerivative(z, a, g, 0, n);
            for (int i = 0; i < n; i++) {
                // A few float roundings of O(1) values: 1e-6 absolute.
                assertThat((double) a[i]).as("%s(%s)", act, z[i]).isCloseTo(act.value(z[i]), offset(1e-6));
                assertThat((double) g[i]).as("%s'(%s)", act, z[i]).isCloseTo(act.derivative(z[i]), offset(1e-6));
            }
        }
    }
}
