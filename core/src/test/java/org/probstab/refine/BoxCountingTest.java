package org.probstab.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** {@link BoxCounting} against sets of known box dimension. Every dimension is asserted within z = 3 of its SE. */
class BoxCountingTest {

    private static final double Z = 3;

    /**
     * A straight segment and a circle (2¹⁶ points each, 8 per finest box 2⁻¹² along the curve): dimension 1. The fit
     * starts at k = 4, where the circle (radius 0.3) spans many boxes.
     */
    @Test
    void smoothCurvesHaveDimensionOne() {
        int n = 1 << 16;
        double[][] line = new double[2][n];
        double[][] circle = new double[2][n];
        for (int i = 0; i < n; i++) {
            double t = (i + 0.5) / n;
            line[0][i] = t;
            line[1][i] = 0.3 + 0.4 * t;
            circle[0][i] = 0.5 + 0.3 * Math.cos(2 * Math.PI * t);
            circle[1][i] = 0.5 + 0.3 * Math.sin(2 * Math.PI * t);
        }
        for (double[][] set : new double[][][] {line, circle}) {
            BoxCountingCurve c = BoxCounting.ofPoints(set, 1, 12, 4, 12);
            assertThat(Math.abs(c.dimension() - 1)).as(c.toString()).isLessThanOrEqualTo(Z * c.dimensionSe());
            assertThat(c.dimensionSe()).isLessThan(0.01);
            assertThat(c.localSlopes()).hasSize(11);
        }
    }

    /**
     * The graph of W(x) = Σ_k a^k cos(b^k π x), 0 &lt; a &lt; 1, ab &gt; 1, has box dimension 2 + ln a / ln b
     * (Kaplan, Mallet-Paret &amp; Yorke, Ergodic Th. Dyn. Sys. 4 (1984) 261); here a = ½, b = 4: D = 3/2.
     * <p>A box count of a graph approaches D slowly; the set-up keeps each finite-scale effect small:
     * (i) a graph meets at least one box per column, N(ε) ≈ Cε^{−D} + ε^{−1}, a relative correction ε^{1−H}/C
     * (H = 2 − D); taking the graph over 8 periods (x ∈ [0, 16] mapped onto [0, 1]) makes every column 8 times
     * narrower for the same box height and divides it by 8; (ii) points along a rough graph leave vertical gaps
     * wider than the boxes, so the graph is given as 2²⁰ cells spanning consecutive samples vertically; (iii) the
     * samples x_i = i/2¹⁶ make every term with b^k &gt; 2¹⁶ exactly 1: the graph is that of the partial sum to
     * k = 8, whose structure reaches 2⁻¹⁶, 9 octaves below the finest fitted column. The local slopes alternate
     * (about 1.41 and 1.57) with the period log₂ b = 2 octaves of the function's discrete scale invariance
     * (lacunarity): the fit over k = 5 … 11 averages three periods and its SE carries that scatter. The remaining
     * finite-scale bias, seen in the period averages of the same graph sampled 4 times finer (1.486 … 1.493), is
     * about −0.01, within the z = 3 standard errors allowed.
     */
    @Test
    void weierstrassGraphHasItsClosedFormDimension() {
        double a = 0.5;
        int log2b = 2;
        double expected = 2 + Math.log(a) / (log2b * Math.log(2));
        BoxCountingCurve c = weierstrassCells(a, log2b, 4, 11, 5, 11);
        assertThat(Math.abs(c.dimension() - expected)).as(c.toString()).isLessThanOrEqualTo(Z * c.dimensionSe());
        assertThat(c.dimensionSe()).isLessThan(0.03);
    }

