package org.probstab.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.config.InvalidInputException;
import org.probstab.law.FiniteDataset;
import org.probstab.lyapunov.BatchEnumeration;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.random.StreamSeeds;

/** {@link PoleBracketing}, {@link MeanSquareBoundary} and {@link FiniteBoundary} against closed forms. */
class PoleBracketingTest {

    /**
     * Two-point law χ ∈ {1, a} equiprobable (000 Fig. 2-left): Λ± = ½ log|(1 ± λ)(1 ± λa)| vanishes where
     * (1 ∓ sλ)(1 ∓ sλa) = ±1, i.e. λ = s(1 + a)/a or the roots of aλ² − s(1 + a)λ + 2 = 0 (s = +1 for Λ₋, −1 for
     * Λ₊). Tolerance 1e-13 relative: the bracket is ≤ 5.7e-14 relative and f's rounding (~1e-16) moves these simple
     * roots (|f'| ≳ 0.05) by ≤ 1e-14. The same dataset with every value twice (coincident poles of weight ½) and
     * with zeros added (χ = 0: no pole, no term) has the same function up to a factor, so the same roots.
     */
    @Test
    void twoPointRootsMatchTheClosedForm() {
        for (double a : new double[] {-3.0, -0.5, -0.2, 0.5, 0.7, 3.0}) {
            for (double[] chi : new double[][] {{1, a}, {1, a, 1, a}, {0, 1, 0, a, 0}}) {
                BatchAtoms atoms = BatchAtoms.ofSamples(chi);
                for (double sign : new double[] {1, -1}) {
                    BoundaryExponent e = sign > 0 ? BoundaryExponent.MINUS : BoundaryExponent.PLUS;
                    List<Double> expected = new ArrayList<>();
                    addIfIn(expected, sign * (1 + a) / a, 0, 8);
                    double disc = (1 + a) * (1 + a) - 8 * a;
                    if (disc >= 0) {
                        addIfIn(expected, (sign * (1 + a) + Math.sqrt(disc)) / (2 * a), 0, 8);
                        addIfIn(expected, (sign * (1 + a) - Math.sqrt(disc)) / (2 * a), 0, 8);
                    }
                    expected.sort(Double::compare);
                    List<BoundaryRoot> roots = PoleBracketing.roots(atoms, e, 0, 8);
                    assertThat(roots).as("a = " + a + " " + e).hasSize(expected.size());
                    for (int i = 0; i < expected.size(); i++) {
                        assertThat(roots.get(i).root()).as("a = " + a + " " + e)
                                .isCloseTo(expected.get(i), offset(
                                        1e-13 * Math.abs(expected.get(i))));
                        assertThat(roots.get(i).exponent()).isEqualTo(e);
                    }
                }
            }
        }
    }

    /**
     * A stripe far below double resolution, in closed form: atoms χ = 1 with weight w and χ = −1 with weight 1 − w.
     * Λ₋ = w log|1 − λ| + (1 − w) log(1 + λ) is positive on (0, ∞) except around the pole λ = 1, where
     * |1 − λ| = (1 + λ)^{−(1−w)/w}: a stripe of half-width δ with ln δ = −((1 − w)/w) ln(2 ± δ), i.e.
     * −((1 − w)/w) ln 2 to relative order δ. w = 10⁻³ gives δ = 2⁻⁹⁹⁹ ≈ 1.9e-301; w = 10⁻⁵ gives e^{−69314}, which
     * no double can hold. The record must keep it in log form, report the pole 1 for both roots, and nothing else.
     * Tolerance 1e-13 relative on ln δ: R = (1 − w) log 2 carries one rounding, −R/w another.
     */
    @Test
    void stripesBelowDoubleResolutionKeepTheirExactLogWidth() {
        for (double w : new double[] {1e-3, 1e-5}) {
            BatchAtoms atoms = new BatchAtoms(new double[] {1, -1}, new double[] {w, 1 - w});
            List<BoundaryRoot> roots = PoleBracketing.roots(atoms, BoundaryExponent.MINUS, 0, 3);
            double expected = -((1 - w) / w) * Math.log(2);
            assertThat(roots).hasSize(2);
            for (BoundaryRoot r : roots) {
                assertThat(r.kind()).isEqualTo(RootKind.STRIPE);
                assertThat(r.pole()).isEqualTo(1.0);
                assertThat(r.root()).isEqualTo(1.0);
                assertThat(r.resolved()).isFalse();
                assertThat(r.bracketLo()).isLessThan(1.0);
                assertThat(r.bracketHi()).isGreaterThan(1.0);
                assertThat(r.logHalfWidth()).isCloseTo(expected,
                        offset(1e-13 * Math.abs(expected)));
            }
            assertThat(roots.get(0).rising()).isFalse();
            assertThat(roots.get(1).rising()).isTrue();
        }
    }

