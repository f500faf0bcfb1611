package org.probstab.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.EstimatorSettings;
import org.probstab.model.Model;
import org.probstab.model.ModelRegistry;
import org.probstab.model.TheoryCell;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.CellTable;
import org.probstab.table.Row;
import org.probstab.table.SimulationTable;

/**
 * The simulators as models of the catalogue: registered by name, their parameters their own (no shared estimator
 * parameter they do not use), estimators other than auto refused, and a cell's row holding exactly its
 * {@link SimulationOutcome} — each part in its columns, the rest null.
 */
class SimulationModelsTest {

    private static final List<String> NAMES = List.of("sgd-two-point", "sgd-four-minimum", "sgd-swish", "sgd-spred",
            "sgd-relu");

    /** A small cell of each simulator. */
    private static Map<String, Object> small(String name) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("lambda", 0.05);
        raw.put("runs", 6);
        raw.put("steps", 40);
        switch (name) {
            case "sgd-two-point" -> {
                raw.put("a", -1);
                raw.put("escape_window", 40);
                raw.put("record_points", 5);
            }
            case "sgd-relu" -> raw.put("theory_steps", 100);
            default -> { }
        }
        return raw;
    }

    @Test
    void everySimulatorIsAModelOfTheCatalogueWithItsOwnParameters() {
        assertThat(Simulators.names()).containsExactlyElementsOf(NAMES);
        List<String> shared = EstimatorSettings.PARAMETERS.stream().map(ParameterSpec::name).toList();
        for (String name : NAMES) {
            Model m = ModelRegistry.get(name);
            assertThat(m).isInstanceOf(Simulator.class);
            assertThat(m.kind()).isSameAs(SimulationTable.KIND);
            assertThat(m.estimatorParameters()).isEmpty();
            List<String> names = ModelRegistry.parameters(m).stream().map(ParameterSpec::name).toList();
            assertThat(names).doesNotHaveDuplicates().contains("lambda", "runs", "steps", "optimizer", "momentum",
                    "beta2", "start", "rng");
            // runs and steps are the simulator's own (runs >= 1); the other shared names are unknown here.
            assertThat(names).doesNotContainAnyElementsOf(shared.stream()
                    .filter(n -> !n.equals("runs") && !n.equals("steps")).toList());
            Map<String, Object> one = small(name);
            one.put("runs", 1);
            assertThat(ModelRegistry.resolve(m, one, EstimatorKind.AUTO).integer("runs")).isEqualTo(1);
            assertThatThrownBy(() -> ModelRegistry.resolve(m, small(name), EstimatorKind.TRAJECTORY))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("estimator")
                    .hasMessageContaining("auto");
            Map<String, Object> burnIn = small(name);
            burnIn.put("burn_in", 5);
            assertThatThrownBy(() -> ModelRegistry.resolve(m, burnIn, EstimatorKind.AUTO))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("burn_in");
        }
    }

    /** The two-point row holds the outcome's numbers to the bit, and the cell columns say what the cell was. */
    @Test
    void aTwoPointRowIsItsOutcome() {
        Map<String, Object> raw = Map.of("a", -1, "lambda", 0.5, "runs", 300, "steps", 200, "loss", "quartic",
                "optimizer", "adam", "momentum", 0.9, "record_points", 8);
        Row row = ModelRegistry.evaluate("sgd-two-point", raw, EstimatorKind.AUTO, 7, 11);
        Simulator s = Simulators.get("sgd-two-point");
        CellParameters p = ModelRegistry.resolve(s, raw, EstimatorKind.AUTO);
        SimulationOutcome o = s.simulate(p, 7, 11);
        assertThat(row.get(CellTable.CELL_ID)).isEqualTo(11);
        assertThat(row.get(CellTable.MODEL)).isEqualTo("sgd-two-point");
        assertThat(row.get(CellTable.LAMBDA)).isEqualTo(0.5);
        assertThat(row.has(CellTable.MU)).isFalse();
        assertThat(row.get(CellTable.BATCH_SIZE)).isEqualTo(1);
        assertThat(row.get(CellTable.N)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(row.get(CellTable.PARAMS)).containsEntry("a", -1.0).containsEntry("momentum", 0.9)
                .containsEntry("beta2", 0.999).doesNotContainKeys("lambda", "runs", "steps");
        assertThat(row.get(SimulationTable.OPTIMIZER)).isEqualTo("adam");
        assertThat(row.get(SimulationTable.LOSS)).isEqualTo("quartic");
        assertThat(row.get(SimulationTable.START)).isEqualTo("uniform");
        assertThat(row.get(SimulationTable.RNG_ALGORITHM)).isEqualTo("xoshiro256+/ziggurat256");
        assertThat(row.get(SimulationTable.RUNS)).isEqualTo(300);
        assertThat(row.get(SimulationTable.STEPS)).isEqualTo(200);
        assertThat(row.get(SimulationTable.ESCAPE_PROBABILITY)).isEqualTo(o.escape().probability());
        assertThat(row.get(SimulationTable.ESCAPE_PROBABILITY_SE)).isEqualTo(o.escape().probabilitySe());
        assertThat(row.get(SimulationTable.ESCAPE_RATE)).isEqualTo(o.escape().rate());
        assertThat(row.get(SimulationTable.ESCAPE_RATE_SE)).isEqualTo(o.escape().rateSe());
        assertThat(row.get(SimulationTable.ESCAPE_WINDOW)).containsExactly(0, 50);
        assertThat(row.get(SimulationTable.HISTOGRAM_PARAMETER)).isEqualTo("w");
        assertThat(row.get(SimulationTable.HISTOGRAM_EDGES)).containsExactly(o.histogram().edges());
        long[] counts = row.get(SimulationTable.HISTOGRAM_COUNTS);
        assertThat(counts).containsExactly(o.histogram().counts());
        long total = row.get(SimulationTable.HISTOGRAM_BELOW) + row.get(SimulationTable.HISTOGRAM_ABOVE)
                + row.get(SimulationTable.HISTOGRAM_NON_FINITE);
        for (long c : counts) {
            total += c;
        }
        assertThat(total).isEqualTo(300);
        // Quantiles of |w_t| at t = 0 and 8 log-spaced steps up to T = 200, three levels each.
        double[] times = row.get(SimulationTable.QUANTILE_TIMES);
        assertThat(times[0]).isZero();
        assertThat(times[times.length - 1]).isEqualTo(200);
        assertThat(row.get(SimulationTable.QUANTILE_LEVELS)).containsExactly(0.1, 0.5, 0.9);
        assertThat(row.get(SimulationTable.QUANTILE_VALUES)).hasSize(3 * times.length);
        // The median |w_0| of U[−1, 1) starts is ½ within z = 4 SE: SE of the median ≈ 1/(2 f(m) √R) with density
        // f = 1 of |w_0| on [0, 1).
        assertThat(row.get(SimulationTable.QUANTILE_VALUES)[1]).isCloseTo(0.5, within(4 / (2 * Math.sqrt(300))));
        assertThat(row.get(SimulationTable.EXP_MINUS)).isEqualTo(o.theory().expMinus())
                .isCloseTo(0.5 * Math.log(0.5 * 2), within(1e-15));
        assertThat(row.get(SimulationTable.EXP_MINUS_SE)).isZero();
        assertThat(row.has(SimulationTable.EXP_PLUS)).isFalse();
        assertThat(row.get(SimulationTable.THEORY_METHOD)).isEqualTo("exact-sum");
        assertThat(row.get(SimulationTable.EXTRAS)).containsKeys("absorbed_fraction", "prop2_lambda_low",
                "prop2_lambda_high", "median_log_abs");
        for (var c : List.of(SimulationTable.SOLUTION_FRACTIONS, SimulationTable.SOLUTION_LOSSES)) {
            assertThat(row.has(c)).as(c.name()).isFalse();
        }
        assertThat(row.has(SimulationTable.SPARSITY)).isFalse();
        assertThat(row.has(SimulationTable.GENERALISATION_LOSS)).isFalse();
    }

    /** Each simulator fills the columns of its own parts and leaves the others null. */
    @Test
    void eachSimulatorFillsItsOwnColumns() {
        for (String name : NAMES) {
            Row row = ModelRegistry.evaluate(name, small(name), EstimatorKind.AUTO, 3, 5);
            assertThat(row.get(SimulationTable.RUNS)).isEqualTo(6);
            assertThat(row.get(SimulationTable.STEPS)).isEqualTo(40);
            assertThat(row.has(SimulationTable.EXP_MINUS)).as(name).isTrue();
            boolean census = name.equals("sgd-four-minimum") || name.equals("sgd-swish");
            assertThat(row.has(SimulationTable.SOLUTION_FRACTIONS)).as(name).isEqualTo(census);
            if (census) {
                double sum = row.get(SimulationTable.SOLUTION_FRACTIONS).values().stream()
                        .mapToDouble(Double::doubleValue).sum();
                assertThat(sum).isCloseTo(1.0, within(1e-12));
                assertThat(row.get(SimulationTable.SOLUTION_FRACTIONS)).containsKeys("other", "diverged");
            }
            assertThat(row.has(SimulationTable.ESCAPE_PROBABILITY)).as(name).isEqualTo(name.equals("sgd-two-point"));
            assertThat(row.has(SimulationTable.SPARSITY)).as(name).isEqualTo(name.equals("sgd-spred"));
            assertThat(row.has(SimulationTable.QUANTILE_VALUES)).as(name)
                    .isEqualTo(name.equals("sgd-relu") || name.equals("sgd-two-point"));
            assertThat(row.has(SimulationTable.HISTOGRAM_COUNTS)).as(name)
                    .isEqualTo(!name.equals("sgd-swish") && !name.equals("sgd-relu"));
            double n = switch (name) {
                case "sgd-swish" -> 100;
                case "sgd-spred" -> 256;
                default -> Double.POSITIVE_INFINITY;
            };
            assertThat(row.get(CellTable.N)).as(name).isEqualTo(n);
        }
    }

    /** The two-point saddle's theory cell is mf-two-point at a′ = a − 1, the same λ and S = 1. */
    @Test
    void theTwoPointTheoryCellIsMfTwoPoint() {
        TheoryCell t = ModelRegistry.theory("sgd-two-point", Map.of("a", -0.5, "lambda", 0.3)).orElseThrow();
        assertThat(t.model()).isEqualTo("mf-two-point");
        assertThat(t.lambdaScale()).isEqualTo(1.0);
        assertThat(t.parameters()).containsEntry("a", -1.5).containsEntry("lambda", 0.3).containsEntry("S", 1);
        assertThat(ModelRegistry.theory("sgd-swish", Map.of("lambda", 0.3))).isEmpty();
    }
}
