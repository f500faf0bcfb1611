package org.probstab.refine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probstab.boundary.ExactBoundary;

/**
 * End to end: the exact N = ∞, S = 1 boundaries of {@code mf-gaussian} (000 Fig. 9 left: Λ₋ = 0, Λ₊ = 0 and the L2
 * curve), found row by row by {@link ExactBoundary} (quadrature, grid bracketing, bisection to 1e-10) on 256 rows
 * μ = (r + ½)/256, λ ∈ [0.015, 3], are smooth curves: box dimension 1 within z = 3 standard errors. The points
 * are (λ/3, μ); rows are 2⁻⁸ apart, so the fit stops at boxes of 2⁻⁶ (four rows per box), where a curve
 * crossing the rows at a shallow angle (the top of the Λ₊ dome, the Λ₋ curve near μ = 1) still has a point in
 * every box it passes; it starts at 2⁻², where the three curves are already resolved from each other.
 */
class ExactBoundaryDimensionTest {

    @Test
    void theInfiniteNBoundaryIsSmooth() {
        int rows = 256;
        List<double[]> points = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            double mu = (r + 0.5) / rows;
            ExactBoundary b = ExactBoundary.of("mf-gaussian", Map.of("mu", mu, "S", 1, "N", "inf", "sigma", 2.0), 1,
                    1.0);
            for (ExactBoundary.Root root : b.roots(0.015, 3.0, 60)) {
                points.add(new double[] {root.lambda() / 3, mu});
            }
        }
        double[][] coordinates = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            coordinates[0][i] = points.get(i)[0];
            coordinates[1][i] = points.get(i)[1];
        }
        BoxCountingCurve c = BoxCounting.ofPoints(coordinates, 0, 8, 2, 6);
        assertThat(Math.abs(c.dimension() - 1)).as(c.toString()).isLessThanOrEqualTo(3 * c.dimensionSe());
        assertThat(c.dimensionSe()).isLessThan(0.1);
    }
}
