package org.probstab.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.ModelRegistry;
import org.probstab.param.CellParameters;

/**
 * Bad input is refused before anything runs, with an {@link InvalidInputException} whose key is the parameter at
 * fault and whose message is one line naming it: unknown optimizer or loss, β outside [0, 1), runs &lt; 1, an escape
 * window longer than the run, a start point the model does not know — for every simulator where it applies.
 */
class SimulatorValidationTest {

    private static Map<String, Object> twoPoint(Object... more) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("a", -1);
        raw.put("lambda", 0.5);
        for (int i = 0; i < more.length; i += 2) {
            raw.put((String) more[i], more[i + 1]);
        }
        return raw;
    }

    private static void assertRefused(Simulator simulator, Map<String, Object> raw, String key) {
        assertThatThrownBy(() -> ModelRegistry.resolve(simulator, raw, EstimatorKind.AUTO))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    assertThat(((InvalidInputException) e).key()).isEqualTo(key);
                    assertThat(e.getMessage()).contains(key).doesNotContain("\n");
                });
    }

    @Test
    void unknownOptimizerOrLoss() {
        Simulator s = Simulators.get(TwoPointSaddleSimulation.NAME);
        assertRefused(s, twoPoint("optimizer", "rmsprop"), "optimizer");
        assertRefused(s, twoPoint("loss", "cubic"), "loss");
        for (Simulator other : Simulators.all()) {
            Map<String, Object> raw = new HashMap<>();
            raw.put("lambda", 0.05);
            if (other.name().equals(TwoPointSaddleSimulation.NAME)) {
                raw.put("a", -1);
            }
            raw.put("optimizer", "adagrad");
            assertRefused(other, raw, "optimizer");
        }
        // The typed parsers say the same without a registry in front of them.
        assertThatThrownBy(() -> OptimizerKind.parse("optimizer", "sgdm")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sgd|adam|amsgrad");
        assertThatThrownBy(() -> TwoPointLoss.parse("loss", "cubic")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("quadratic|quartic");
    }

    @Test
    void betaOutsideTheUnitInterval() {
        Simulator s = Simulators.get(TwoPointSaddleSimulation.NAME);
        assertRefused(s, twoPoint("momentum", 1.0), "momentum");
        assertRefused(s, twoPoint("momentum", -0.1), "momentum");
        assertRefused(s, twoPoint("beta2", 1.0), "beta2");
        assertRefused(s, twoPoint("optimizer", "amsgrad", "beta2", 1.5), "beta2");
        assertThatThrownBy(() -> new Optimizer(OptimizerKind.ADAM, 0.1, 0.9, 1.0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("beta2");
    }

    @Test
    void runsBelowOne() {
        for (Simulator s : Simulators.all()) {
            Map<String, Object> raw = new HashMap<>();
            raw.put("lambda", 0.05);
            if (s.name().equals(TwoPointSaddleSimulation.NAME)) {
                raw.put("a", -1);
            }
            raw.put("runs", 0);
            assertRefused(s, raw, "runs");
        }
    }

    @Test
    void escapeWindowLongerThanTheRun() {
        Simulator s = Simulators.get(TwoPointSaddleSimulation.NAME);
        assertRefused(s, twoPoint("steps", 100, "escape_window", 200), "escape_window");
        assertRefused(s, twoPoint("steps", 100, "escape_window_start", 60, "escape_window", 50), "escape_window");
        // The window may end exactly at the last step.
        CellParameters ok = ModelRegistry.resolve(s, twoPoint("steps", 100, "escape_window_start", 50,
                "escape_window", 50), EstimatorKind.AUTO);
        assertThat(ok.number("escape_window")).isEqualTo(50);
    }

    @Test
    void unknownStartPoints() {
        for (Simulator s : Simulators.all()) {
            Map<String, Object> raw = new HashMap<>();
            raw.put("lambda", 0.05);
            if (s.name().equals(TwoPointSaddleSimulation.NAME)) {
                raw.put("a", -1);
            }
            raw.put("start", "top-of-the-hill");
            assertRefused(s, raw, "start");
        }
        // A solution the dataset does not have: data seed 0 has a single minimum, at w > 0 (B, no A).
        Map<String, Object> raw = new HashMap<>();
        raw.put("lambda", 0.05);
        raw.put("start", "A");
        raw.put("data_seed", 0);
        assertRefused(Simulators.get(SwishNetworkSimulation.NAME), raw, "start");
    }

    @Test
    void unknownModelsAndParameters() {
        assertThatThrownBy(() -> Simulators.get("sgd-three-point")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sgd-two-point");
        assertRefused(Simulators.get(TwoPointSaddleSimulation.NAME), twoPoint("mu", 0.5), "mu");
        assertRefused(Simulators.get(TwoPointSaddleSimulation.NAME), Map.of("lambda", 0.5), "a");
    }
}
