package org.probstab.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.probstab.boundary.ExactBoundary.Curve;
import org.probstab.boundary.ExactBoundary.Root;
import org.probstab.config.InvalidInputException;
import org.probstab.lyapunov.NormalLogExpectation;

/** Exact λ-roots of Λ₋, Λ₊ and the mean-square factor against closed forms and an independent integration. */
class ExactBoundaryTest {

    /**
     * Two-point law χ ∈ {1, a} (000 Fig. 2-left; 001 App. A.6 eq. 69): Λ± = ½ log|(1 ± λ)(1 ± λa)| vanishes where
     * (1 ± λ)(1 ± λa) = ±1, i.e. λ = ∓(1 + a)/a or the roots of aλ² ± (1 + a)λ + 2 = 0; E(1 − λχ)² = 1 at
     * λ = 2Eχ/Eχ² = 2(1 + a)/(1 + a²). Tolerance 1e-9: the bisection bracket is 1e-10 wide and near a simple
     * root the exponent's rounding error (~1e-16) moves the root by ~1e-16/|Λ'| only.
     */
    @Test
    void twoPointRootsMatchTheClosedForm() {
        for (double a : new double[] {-0.5, -0.2, 0.5, 3.0}) {
            ExactBoundary b = ExactBoundary.of("mf-two-point", Map.of("a", a, "S", 1), 1, 1.0);
            assertThat(b.hasPlus()).isTrue();
            double from = 0.01;
            double to = 8.0;
            List<Root> roots = b.roots(from, to, 800);
            List<Double> minus = new ArrayList<>();
            List<Double> plus = new ArrayList<>();
            for (double sign : new double[] {1, -1}) {
                // (1 − sλ)(1 − sλa) = 1  →  λ = s(1 + a)/a ;  = −1  →  aλ² − s(1 + a)λ + 2 = 0
                List<Double> target = sign > 0 ? minus : plus;
                addIfIn(target, sign * (1 + a) / a, from, to);
                double disc = (1 + a) * (1 + a) - 8 * a;
                if (disc >= 0) {
                    addIfIn(target, (sign * (1 + a) + Math.sqrt(disc)) / (2 * a), from, to);
                    addIfIn(target, (sign * (1 + a) - Math.sqrt(disc)) / (2 * a), from, to);
                }
            }
            assertRoots(roots, Curve.EXP_MINUS, minus, 1e-9, "a = " + a);
            assertRoots(roots, Curve.EXP_PLUS, plus, 1e-9, "a = " + a);
            List<Double> ms = new ArrayList<>();
            addIfIn(ms, 2 * (1 + a) / (1 + a * a), from, to);
            assertRoots(roots, Curve.MEAN_SQUARE, ms, 1e-9, "a = " + a);
        }
    }

    /**
     * λ–μ at N = ∞, S = 1 (000 Fig. 9 left). The roots that the overlay draws agree
     * to 1e-8 with an independent bisection on an independent evaluation of the exact exponent: χ | x ~ N(μx²,
     * σ²(1 − μ)²x²) with x ~ N(0, 1), so Λ∓(λ) = ∫ φ(x) E log|1 ∓ λμx² ∓ λσ(1 − μ)|x|Z| dx, the inner expectation
     * in closed form ({@link NormalLogExpectation}), the outer one by composite Simpson on [0, 12] with 24 000
     * intervals (the integrand is smooth in x, being even in |x|; Simpson's error is ~h⁴ ≈ 1e-13 and the tail beyond
     * 12 is below φ(12) ≈ 1e-32). That is a different integration variable, rule and code path from the production
     * quadrature over χ²_S. Exponent errors ~1e-12 move a root by ~1e-12/|Λ'| ≪ 1e-8 (|Λ'| ≳ 0.05 here). The
     * mean-square boundary has the closed form λ = 2μ / (3μ² + σ²(1 − μ)²).
     */
    @Test
    void lambdaMuRootsAtInfiniteNAgreeWithIndependentBisection() {
        double sigma = 2.0;
        double from = 0.015;
        double to = 3.0;
        for (double mu : new double[] {0.05, 0.2, 0.5}) {
            ExactBoundary b = ExactBoundary.of("mf-gaussian", Map.of("mu", mu, "S", 1, "N", "inf", "sigma", sigma),
                    1, 1.0);
            List<Root> roots = b.roots(from, to, 200);
            for (double sign : new double[] {1, -1}) {
                Curve curve = sign > 0 ? Curve.EXP_MINUS : Curve.EXP_PLUS;
                DoubleUnaryOperator f = lambda -> independentExponent(sign * lambda, mu, sigma);
                List<Double> expected = independentRoots(f, from, to, 60);
                assertRoots(roots, curve, expected, 1e-8, "mu = " + mu + " " + curve);
            }
            double lambdaL2 = 2 * mu / (3 * mu * mu + sigma * sigma * (1 - mu) * (1 - mu));
            List<Double> ms = new ArrayList<>();
            addIfIn(ms, lambdaL2, from, to);
            assertRoots(roots, Curve.MEAN_SQUARE, ms, 1e-9, "mu = " + mu + " L2");
        }
    }

