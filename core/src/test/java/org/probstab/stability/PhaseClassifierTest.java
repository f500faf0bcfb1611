package org.probstab.stability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.lyapunov.Method;

/** The sign-pattern table of DESIGN §2 (000 Prop. 1), and the undetermined band |Λ| ≤ z·SE. */
class PhaseClassifierTest {

    private final PhaseClassifier classifier = new PhaseClassifier(3.0);

    private static ExponentEstimate exact(double v) {
        return ExponentEstimate.exact(v, 0.0, Method.EXACT_SUM, 1);
    }

    private static ExponentEstimate noisy(double v, double se) {
        return new ExponentEstimate(v, se, Double.NaN, Method.TRAJECTORY, 10, 100);
    }

    @Test
    void signPatternsGiveTheFivePhases() {
        assertThat(classifier.matrixFactorisation(exact(-0.1), exact(0.2), 0.5)).isEqualTo(Phase.IA);
        assertThat(classifier.matrixFactorisation(exact(-0.1), exact(0.2), 1.0)).isEqualTo(Phase.IB);
        assertThat(classifier.matrixFactorisation(exact(-0.1), exact(0.2), 3.0)).isEqualTo(Phase.IB);
        assertThat(classifier.matrixFactorisation(exact(0.1), exact(-0.2), 0.5)).isEqualTo(Phase.II);
        assertThat(classifier.matrixFactorisation(exact(-0.1), exact(-0.2), 0.5)).isEqualTo(Phase.III);
        assertThat(classifier.matrixFactorisation(exact(0.1), exact(0.2), 5.0)).isEqualTo(Phase.IV);
    }

    @Test
    void minusInfinityIsADeterminedCollapse() {
        assertThat(classifier.matrixFactorisation(exact(Double.NEGATIVE_INFINITY), exact(0.3), 0.9))
                .isEqualTo(Phase.IA);
        assertThat(classifier.single(Double.NEGATIVE_INFINITY, 0)).isEqualTo(Phase.STABLE);
    }

    @Test
    void exponentWithinZStandardErrorsIsUndetermined() {
        // 0.05 < 3 × 0.02: undetermined; 0.07 > 3 × 0.02: determined.
        assertThat(classifier.matrixFactorisation(noisy(0.05, 0.02), exact(0.3), 0.5)).isEqualTo(Phase.UNDETERMINED);
        assertThat(classifier.matrixFactorisation(noisy(-0.07, 0.02), exact(0.3), 0.5)).isEqualTo(Phase.IA);
        assertThat(classifier.single(0.05, 0.02)).isEqualTo(Phase.UNDETERMINED);
        assertThat(classifier.single(0.07, 0.02)).isEqualTo(Phase.UNSTABLE);
        // An exact zero is a boundary point, not a phase.
        assertThat(classifier.single(0.0, 0.0)).isEqualTo(Phase.UNDETERMINED);
        // z = 0 trusts every nonzero estimate.
        assertThat(new PhaseClassifier(0).single(1e-12, 1.0)).isEqualTo(Phase.UNSTABLE);
    }

    @Test
    void rejectsNegativeZ() {
        assertThatThrownBy(() -> new PhaseClassifier(-1)).hasMessageContaining("z must be in [0, inf)");
    }
}