    /** Along rows: each row holding one point per 2⁻ᵏ-box at every scale counts rows × 2ᵏ (a full row: D − 1 = 1). */
    @Test
    void countsAlongRowsAreDistinctRowBoxPairs() {
        int rows = 8;
        int perRow = 1 << 12;
        int[] row = new int[rows * perRow];
        double[] x = new double[rows * perRow];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < perRow; i++) {
                row[r * perRow + i] = r;
                x[r * perRow + i] = (i + 0.5) / perRow;
            }
        }
        BoxCountingCurve c = BoxCounting.alongRows(row, x, 0, 12, 0, 12);
        for (int k = 0; k <= 12; k++) {
            assertThat(c.counts()[k]).isEqualTo((long) rows << k);
        }
        assertThat(c.dimension()).isCloseTo(1.0, offset(1e-12));
        // A single point per row: dimension 0 at every scale.
        assertThat(BoxCounting.countAlongRows(new int[] {0, 1, 1}, new double[] {0.3, 0.7, 0.7}, 20)).isEqualTo(2);
    }

    /**
     * Cells count every box their interior overlaps: a dyadic cell of side 2⁻⁴ is one box at k ≤ 4 and 4^(k−4) boxes
     * finer; a point is one box; x = 1 belongs to the last box.
     */
    @Test
    void cellsCountTheBoxesTheyCover() {
        double[][] lo = {{0.25}, {0.5}};
        double[][] hi = {{0.3125}, {0.5625}};
        assertThat(BoxCounting.count(lo, hi, 3)).isEqualTo(1);
        assertThat(BoxCounting.count(lo, hi, 4)).isEqualTo(1);
        assertThat(BoxCounting.count(lo, hi, 6)).isEqualTo(16);
        double[][] p = {{1.0, 0.999}, {1.0, 0.999}};
        assertThat(BoxCounting.count(p, p, 3)).isEqualTo(1);
        assertThatThrownBy(() -> BoxCounting.count(new double[][] {{1.5}}, new double[][] {{1.5}}, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoxCounting.count(new double[][] {{0}}, new double[][] {{1}}, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cell sizes");
    }

    /** The fit of exact power laws is exact, and two scales have no SE. */
    @Test
    void curveOfExactPowerLaw() {
        long[] counts = new long[8];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 3L << (2 * i); // N ∝ ε^-2
        }
        BoxCountingCurve c = BoxCounting.curve(2, counts, 3, 8);
        assertThat(c.dimension()).isCloseTo(2, offset(1e-12));
        assertThat(c.dimensionSe()).isCloseTo(0, offset(1e-12));
        assertThat(c.epsilons()[0]).isEqualTo(0.25);
        assertThat(BoxCounting.curve(2, counts, 3, 4).dimensionSe()).isNaN();
    }

    /** Sample spacing 2^−SAMPLE_BITS in x (see the Weierstrass test). */
    static final int SAMPLE_BITS = 16;

    /**
     * W(x_i) = Σ_k a^k cos(b^k π x_i), b = 2^log2b, at x_i = i/2^16 for i = 0 … 2^20 (x ∈ [0, 16]): the phases
     * b^k π x_i are multiples of π/2^16, so cos comes from a table, exactly reduced; terms with b^k &gt; 2^16 are
     * cos(2π·integer) = 1.
     */
    static double[] weierstrassSamples(double a, int log2b) {
        int period = 1 << (SAMPLE_BITS + 1);
        double[] cos = new double[period];
        for (int p = 0; p < period; p++) {
            cos[p] = Math.cos(Math.PI * p / (1 << SAMPLE_BITS));
        }
        int resolved = SAMPLE_BITS / log2b; // the last k with b^k ≤ 2^16
        double constant = 0;
        double ak = Math.pow(a, resolved + 1);
        for (int k = resolved + 1; k < 200; k++) {
            constant += ak;
            ak *= a;
        }
        int m = 1 << 20;
        double[] w = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            double s = constant;
            double coefficient = 1;
            for (int k = 0; k <= resolved; k++) {
                s += coefficient * cos[(int) (((long) i << (k * log2b)) & (period - 1))];
                coefficient *= a;
            }
            w[i] = s;
        }
        return w;
    }

    /**
     * The graph of W over x ∈ [0, 16] as 2²⁰ cells between consecutive samples, both axes mapped onto [0, 1] (y by
     * the amplitude Σ a^k = 1/(1 − a)), box-counted at k = kMin … kMax and fitted over [fitFrom, fitTo].
     */
    static BoxCountingCurve weierstrassCells(double a, int log2b, int kMin, int kMax, int fitFrom, int fitTo) {
        double amplitude = 1 / (1 - a);
        double[] w = weierstrassSamples(a, log2b);
        int m = w.length - 1;
        double[] y = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            y[i] = Math.min(1, Math.max(0, (w[i] + amplitude) / (2 * amplitude)));
        }
        double[][] lo = new double[2][m];
        double[][] hi = new double[2][m];
        for (int i = 0; i < m; i++) {
            lo[0][i] = (double) i / m;
            hi[0][i] = (double) (i + 1) / m;
            lo[1][i] = Math.min(y[i], y[i + 1]);
            hi[1][i] = Math.max(y[i], y[i + 1]);
        }
        return BoxCounting.ofCells(lo, hi, kMin, kMax, fitFrom, fitTo);
    }
}