    /**
     * The same law with w = 0.05: δ ≈ 2⁻¹⁹ is resolved. Each side solves d = (1 + λ)^{−(1−w)/w} with λ = 1 ∓ d,
     * a contraction with factor ~19d/2 ≈ 2e-5, so plain iteration gives d± to full precision: the reference.
     * Tolerance: roots 1e-15 absolute (≈ 4 ulp near 1), ln half-width 1e-12 (the u-bracket is 5.7e-14 wide).
     */
    @Test
    void aResolvedStripeHasItsRefinedRoots() {
        double w = 0.05;
        BatchAtoms atoms = new BatchAtoms(new double[] {1, -1}, new double[] {w, 1 - w});
        List<BoundaryRoot> roots = PoleBracketing.roots(atoms, BoundaryExponent.MINUS, 0, 3);
        double dMinus = 0;
        double dPlus = 0;
        for (int k = 0; k < 50; k++) {
            dMinus = Math.pow(2 - dMinus, -(1 - w) / w);
            dPlus = Math.pow(2 + dPlus, -(1 - w) / w);
        }
        assertThat(roots).hasSize(2);
        assertThat(roots.get(0).root()).isCloseTo(1 - dMinus, offset(1e-15));
        assertThat(roots.get(1).root()).isCloseTo(1 + dPlus, offset(1e-15));
        assertThat(roots.get(0).logHalfWidth()).isCloseTo(Math.log(0.5 * (dMinus + dPlus)),
                offset(1e-12));
        assertThat(roots.get(0).resolved()).isTrue();
        assertThat(roots.get(0).width()).isCloseTo(dMinus + dPlus, offset(1e-17));
    }

    /**
     * Poles in a stable region are dips, not stripes, and the range is (lo, hi]. χ ∈ {1, ½}: Λ₋ = ½ log|(1 − λ)(1 − λ/2)|
     * is negative on (0, 3) — (1 − λ)(1 − λ/2) = 1 only at λ = 0 and 3, and = −1 nowhere — with poles at 1 and 2,
     * and exactly 0 at λ = 3 (the factors −2 and −½ are exact). So (0, 3] has one crossing exactly at its closed
     * end, (0, 2.9] none, and (3, 4] none (3 is its open end).
     */
    @Test
    void dipsAreNotStripesAndTheRangeIsHalfOpen() {
        BatchAtoms atoms = BatchAtoms.ofSamples(new double[] {1, 0.5});
        List<BoundaryRoot> roots = PoleBracketing.roots(atoms, BoundaryExponent.MINUS, 0, 3);
        assertThat(roots).hasSize(1);
        assertThat(roots.get(0).root()).isEqualTo(3.0);
        assertThat(roots.get(0).kind()).isEqualTo(RootKind.CROSSING);
        assertThat(roots.get(0).rising()).isTrue();
        assertThat(roots.get(0).bracketLo()).isEqualTo(3.0);
        assertThat(roots.get(0).bracketHi()).isEqualTo(3.0);
        assertThat(PoleBracketing.roots(atoms, BoundaryExponent.MINUS, 0, 2.9)).isEmpty();
        assertThat(PoleBracketing.roots(atoms, BoundaryExponent.MINUS, 3, 4)).isEmpty();
        assertThat(PoleBracketing.poleCount(atoms, BoundaryExponent.MINUS, 0, 3)).isEqualTo(2);
        assertThat(PoleBracketing.poleCount(atoms, BoundaryExponent.PLUS, 0, 3)).isZero();
    }