    /**
     * Phase III (Λ₋ &lt; 0 and Λ₊ &lt; 0) exists at small μ and vanishes at large μ (000 Fig. 9 left): at μ = 0.05
     * the roots of Λ₊ (falling) lie below those of Λ₋ (rising), leaving a window; at μ = 0.9 Λ₊ has no root on
     * (0, 3], so Λ₊ &gt; 0 throughout and no cell can be in phase III. Checked on the exact values at the window's
     * midpoint (no tolerance: signs of exact exponents far from 0).
     */
    @Test
    void phaseThreeExistsAtSmallMuAndVanishesAtLargeMu() {
        ExactBoundary small = ExactBoundary.of("mf-gaussian", Map.of("mu", 0.05, "S", 1, "N", "inf"), 1, 1.0);
        List<Root> plusRoots = small.roots(Curve.EXP_PLUS, 0.015, 3.0, 100);
        List<Root> minusRoots = small.roots(Curve.EXP_MINUS, 0.015, 3.0, 100);
        assertThat(plusRoots).isNotEmpty();
        double plusFalls = plusRoots.get(0).lambda();
        double minusRises = minusRoots.isEmpty() ? 3.0 : minusRoots.get(0).lambda();
        assertThat(plusFalls).isLessThan(minusRises);
        double middle = 0.5 * (plusFalls + minusRises);
        assertThat(small.value(Curve.EXP_MINUS, middle)).isNegative();
        assertThat(small.value(Curve.EXP_PLUS, middle)).isNegative();

        ExactBoundary large = ExactBoundary.of("mf-gaussian", Map.of("mu", 0.9, "S", 1, "N", "inf"), 1, 1.0);
        assertThat(large.roots(Curve.EXP_PLUS, 0.015, 3.0, 100)).isEmpty();
        assertThat(large.value(Curve.EXP_PLUS, 3.0)).isPositive();
    }

    /** Single-exponent models have Λ₋ and the mean-square curve only; non-exact models are refused. */
    @Test
    void linearRegressionHasOneExponentAndTrajectoryModelsAreRefused() {
        ExactBoundary lr = ExactBoundary.of("linreg", Map.of("N", 10, "outlier", 4.0), 1, 0.5);
        assertThat(lr.hasPlus()).isFalse();
        assertThat(lr.curves()).containsExactly(Curve.EXP_MINUS, Curve.MEAN_SQUARE);
        assertThatThrownBy(() -> ExactBoundary.of("random-sym", Map.of("d", 2), 1, 0.5))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lr.roots(Curve.EXP_MINUS, 1.0, 0.5, 10)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lambda");
    }

    /**
     * The generic bisection: roots of a function with a −∞ pole (log|1 − λ|·… as in a finite dataset) are found
     * to the bracket width 1e-10, and the pole (−∞ on both sides) is not mistaken for a root.
     */
    @Test
    void bisectionSkipsPolesAndHitsRootsToTheTolerance() {
        // f(λ) = log|(1 − λ)(1 + λ/4)| / 2: pole at λ = 1 (−∞ on both sides, no sign change).
        DoubleUnaryOperator f = l -> 0.5 * Math.log(Math.abs((1 - l) * (1 + 0.25 * l)));
        List<double[]> roots = ExactBoundary.roots(f, 0.01, 6, 97, 1e-10);
        // (1 − λ)(1 + λ/4) = −1  ⇔  λ² + 3λ − 8 = 0; the other product value +1 gives λ = −3 (outside).
        double expected = (-3 + Math.sqrt(9 + 32)) / 2;
        assertThat(roots).hasSize(1);
        assertThat(roots.get(0)[0]).isCloseTo(expected, within(1e-10));
        assertThat(roots.get(0)[1]).isEqualTo(1.0);
    }

    // -----------------------------------------------------------------------------------------------------------

    /** Λ(λ) = E log|1 − λχ| at N = ∞, S = 1 by Simpson over x (see the test's javadoc). λ may be negative (Λ₊). */
    static double independentExponent(double lambda, double mu, double sigma) {
        int intervals = 24_000;
        double upper = 12.0;
        double h = upper / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            double x = i * h;
            double weight = i == 0 || i == intervals ? 1 : (i % 2 == 1 ? 4 : 2);
            double density = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
            double a = 1 - lambda * mu * x * x;
            double bScale = Math.abs(lambda) * sigma * (1 - mu) * x;
            sum += weight * density * NormalLogExpectation.expectedLogAbs(a, bScale);
        }
        return 2 * sum * h / 3;
    }

    /** Plain bracketing on a coarse grid and bisection to 1e-12, written independently of the class under test. */
    static List<Double> independentRoots(DoubleUnaryOperator f, double from, double to, int points) {
        List<Double> roots = new ArrayList<>();
        double prevX = from;
        double prevF = f.applyAsDouble(from);
        for (int i = 1; i < points; i++) {
            double x = from + (to - from) * i / (points - 1);
            double fx = f.applyAsDouble(x);
            if (Math.signum(fx) != Math.signum(prevF)) {
                double lo = prevX;
                double hi = x;
                double flo = prevF;
                while (hi - lo > 1e-12) {
                    double m = 0.5 * (lo + hi);
                    double fm = f.applyAsDouble(m);
                    if (Math.signum(fm) == Math.signum(flo)) {
                        lo = m;
                        flo = fm;
                    } else {
                        hi = m;
                    }
                }
                roots.add(0.5 * (lo + hi));
            }
            prevX = x;
            prevF = fx;
        }
        return roots;
    }

    private static void addIfIn(List<Double> list, double x, double from, double to) {
        if (Double.isFinite(x) && x > from && x < to) {
            list.add(x);
        }
    }

    private static void assertRoots(List<Root> roots, Curve curve, List<Double> expected, double tolerance,
                                    String what) {
        List<Double> found = roots.stream().filter(r -> r.curve() == curve).map(Root::lambda).sorted().toList();
        List<Double> want = expected.stream().sorted(Comparator.naturalOrder()).toList();
        assertThat(found).as(what + ": found " + found + ", expected " + want).hasSameSizeAs(want);
        for (int i = 0; i < want.size(); i++) {
            assertThat(found.get(i)).as(what).isCloseTo(want.get(i), within(tolerance));
        }
    }
}
