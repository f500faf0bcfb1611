package org.probstab.sgd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.law.TwoPointLaw;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.random.RunStreams;
import org.probstab.random.RunStreams.Algorithm;
import org.probstab.random.StreamSeeds;
import org.probstab.random.Xoshiro256Plus;

/**
 * {@code sgd-two-point} against independent references: a plain per-run loop (bit for bit), the exact law of w_T
 * for the quadratic loss (binomial), the closed-form exponent E ln|1 − λx| (escape boundary, escape rate, Prop. 3),
 * and the per-run condition of 002 Prop. 5 for AMSGrad. Monte-Carlo tolerances are z = 4 standard errors.
 */
class TwoPointSaddleSimulationTest {

    private static final double Z = 4;
    private static final long SEED = StreamSeeds.streamSeed(2021, 7, StreamSeeds.Purpose.SIMULATION);

    /**
     * The reference loop: one generator per run, its start and its x bits drawn exactly as documented (w_0 =
     * 2U − 1; a word per 32 steps, bits from the top, a set bit meaning x = 1), the loss's gradient and
     * {@link Optimizer#update} on one coordinate — no blocks, no shared arrays.
     */
    private static double[] plainLoop(TwoPointSaddleSimulation.Settings s, long streamSeed) {
        double[] out = new double[s.runs()];
        for (int r = 0; r < s.runs(); r++) {
            long runSeed = RunStreams.runSeed(streamSeed, r);
            RandomGenerator g = s.algorithm() == Algorithm.XOSHIRO256_PLUS ? Xoshiro256Plus.fromSeed(runSeed)
                    : StreamSeeds.fromSeed(runSeed);
            double[] w = {s.uniformStart() ? 2 * g.nextDouble() - 1 : s.w0()};
            double[] m = new double[1];
            double[] v = new double[1];
            double[] vHat = new double[1];
            double[] grad = new double[1];
            long word = 0;
            for (long t = 0; t < s.steps(); t++) {
                int bit = (int) (t % 32);
                if (bit == 0) {
                    word = g.nextLong();
                }
                double x = ((word >>> (63 - bit)) & 1) == 1 ? 1.0 : s.a() - 1;
                grad[0] = s.loss().gradient(w[0], x);
                s.optimizer().update(w, grad, m, v, vHat, 1);
            }
            out[r] = w[0];
        }
        return out;
    }

    /**
     * Both losses' gradients against central differences of the losses (h = 1e-6) on 200 points w ∈ [−3, 3],
     * x ∈ {1, a − 1} with a ∈ [−3, 1]: error h²|ℓ‴|/6 + ε|ℓ|/h ≲ 1e-9; tolerance 1e-7.
     */
    @Test
    void gradientsMatchFiniteDifferences() {
        Xoshiro256Plus g = Xoshiro256Plus.fromSeed(3);
        double h = 1e-6;
        for (TwoPointLoss loss : TwoPointLoss.values()) {
            for (int i = 0; i < 200; i++) {
                double w = 6 * g.nextDouble() - 3;
                double x = g.nextBoolean() ? 1 : 4 * g.nextDouble() - 4;
                double fd = (loss.loss(w + h, x) - loss.loss(w - h, x)) / (2 * h);
                assertThat(loss.gradient(w, x)).as("%s at w = %s, x = %s", loss, w, x)
                        .isCloseTo(fd, org.assertj.core.api.Assertions.within(1e-7));
            }
        }
    }

    @Test
    void vectorisedRunsEqualThePlainLoopBitForBit() {
        for (TwoPointLoss loss : TwoPointLoss.values()) {
            for (OptimizerKind kind : OptimizerKind.values()) {
                for (double momentum : new double[] {0, 0.9}) {
                    TwoPointSaddleSimulation.Settings s = TwoPointSaddleSimulation.Settings.of(-0.6, loss,
                            new Optimizer(kind, 0.3, momentum, 0.99)).withRunsAndSteps(37, 301).withWindow(13, 77);
                    assertThat(TwoPointSaddleSimulation.run(s, SEED).finalW()).as("%s %s %s", loss, kind, momentum)
                            .containsExactly(plainLoop(s, SEED));
                }
            }
        }
        TwoPointSaddleSimulation.Settings jdk = TwoPointSaddleSimulation.Settings.of(-1, TwoPointLoss.QUARTIC,
                Optimizer.sgd(0.8)).withRunsAndSteps(20, 200).withAlgorithm(Algorithm.L64X128_MIX_RANDOM);
        assertThat(TwoPointSaddleSimulation.run(jdk, SEED).finalW()).containsExactly(plainLoop(jdk, SEED));
    }

