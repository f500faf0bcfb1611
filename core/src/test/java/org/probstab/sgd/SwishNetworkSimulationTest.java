package org.probstab.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.random.StreamSeeds;

/**
 * {@code sgd-swish} (000 §5.2, Fig. 4): the landscape (gradients against finite differences, A and B are minima with
 * the curvatures the documentation states), the linearisation at C against the exact exponent of the χ = x·y
 * dataset, and the solution SGD selects along a λ grid from A and from B: A → C → divergence and B → C →
 * divergence, with C reached only where the exact Λ₋, Λ₊ at C are both negative.
 */
class SwishNetworkSimulationTest {

    private static final double[] GRID = {0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0};

    /**
     * Central differences, h = 1e-6, of ℓ_i at 200 (sample, point) pairs with |w|, |u| ≤ 3: error ≲ h²·|ℓ'''| +
     * ε|ℓ|/h ≈ 1e-9 here; tolerance 1e-6. The minima: the gradient of L vanishes at A and B to 1e-9 (where Newton stops when
     * the loss can no longer decrease in floating point).
     */
    @Test
    void gradientAndMinimaOfTheLandscape() {
        SwishNetworkSimulation.Landscape l = SwishNetworkSimulation.landscape(SwishNetworkSimulation.DEFAULT_DATA_SEED);
        SwishDataset d = l.data();
        double h = 1e-6;
        double[] g = new double[2];
        org.probstab.random.Xoshiro256Plus rng = org.probstab.random.Xoshiro256Plus.fromSeed(4);
        for (int k = 0; k < 200; k++) {
            int i = rng.nextInt(SwishDataset.N);
            double w = 6 * rng.nextDouble() - 3;
            double u = 6 * rng.nextDouble() - 3;
            d.sampleGradient(i, w, u, g);
            assertThat(g[0]).isCloseTo((d.sampleLoss(i, w + h, u) - d.sampleLoss(i, w - h, u)) / (2 * h), within(1e-6));
            assertThat(g[1]).isCloseTo((d.sampleLoss(i, w, u + h) - d.sampleLoss(i, w, u - h)) / (2 * h), within(1e-6));
        }
        for (double[] m : new double[][] {l.a(), l.b()}) {
            double[] full = d.derivatives(m[0], m[1]);
            assertThat(Math.hypot(full[0], full[1])).isLessThan(1e-9);
        }
        assertThat(l.a()[0]).isCloseTo(-2.008, within(5e-4));
        assertThat(l.b()[0]).isCloseTo(1.421, within(5e-4));
        assertThat(d.largestCurvature(l.a()[0], l.a()[1])).isCloseTo(4.72, within(0.005));
        assertThat(d.largestCurvature(l.b()[0], l.b()[1])).isCloseTo(1.73, within(0.005));
        // A generalises best, B worst, C in between (000 §5.2).
        double gA = SwishDataset.generalisationLoss(l.a()[0], l.a()[1]);
        double gB = SwishDataset.generalisationLoss(l.b()[0], l.b()[1]);
        double gC = SwishDataset.generalisationLoss(0, 0);
        assertThat(gA).isLessThan(gC);
        assertThat(gC).isLessThan(gB);
    }

    /**
     * Near C, SGD on w ± u is the matrix-factorisation saddle of χ_i = x_i y_i: one SGD step from (w, u) = (δ, ±δ)
     * with δ = 1e-7 multiplies w ± u by 1 ± λχ_i up to O(δ) relative (checked to 1e-5 for every sample), and the
     * theory is the exact sum of those logarithms.
     */
    @Test
    void linearisationAtTheSaddleIsTheMatrixFactorisationSaddle() {
        SwishDataset d = SwishNetworkSimulation.landscape(SwishNetworkSimulation.DEFAULT_DATA_SEED).data();
        double lambda = 0.3;
        double delta = 1e-7;
        double[] g = new double[2];
        for (int i = 0; i < SwishDataset.N; i++) {
            double chi = d.x(i) * d.y(i);
            for (int sign : new int[] {1, -1}) {
                d.sampleGradient(i, delta, sign * delta, g);
                double w = delta - lambda * g[0];
                double u = sign * delta - lambda * g[1];
                double mode = sign == 1 ? (w + u) / (2 * delta) : (w - u) / (2 * delta);
                assertThat(mode).isCloseTo(1 + sign * lambda * chi, within(1e-5));
            }
        }
        SimulationOutcome o = SwishNetworkSimulation.outcome(SwishNetworkSimulation.Settings.of(lambda, "A")
                .withRunsAndSteps(1, 1), new double[] {0, 0});
        ExponentEstimate[] exact = ExactFiniteSum.exponentPair(d.saddleCurvatures(), lambda);
        assertThat(o.theory().expMinus()).isEqualTo(exact[0].value());
        assertThat(o.theory().expPlus()).isEqualTo(exact[1].value());
    }

    /** The most frequent of A, B, C, diverged (if it holds at least a fifth of the runs), else "none". */
    private static String reached(SolutionCensus c) {
        String best = "none";
        double most = 0.2;
        for (String name : List.of("A", "B", "C", "diverged")) {
            if (c.fraction(name) >= most) {
                most = c.fraction(name);
                best = name;
            }
        }
        return best;
    }

    /**
     * 100 runs of 10 000 steps at each λ of a log-spaced grid from 0.005 to 2, from A and from B: the solution reached
     * starts at the start point, changes to C at a larger λ and to divergence at a larger one still, never back; and
     * wherever most runs end at C, the exact Λ₋ and Λ₊ at C are both negative (C is attractive in probability).
     */
    @Test
    void solutionChangesFromTheMinimumToCThenDiverges() {
        for (String start : List.of("A", "B")) {
            List<String> sequence = new ArrayList<>();
            for (int i = 0; i < GRID.length; i++) {
                SwishNetworkSimulation.Settings s = SwishNetworkSimulation.Settings.of(GRID[i], start)
                        .withRunsAndSteps(100, 10_000);
                SimulationOutcome o = SwishNetworkSimulation.outcome(s, SwishNetworkSimulation.run(s,
                        StreamSeeds.streamSeed(9, i, StreamSeeds.Purpose.SIMULATION)));
                String label = reached(o.solutions());
                sequence.add(label);
                if (o.solutions().fraction("C") > 0.5) {
                    assertThat(o.theory().expMinus()).as("Lambda- at lambda %s", GRID[i]).isNegative();
                    assertThat(o.theory().expPlus()).as("Lambda+ at lambda %s", GRID[i]).isNegative();
                }
            }
            List<String> order = List.of(start, "C", "diverged");
            int stage = 0;
            for (String label : sequence) {
                if (label.equals("none")) {
                    continue;
                }
                int k = order.indexOf(label);
                assertThat(k).as("%s from %s: %s", label, start, sequence).isGreaterThanOrEqualTo(stage);
                stage = k;
            }
            assertThat(sequence.get(0)).as("from %s: %s", start, sequence).isEqualTo(start);
            assertThat(sequence).as("from %s", start).contains("C");
            assertThat(sequence.get(GRID.length - 1)).as("from %s: %s", start, sequence).isEqualTo("diverged");
        }
    }
}
