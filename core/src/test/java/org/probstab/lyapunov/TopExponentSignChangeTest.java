package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.random.StreamSeeds;

/**
 * 000 Fig. 2-right (App. A.2): θ_{t+1} = (I − λĤ)θ_t with Ĥ = diag(0.1, −0.1) + M + Mᵀ. The learning rate where
 * the top Lyapunov exponent changes sign from − to + (between λ = 0.2 and 0.5) is found by bisection on two
 * independent unbiased estimators — the renormalised product of one vector ({@link RenormalisedProduct}) and the
 * first exponent of the QR spectrum ({@link QrLyapunovSpectrum}) — and the papers' cut-off protocol's bias is
 * measured against the unbiased estimate and reported.
 */
class TopExponentSignChangeTest {

    private static final RandomSymmetricLaw LAW = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
    private static final TrajectorySettings SETTINGS = TrajectorySettings.defaults();

    /** A root with its standard error (delta method: SE of the exponent at the root over |dΛ/dλ|). */
    record Crossing(double lambda, double standardError) {
    }

    /**
     * Each estimator uses a fixed stream seed for every λ (common random numbers), so Λ̂(λ) is a smooth function
     * of λ and bisection on it to 1e-5 is well defined; the root's uncertainty is SE(Λ̂(λ*))/|Λ̂'(λ*)|, the slope
     * by a central difference over ±0.02. The two estimators use different seeds, so their roots are independent
     * and agree within 2 standard errors of the difference (z = 2 as the issue asks: a 4.6 % chance of a false
     * failure for a fixed seed is not a concern since the seeds are fixed and the result deterministic).
     */
    @Test
    void topExponentChangesSignAtTheSameLambdaForTrajectoryAndQrSpectrum(TestReporter reporter) {
        long seedProduct = StreamSeeds.streamSeed(7, 0, StreamSeeds.Purpose.TRAJECTORY_MINUS);
        long seedQr = StreamSeeds.streamSeed(7, 1, StreamSeeds.Purpose.TRAJECTORY_MINUS);
        Crossing product = crossing(l -> RenormalisedProduct.matrix(LAW, l, SETTINGS, seedProduct).exponent());
        Crossing qr = crossing(l -> {
            SpectrumResult s = QrLyapunovSpectrum.estimate(LAW, l, SETTINGS, seedQr);
            return new ExponentEstimate(s.exponents()[0], s.standardErrors()[0], Double.NaN, Method.TRAJECTORY,
                    s.runs(), s.steps());
        });
        double difference = product.lambda() - qr.lambda();
        double se = Math.hypot(product.standardError(), qr.standardError());
        reporter.publishEntry("sign change (renormalised product)", format(product.lambda(), product.standardError()));
        reporter.publishEntry("sign change (QR spectrum)", format(qr.lambda(), qr.standardError()));
        assertThat(product.lambda()).isBetween(0.2, 0.5);
        assertThat(Math.abs(difference)).as("roots %s vs %s", product, qr).isLessThanOrEqualTo(2 * se);
    }

    /**
     * The paper protocol (800 runs, cut-offs 1e100 / 1e−140, ≤ 5000 steps) against the unbiased renormalised
     * product with R = 256, T = 20 000 at three learning rates, reported as numbers (no assertion on their size:
     * the point is to measure it). Asserted only that the difference is finite and its SE is positive.
     */
    @Test
    void paperProtocolBiasIsReported(TestReporter reporter) {
        TrajectorySettings unbiased = new TrajectorySettings(256, 20_000, 100, 1, 1e-3);
        for (double lambda : new double[] {0.35, 1.0, 2.0}) {
            ExponentEstimate reference = RenormalisedProduct.matrix(LAW, lambda, unbiased,
                    StreamSeeds.streamSeed(11, (long) (lambda * 1000), StreamSeeds.Purpose.TRAJECTORY_MINUS)).exponent();
            ExponentEstimate paper = PaperProtocol.matrix(LAW, lambda, PaperProtocol.Settings.defaults(),
                    StreamSeeds.streamSeed(11, (long) (lambda * 1000), StreamSeeds.Purpose.PAPER_PROTOCOL));
            double bias = paper.value() - reference.value();
            double se = Math.hypot(paper.standardError(), reference.standardError());
            reporter.publishEntry(String.format(Locale.ROOT, "paper-protocol bias at lambda=%.2f", lambda),
                    String.format(Locale.ROOT, "%+.5f ± %.5f (paper %.5f, unbiased %.5f)", bias, se, paper.value(),
                            reference.value()));
            assertThat(bias).isFinite();
            assertThat(se).isPositive();
        }
    }

    private static Crossing crossing(DoubleFunction<ExponentEstimate> estimate) {
        double lo = 0.2;
        double hi = 0.5;
        assertThat(estimate.apply(lo).value()).isNegative();
        assertThat(estimate.apply(hi).value()).isPositive();
        while (hi - lo > 1e-5) {
            double m = 0.5 * (lo + hi);
            if (estimate.apply(m).value() < 0) {
                lo = m;
            } else {
                hi = m;
            }
        }
        double root = 0.5 * (lo + hi);
        double slope = (estimate.apply(root + 0.02).value() - estimate.apply(root - 0.02).value()) / 0.04;
        return new Crossing(root, estimate.apply(root).standardError() / Math.abs(slope));
    }

    private static String format(double value, double se) {
        return String.format(Locale.ROOT, "%.5f ± %.5f", value, se);
    }
}
