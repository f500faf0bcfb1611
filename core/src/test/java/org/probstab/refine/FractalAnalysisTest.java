package org.probstab.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probstab.boundary.BoundaryExponent;
import org.probstab.boundary.BoundaryRoot;
import org.probstab.boundary.ExactBoundary;
import org.probstab.boundary.RowBoundary;

/**
 * {@link FractalAnalysis} on boundaries of known dimension: the exact N = ∞, S = 1 boundary of {@code mf-gaussian}
 * (smooth curves, D = 1), the graph of a Weierstrass function given as the boundary boxes of a refinement (D = 3/2),
 * and the exact uncertain fractions of {@link BoundaryRows} against closed forms.
 */
class FractalAnalysisTest {

    private static final double Z = 3;

    /**
     * 257 rows μ = r/256 of the exact N = ∞ boundaries (Λ₋, Λ₊ and L2 along λ ∈ (0.015, 3], {@link RowBoundary}):
     * box dimension 1 within z = 3 standard errors, for the union (the phase boundary) and for each curve. The start
     * label of a row comes from the first root's direction, or, for a curve without a root on the row, from the
     * exponent's sign at λ = 3.
     */
    @Test
    void theInfiniteNBoundaryIsSmooth() {
        int rows = 257;
        double lo = 0.015;
        double hi = 3.0;
        double[] y = new double[rows];
        double[][][] roots = new double[rows][3][];
        int[] start = new int[rows];
        for (int r = 0; r < rows; r++) {
            double mu = r / 256.0;
            y[r] = mu;
            Map<String, Object> p = new HashMap<>(Map.of("mu", mu, "S", 1, "N", "inf", "sigma", 2.0));
            List<BoundaryRoot> found = RowBoundary.roots("mf-gaussian", p, 1, lo, hi, 60);
            ExactBoundary exact = ExactBoundary.of("mf-gaussian", p, 1, 1.0);
            for (BoundaryExponent e : BoundaryExponent.values()) {
                List<Double> xs = new ArrayList<>();
                Boolean firstRising = null;
                for (BoundaryRoot b : found) {
                    if (b.exponent() == e) {
                        xs.add((b.root() - lo) / (hi - lo));
                        firstRising = firstRising == null ? b.rising() : firstRising;
                    }
                }
                roots[r][e.ordinal()] = xs.stream().mapToDouble(Double::doubleValue).toArray();
                boolean positive = firstRising != null ? !firstRising : exact.value(switch (e) {
                    case MINUS -> ExactBoundary.Curve.EXP_MINUS;
                    case PLUS -> ExactBoundary.Curve.EXP_PLUS;
                    case L2 -> ExactBoundary.Curve.MEAN_SQUARE;
                }, hi) > 0;
                start[r] |= positive ? 1 << e.ordinal() : 0;
            }
        }
        BoundaryRows table = new BoundaryRows(y, roots, start);
        List<FractalStatistics> stats = FractalAnalysis.ofRows("phase", table);
        FractalStatistics plane = stats.get(0);
        assertThat(plane.counting()).isEqualTo(FractalStatistics.BOXES);
        assertThat(plane.fitRange()).containsExactly(Math.scalb(1.0, -6), Math.scalb(1.0, -3));
        assertThat(Math.abs(plane.dimension() - 1)).as(plane.curve().toString())
                .isLessThanOrEqualTo(Z * plane.dimensionSe());
        // Along the rows each row has finitely many roots: below the row spacing the count stops growing, slope 0.
        FractalStatistics along = stats.get(1);
        assertThat(along.dimension()).isCloseTo(1.0, offset(0.01));
        // Two labels meet at almost every boundary box of a smooth boundary: S_bb well below ln 2, no fractal.
        assertThat(plane.entropy().fractalByLn2()).isFalse();
        assertThat(plane.entropy().boundaryBasinEntropy()).isLessThan(Math.log(2));
        // The uncertain fraction of a smooth boundary scales as ε¹: α = 2 − D = 1. The fractions are exact (no
        // sampling error), so the fit's SE is only the scatter about a line; the deviation left is the curvature
        // of f(ε) from rows where two roots lie within 2ε (the top of the Λ₊ dome, curves meeting at μ → 0), which
        // the 0.05 allowed bounds with room (seen: 0.023).
        assertThat(plane.uncertainty().alpha()).isCloseTo(1.0, offset(0.05));
    }

