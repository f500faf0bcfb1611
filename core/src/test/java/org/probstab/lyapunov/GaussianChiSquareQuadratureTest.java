package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.probstab.law.GaussianRegression;
import org.probstab.law.ScalarBatchSampler;

/**
 * {@link GaussianChiSquareQuadrature} against 30-digit values from
 * {@code src/test/resources/reference/quadrature_reference.py} (rows "cell" of quadrature_reference.csv: mpmath
 * tanh-sinh over the chi density, at 40 digits, with the singular points as breakpoints), against Monte-Carlo over
 * fresh batches, and for convergence in the number of nodes.
 */
class GaussianChiSquareQuadratureTest {

    /**
     * |Λ − reference| ≤ 1e-9: the accuracy the phase table promises for an exact method (Method.exact(): "only
     * floating-point error, or quadrature below 1e-9"). Observed over the 490 reference cells: 1.8e-12 at the
     * default 12 nodes per panel (8e-9 at 8 nodes, 1.2e-10 at 10, 3e-14 at 16).
     */
    private static final double EXPONENT_TOLERANCE = 1e-9;
    /**
     * |s² − reference| ≤ 1e-8: s² integrates (m − Λ)², whose log² singularity at r* (μ = 1) converges a little
     * more slowly than m itself; observed 1.3e-11. (s² only feeds the CLT refinement, 1e-6 would do.)
     */
    private static final double VARIANCE_TOLERANCE = 1e-8;
    /** Monte-Carlo agreement within z standard errors (STYLE 3). */
    private static final double Z = 4.0;

    private record Cell(int batchSize, double mu, double sigma, double lambda, double exponent, double variance) {
    }

    @Test
    void matchesTheHighPrecisionReference() throws IOException {
        List<Cell> cells = referenceCells();
        assertThat(cells).hasSizeGreaterThan(300);
        double worst = 0;
        for (Cell cell : cells) {
            var quadrature = new GaussianChiSquareQuadrature(cell.mu, cell.sigma, cell.batchSize);
            ExponentEstimate estimate = quadrature.exponent(cell.lambda);
            String where = "S=" + cell.batchSize + " mu=" + cell.mu + " sigma=" + cell.sigma + " lambda=" + cell.lambda;
            assertThat(estimate.value()).as("exponent at %s", where)
                    .isCloseTo(cell.exponent, within(EXPONENT_TOLERANCE));
            assertThat(estimate.logVariance()).as("s² at %s", where)
                    .isCloseTo(cell.variance, within(VARIANCE_TOLERANCE));
            assertThat(estimate.method()).isEqualTo(Method.QUADRATURE);
            assertThat(estimate.standardError()).isZero();
            assertThat(estimate.steps()).isZero();
            assertThat(estimate.samples()).isPositive();
            assertThat(quadrature.exponentOnly(cell.lambda)).isEqualTo(estimate.value());
            worst = Math.max(worst, Math.abs(estimate.value() - cell.exponent));
        }
        assertThat(worst).isLessThan(EXPONENT_TOLERANCE);
    }

    @Test
    void errorFallsAsNodesGrow() throws IOException {
        // STYLE 4: composite Gauss–Legendre on graded panels converges geometrically in the nodes per panel
        // (per panel ~ρ^{−2n}, ρ ≈ 3); the largest error over all reference cells must fall at every step until it
        // reaches rounding level, and by at least 10⁴ from 4 to 12 nodes.
        List<Cell> cells = referenceCells();
        int[] orders = {4, 6, 8, 10, 12, 16};
        double[] worst = new double[orders.length];
        for (int i = 0; i < orders.length; i++) {
            for (Cell cell : cells) {
                var quadrature = new GaussianChiSquareQuadrature(cell.mu, cell.sigma, cell.batchSize, orders[i]);
                worst[i] = Math.max(worst[i], Math.abs(quadrature.exponentOnly(cell.lambda) - cell.exponent));
            }
        }
        for (int i = 1; i < orders.length; i++) {
            if (worst[i - 1] > 1e-13) {
                assertThat(worst[i]).as("max error with %d nodes per panel (%d: %s)", orders[i], orders[i - 1],
                        worst[i - 1]).isLessThan(worst[i - 1]);
            }
        }
        assertThat(worst[4]).isLessThan(1e-4 * worst[0]).isLessThan(EXPONENT_TOLERANCE);
    }

