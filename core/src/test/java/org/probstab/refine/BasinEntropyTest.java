package org.probstab.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.random.StreamSeeds;

/** {@link BasinEntropy} against configurations whose entropies follow by hand (Daza et al. 2016, eq. 1–3). */
class BasinEntropyTest {

    /**
     * A half-plane split at column 10 of a 40 × 40 grid with boxes of 4: the boundary runs through box column 2
     * (columns 8–11) at offset 2, so each of its 10 boxes has p = ½: S_i = ln 2; N = 100, N_b = 10,
     * S_b = ln 2 / 10, S_bb = ln 2 (not &gt; ln 2: a straight boundary is not fractal). Split at column 9: p = ¼,
     * S_i = −¼ ln ¼ − ¾ ln ¾. Split at column 8, on the box edges: no boundary box at all.
     */
    @Test
    void halfPlane() {
        double h = -0.25 * Math.log(0.25) - 0.75 * Math.log(0.75);
        double[][] cases = {{10, Math.log(2)}, {9, h}, {8, 0}};
        for (double[] c : cases) {
            int split = (int) c[0];
            int[][] labels = new int[40][40];
            for (int i = 0; i < 40; i++) {
                for (int j = 0; j < 40; j++) {
                    labels[i][j] = j < split ? 0 : 1;
                }
            }
            BasinEntropyResult r = BasinEntropy.of(labels, 4);
            assertThat(r.boxes()).isEqualTo(100);
            assertThat(r.boundaryBoxes()).isEqualTo(c[1] > 0 ? 10 : 0);
            assertThat(r.basinEntropy()).isCloseTo(c[1] / 10, offset(1e-14));
            assertThat(r.boundaryBasinEntropy()).isCloseTo(c[1], offset(1e-14));
            assertThat(r.fractalByLn2()).isFalse();
        }
    }

    /**
     * Checkerboards: two labels alternating cell by cell, boxes of 2: every box holds two of each, S_i = ln 2 = S_b =
     * S_bb, and the criterion S_bb &gt; ln 2 does not fire (it cannot with two labels). Tolerance 1e-14: means of
     * ≤ 225 equal terms. Three labels (i + j) mod 3 with
     * boxes of 3: three of each per box, S_i = ln 3 &gt; ln 2: fractal by the criterion.
     */
    @Test
    void checkerboards() {
        int[][] two = new int[30][30];
        int[][] three = new int[30][30];
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                two[i][j] = (i + j) % 2;
                three[i][j] = (i + j) % 3;
            }
        }
        BasinEntropyResult r2 = BasinEntropy.of(two, 2);
        assertThat(r2.basinEntropy()).isCloseTo(Math.log(2), offset(1e-14));
        assertThat(r2.boundaryBasinEntropy()).isCloseTo(Math.log(2), offset(1e-14));
        assertThat(r2.fractalByLn2()).isFalse();
        BasinEntropyResult r3 = BasinEntropy.of(three, 3);
        assertThat(r3.basinEntropy()).isCloseTo(Math.log(3), offset(1e-14));
        assertThat(r3.boundaryBasinEntropy()).isCloseTo(Math.log(3), offset(1e-14));
        assertThat(r3.fractalByLn2()).isTrue();
        assertThat(r3.boxes()).isEqualTo(100);
    }

    /**
     * Independent fair labels, boxes of 2 × 2: the count of ones per box is Binomial(4, ½), so
     * E S_i = Σ_j C(4, j)/16 · H(j/4) with H(p) = −p ln p − (1 − p) ln(1 − p), and E[S_i | S_i &gt; 0] = E S_i /(14/16).
     * On 1024² seeded labels (262 144 boxes) S_b must be within z = 4 standard errors of E S_i, the SE being the
     * per-box standard deviation over √N (the boxes are independent); likewise S_bb.
     */
    @Test
    void randomLabelsMatchTheBinomialExpectation() {
        int n = 1024;
        RandomGenerator rng = StreamSeeds.stream(5, 0, StreamSeeds.Purpose.SIMULATION);
        int[][] labels = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                labels[i][j] = rng.nextBoolean() ? 1 : 0;
            }
        }
        double mean = 0;
        double second = 0;
        for (int j = 0; j <= 4; j++) {
            double p = j / 4.0;
            double h = p == 0 || p == 1 ? 0 : -p * Math.log(p) - (1 - p) * Math.log(1 - p);
            double prob = binomial4(j) / 16.0;
            mean += prob * h;
            second += prob * h * h;
        }
        double sd = Math.sqrt(second - mean * mean);
        BasinEntropyResult r = BasinEntropy.of(labels, 2);
        assertThat(r.boxes()).isEqualTo((long) n * n / 4);
        double se = sd / Math.sqrt(r.boxes());
        assertThat(Math.abs(r.basinEntropy() - mean)).isLessThanOrEqualTo(4 * se);
        double conditional = mean / (14.0 / 16);
        double conditionalSd = Math.sqrt(second / (14.0 / 16) - conditional * conditional);
        assertThat(Math.abs(r.boundaryBasinEntropy() - conditional))
                .isLessThanOrEqualTo(4 * conditionalSd / Math.sqrt(r.boundaryBoxes()));
    }

    private static int binomial4(int j) {
        return new int[] {1, 4, 6, 4, 1}[j];
    }
}