    /**
     * λ = 0 is a root of Λ± (f(0) = 0) and is reported when the range contains it. χ ∈ {1, ½} on (−2, 2]: Λ₋ is
     * positive left of 0 (f'(0) = −Eχ &lt; 0) and negative on (0, 2] (a dip at the pole 1), Λ₊ negative on (−1, 0) and
     * positive after: one root each, at 0 (to within the solver's absolute floor, the smallest normal double). A
     * pole at the closed end (1 in (0, 1]) leaves an empty last piece.
     */
    @Test
    void zeroIsARootWhenTheRangeHoldsIt() {
        BatchAtoms atoms = BatchAtoms.ofSamples(new double[] {1, 0.5});
        for (BoundaryExponent e : new BoundaryExponent[] {BoundaryExponent.MINUS, BoundaryExponent.PLUS}) {
            List<BoundaryRoot> roots = PoleBracketing.roots(atoms, e, -2, 2);
            assertThat(roots).as(e.label()).hasSize(1);
            assertThat(Math.abs(roots.get(0).root())).isLessThanOrEqualTo(Double.MIN_NORMAL);
            assertThat(roots.get(0).rising()).isEqualTo(e == BoundaryExponent.PLUS);
        }
        assertThat(PoleBracketing.roots(atoms, BoundaryExponent.MINUS, 0, 1)).isEmpty();
    }

    /**
     * A single pole of weight 1 (every χ equal, one coincident pole): Λ₋ = log|1 − λ| has roots 0 and 2 only, and the
     * stable interval (0, 2) around the pole is bounded by the excluded root 0, so 2 is a crossing.
     */
    @Test
    void aLawOfOneValueHasOneCrossing() {
        List<BoundaryRoot> roots = PoleBracketing.roots(BatchAtoms.ofSamples(new double[] {1, 1, 1}),
                BoundaryExponent.MINUS, 0, 3);
        assertThat(roots).hasSize(1);
        assertThat(roots.get(0).root()).isCloseTo(2.0, offset(1e-15));
        assertThat(roots.get(0).kind()).isEqualTo(RootKind.CROSSING);
        assertThat(PoleBracketing.roots(BatchAtoms.ofSamples(new double[] {1, 1, 1}), BoundaryExponent.PLUS, 0, 3))
                .isEmpty();
    }

    /**
     * With all roots of a row known, the sign of Λ± at any λ follows from the rising flags; checked against the
     * phase table's own evaluator ({@link ExactFiniteSum#exponentOnly}, a different code path) at 4000 random λ of
     * several N = 100 datasets (μ from 0.05 to 0.95, both signs), skipping points within 1e-9 of a root where the
     * two evaluators' rounding may disagree. A missed root pair would flip the sign on a whole interval.
     */
    @Test
    void rootsGiveTheSignOfTheExponentEverywhereAlongTheRow() {
        RandomGenerator rng = StreamSeeds.stream(7, 0, StreamSeeds.Purpose.SIMULATION);
        for (double mu : new double[] {0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95}) {
            FiniteDataset data = MfGaussianDatasetDump.dataset(3, 100, mu, 2.0);
            double[] chi = data.values();
            BatchAtoms atoms = BatchAtoms.ofSamples(chi);
            for (BoundaryExponent e : new BoundaryExponent[] {BoundaryExponent.MINUS, BoundaryExponent.PLUS}) {
                List<BoundaryRoot> roots = PoleBracketing.roots(atoms, e, 0, 3);
                double step = e == BoundaryExponent.MINUS ? 1 : -1;
                // The sign just above 0 is that of −Eχ for Λ₋ and of Eχ for Λ₊.
                boolean positiveAtStart = step * data.mean() < 0;
                for (int k = 0; k < 4000; k++) {
                    double lambda = 3 * rng.nextDouble();
                    boolean positive = positiveAtStart;
                    double nearest = Double.POSITIVE_INFINITY;
                    for (BoundaryRoot r : roots) {
                        nearest = Math.min(nearest, Math.abs(r.root() - lambda));
                        if (r.root() <= lambda) {
                            positive = r.rising();
                        }
                    }
                    if (nearest < 1e-9) {
                        continue;
                    }
                    double value = ExactFiniteSum.exponentOnly(chi, step * lambda);
                    assertThat(value > 0).as("mu = " + mu + " " + e + " at " + lambda).isEqualTo(positive);
                }
            }
        }
    }