    @Test
    void agreesWithMonteCarloOverFreshBatches() {
        // Independent of every formula used here: draw batches of S fresh (x, ε) pairs with the law's own sampler.
        double[][] cases = { // S, mu, sigma, lambda
            {1, 0.5, 2, 2.5}, {3, 0.06, 2, -1}, {8, 0.8, 2, 1}, {32, 0, 2, 10}, {2, 1, 2, 0.7}, {5, 1, 2, -3},
            {200, 0.8, 0.5, 1.2},
        };
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(0x5EED_0A0AL);
        for (double[] c : cases) {
            int batchSize = (int) c[0];
            double mu = c[1];
            double sigma = c[2];
            double lambda = c[3];
            ScalarBatchSampler sampler = new GaussianRegression(mu, sigma).freshBatchSampler(batchSize);
            ExponentEstimate exact = new GaussianChiSquareQuadrature(mu, sigma, batchSize).exponent(lambda);
            int n = Math.max(20_000, 1_600_000 / batchSize);
            double sum = 0;
            double sumSquares = 0;
            double sumFourth = 0;
            for (int i = 0; i < n; i++) {
                double d = Math.log(Math.abs(1 - lambda * sampler.sample(rng))) - exact.value();
                sum += d;
                sumSquares += d * d;
                sumFourth += d * d * d * d;
            }
            double mean = sum / n;
            double variance = sumSquares / n - mean * mean;
            String where = "S=" + batchSize + " mu=" + mu + " sigma=" + sigma + " lambda=" + lambda;
            assertThat(mean).as("Monte-Carlo mean − exponent at %s", where)
                    .isCloseTo(0.0, within(Z * Math.sqrt(variance / n)));
            double varianceError = Math.sqrt((sumFourth / n - variance * variance) / n);
            assertThat(variance).as("Monte-Carlo variance vs s² at %s", where)
                    .isCloseTo(exact.logVariance(), within(Z * varianceError));
        }
    }

    @Test
    void largeBatchesApproachTheDeltaMethod() {
        // χ_B = μ + δ with E δ² = V/S, E δ³ = κ₃/S², E δ⁴ = 3V²/S² + O(S⁻³), where (x, y Gaussian, s = σ(1−μ))
        // V = Var χ = 2μ² + s², κ₃ = E(χ − μ)³ = 8μ³ + 6μs². Expanding log|F − λδ|, F = 1 − λμ:
        //   Λ  = log|F| − u/2 − λ³κ₃/(3S²F³) − 3u²/4 + O(S⁻³),   u = λ²V/(SF²),
        //   s² = u + O(S⁻²).
        // With S = 10⁶ the remainders are ~1e-16 (Λ) and ~1e-6 relative (s²).
        int batchSize = 1_000_000;
        double sigma = 2;
        double[][] cases = {{1, 0.5}, {0.5, 0.3}, {0.8, -1.7}, {0, 2}};
        for (double[] c : cases) {
            double mu = c[0];
            double lambda = c[1];
            double s = sigma * (1 - mu);
            double varChi = 2 * mu * mu + s * s;
            double thirdCumulant = 8 * mu * mu * mu + 6 * mu * s * s;
            double factor = 1 - lambda * mu;
            double u = lambda * lambda * varChi / (batchSize * factor * factor);
            double expected = Math.log(Math.abs(factor)) - 0.5 * u
                    - lambda * lambda * lambda * thirdCumulant / (3.0 * batchSize * batchSize * factor * factor * factor)
                    - 0.75 * u * u;
            ExponentEstimate estimate = new GaussianChiSquareQuadrature(mu, sigma, batchSize).exponent(lambda);
            assertThat(estimate.value()).as("mu=%s lambda=%s", mu, lambda).isCloseTo(expected, within(1e-12));
            assertThat(estimate.logVariance()).as("mu=%s lambda=%s", mu, lambda).isCloseTo(u, within(1e-4 * u));
        }
    }

