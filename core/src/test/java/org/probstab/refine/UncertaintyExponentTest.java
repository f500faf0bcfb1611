package org.probstab.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.random.StreamSeeds;

/**
 * {@link UncertaintyExponent} against boundaries of known dimension: α = d − D, asserted within z = 3 of its SE.
 */
class UncertaintyExponentTest {

    private static final double Z = 3;

    /**
     * A straight boundary y = 0.2 + 0.6x on a 2048² grid: shifting a cell by m rows crosses the line exactly when it
     * lies within m rows of it, and shifting by m columns crosses it within 0.6m rows, a subset: 2m uncertain cells
     * in every column, so f = 2m/(n − 2M) exactly (M = 64, the largest offset, fixes the counted region) and α = 1.
     * Tolerance 1e-12 on α: the fit of an exact power law; f/ε = 2/(1 − 2M/n) to 1e-12 likewise.
     */
    @Test
    void aStraightBoundaryHasExponentOne() {
        int n = 2048;
        int[][] labels = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = (j + 0.5) / n;
                double y = (i + 0.5) / n;
                labels[i][j] = y < 0.2 + 0.6 * x ? 1 : 0;
            }
        }
        UncertaintyResult r = UncertaintyExponent.onGrid(labels, new int[] {1, 2, 4, 8, 16, 32, 64}, 0, 6);
        assertThat(r.alpha()).as(r.toString()).isCloseTo(1, offset(1e-12));
        assertThat(r.dimension()).isCloseTo(1, offset(1e-12));
        assertThat(r.fractions()[4] / r.epsilons()[4]).isCloseTo(2 / (1 - 2 * 64.0 / n), offset(1e-12));
    }

    /**
     * A disk of radius r = 0.3 on a 4096² grid: to first order in ε the ε-uncertain set is the union of the
     * horizontal band (2ε|cos θ| per unit length of the circle) and the vertical one (2ε|sin θ|), i.e.
     * 2εr ∫ max(|cos θ|, |sin θ|) dθ = 8√2 rε, and the curvature adds a relative O(ε/r). At the smallest ε
     * (2⁻¹¹, ε/r = 0.002) f/ε must be 8√2 r within 1% (the pixel steps of the discretised circle), and the local
     * exponents 1 + O(ε/r): within 4ε/r of 1 at every octave up to ε = 2⁻⁷.
     */
    @Test
    void aSmoothCurvedBoundaryHasExponentOneInTheLimit() {
        int n = 4096;
        int[][] labels = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = (j + 0.5) / n - 0.5;
                double y = (i + 0.5) / n - 0.5;
                labels[i][j] = x * x + y * y < 0.09 ? 1 : 0;
            }
        }
        int[] offsets = {2, 4, 8, 16, 32};
        UncertaintyResult r = UncertaintyExponent.onGrid(labels, offsets, 0, 4);
        double[] f = r.fractions();
        double[] eps = r.epsilons();
        // f is a fraction of the interior (n − 2·32)² cells; the measure of the band is f times that area.
        double area = Math.pow(1 - 2 * 32.0 / n, 2);
        assertThat(f[0] * area / eps[0]).isCloseTo(8 * Math.sqrt(2) * 0.3, offset(0.01 * 8 * Math.sqrt(2) * 0.3));
        for (int s = 0; s + 1 < offsets.length; s++) {
            double local = Math.log(f[s + 1] / f[s]) / Math.log(2);
            assertThat(local).as("octave " + s).isCloseTo(1, offset(4 * eps[s + 1] / 0.3));
        }
    }

    /**
     * The boundary y = W(x) of the Weierstrass function of {@link BoxCountingTest} with a = 0.7, b = 2 (8 periods, the
     * same dyadic samples) has D = 2 + log₂ 0.7, so α = 2 − D = −log₂ 0.7 = 0.515: a horizontal shift by ε crosses
     * the graph where |W(x + ε) − W(x)| exceeds the distance to it, which has measure ∝ ε^H (Hölder exponent H =
     * 2 − D). Sampled through a phase function at 2·10⁵ seeded points per ε (5 labels each); ε in 2⁻¹⁶ … 2⁻¹¹,
     * 16 to 512 sample steps: there the exact horizontal-uncertainty measure of these samples (the mean range of
     * W(x − ε), W(x), W(x + ε), computed over the whole grid) has local exponents 0.509 … 0.513, approaching 0.5146
     * from below as the low-frequency terms' share decays (at coarser ε it is lower: 0.47 at 2⁻⁸). The vertical
     * shifts add a band 2ε wide (exponent 1), ≤ 2% of f at these ε, which moves α by less than 0.01.
     */
    @Test
    void aFractalBoundaryHasExponentTwoMinusItsDimension() {
        double a = 0.7;
        double[] w = BoxCountingTest.weierstrassSamples(a, 1);
        double amplitude = 1 / (1 - a);
        int m = w.length - 1;
        PhaseFunction below = p -> {
            int i = (int) Math.round(p[0] * m);
            return p[1] < (w[i] + amplitude) / (2 * amplitude) ? 1 : 0;
        };
        double[] eps = new double[6];
        for (int s = 0; s < eps.length; s++) {
            eps[s] = Math.scalb(1.0, -16 + s);
        }
        RandomGenerator rng = StreamSeeds.stream(11, 0, StreamSeeds.Purpose.SIMULATION);
        UncertaintyResult r = UncertaintyExponent.sampled(below, 2, eps, 200_000, 0, 5, rng);
        double expected = -Math.log(a) / Math.log(2);
        assertThat(Math.abs(r.alpha() - expected)).as(r.toString()).isLessThanOrEqualTo(Z * r.alphaSe());
        assertThat(r.alphaSe()).isLessThan(0.05);
        assertThat(r.dimension()).isCloseTo(2 - r.alpha(), offset(1e-15));
    }

    @Test
    void badScalesAreRefused() {
        int[][] labels = new int[8][8];
        assertThatThrownBy(() -> UncertaintyExponent.onGrid(labels, new int[] {1, 4}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UncertaintyExponent.onGrid(labels, new int[] {1, 2}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no uncertain point");
    }
}
