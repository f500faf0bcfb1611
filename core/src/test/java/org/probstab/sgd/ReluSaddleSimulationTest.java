package org.probstab.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.random.StreamSeeds;
import org.probstab.random.Xoshiro256Plus;

/**
 * {@code sgd-relu} (000 Fig. 1, App. A.1): the gradient against finite differences, then the figure's two claims —
 * Type-I escapes start at once, Type-II escapes are delayed — and the exponential fit of the Type-II escape against
 * the top Lyapunov exponent of the linearised map computed independently (a renormalised product of that map).
 */
class ReluSaddleSimulationTest {

    private static final long SEED = StreamSeeds.streamSeed(8, 1, StreamSeeds.Purpose.SIMULATION);

    /**
     * Central differences, h = 1e-6, at 300 random points with |w·x| &gt; 1e-3 (away from the ReLU's kink, so the
     * loss is smooth within h): error h²|ℓ'''| + ε|ℓ|/h ≲ 1e-9 for these magnitudes; tolerance 1e-6.
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        RandomGenerator g = Xoshiro256Plus.fromSeed(2);
        double h = 1e-6;
        double[] grad = new double[3];
        int checked = 0;
        while (checked < 300) {
            double u = 2 * g.nextGaussian();
            double w1 = g.nextGaussian();
            double w0 = g.nextGaussian();
            double xi = g.nextGaussian();
            double y = xi + 0.5 * g.nextGaussian();
            if (Math.abs(w1 * xi + w0) < 1e-3) {
                continue;
            }
            ReluSaddleSimulation.gradient(u, w1, w0, xi, y, grad);
            double du = (ReluSaddleSimulation.loss(u + h, w1, w0, xi, y) - ReluSaddleSimulation.loss(u - h, w1, w0, xi, y))
                    / (2 * h);
            double d1 = (ReluSaddleSimulation.loss(u, w1 + h, w0, xi, y) - ReluSaddleSimulation.loss(u, w1 - h, w0, xi, y))
                    / (2 * h);
            double d0 = (ReluSaddleSimulation.loss(u, w1, w0 + h, xi, y) - ReluSaddleSimulation.loss(u, w1, w0 - h, xi, y))
                    / (2 * h);
            assertThat(grad).containsExactly(new double[] {du, d1, d0}, within(1e-6));
            checked++;
        }
    }

    /**
     * λ = 0.05, 400 runs of 600 steps, d₀ = 1e-8. Type I: half the runs are 0.1 away from the saddle by the first
     * recorded step (t = 10). Type II: the median run takes ln(0.1/d₀)/Λ ≈ 310 steps, and at t = 50 the median
     * distance is still below 1e-6 (the start's 1e-8 times e^{50Λ}, Λ ≈ 0.05, plus the transient).
     */
    @Test
    void typeOneEscapesAtOnceAndTypeTwoIsDelayed() {
        SimulationOutcome one = ReluSaddleSimulation.outcome(ReluSaddleSimulation.Settings.of(0.05, true), SEED);
        SimulationOutcome two = ReluSaddleSimulation.outcome(ReluSaddleSimulation.Settings.of(0.05, false), SEED);
        assertThat(one.extra("median_escape_time")).isLessThanOrEqualTo(10.0);
        assertThat(two.extra("median_escape_time")).isGreaterThan(20 * one.extra("median_escape_time"));
        int t50 = 5;
        assertThat(two.saddle().times()[t50]).isEqualTo(50);
        assertThat(two.saddle().quantile(t50, 1)).isLessThan(1e-6);
        assertThat(one.saddle().quantile(t50, 1)).isGreaterThan(0.1);
    }

    /**
     * The exponential fit to the Type-II escape (mean per-run slope of ln d_t over the linear window) agrees with
     * the linearised map's top exponent within z = 4 combined standard errors √(SE_fit² + SE_Λ²), at two learning
     * rates.
     */
    @Test
    void typeTwoEscapeRateIsTheLyapunovExponent() {
        for (double lambda : new double[] {0.05, 0.1}) {
            SimulationOutcome two = ReluSaddleSimulation.outcome(ReluSaddleSimulation.Settings.of(lambda, false), SEED);
            SaddleEscapeCurve curve = two.saddle();
            assertThat(curve.fitEnd() - curve.fitStart()).isGreaterThanOrEqualTo(30);
            double se = Math.hypot(curve.rateSe(), two.theory().expMinusSe());
            assertThat(two.theory().expMinus()).isPositive();
            assertThat(Math.abs(curve.rate() - two.theory().expMinus())).as("lambda %s", lambda).isLessThan(4 * se);
        }
    }
}
