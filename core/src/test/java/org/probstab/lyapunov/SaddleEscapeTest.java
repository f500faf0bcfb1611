package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.law.TwoPointLaw;
import org.probstab.stability.LogNormalClt;
import org.probstab.random.StreamSeeds;

/**
 * 002 §4–5, Prop. 2 and Prop. 3 (proofs in App. D.1–D.2), checked against our exact exponent.
 *
 * <p><b>The model.</b> L̂(w) = x w²/2 (002 eq. 4) with x = 1 or x = a − 1 equiprobable (Prop. 2 writes
 * p(x) = ½δ(x − 1) + ½δ(x + 1 − a), Prop. 3 ½δ(x − 1) + ½δ(x − a + 1): the same law; E x = a/2, so w = 0 is a
 * local maximum of E L̂ for a &lt; 0). One SGD step (002 Def. 1, batch 1) is w_{t+1} = w_t − λ x w_t =
 * (1 − λx) w_t: the rank-1 product of 000 Thm 1 with the two-point dataset {1, a − 1}, i.e.
 * {@code TwoPointLaw(a − 1)}, and
 * <pre>
 *   μ(λ) = E ln|1 − λx| = ½ ln|(1 − λ)(1 − λ(a − 1))|      ({@link ExactFiniteSum}, exact).
 * </pre>
 * Prop. 2's "SGD converges to the local maximum in probability" is μ &lt; 0 (Lemma 1 / 000 Thm 3). Prop. 3's
 * escape rate (Def. 2) is γ(λ) = lim (1/t) E ln|w_t| = μ(λ) itself (linearity of E; no CLT needed), and
 * γ* = sup γ.
 *
 * <p><b>Findings.</b>
 * <ul>
 *   <li>Prop. 2: for a &lt; 0 the set {λ &gt; 0 : μ(λ) &lt; 0} is the open interval
 *       (a/(a − 1), (a − √(a² − 8a + 8))/(2(a − 1))); its lower end is below 1 and its upper end above 1, so the
 *       printed range is right on <i>both</i> sides of λ = 1 (the proof's two branches, eq. 79–80), not only for
 *       λ &lt; 1. Bisection on the exact exponent reproduces both ends to 1e-12. The only slip is the closed
 *       interval "≤ λ ≤": at either end μ = 0 exactly, where |w_t| neither converges nor escapes in probability
 *       (P(|w_t| &lt; ε) → ½). For 0 &lt; a &lt; 1 (a local minimum) the formula also holds, its lower end being
 *       negative. (For a &gt; 1 it does not describe the set — e.g. a² − 8a + 8 &lt; 0 for 1.17 &lt; a &lt; 6.83 —
 *       but that is outside the proposition's setting.)</li>
 *   <li>Prop. 3: the maximum of γ over 0 &lt; λ &lt; 1 is γ* = ln((2 − a)/(2√(1 − a))) at λ* = a/(2(a − 1)),
 *       confirmed to 1e-12 (value) and 1e-10 (arg-max). This is the "λ &lt; 1" caveat: D.2 drops the absolute
 *       value using λ &lt; 1, and Theorem 2 assumes λ ≤ 1. Over all λ &gt; 0 the supremum is +∞
 *       (γ(λ) ≈ ln λ + ½ ln(1 − a) as λ → ∞), so γ* is the optimum only under that assumption. μ is concave
 *       on (0, 1) (the proof says "convex"; it is the concavity that makes λ* a maximum). The ε-condition
 *       |a| ≤ 2|−e^ε√(e^{2ε} − 1) − e^{2ε} + 1| is exactly γ* ≤ ε.</li>
 * </ul>
 * Tolerances: bisection runs to adjacent doubles, so a root is located to within the λ-width over which the
 * computed μ (absolute error ≲ 1e-16) changes sign: ≲ 1e-15/|μ'| with |μ'| ≥ 0.1 here; 1e-12 is asserted.
 * Golden-section search finds the maximum <i>value</i> to ~1e-16 but its arg-max only to ~√ε ≈ 1e-8, so the
 * arg-max is located by bisection on the sign of a central difference μ(λ + h) − μ(λ − h), h = 1e-5 (bias
 * ≈ h²μ'''/(6μ'') ≲ 1e-10, resolution ≈ 1e-16/(2h|μ''|) ≈ 1e-11); 1e-10 is asserted.
 */
class SaddleEscapeTest {

    private static final double[] NEGATIVE_A = {-100, -20, -5, -2, -1, -0.5, -0.1, -0.01};

    /** μ(λ) = E ln|1 − λx|, x ∈ {1, a − 1}: the exact exponent of 002's model. */
    private static double exponent(double a, double lambda) {
        return ExactFiniteSum.exponent(new TwoPointLaw(a - 1).dataset(), lambda).value();
    }