    /**
     * The same sign check at S = 2 with N = 100 (5050 enumerated batches, over 1000 roots) against
     * {@link BatchEnumeration#exponent}, the enumeration the phase table uses, at 300 random λ per case. A missed or
     * spurious pair of roots would flip the sign on an interval; the stripes here (10⁻¹²⁰⁰ and narrower) are
     * invisible to any evaluation at doubles, and their widths are checked by the closed-form and reference tests.
     */
    @Test
    void rootsGiveTheSignOfTheEnumeratedExponentAtBatchSizeTwo() {
        RandomGenerator rng = StreamSeeds.stream(8, 0, StreamSeeds.Purpose.SIMULATION);
        int total = 0;
        for (double mu : new double[] {0.1, 0.4}) {
            FiniteDataset data = MfGaussianDatasetDump.dataset(1, 100, mu, 2.0);
            BatchAtoms atoms = BatchAtoms.ofDataset(data, 2, true, 10_000);
            for (BoundaryExponent e : new BoundaryExponent[] {BoundaryExponent.MINUS, BoundaryExponent.PLUS}) {
                List<BoundaryRoot> roots = PoleBracketing.roots(atoms, e, 0, 3);
                total += roots.size();
                double step = e == BoundaryExponent.MINUS ? 1 : -1;
                boolean positiveAtStart = step * data.mean() < 0;
                for (int k = 0; k < 300; k++) {
                    double lambda = 3 * rng.nextDouble();
                    boolean positive = positiveAtStart;
                    double nearest = Double.POSITIVE_INFINITY;
                    for (BoundaryRoot r : roots) {
                        nearest = Math.min(nearest, Math.abs(r.root() - lambda));
                        if (r.root() <= lambda) {
                            positive = r.rising();
                        }
                    }
                    if (nearest < 1e-9) {
                        continue;
                    }
                    double value = BatchEnumeration.exponent(data, 2, true, step * lambda).value();
                    assertThat(value > 0).as("mu = " + mu + " " + e + " at " + lambda).isEqualTo(positive);
                }
            }
        }
        assertThat(total).isGreaterThan(1000);
    }

    /**
     * Batch atoms equal the enumeration: C(N + S − 1, S) atoms with replacement whose weights sum to 1, and Λ₋ from the
     * atoms equals {@link BatchEnumeration#exponent} (the same doubles, summed differently: 1e-14).
     */
    @Test
    void batchAtomsAreTheEnumeratedBatchLaw() {
        FiniteDataset data = MfGaussianDatasetDump.dataset(1, 12, 0.4, 2.0);
        for (boolean replacement : new boolean[] {true, false}) {
            BatchAtoms atoms = BatchAtoms.ofDataset(data, 3, replacement, 10_000);
            assertThat(atoms.size()).isEqualTo((int) BatchEnumeration.batchCount(12, 3, replacement));
            double total = 0;
            for (double w : atoms.weights()) {
                total += w;
            }
            assertThat(total).isCloseTo(1.0, offset(1e-14));
            double lambda = 0.7;
            double sum = 0;
            for (int k = 0; k < atoms.size(); k++) {
                sum += atoms.weight(k) * Math.log(Math.abs(1 - lambda * atoms.value(k)));
            }
            assertThat(sum).isCloseTo(BatchEnumeration.exponent(data, 3, replacement, lambda).value(),
                    offset(1e-14));
        }
        assertThat(BatchAtoms.ofDataset(data, 1, true, 100).values()).containsExactly(data.values());
    }

