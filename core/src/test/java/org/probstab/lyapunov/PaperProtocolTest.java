package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
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
     * The cut-off protocol against its exact law. Two-point a = 5, λ = 1.5: each factor is 1 − 1.5 = −0.5 or
     * 1 − 7.5 = −6.5 with probability ½, so log|z_t| = k·ln 6.5 + (t − k)·ln 0.5 is a lattice walk in k, the number
     * of large factors (drift Λ = ½ ln 3.25 ≈ 0.589). Its first passage through ln 1e100 or ln 1e−140 (or t = 5000)
     * is enumerated exactly over (t, k), giving E[x] and Var[x] of one run's x = log|z_τ|/τ — the protocol's expected
     * value, bias included. The 200-run estimate must agree within 4 SE computed from that exact variance; and the
     * exact expectation lies above Λ (the overshoot of the upper cut-off), which is the bias the class documents.
     */
    @Test
    void withCutoffsItFollowsTheExactFirstPassageLaw() {
        double up = Math.log(6.5);
        double down = Math.log(0.5);
        double upper = Math.log(1e100);
        double lower = Math.log(1e-140);
        int maxSteps = 5000;
        // alive[k]: probability of k large factors in t steps with no cut-off reached yet.
        double[] alive = {1.0};
        double mean = 0;
        double square = 0;
        for (int t = 1; t <= maxSteps; t++) {
            double[] next = new double[t + 1];
            for (int k = 0; k < alive.length; k++) {
                next[k] += 0.5 * alive[k];
                next[k + 1] += 0.5 * alive[k];
            }
            for (int k = 0; k <= t; k++) {
                double log = k * up + (t - k) * down;
                if (next[k] > 0 && (log >= upper || log <= lower || t == maxSteps)) {
                    double x = log / t;
                    mean += next[k] * x;
                    square += next[k] * x * x;
                    next[k] = 0;
                }
            }
            alive = next;
        }
        double exponent = 0.5 * (up + down);
        double sd = Math.sqrt(square - mean * mean);
        ScalarBatchSampler sampler = new TwoPointLaw(5.0).dataset().samplerWithReplacement(1);
        PaperProtocol.Settings settings = new PaperProtocol.Settings(200, 1e100, 1e-140, maxSteps);
        ExponentEstimate first = PaperProtocol.scalar(sampler, 1.5, settings, SEED);
        assertThat(Math.abs(first.value() - mean)).isLessThanOrEqualTo(4 * sd / Math.sqrt(200));
        assertThat(first.standardError()).isCloseTo(sd / Math.sqrt(200), org.assertj.core.data.Percentage
                .withPercentage(40));
        assertThat(mean).isGreaterThan(exponent);
        // Deterministic per seed, and the seed matters.
        assertThat(PaperProtocol.scalar(sampler, 1.5, settings, SEED)).isEqualTo(first);
        assertThat(PaperProtocol.scalar(sampler, 1.5, settings, OTHER_SEED).value()).isNotEqualTo(first.value());
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