    private static double printedLower(double a) {
        return a / (a - 1);
    }

    private static double printedUpper(double a) {
        return (a - Math.sqrt(a * a - 8 * a + 8)) / (2 * (a - 1));
    }

    @Test
    void theModelIsTheTwoPointLawAndMatchesDirectSgd() {
        // 002 Fig. 1-left: a = −1, λ = 0.8. Simulate SGD on L̂ = x w²/2 directly and compare the average
        // (1/t) ln|w_t/w_0| (Def. 2's γ) with the exact exponent, within 4 SE (SE = s/√(t·runs), s² from the
        // exact law, since (1/t) ln|w_t/w_0| is a mean of t i.i.d. terms).
        double a = -1;
        double lambda = 0.8;
        int runs = 2000;
        int t = 200;
        RandomGenerator rng = StreamSeeds.stream(2107, 11774, StreamSeeds.Purpose.SIMULATION);
        double sum = 0;
        double w0 = 0.7;
        for (int r = 0; r < runs; r++) {
            double w = w0; // |ln w_t| ≤ 200·ln 2.6 < 200: no overflow or underflow
            for (int step = 0; step < t; step++) {
                double x = rng.nextBoolean() ? 1 : a - 1;
                double gradient = x * w; // ∂/∂w of L̂ = x w²/2
                w = w - lambda * gradient;
            }
            sum += Math.log(Math.abs(w / w0)) / t;
        }
        ExponentEstimate exact = ExactFiniteSum.exponent(new TwoPointLaw(a - 1).dataset(), lambda);
        double se = Math.sqrt(exact.logVariance() / ((double) t * runs));
        assertThat(exact.value()).isCloseTo(0.5 * Math.log(0.2 * 2.6), offset(1e-15));
        assertThat(Math.abs(sum / runs - exact.value())).isLessThanOrEqualTo(4 * se);
        // Prop. 1: λ = 1 makes the x = 1 factor exactly 0.
        assertThat(exponent(-1, 1.0)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void proposition2RangeIsExactOnBothSidesOfLambdaOne() {
        for (double a : NEGATIVE_A) {
            double lower = printedLower(a);
            double upper = printedUpper(a);
            assertThat(lower).isBetween(0.0, 1.0);
            assertThat(upper).isGreaterThan(1.0);
            // μ > 0 for small λ (μ ≈ −λa/2), → −∞ at λ = 1, > 0 at λ = 2 ((λ−1)(1 + λ(1−a)) > 1): one root each side.
            double lowerRoot = bisectRoot(lambda -> exponent(a, lambda), 1e-6, 1 - 1e-15);
            double upperRoot = bisectRoot(lambda -> exponent(a, lambda), 1 + 1e-15, 2);
            assertThat(lowerRoot).as("a=%s lower", a).isCloseTo(lower, offset(1e-12));
            assertThat(upperRoot).as("a=%s upper", a).isCloseTo(upper, offset(1e-12));
            // Inside: negative (convergence to the maximum); outside: positive (escape).
            for (double f : new double[] {0.001, 0.25, 0.5, 0.75, 0.999}) {
                double inside = lower + f * (upper - lower);
                assertThat(exponent(a, inside)).as("a=%s lambda=%s", a, inside).isNegative();
            }
            assertThat(exponent(a, 0.5 * lower)).isPositive();
            assertThat(exponent(a, 0.999 * lower)).isPositive();
            assertThat(exponent(a, 1.001 * upper)).isPositive();
            assertThat(exponent(a, 10 * upper)).isPositive();
            // The printed interval is closed, but at its ends μ = 0: no convergence in probability there.
            // (Tolerance: |μ'| ≤ ~50 at the ends for a = −100, times the ends' own rounding ~2e-16.)
            assertThat(exponent(a, lower)).isCloseTo(0.0, offset(1e-13));
            assertThat(exponent(a, upper)).isCloseTo(0.0, offset(1e-13));
        }
        // 0 < a < 1 (w = 0 a local minimum): the lower end is negative and the range is (0, upper).
        for (double a : new double[] {0.3, 0.9}) {
            assertThat(printedLower(a)).isNegative();
            assertThat(bisectRoot(lambda -> exponent(a, lambda), 1 + 1e-15, 3))
                    .isCloseTo(printedUpper(a), offset(1e-12));
            assertThat(exponent(a, 1e-3)).isNegative();
        }
    }

    @Test
    void logNormalLimitSeparatesTheTwoPhases() {
        // Lemma 1 / eq. 74: P(|w_t| < ε) → 1 inside the range, → 0 outside, → ½ at its ends.
        double a = -1;
        long t = 20_000;
        TwoPointLaw law = new TwoPointLaw(a - 1);
        ExponentEstimate inside = ExactFiniteSum.exponent(law.dataset(), 0.9);
        ExponentEstimate outside = ExactFiniteSum.exponent(law.dataset(), 0.3);
        ExponentEstimate atEnd = ExactFiniteSum.exponent(law.dataset(), printedLower(a));
        assertThat(LogNormalClt.probabilityBelow(1e-6, 1, t, inside)).isGreaterThan(0.999);
        assertThat(LogNormalClt.probabilityBelow(1e-6, 1, t, outside)).isLessThan(0.001);
        assertThat(LogNormalClt.probabilityBelow(1e-6, 1, 1_000_000_000L, atEnd)).isCloseTo(0.5, offset(1e-3));
    }

    @Test
    void proposition3OptimalEscapeRateIsTheMaximumOverLambdaBelowOne() {
        for (double a : NEGATIVE_A) {
            DoubleUnaryOperator gamma = lambda -> exponent(a, lambda);
            double gammaStar = Math.log((2 - a) / (2 * Math.sqrt(1 - a)));
            double lambdaStar = a / (2 * (a - 1));
            double[] golden = goldenSectionMax(gamma, 1e-9, 1 - 1e-9);
            assertThat(golden[1]).as("a=%s gamma*", a).isCloseTo(gammaStar, offset(1e-12));
            assertThat(golden[0]).as("a=%s golden arg-max (sqrt(eps)-limited)", a).isCloseTo(lambdaStar, offset(1e-7));
            double argMax = bisectRoot(
                    lambda -> gamma.applyAsDouble(lambda + 1e-5) - gamma.applyAsDouble(lambda - 1e-5), 2e-5, 1 - 2e-5);
            assertThat(argMax).as("a=%s arg-max", a).isCloseTo(lambdaStar, offset(1e-10));
            // Concave on (0, 1): the critical point is the maximum (the proof's "convex" is a slip).
            for (double lambda = 0.05; lambda < 0.95; lambda += 0.05) {
                double second = gamma.applyAsDouble(lambda + 1e-3) - 2 * gamma.applyAsDouble(lambda)
                        + gamma.applyAsDouble(lambda - 1e-3);
                assertThat(second).isNegative();
            }
            // Without λ ≤ 1 there is no optimum: γ grows without bound (≈ ln λ + ½ ln(1 − a)).
            assertThat(gamma.applyAsDouble(10)).isGreaterThan(gammaStar);
            assertThat(gamma.applyAsDouble(1e6)).isCloseTo(Math.log(1e6) + 0.5 * Math.log(1 - a), offset(1e-5));
        }
    }

    @Test
    void proposition3EpsilonConditionIsExactlyGammaStarBelowEpsilon() {
        for (double epsilon : new double[] {1e-3, 0.01, 0.1, 1}) {
            double e1 = Math.exp(epsilon);
            double e2 = Math.exp(2 * epsilon);
            double bound = 2 * Math.abs(-e1 * Math.sqrt(e2 - 1) - e2 + 1);
            double[] atBound = goldenSectionMax(lambda -> exponent(-bound, lambda), 1e-9, 1 - 1e-9);
            assertThat(atBound[1]).as("epsilon=%s", epsilon).isCloseTo(epsilon, offset(1e-12 * Math.max(1, epsilon)));
            assertThat(goldenSectionMax(lambda -> exponent(-0.99 * bound, lambda), 1e-9, 1 - 1e-9)[1])
                    .isLessThan(epsilon);
            assertThat(goldenSectionMax(lambda -> exponent(-1.01 * bound, lambda), 1e-9, 1 - 1e-9)[1])
                    .isGreaterThan(epsilon);
        }
    }

    /** Bisection of a sign change of f on [lo, hi] down to adjacent doubles. */
    private static double bisectRoot(DoubleUnaryOperator f, double lo, double hi) {
        double fLo = f.applyAsDouble(lo);
        double fHi = f.applyAsDouble(hi);
        assertThat(Math.signum(fLo) * Math.signum(fHi)).as("bracket [%s, %s]", lo, hi).isNegative();
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                return mid;
            }
            double fMid = f.applyAsDouble(mid);
            if (Math.signum(fMid) == Math.signum(fLo)) {
                lo = mid;
                fLo = fMid;
            } else {
                hi = mid;
            }
        }
    }

    /** {arg-max, max} of a unimodal f on [lo, hi] by golden-section search, 200 iterations. */
    private static double[] goldenSectionMax(DoubleUnaryOperator f, double lo, double hi) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - ratio * (hi - lo);
        double x2 = lo + ratio * (hi - lo);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
            if (f1 < f2) {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + ratio * (hi - lo);
                f2 = f.applyAsDouble(x2);
            } else {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - ratio * (hi - lo);
                f1 = f.applyAsDouble(x1);
            }
        }
        return f1 >= f2 ? new double[] {x1, f1} : new double[] {x2, f2};
    }
}