    /**
     * L2: E(1 − λχ)² − 1 = λ(m₂λ − 2m₁) has its root at 2m₁/m₂; for the two-point law χ ∈ {1, a} that is
     * 2(1 + a)/(1 + a²) (000 Fig. 2-left). S = 2 with replacement halves the variance: m₂ = Var/2 + m₁².
     */
    @Test
    void meanSquareRootIsTheClosedForm() {
        double a = 0.5;
        List<BoundaryRoot> roots = MeanSquareBoundary.roots(BatchAtoms.ofSamples(new double[] {1, a}), 0, 3);
        assertThat(roots).hasSize(1);
        assertThat(roots.get(0).root()).isCloseTo(2 * (1 + a) / (1 + a * a),
                offset(1e-15));
        assertThat(roots.get(0).rising()).isTrue();
        FiniteDataset data = new FiniteDataset(new double[] {1, a});
        double m1 = 0.75;
        double m2 = data.variance() / 2 + m1 * m1;
        List<BoundaryRoot> s2 = MeanSquareBoundary.roots(BatchAtoms.ofDataset(data, 2, true, 10), 0, 3);
        assertThat(s2.get(0).root()).isCloseTo(2 * m1 / m2, offset(1e-15));
        assertThat(MeanSquareBoundary.roots(BatchAtoms.ofSamples(new double[] {-1, -a}), 0, 3)).isEmpty();
        assertThat(MeanSquareBoundary.roots(BatchAtoms.ofSamples(new double[] {0, 0}), 0, 3)).isEmpty();
        // A range containing 0 reports the root at 0 too (falling: positive below, negative above).
        List<BoundaryRoot> both = MeanSquareBoundary.roots(BatchAtoms.ofSamples(new double[] {1, a}), -1, 3);
        assertThat(both).extracting(BoundaryRoot::root).containsExactly(0.0, 2 * (1 + a) / (1 + a * a));
        assertThat(both.get(0).rising()).isFalse();
    }

    /** --min-width drops both roots of every stripe narrower than W and keeps crossings and wider stripes. */
    @Test
    void minWidthDropsNarrowStripes() throws IOException {
        double[] chi = FiniteBoundaryReferenceTest.readDatasets().get("n100-s1-mu0.1");
        List<BoundaryRoot> all = FiniteBoundary.roots(BatchAtoms.ofSamples(chi), 0, 3);
        double w = 1e-12;
        List<BoundaryRoot> kept = FiniteBoundary.withMinWidth(all, w);
        long narrow = all.stream().filter(r -> r.kind() == RootKind.STRIPE && r.width() < w).count();
        assertThat(narrow).isPositive().isEven();
        assertThat(kept).hasSize(all.size() - (int) narrow);
        assertThat(kept).allMatch(r -> r.kind() == RootKind.CROSSING || r.width() >= w);
        assertThat(FiniteBoundary.withMinWidth(all, 0)).isEqualTo(all);
        assertThat(all.stream().filter(r -> r.kind() == RootKind.CROSSING).count())
                .isEqualTo(kept.stream().filter(r -> r.kind() == RootKind.CROSSING).count());
    }

    @Test
    void badInputIsRefusedWithOneLine() {
        BatchAtoms atoms = BatchAtoms.ofSamples(new double[] {1, 2});
        assertThatThrownBy(() -> FiniteBoundary.roots(atoms, 3, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("parameter 'lambda' = (3.0, 1.0] is out of range: allowed finite bounds with "
                        + "lambda_lo < lambda_hi");
        assertThatThrownBy(() -> FiniteBoundary.withMinWidth(List.of(), -1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'min-width' = -1.0");
        assertThatThrownBy(() -> BatchAtoms.ofDataset(new FiniteDataset(new double[100]), 4, true, 1000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("parameter 'enum_budget' = 1000 is out of range: allowed at least the 4421275 batches"
                        + " of N = 100, S = 4 for exact boundaries");
        assertThatThrownBy(() -> new BatchAtoms(new double[] {1}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void addIfIn(List<Double> out, double x, double lo, double hi) {
        if (x > lo && x <= hi) {
            out.add(x);
        }
    }
}
