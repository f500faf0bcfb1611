package org.probstab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;

/** Sweep configs: the README's shape is accepted as it stands; every bad input is one line naming the key. */
class SweepSpecTest {

    static final String ISSUE_EXAMPLE = """
            sweep {
              name = "lambda-mu-ninf"
              model = mf-gaussian
              seed = 1
              params { S = 1, N = inf, sigma = 2.0 }
              axes {
                lambda { from = 0.015, to = 3.0, steps = 200 }   # linear unless scale = log
                mu     { from = 0.005, to = 1.0, steps = 200 }
              }
              estimator { kind = auto }
            }
            output { path = "out/lambda-mu-ninf" }
            """;

    static SweepSpec spec(String text, String... overrides) {
        return SweepSpec.from(SweepConfig.parse(text, List.of(overrides)), "default-name");
    }

    @Test
    void theIssueExampleIsAcceptedAsItStands() {
        SweepSpec s = spec(ISSUE_EXAMPLE);
        assertThat(s.name()).isEqualTo("lambda-mu-ninf");
        assertThat(s.model()).isEqualTo("mf-gaussian");
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.estimator()).isEqualTo(EstimatorKind.AUTO);
        assertThat(s.fixed()).containsEntry("S", 1.0).containsEntry("N", Double.POSITIVE_INFINITY)
                .containsEntry("sigma", 2.0);
        assertThat(s.axes()).extracting(Axis::name).containsExactly("lambda", "mu");
        assertThat(s.outputPath()).isEqualTo("out/lambda-mu-ninf");
        Axis lambda = s.axes().get(0);
        assertThat(lambda.size()).isEqualTo(200);
        // Linear grid: x_i = from + (to − from)·i/(steps − 1), ends exact. Tolerance: one ulp-scale rounding of the
        // formula (2 operations on numbers of order 3).
        assertThat((Double) lambda.value(0)).isEqualTo(0.015);
        assertThat((Double) lambda.value(199)).isEqualTo(3.0);
        assertThat((Double) lambda.value(100)).isCloseTo(0.015 + 2.985 * 100 / 199, org.assertj.core.data.Offset
                .offset(1e-15));
        assertThat(new SweepPlan(s).cellCount()).isEqualTo(40_000);
        assertThat(s.sweepId()).startsWith("lambda-mu-ninf-").hasSize("lambda-mu-ninf-".length() + 8);
    }

    @Test
    void overridesWinAndChangeTheHash() {
        SweepSpec base = spec(ISSUE_EXAMPLE);
        SweepSpec more = spec(ISSUE_EXAMPLE, "sweep.axes.lambda.steps=400");
        assertThat(more.axes().get(0).size()).isEqualTo(400);
        assertThat(more.hash()).isNotEqualTo(base.hash());
        // The output location is not part of the hash: the same sweep written elsewhere is the same sweep.
        assertThat(spec(ISSUE_EXAMPLE, "output.path=elsewhere").hash()).isEqualTo(base.hash());
        assertThat(spec(ISSUE_EXAMPLE).hash()).isEqualTo(base.hash());
    }

    @Test
    void listsLogGridsIntegerAxesAndInfinity() {
        SweepSpec s = spec("""
                sweep {
                  model = mf-gaussian
                  params { lambda = 0.5, mu = 0.06 }
                  axes {
                    S = [1, 2, 4, 8]
                    N = [3, 10, inf]
                    sigma { from = 0.1, to = 10, steps = 3, scale = log }
                  }
                }
                """);
        assertThat(s.name()).isEqualTo("default-name");
        assertThat(s.axes()).extracting(Axis::name).containsExactly("N", "S", "sigma");
        assertThat(s.axes().get(0).values()).containsExactly(3.0, 10.0, Double.POSITIVE_INFINITY);
        assertThat(s.axes().get(1).values()).containsExactly(1.0, 2.0, 4.0, 8.0);
        // log grid: from·(to/from)^{i/(steps−1)} = 0.1, 1, 10; the middle point to rounding of pow.
        assertThat((Double) s.axes().get(2).value(1)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.axes().get(2).value(2)).isEqualTo(10.0);

        // Integer axes round to integers and drop repeats: S from 1 to 10 in 20 log steps.
        SweepSpec r = spec("""
                sweep { model = mf-gaussian, params { lambda = 0.5, mu = 0.5 }
                        axes { S { from = 1, to = 10, steps = 20, scale = log } } }
                """);
        assertThat(r.axes().get(0).values()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);

        SweepSpec ordered = spec("""
                sweep { model = mf-gaussian, params { lambda = 0.5 }, axis_order = [mu, S]
                        axes { S = [1, 2], mu = [0.1, 0.2, 0.3] } }
                """);
        assertThat(ordered.axes()).extracting(Axis::name).containsExactly("mu", "S");
    }

    private static void refused(String text, String key, String... fragments) {
        assertThatThrownBy(() -> spec(text))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    assertThat(((InvalidInputException) e).key()).as(e.getMessage()).isEqualTo(key);
                    assertThat(e.getMessage()).doesNotContain("\n").contains(fragments);
                });
    }

    private static String withAxes(String axes) {
        return "sweep { model = mf-gaussian, params { mu = 0.5 }, axes { " + axes + " } }";
    }

    @Test
    void badInputNamesTheKeyAndTheAllowedValues() {
        refused("sweep { model = mf-gaussian, axes { lambda = [0.1 }", "config", "malformed config");
        refused("sweep { model = mf-gaussian, axes { lambda = [0.1] }, mu = 0.5 }", "sweep.mu",
                "unknown key 'sweep.mu'", "allowed");
        refused("swep { }", "swep", "unknown key 'swep'", "allowed output, sweep");
        refused("sweep { axes { lambda = [0.1] } }", "sweep.model", "missing", "mf-gaussian");
        refused("sweep { model = mf-gauss, axes { lambda = [0.1] } }", "sweep.model", "mf-gaussian|mf-data");
        refused(withAxes("lambda = []"), "sweep.axes.lambda", "empty list");
        refused("sweep { model = mf-gaussian, params { mu = 0.5 }, axes { } }", "sweep.axes", "empty");
        refused(withAxes("lambda { from = 0.1, to = 1, steps = 0 }"), "sweep.axes.lambda.steps",
                "integers in [1, 100000000]");
        refused(withAxes("lambda { from = 2, to = 1, steps = 5 }"), "sweep.axes.lambda.from", "from <= to");
        refused("sweep { model = mf-gaussian, params { lambda = 0.5 }, axes { mu { from = 0, to = 1, steps = 5,"
                + " scale = log } } }", "sweep.axes.mu.from", "> 0 with scale = log");
        refused(withAxes("lambda { from = 0.1, to = 1, steps = 5, scale = cubic }"), "sweep.axes.lambda.scale",
                "linear|log");
        refused(withAxes("lambda { from = 0.1, to = 1, steps = 5, step = 3 }"), "sweep.axes.lambda.step",
                "unknown key", "from, scale, steps, to");
        refused(withAxes("lambda { from = 0, to = 1, steps = 5 }"), "sweep.axes.lambda.from", "'lambda' = 0",
                "allowed (0, 1e100]");
        refused(withAxes("lambda = [-0.5, 1]"), "sweep.axes.lambda[0]", "allowed (0, 1e100]");
        // Any value a cell would refuse is refused while the plan is made, naming the axis and the value.
        refused(withAxes("lambda = [1e300]"), "sweep.axes.lambda[0]", "'lambda' = 1e300", "allowed (0, 1e100]");
        refused("sweep { model = mf-gaussian, params { mu = 0.3, N = 100 }, axes { lambda = [0.5, 1], S = [1, 3, 2] },"
                + " estimator { kind = exact, enum_budget = 10 } }", "sweep.estimator.enum_budget", "171700 minibatches",
                "at the cell S = 3, lambda = 0.5");
        refused("sweep { model = mf-gaussian, params { lambda = 0.5, mu = 0.3, replacement = without }, axes {"
                + " N = [20, 4, 30], S = [2, 5] } }", "sweep.axes.S", "'S' = 5", "N = 4");
        refused("sweep { model = mf-gaussian, params { lambda = 0.5 }, axes { mu = [0.5, 1.5] } }",
                "sweep.axes.mu[1]", "allowed [0, 1]");
        refused("sweep { model = mf-gaussian, params { lambda = 0.5, mu = 0.5 }, axes { S = [0, 1] } }",
                "sweep.axes.S[0]", "integers in [1, 1000000000]");
        refused("sweep { model = mf-gaussian, params { lambda = 0.5, mu = 0.5 }, axes { N = [0, 4] } }",
                "sweep.axes.N[0]", "integers in [1, 1000000000] or inf");
        refused("sweep { model = mf-gaussian, params { lambda = 0.5, mu = 0.5, N = 4, replacement = without },"
                + " axes { S = [1, 8] } }", "sweep.axes.S", "allowed integers in [1, N = 4] without replacement",
                "at the cell S = 8");
        refused(withAxes("lambda { from = 0.001, to = 1, steps = 20000 }, sigma { from = 1, to = 2, steps = 20000 }"),
                "sweep.max_cells", "400000000 cells", "more than sweep.max_cells = 100000000");
        refused("sweep { model = mf-gaussian, params { mu = 0.5, foo = 1 }, axes { lambda = [1] } }",
                "sweep.params.foo", "unknown key 'sweep.params.foo'", "lambda, mu, S, N");
        refused("sweep { model = mf-gaussian, params { mu = 0.5, lambda = 1 }, axes { lambda = [1] } }",
                "sweep.axes.lambda", "both an axis and a fixed parameter");
        refused("sweep { model = mf-gaussian, params { mu = 0.5 }, axes { lambda = [1] },"
                + " estimator { kind = best } }", "sweep.estimator.kind", "auto|exact|trajectory|paper");
        refused("sweep { name = \"a b\", model = mf-gaussian, params { mu = 0.5 }, axes { lambda = [1] } }",
                "sweep.name", "[A-Za-z0-9._-]");
        refused("sweep { model = mf-gaussian, params { mu = 0.5 }, axes { lambda = [1] } }, output { path = \"\" }",
                "output.path", "non-empty");
        refused("sweep { model = mf-gaussian, axes { lambda = [1] } }", "sweep.params.mu", "missing parameter 'mu'");
    }

    @Test
    void cellBudgetIsConfigurable() {
        String text = withAxes("lambda { from = 0.001, to = 1, steps = 2000 }, sigma { from = 1, to = 2, steps = 2000 }");
        assertThat(new SweepPlan(spec(text)).cellCount()).isEqualTo(4_000_000);
        refused(text.replace("sweep {", "sweep { max_cells = 1000000, "), "sweep.max_cells",
                "4000000 cells, more than sweep.max_cells = 1000000");
    }

    @Test
    void overridesThatAreNotAssignmentsAreRefused() {
        assertThatThrownBy(() -> spec(ISSUE_EXAMPLE, "sweep.axes.lambda.steps"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not key=value");
        assertThatThrownBy(() -> spec(ISSUE_EXAMPLE, "sweep.axes.lambda.steps=0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sweep.axes.lambda.steps");
    }
}