    /** The block schedule (here moved by the escape window) does not change a run's draws. */
    @Test
    void runsDoNotDependOnTheEscapeWindow() {
        TwoPointSaddleSimulation.Settings s = TwoPointSaddleSimulation.Settings.of(-1, TwoPointLoss.QUADRATIC,
                new Optimizer(OptimizerKind.ADAM, 0.2, 0.9, 0.999)).withRunsAndSteps(50, 500);
        assertThat(TwoPointSaddleSimulation.run(s.withWindow(0, 50), SEED).finalW())
                .containsExactly(TwoPointSaddleSimulation.run(s.withWindow(123, 331), SEED).finalW());
    }

    /**
     * Quartic loss at a = −1, λ = 1 (x = 1 gives w ← −w³, x = −2 gives w ← 3w − w³): over 50 steps some runs collapse
     * to w = 0 exactly and others diverge, so γ̂ = −∞ + ∞ is undefined. The cell is still an outcome: γ̂ and its SE
     * are NaN (null in the table), and the escape probability is the fraction of runs outside the central bins,
     * counted here from the final values.
     */
    @Test
    void anUndefinedEscapeRateLeavesTheRestOfTheCell() {
        TwoPointSaddleSimulation.Settings s = TwoPointSaddleSimulation.Settings.of(-1, TwoPointLoss.QUARTIC,
                Optimizer.sgd(1)).withRunsAndSteps(400, 50);
        TwoPointSaddleSimulation.Runs runs = TwoPointSaddleSimulation.run(s, SEED);
        double[] w = runs.finalW();
        assertThat(Arrays.stream(w).filter(x -> x == 0).count()).as("collapsed runs").isPositive();
        assertThat(Arrays.stream(w).filter(x -> !Double.isFinite(x)).count()).as("diverged runs").isPositive();
        SimulationOutcome o = TwoPointSaddleSimulation.outcome(s, runs);
        assertThat(o.escape().rate()).isNaN();
        assertThat(o.escape().rateSe()).isNaN();
        double h = 2 * s.range() / s.bins();
        long outside = Arrays.stream(w).filter(x -> !(x >= -h && x < h)).count();
        assertThat(o.escape().probability()).isEqualTo((double) outside / w.length);
    }

