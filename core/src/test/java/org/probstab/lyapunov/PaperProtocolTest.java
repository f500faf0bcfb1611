package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.law.TwoPointLaw;
import org.probstab.random.StreamSeeds;

/**
 * The protocol is biased by design, so it is only checked where it is exact (no run reaches a cut-off: then it is
 * the fixed-T estimate, compared with the closed form within 4 SE), for determinism, and for running at all where
 * the cut-offs bite.
 */
class PaperProtocolTest {

    private static final long SEED = StreamSeeds.streamSeed(20_240_603L, 0, StreamSeeds.Purpose.PAPER_PROTOCOL);
    private static final long OTHER_SEED = StreamSeeds.streamSeed(20_240_603L, 1, StreamSeeds.Purpose.PAPER_PROTOCOL);

    @Test
    void defaultsAreThePapersAndSettingsAreValidated() {
        assertThat(PaperProtocol.Settings.defaults()).isEqualTo(new PaperProtocol.Settings(800, 1e100, 1e-140, 5000));
        assertThatThrownBy(() -> new PaperProtocol.Settings(0, 1e100, 1e-140, 5000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("runs must be in [1, ");
        assertThatThrownBy(() -> new PaperProtocol.Settings(1, 1.0, 1e-140, 5000))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("upperCutoff must be in (1, inf), got 1.0");
        assertThatThrownBy(() -> new PaperProtocol.Settings(1, 1e100, 1.0, 5000))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lowerCutoff must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> new PaperProtocol.Settings(1, 1e100, 1e-140, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxSteps must be in [1, ");
    }

    /**
     * Two-point law a = 0.9, λ = 0.05: Λ = ½ log(0.95·0.955) ≈ −0.049, s ≈ 0.0026, so log|z_5000| ≈ −243 ± 0.2,
     * far from both cut-offs (log 1e−140 ≈ −322): every run reaches maxSteps and the protocol is the unbiased
     * fixed-T estimate. 4 SE.
     */
    @Test
    void withoutCutoffHitsItIsTheUnbiasedFixedTimeEstimate() {
        TwoPointLaw law = new TwoPointLaw(0.9);
        ExponentEstimate estimate = PaperProtocol.scalar(law.dataset().samplerWithReplacement(1), 0.05,
                new PaperProtocol.Settings(200, 1e100, 1e-140, 5000), SEED);
        assertThat(estimate.method()).isEqualTo(Method.PAPER_PROTOCOL);
        assertThat(estimate.samples()).isEqualTo(200);
        assertThat(estimate.steps()).isEqualTo(5000);
        assertThat(Math.abs(estimate.value() - law.exponentClosedForm(0.05)))
                .isLessThanOrEqualTo(4 * estimate.standardError());
    }

    /**
     * Strongly positive exponent (two-point a = 5, λ = 1.5: Λ = ½ log(0.5·6.5) ≈ 0.589): every run stops at the
     * upper cut-off after ≈ 390 steps. Only that it runs, is finite, positive and deterministic is asserted; its
     * bias against the unbiased estimator is reported, not tested.
     */
    @Test
    void withCutoffHitsItRunsAndIsDeterministic() {
        ScalarBatchSampler sampler = new TwoPointLaw(5.0).dataset().samplerWithReplacement(1);
        PaperProtocol.Settings settings = new PaperProtocol.Settings(200, 1e100, 1e-140, 5000);
        ExponentEstimate first = PaperProtocol.scalar(sampler, 1.5, settings, SEED);
        assertThat(first.value()).isPositive().isFinite();
        assertThat(PaperProtocol.scalar(sampler, 1.5, settings, SEED)).isEqualTo(first);
        assertThat(PaperProtocol.scalar(sampler, 1.5, settings, OTHER_SEED).value()).isNotEqualTo(first.value());

        RandomSymmetricLaw law = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
        PaperProtocol.Settings small = new PaperProtocol.Settings(50, 1e100, 1e-140, 2000);
        ExponentEstimate matrix = PaperProtocol.matrix(law, 1.0, small, SEED);
        assertThat(matrix.value()).isFinite();
        assertThat(matrix.standardError()).isPositive().isFinite();
        assertThat(PaperProtocol.matrix(law, 1.0, small, SEED)).isEqualTo(matrix);
        assertThat(PaperProtocol.matrix(law, 1.0, small, OTHER_SEED).value()).isNotEqualTo(matrix.value());
    }

    /** A factor exactly 0 stops the run at θ = 0: −∞ with SE 0, as for the trajectory estimator. */
    @Test
    void aZeroFactorGivesMinusInfinity() {
        ExponentEstimate estimate = PaperProtocol.scalar(new TwoPointLaw(2.0).dataset().samplerWithReplacement(1),
                1.0, new PaperProtocol.Settings(10, 1e100, 1e-140, 5000), SEED);
        assertThat(estimate.value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(estimate.standardError()).isZero();
    }
}
