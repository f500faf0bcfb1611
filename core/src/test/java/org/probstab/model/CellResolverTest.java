package org.probstab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.param.CellParameters;

/**
 * The resolver of a grid validates what {@link ModelRegistry#resolve} validates, split between the grid (fixed
 * values, axis values, missing keys, defaults) and the cell (the model's cross-checks): the reference is
 * {@code resolve} of the same raw values, parameters and errors alike.
 */
class CellResolverTest {

    private static final List<String> AXES = List.of("S", "N", "replacement");
    private static final List<List<?>> VALUES = List.of(List.of(1.0, 5.0), List.of(3.0, 10.0, Double.POSITIVE_INFINITY),
            List.of("with", "without"));

    private static Map<String, Object> raw(Map<String, ?> fixed, int[] index) {
        Map<String, Object> raw = new HashMap<>(fixed);
        for (int k = 0; k < index.length; k++) {
            raw.put(AXES.get(k), VALUES.get(k).get(index[k]));
        }
        return raw;
    }

    @Test
    void everyCellHasTheParametersOrTheErrorOfResolve() {
        Map<String, Object> fixed = Map.of("lambda", 0.3, "mu", "0.5", "enum_budget", 1e6);
        for (EstimatorKind estimator : EstimatorKind.values()) {
            CellResolver resolver = ModelRegistry.resolver("mf-gaussian", fixed, AXES, VALUES, estimator);
            int cells = 0;
            int refused = 0;
            for (int s = 0; s < 2; s++) {
                for (int n = 0; n < 3; n++) {
                    for (int r = 0; r < 2; r++) {
                        int[] index = {s, n, r};
                        Map<String, Object> raw = raw(fixed, index);
                        CellParameters expected;
                        try {
                            expected = ModelRegistry.resolve(ModelRegistry.get("mf-gaussian"), raw, estimator);
                        } catch (InvalidInputException e) {
                            assertThatThrownBy(() -> resolver.resolve(index)).as("%s %s", estimator, raw)
                                    .isInstanceOf(InvalidInputException.class).hasMessage(e.getMessage());
                            refused++;
                            continue;
                        }
                        CellParameters actual = resolver.resolve(index);
                        assertThat(actual).as("%s %s", estimator, raw).isEqualTo(expected);
                        assertThat(actual.numbers()).isEqualTo(expected.numbers());
                        assertThat(actual.texts()).isEqualTo(expected.texts());
                        cells++;
                    }
                }
            }
            // S = 5 > N = 3 without replacement, and without replacement at N = inf, are refused.
            assertThat(refused).as("%s", estimator).isEqualTo(3);
            assertThat(cells).isEqualTo(9);
        }
        // The paper estimator's own defaults (800 runs of at most 5000 steps) are filled in as resolve fills them.
        CellParameters paper = ModelRegistry.resolver("mf-gaussian", fixed, AXES, VALUES, EstimatorKind.PAPER)
                .resolve(new int[] {0, 1, 0});
        assertThat(paper.integer("runs")).isEqualTo(800);
        assertThat(paper.longValue("steps")).isEqualTo(5000);
    }

    @Test
    void badFixedOrAxisValuesAndMissingKeysAreRefusedWhenTheResolverIsMade() {
        assertThatThrownBy(() -> ModelRegistry.resolver("mf-gaussian", Map.of("lambda", 0.3, "mu", 1.5), AXES, VALUES,
                EstimatorKind.AUTO)).isInstanceOf(InvalidInputException.class).hasMessageContaining("mu");
        assertThatThrownBy(() -> ModelRegistry.resolver("mf-gaussian", Map.of("lambda", 0.3, "mu", 0.5), AXES,
                List.of(List.of(1.0, 0.0), VALUES.get(1), VALUES.get(2)), EstimatorKind.AUTO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'S'");
        assertThatThrownBy(() -> ModelRegistry.resolver("mf-gaussian", Map.of("lambda", 0.3), AXES, VALUES,
                EstimatorKind.AUTO)).isInstanceOf(InvalidInputException.class).hasMessageContaining("mu");
        assertThatThrownBy(() -> ModelRegistry.resolver("mf-gaussian", Map.of("lambda", 0.3, "mu", 0.5, "nu", 1),
                AXES, VALUES, EstimatorKind.AUTO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nu");
    }

    @Test
    void cellParametersReadBackEveryValueByName() {
        CellParameters p = new CellParameters(Map.of("lambda", 0.25, "S", 2.0, "N", Double.POSITIVE_INFINITY),
                Map.of("replacement", "with"));
        assertThat(p.number("lambda")).isEqualTo(0.25);
        assertThat(p.integer("S")).isEqualTo(2);
        assertThat(p.number(new String("N"))).isEqualTo(Double.POSITIVE_INFINITY); // found by equals, not identity
        assertThat(p.text("replacement")).isEqualTo("with");
        assertThat(p.has("lambda")).isTrue();
        assertThat(p.has("replacement")).isTrue();
        assertThat(p.has("mu")).isFalse();
        assertThat(p.numbers()).containsExactly(Map.entry("N", Double.POSITIVE_INFINITY), Map.entry("S", 2.0),
                Map.entry("lambda", 0.25));
        assertThatThrownBy(() -> p.number("replacement")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.text("lambda")).isInstanceOf(IllegalStateException.class);
    }
}
