package org.probstab.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.ModelRegistry;
import org.probstab.param.CellParameters;
import org.probstab.table.PhaseTable;
import org.probstab.table.Row;

/**
 * The entry point a model adapter calls — (validated parameters, seed, cell id) → outcome — for the contract of
 * {@code eval --model sgd-two-point --param a=-1 --param lambda=0.5 [loss, optimizer, momentum] --json}: every field
 * it prints is in the record, the result is a pure function of (parameters, seed, cell id), and the theory is
 * {@code exp_minus} of {@code mf-two-point} at a′ = a − 1, which is 002 eq. 77.
 */
class SimulationEntryPointTest {

    @Test
    void twoPointOutcomeCarriesTheEvalContract() {
        Simulator s = Simulators.get("sgd-two-point");
        for (Map<String, ?> raw : java.util.List.<Map<String, ?>>of(
                Map.of("a", -1, "lambda", 0.5),
                Map.of("a", -1, "lambda", 0.5, "loss", "quartic", "optimizer", "adam", "momentum", 0.9),
                Map.of("a", -1, "lambda", 0.5, "optimizer", "amsgrad"))) {
            CellParameters p = ModelRegistry.resolve(s, raw, EstimatorKind.AUTO);
            SimulationOutcome o = s.simulate(p, 1, 42);
            assertThat(o.simulator()).isEqualTo("sgd-two-point");
            assertThat(o.runs()).isEqualTo(2000);
            assertThat(o.steps()).isEqualTo(1000);
            assertThat(o.escape().probability()).isBetween(0.0, 1.0);
            assertThat(Double.isNaN(o.escape().rate())).isFalse();
            assertThat(o.escape().rateSe()).isNotNegative();
            assertThat(o.histogram().edges()).hasSize(21);
            assertThat(o.histogram().counts()).hasSize(20);
            assertThat(o.histogram().runs()).isEqualTo(2000);
            assertThat(o.theory().expMinus()).isCloseTo(0.5 * Math.log(Math.abs((1 - 0.5) * (1 - 0.5 * (-1 - 1)))),
                    within(1e-15));
            assertThat(o.algorithm()).isEqualTo("xoshiro256+/ziggurat256");
            SimulationOutcome again = s.simulate(p, 1, 42);
            assertThat(again.histogram().counts()).containsExactly(o.histogram().counts());
            assertThat(again.escape()).isEqualTo(o.escape());
            assertThat(s.simulate(p, 1, 43).escape()).isNotEqualTo(o.escape());
        }
    }

    /**
     * p(x) = ½δ(x − 1) + ½δ(x + 1 − a) puts x on {1, a − 1}; mf-two-point's χ ∈ {1, a′}: so the theory of
     * sgd-two-point at a equals mf-two-point's exp_minus at a′ = a − 1, bit for bit (both are the exact sum), for
     * a = −1, −0.5, 0.5 and several λ; and both equal 002 eq. 77, ½ ln|(1 − λ)(1 − λ(a − 1))|, to 1e-15 absolute.
     */
    @Test
    void theoryIsMfTwoPointAtAMinusOne() {
        for (double a : new double[] {-1, -0.5, 0.5}) {
            for (double lambda : new double[] {0.1, 0.5, 0.8, 1.5}) {
                Row mf = ModelRegistry.evaluate("mf-two-point", Map.of("a", a - 1, "lambda", lambda, "S", 1),
                        EstimatorKind.AUTO, 1, 0);
                LinearisedTheory theory = TwoPointSaddleSimulation.theory(a, lambda);
                assertThat(theory.expMinus()).isEqualTo(mf.get(PhaseTable.EXP_MINUS));
                assertThat(theory.logVariance()).isEqualTo(mf.get(PhaseTable.LOG_VAR));
                assertThat(theory.expMinus()).isCloseTo(
                        0.5 * Math.log(Math.abs((1 - lambda) * (1 - lambda * (a - 1)))), within(1e-15));
            }
        }
    }

    /** Every simulator runs through the entry point with its defaults (shortened) and says which streams it used. */
    @Test
    void everySimulatorRunsThroughTheEntryPoint() {
        for (Simulator s : Simulators.all()) {
            Map<String, Object> raw = new java.util.HashMap<>();
            raw.put("lambda", 0.05);
            raw.put("runs", 4);
            raw.put("steps", 20);
            if (s.name().equals("sgd-two-point")) {
                raw.put("a", -1);
                raw.put("escape_window", 20);
            }
            if (s.name().equals("sgd-relu")) {
                raw.put("theory_steps", 100);
            }
            SimulationOutcome o = s.simulate(ModelRegistry.resolve(s, raw, EstimatorKind.AUTO), 3, 5);
            assertThat(o.simulator()).isEqualTo(s.name());
            assertThat(o.runs()).isEqualTo(4);
            assertThat(o.steps()).isEqualTo(20);
            assertThat(o.theory()).isNotNull();
        }
    }
}