    /**
     * Quadratic loss, SGD, fixed w_0 = 1: w_T = (1 − λ)^K (1 − λ(a − 1))^{T−K} with K ~ Binomial(T, ½) the number of
     * x = 1 draws (002 eq. 21). Every final value is one of the T + 1 exact values (to 1e−12 relative: T = 30 steps of
     * rounding at 1.1e−16 each, far below the 4 % spacing of the values), each K's frequency is binomial within
     * z = 4 SE, and so are the histogram's bins and the escape probability.
     */
    @Test
    void quadraticLossFollowsTheExactFiniteProductLaw() {
        double a = -1;
        double lambda = 0.45;
        int steps = 30;
        int runs = 20_000;
        TwoPointSaddleSimulation.Settings s = TwoPointSaddleSimulation.Settings.of(a, TwoPointLoss.QUADRATIC,
                Optimizer.sgd(lambda)).withRunsAndSteps(runs, steps).withWindow(0, 10).withFixedStart(1.0);
        TwoPointSaddleSimulation.Runs result = TwoPointSaddleSimulation.run(s, SEED);
        double low = Math.log(1 - lambda);
        double high = Math.log(1 - lambda * (a - 1));
        long[] kCounts = new long[steps + 1];
        for (double w : result.finalW()) {
            // Recover K from ln w_T = K ln(1 − λ) + (T − K) ln(1 − λ(a − 1)).
            double k = (Math.log(w) - steps * high) / (low - high);
            long kk = Math.round(k);
            double exact = Math.exp(kk * low + (steps - kk) * high);
            assertThat(w).isCloseTo(exact, org.assertj.core.api.Assertions.withinPercentage(1e-10));
            kCounts[(int) kk]++;
        }
        double[] pK = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            pK[k] = binomial(steps, k) / Math.pow(2, steps);
            double se = Math.sqrt(runs * pK[k] * (1 - pK[k]));
            assertThat(Math.abs(kCounts[k] - runs * pK[k])).as("K = %d", k).isLessThanOrEqualTo(Z * se + 1e-9);
        }
        SimulationOutcome o = TwoPointSaddleSimulation.outcome(s, result);
        double[] edges = o.histogram().edges();
        long[] counts = o.histogram().counts();
        double pAbove = 0;
        for (int b = 0; b < counts.length; b++) {
            double p = 0;
            for (int k = 0; k <= steps; k++) {
                double w = Math.exp(k * low + (steps - k) * high);
                if (w >= edges[b] && w < edges[b + 1]) {
                    p += pK[k];
                }
            }
            assertThat(Math.abs(counts[b] - runs * p)).as("bin %d", b)
                    .isLessThanOrEqualTo(Z * Math.sqrt(runs * p * (1 - p)) + 1e-9);
        }
        for (int k = 0; k <= steps; k++) {
            if (Math.exp(k * low + (steps - k) * high) >= 1) {
                pAbove += pK[k];
            }
        }
        assertThat(Math.abs(o.histogram().above() - runs * pAbove))
                .isLessThanOrEqualTo(Z * Math.sqrt(runs * pAbove * (1 - pAbove)));
        double pEscape = 0;
        for (int k = 0; k <= steps; k++) {
            if (Math.exp(k * low + (steps - k) * high) >= 0.1) {
                pEscape += pK[k];
            }
        }
        assertThat(Math.abs(o.escape().probability() - pEscape)).isLessThan(Z * o.escape().probabilitySe());
    }

    /**
     * 002 Fig. 2-left on a 12 × 20 grid (a = −2 … 0.75 in steps of 0.25, λ = 0.1 … 2 in steps of 0.1; 400 runs of
     * 400 steps from U[−1, 1)): a cell is simulated as escaping when more than half of the runs left the two central
     * bins, and the theory says escaping when Λ = E ln|1 − λx| &gt; 0. Where they disagree, the theory's sign must
     * change within one grid cell (a neighbour in a or λ has the other sign): the boundary matches within one cell.
     */
    @Test
    void escapeBoundaryMatchesTheClosedFormWithinOneGridCell() {
        int na = 12;
        int nl = 20;
        boolean[][] theory = new boolean[na][nl];
        boolean[][] simulated = new boolean[na][nl];
        for (int i = 0; i < na; i++) {
            double a = -2 + 0.25 * i;
            for (int j = 0; j < nl; j++) {
                double lambda = 0.1 * (j + 1);
                theory[i][j] = TwoPointSaddleSimulation.theory(a, lambda).expMinus() > 0;
                TwoPointSaddleSimulation.Settings s = TwoPointSaddleSimulation.Settings.of(a, TwoPointLoss.QUADRATIC,
                        Optimizer.sgd(lambda)).withRunsAndSteps(400, 400);
                SimulationOutcome o = TwoPointSaddleSimulation.outcome(s,
                        TwoPointSaddleSimulation.run(s, StreamSeeds.streamSeed(1, i * nl + j,
                                StreamSeeds.Purpose.SIMULATION)));
                simulated[i][j] = o.escape().probability() > 0.5;
            }
        }
        int mismatches = 0;
        for (int i = 0; i < na; i++) {
            for (int j = 0; j < nl; j++) {
                if (simulated[i][j] != theory[i][j]) {
                    mismatches++;
                    boolean boundaryNear = (i > 0 && theory[i - 1][j] != theory[i][j])
                            || (i < na - 1 && theory[i + 1][j] != theory[i][j])
                            || (j > 0 && theory[i][j - 1] != theory[i][j])
                            || (j < nl - 1 && theory[i][j + 1] != theory[i][j]);
                    assertThat(boundaryNear).as("cell a = %s, lambda = %s is %s by simulation, %s by theory",
                            -2 + 0.25 * i, 0.1 * (j + 1), simulated[i][j], theory[i][j]).isTrue();
                }
            }
        }
        assertThat(mismatches).isLessThan(na * nl / 20);
    }

    /**
     * γ̂(λ) (eq. 9 over the first 50 steps, 2000 runs: 002 §6.2) against Λ = E ln|1 − λx| for the quadratic loss,
     * where E ln|w_τ/w_0| = τΛ holds exactly for every τ: 8 values of λ for each of a = −1 and a = −0.5, each within
     * z = 4 of the estimator's SE.
     */
    @Test
    void escapeRateMatchesTheExponent() {
        for (double a : new double[] {-1, -0.5}) {
            int lambdaIndex = 0;
            for (double lambda : new double[] {0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1.2, 1.5}) {
                TwoPointSaddleSimulation.Settings s = TwoPointSaddleSimulation.Settings.of(a, TwoPointLoss.QUADRATIC,
                        Optimizer.sgd(lambda)).withRunsAndSteps(2000, 50);
                SimulationOutcome o = TwoPointSaddleSimulation.outcome(s, TwoPointSaddleSimulation.run(s,
                        StreamSeeds.streamSeed(3, lambdaIndex++, StreamSeeds.Purpose.SIMULATION)));
                double exact = ExactFiniteSum.exponent(new TwoPointLaw(a - 1).dataset(), lambda).value();
                assertThat(o.theory().expMinus()).isEqualTo(exact);
                assertThat(Math.abs(o.escape().rate() - exact)).as("a = %s, lambda = %s", a, lambda)
                        .isLessThan(Z * o.escape().rateSe());
            }
        }
    }

    /**
     * 002 Prop. 3 on the escape window 0 &lt; λ &lt; a/(a − 1): on 11 λ spaced symmetrically about
     * λ* = a/(2(a − 1)) the simulated γ̂ (4000 runs, τ = 200) peaks within one grid point of λ*, γ̂(λ*) agrees with
     * γ* = ln((2 − a)/(2√(1 − a))) within z = 4 SE, and no grid point exceeds γ* by more than 4 SE. Beyond λ &lt; 1
     * the proposition's γ* is not the supremum: at λ = 3 the escape rate is ½ ln|2(1 + 3(1 − a))| ≫ γ*.
     */
    @Test
    void optimalEscapeRateIsPropositionThree() {
        for (double a : new double[] {-1, -0.5}) {
            double lambdaStar = a / (2 * (a - 1));
            double gammaStar = Math.log((2 - a) / (2 * Math.sqrt(1 - a)));
            double spacing = lambdaStar / 6;
            int best = -1;
            double bestRate = Double.NEGATIVE_INFINITY;
            for (int i = 0; i <= 10; i++) {
                double lambda = lambdaStar + (i - 5) * spacing;
                TwoPointSaddleSimulation.Settings s = TwoPointSaddleSimulation.Settings.of(a, TwoPointLoss.QUADRATIC,
                        Optimizer.sgd(lambda)).withRunsAndSteps(4000, 200).withWindow(0, 200);
                EscapeStatistics e = TwoPointSaddleSimulation.outcome(s, TwoPointSaddleSimulation.run(s,
                        StreamSeeds.streamSeed(4, i, StreamSeeds.Purpose.SIMULATION))).escape();
                if (e.rate() > bestRate) {
                    bestRate = e.rate();
                    best = i;
                }
                assertThat(e.rate()).isLessThan(gammaStar + Z * e.rateSe());
                if (i == 5) {
                    assertThat(Math.abs(e.rate() - gammaStar)).isLessThan(Z * e.rateSe());
                }
            }
            assertThat(best).as("argmax of the escape rate for a = %s", a).isBetween(4, 6);
            TwoPointSaddleSimulation.Settings large = TwoPointSaddleSimulation.Settings.of(a, TwoPointLoss.QUADRATIC,
                    Optimizer.sgd(3)).withRunsAndSteps(500, 50);
            double rate = TwoPointSaddleSimulation.outcome(large, TwoPointSaddleSimulation.run(large, SEED)).escape()
                    .rate();
            assertThat(rate).isGreaterThan(10 * gammaStar);
        }
    }

    /**
     * 002 Prop. 5 and Fig. 4–5 (a = −0.1, λ = 0.2, β₂ = 0.999, 500 runs of 20 000 steps from U[−1, 1)). AMSGrad
     * without momentum: once v̂ has stopped growing, the run is SGD with step λ′ = λ/√v̂, and it converges to w = 0
     * exactly when |(1 − λ′)(1 + λ′(1 − a))| &lt; 1 (eq. 108); per run, that prediction from the run's own final v̂
     * and the outcome (w_T in the central bins; for most of them |w_T| &lt; 1e−43) agree for all but 1 % of the runs
     * (a run whose v̂ still grows at T may be on its way). Adam with momentum β₁ = 0.9 is not attracted: no run ends in the
     * central bins and the median of ln|w_T| is positive (Fig. 4-right).
     */
    @Test
    void amsgradConvergesToTheMaximumWherePropositionFiveSays() {
        double a = -0.1;
        double lambda = 0.2;
        TwoPointSaddleSimulation.Settings s = TwoPointSaddleSimulation.Settings.of(a, TwoPointLoss.QUADRATIC,
                new Optimizer(OptimizerKind.AMSGRAD, lambda, 0, 0.999)).withRunsAndSteps(500, 20_000);
        TwoPointSaddleSimulation.Runs runs = TwoPointSaddleSimulation.run(s, SEED);
        int agree = 0;
        int predicted = 0;
        int deep = 0;
        for (int r = 0; r < s.runs(); r++) {
            double effective = lambda / Math.sqrt(runs.preconditioner()[r]);
            boolean absorbing = Math.abs((1 - effective) * (1 + effective * (1 - a))) < 1;
            boolean absorbed = Math.abs(runs.finalW()[r]) < 0.1;
            if (absorbing) {
                predicted++;
                if (Math.abs(runs.finalW()[r]) < 1e-43) {
                    deep++;
                }
            }
            if (absorbing == absorbed) {
                agree++;
            }
        }
        assertThat(agree).isGreaterThanOrEqualTo(s.runs() * 99 / 100);
        assertThat(predicted).isGreaterThan(s.runs() / 4);
        // Converging, not hovering: most predicted runs are below 1e-43 (ln < -100) after 20 000 steps.
        assertThat(deep).isGreaterThan(predicted / 2);
        SimulationOutcome o = TwoPointSaddleSimulation.outcome(s, runs);
        assertThat(o.extra("prop5_predicted_absorbed")).isEqualTo((double) predicted / s.runs());

        TwoPointSaddleSimulation.Settings adam = TwoPointSaddleSimulation.Settings.of(a, TwoPointLoss.QUADRATIC,
                new Optimizer(OptimizerKind.ADAM, lambda, 0.9, 0.999)).withRunsAndSteps(500, 20_000);
        TwoPointSaddleSimulation.Runs adamRuns = TwoPointSaddleSimulation.run(adam, SEED);
        SimulationOutcome adamOutcome = TwoPointSaddleSimulation.outcome(adam, adamRuns);
        // A run may pass through the central bins at the last step (1 of 500 here); none is converging.
        assertThat(adamOutcome.extra("absorbed_fraction")).isLessThan(0.02);
        for (double w : adamRuns.finalW()) {
            assertThat(Math.abs(w)).isGreaterThan(1e-6);
        }
        assertThat(adamOutcome.escape().medianLogAbs()).isGreaterThan(0);
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