    /**
     * The graph of W(x) = Σ_k a^k cos(b^k πx), a = ½, b = 4 (D = 2 + ln a/ln b = 3/2; Kaplan, Mallet-Paret &amp;
     * Yorke 1984) over 8 periods, given as a refinement would give it: the unit boxes of a 2¹¹ × 2¹¹ finest grid that
     * it passes through (every box between the lowest and highest sample of each column, samples 2⁻¹⁶ apart), from a
     * coarse grid 6 levels up. The fit runs over the refinement's scales 2⁻⁵ … 2⁻¹¹; the local slopes alternate with
     * the function's period log₂ b = 2 octaves, which the SE carries (see {@code BoxCountingTest}).
     */
    @Test
    void aWeierstrassGraphAsRefinedBoundaryBoxesHasItsDimension() {
        int side = 1 << 11;
        int samples = 1 << 16;
        double a = 0.5;
        double[] w = new double[samples + 1];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= samples; i++) {
            double x = 16.0 * i / samples;
            double s = 0;
            double amplitude = 1;
            double frequency = 1;
            for (int k = 0; k < 12; k++) {
                s += amplitude * Math.cos(frequency * Math.PI * x);
                amplitude *= a;
                frequency *= 4;
            }
            w[i] = s;
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        List<long[]> boxes = new ArrayList<>();
        int per = samples / side;
        for (int col = 0; col < side; col++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = col * per; i <= (col + 1) * per; i++) {
                lo = Math.min(lo, w[i]);
                hi = Math.max(hi, w[i]);
            }
            long first = (long) Math.floor((lo - min) / (max - min) * (side - 1));
            long last = (long) Math.floor((hi - min) / (max - min) * (side - 1));
            for (long row = first; row <= last; row++) {
                boxes.add(new long[] {col, row});
            }
        }
        long[][] lower = new long[2][boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            lower[0][i] = boxes.get(i)[0];
            lower[1][i] = boxes.get(i)[1];
        }
        FractalStatistics s = FractalAnalysis.ofRefined(lower, new long[] {side + 1, side + 1}, 6, null);
        assertThat(s.fitRange()).containsExactly(Math.scalb(1.0, -11), Math.scalb(1.0, -5));
        assertThat(Math.abs(s.dimension() - 1.5)).as(s.curve().toString()).isLessThanOrEqualTo(Z * s.dimensionSe());
        assertThat(s.dimensionSe()).isLessThan(0.05);
        assertThat(s.uncertainty()).isNull();
    }

    /**
     * Uncertain fractions against closed forms (x uniform in [m, 1 − m], m = 0.1): one root at 0.5 makes
     * 2ε/(1 − 2m) of the points ε-uncertain; two roots of one function d = 0.01 apart (a narrow stripe) make 4ε/(1 − 2m)
     * uncertain while ε &lt; d/2 (two separate neighbourhoods), but 3d/(1 − 2m) once ε &gt; d: the stripe itself, and
     * on each side a piece d wide whose perturbation lands inside the stripe — a perturbation that jumps the whole
     * stripe crosses two roots and keeps the label. A thin stripe's share stops growing with ε.
     */
    @Test
    void uncertainFractionsAreExact() {
        double m = 0.1;
        BoundaryRows one = new BoundaryRows(new double[] {0}, new double[][][] {{{0.5}}}, new int[] {0});
        for (double eps : new double[] {0.001, 0.01, 0.05}) {
            assertThat(one.uncertainFraction(eps, m)).isCloseTo(2 * eps / (1 - 2 * m), offset(1e-15));
        }
        BoundaryRows stripe = new BoundaryRows(new double[] {0}, new double[][][] {{{0.4, 0.41}}}, new int[] {1});
        assertThat(stripe.uncertainFraction(0.002, m)).isCloseTo((2 * 0.002 + 2 * 0.002) / (1 - 2 * m),
                offset(1e-15));
        assertThat(stripe.uncertainFraction(0.05, m)).isCloseTo(3 * 0.01 / (1 - 2 * m), offset(1e-15));
        // Two functions crossing at the same place: the label changes once per point, the same set.
        BoundaryRows two = new BoundaryRows(new double[] {0}, new double[][][] {{{0.5}, {0.5}}}, new int[] {0});
        assertThat(two.uncertainFraction(0.01, m)).isCloseTo(0.02 / (1 - 2 * m), offset(1e-15));
        // Labels along the row: start, then flipped at each root.
        assertThat(stripe.labels(1, 10)[0]).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(stripe.label(0, 0.405)).isEqualTo(0);
        assertThat(one.label(0, 0.7)).isEqualTo(1);
    }

    /** Leaf boxes paint the points inside them; evaluated points keep their own label. */
    @Test
    void refinedLabelsPaintLeavesThenPoints() {
        RefinedLabels grid = new RefinedLabels(new long[] {5, 5}, 1);
        grid.leaf(0, 0, 4, 2, 7);
        grid.leaf(0, 2, 2, 2, 3);
        grid.leaf(2, 2, 2, 2, 5);
        grid.point(2, 2, 9);
        int[][] l = grid.labels();
        assertThat(l[0]).containsExactly(7, 7, 3, 3, 3);
        assertThat(l[2]).containsExactly(7, 7, 9, 5, 5);
        assertThat(l[4]).containsExactly(7, 7, 5, 5, 5);
        assertThat(grid.unpainted()).isZero();
        assertThat(RefinedLabels.stride(new long[] {1025, 513}, 257)).isEqualTo(4);
    }
}