    @Test
    void signOfLambdaDoesNotMatterWithoutSignal() {
        // μ = 0: χ_B is symmetric, so Λ₋ = Λ₊ (the computation is the same, hence bit-identical)
        var quadrature = new GaussianChiSquareQuadrature(0, 2, 3);
        for (double lambda : new double[] {0.01, 0.3, 1, 2.5, 10}) {
            assertThat(quadrature.exponent(-lambda)).isEqualTo(quadrature.exponent(lambda));
        }
    }

    @Test
    void extremeParametersGiveFiniteValues() {
        int[] batchSizes = {1, 2, 3, 1_000_000};
        double[] mus = {0, 1e-12, 0.5, 1 - 1e-12, 1};
        double[] lambdas = {1e-100, 1e-8, 1e4, 1e12, 1e100};
        for (int batchSize : batchSizes) {
            for (double mu : mus) {
                var quadrature = new GaussianChiSquareQuadrature(mu, 2, batchSize);
                for (double lambda : lambdas) {
                    for (double signed : new double[] {lambda, -lambda}) {
                        ExponentEstimate e = quadrature.exponent(signed);
                        String where = "S=" + batchSize + " mu=" + mu + " lambda=" + signed;
                        assertThat(e.value()).as(where).isFinite();
                        assertThat(e.logVariance()).as(where).isFinite().isGreaterThanOrEqualTo(0);
                    }
                }
            }
        }
        // tiny λ: Λ = −λμ + O(λ²) to full relative precision (log1p path)
        assertThat(new GaussianChiSquareQuadrature(0.5, 2, 4).exponent(1e-12).value())
                .isCloseTo(-0.5e-12, within(1e-22));
    }

    @Test
    void rejectsInvalidParametersWithOneLineMessages() {
        assertThatThrownBy(() -> new GaussianChiSquareQuadrature(-0.1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("mu must be in [0, 1], got -0.1");
        assertThatThrownBy(() -> new GaussianChiSquareQuadrature(Double.NaN, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mu must be in [0, 1]");
        assertThatThrownBy(() -> new GaussianChiSquareQuadrature(0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sigma must be in (0, inf), got 0.0");
        assertThatThrownBy(() -> new GaussianChiSquareQuadrature(0.5, Double.POSITIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sigma must be in (0, inf)");
        assertThatThrownBy(() -> new GaussianChiSquareQuadrature(0.5, 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("batch size S must be in [1, ");
        assertThatThrownBy(() -> new GaussianChiSquareQuadrature(0.5, 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("nodesPerPanel must be in [2, 64], got 1");
        var quadrature = new GaussianChiSquareQuadrature(0.5, 2, 1);
        for (double lambda : new double[] {0, Double.NaN, Double.POSITIVE_INFINITY, -2e100}) {
            assertThatThrownBy(() -> quadrature.exponent(lambda)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("lambda must be nonzero with |lambda| <= 1e100, got ");
            assertThatThrownBy(() -> quadrature.exponentOnly(lambda)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static List<Cell> referenceCells() throws IOException {
        List<Cell> cells = new ArrayList<>();
        for (String[] f : NormalLogExpectationTest.referenceTable()) {
            if (f[0].equals("cell")) {
                cells.add(new Cell(Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[6]), Double.parseDouble(f[7])));
            }
        }
        return cells;
    }
}
