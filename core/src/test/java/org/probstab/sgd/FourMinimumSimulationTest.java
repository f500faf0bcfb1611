package org.probstab.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.random.RunStreams;
import org.probstab.random.StreamSeeds;
import org.probstab.random.Xoshiro256Plus;

/**
 * {@code sgd-four-minimum} (002 §5.3, eq. 10, Prop. 4, Fig. 3): the gradient against finite differences of the
 * loss, the vectorised runs against a plain per-run loop, and the paper's claim — SGD ends at the sharp minima even
 * when started next to a flat one — against the noiseless control b = 0, where GD keeps the flat minima.
 */
class FourMinimumSimulationTest {

    private static final long SEED = StreamSeeds.streamSeed(5, 3, StreamSeeds.Purpose.SIMULATION);

    /**
     * Central differences with h = 1e-5 on 200 random points of [−1.5, 1.5]² for x = ±1, a, b random: the error is
     * h²·|ℓ'''|/6 ≲ 1e-10·(100 + b) plus rounding ε|ℓ|/h ≲ 1e-9, so 1e-6 absolute is a safe bound that a wrong
     * term (every term is ≥ 1e-2 somewhere on these points) would exceed by orders of magnitude.
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        RandomGenerator g = Xoshiro256Plus.fromSeed(1);
        double h = 1e-5;
        for (int i = 0; i < 200; i++) {
            double w1 = 3 * g.nextDouble() - 1.5;
            double w2 = 3 * g.nextDouble() - 1.5;
            double x = g.nextBoolean() ? 1 : -1;
            double a = 2 * g.nextDouble();
            double b = 20 * g.nextDouble();
            double d1 = (FourMinimumSimulation.loss(w1 + h, w2, x, a, b) - FourMinimumSimulation.loss(w1 - h, w2, x, a, b))
                    / (2 * h);
            double d2 = (FourMinimumSimulation.loss(w1, w2 + h, x, a, b) - FourMinimumSimulation.loss(w1, w2 - h, x, a, b))
                    / (2 * h);
            assertThat(FourMinimumSimulation.gradient1(w1, w2, x, b)).isCloseTo(d1, within(1e-6));
            assertThat(FourMinimumSimulation.gradient2(w1, w2, a)).isCloseTo(d2, within(1e-6));
        }
    }

    @Test
    void vectorisedRunsEqualThePlainLoopBitForBit() {
        FourMinimumSimulation.Settings s = FourMinimumSimulation.Settings.paper(0.05).withRunsAndSteps(25, 333);
        for (Optimizer o : new Optimizer[] {s.optimizer(), new Optimizer(OptimizerKind.ADAM, 0.01, 0.9, 0.999)}) {
            FourMinimumSimulation.Settings t = new FourMinimumSimulation.Settings(s.a(), s.b(), o, s.runs(), s.steps(),
                    true, 0, 0, s.algorithm());
            double[] w = FourMinimumSimulation.run(t, SEED);
            for (int r = 0; r < t.runs(); r++) {
                Xoshiro256Plus g = Xoshiro256Plus.fromSeed(RunStreams.runSeed(SEED, r));
                double[] p = {2 * g.nextDouble() - 1, 2 * g.nextDouble() - 1};
                double[] grad = new double[2];
                double[] m = new double[2];
                double[] v = new double[2];
                double[] vHat = new double[2];
                long word = 0;
                for (long step = 0; step < t.steps(); step++) {
                    int bit = (int) (step % 32);
                    if (bit == 0) {
                        word = g.nextLong();
                    }
                    double x = ((word >>> (63 - bit)) & 1) == 1 ? 1.0 : -1.0;
                    grad[0] = FourMinimumSimulation.gradient1(p[0], p[1], x, t.b());
                    grad[1] = FourMinimumSimulation.gradient2(p[0], p[1], t.a());
                    o.update(p, grad, m, v, vHat, 2);
                }
                assertThat(new double[] {w[r], w[t.runs() + r]}).as("run %d, %s", r, o.kind()).containsExactly(p);
            }
        }
    }

    /**
     * 002 Fig. 3 (λ = 0.05, b = 1/λ − 6 = 14, a = 0.5, 2000 runs): every run ends at a sharp minimum, from the
     * uniform start on [−1, 1)² and from next to the flat minimum (1/√2, 0.01); the linearised w₁-exponent at a sharp
     * minimum is negative and so is Prop. 4's bound. With b = 0 (plain GD on E ℓ) a fifth of the uniform starts or
     * more end at the flat minima (their basins are that large) and a start next to a flat minimum stays there: the
     * selection of the sharp minima is the noise's doing.
     */
    @Test
    void sgdSelectsTheSharpMinima() {
        FourMinimumSimulation.Settings s = FourMinimumSimulation.Settings.paper(0.05).withRunsAndSteps(2000, 1000);
        SimulationOutcome uniform = FourMinimumSimulation.outcome(s, FourMinimumSimulation.run(s, SEED));
        assertThat(uniform.solutions().fraction("sharp+") + uniform.solutions().fraction("sharp-")).isEqualTo(1.0);
        assertThat(uniform.theory().expMinus()).isNegative();
        assertThat(uniform.extra("prop4_bound")).isNegative();
        FourMinimumSimulation.Settings nearFlat = s.withFixedStart(Math.sqrt(0.5), 0.01);
        SimulationOutcome fromFlat = FourMinimumSimulation.outcome(nearFlat, FourMinimumSimulation.run(nearFlat, SEED));
        assertThat(fromFlat.solutions().fraction("sharp+") + fromFlat.solutions().fraction("sharp-")).isEqualTo(1.0);

        FourMinimumSimulation.Settings noiseless = s.withB(0);
        SimulationOutcome gd = FourMinimumSimulation.outcome(noiseless, FourMinimumSimulation.run(noiseless, SEED));
        assertThat(gd.solutions().fraction("flat+") + gd.solutions().fraction("flat-")).isGreaterThan(0.2);
        FourMinimumSimulation.Settings noiselessNearFlat = noiseless.withFixedStart(Math.sqrt(0.5), 0.01);
        SimulationOutcome stays = FourMinimumSimulation.outcome(noiselessNearFlat,
                FourMinimumSimulation.run(noiselessNearFlat, SEED));
        assertThat(stays.solutions().fraction("flat+")).isEqualTo(1.0);
    }
}
