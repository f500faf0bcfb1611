package org.probstab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code probstab eval} on the simulation models, through the command line: the contract of the two-point saddle
 * (002 §4–6) with every loss, optimizer and momentum it names, its theory E ln|1 − λx| beside the simulation, and
 * the bad inputs it must refuse with one line and exit code 2.
 */
class SimulationEvalCommandTest {

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProbstabCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static String[] contract(String... more) {
        List<String> args = new ArrayList<>(List.of("eval", "--model", "sgd-two-point", "--param", "a=-1", "--param",
                "lambda=0.5"));
        for (String m : more) {
            args.add("--param");
            args.add(m);
        }
        args.add("--json");
        return args.toArray(String[]::new);
    }

    /**
     * {@code eval --model sgd-two-point --param a=-1 --param lambda=0.5 [loss] [optimizer] [momentum] --json} prints
     * one JSON object with escape_probability, escape_rate, escape_rate_se, exp_minus, histogram_edges,
     * histogram_counts, runs and steps. exp_minus is 002 eq. 77, ½ ln|(1 − λ)(1 − λ(a − 1))| = ½ ln(0.5·2) = 0 here
     * (to 1e-15: one log of a product of exact doubles), the histogram counts every run once (20 bins on [−1, 1) and
     * the out-of-range counts), and the same arguments print the same bytes.
     */
    @Test
    void theTwoPointContract() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String[][] variants = {{}, {"loss=quartic"}, {"optimizer=adam"}, {"optimizer=amsgrad", "momentum=0.9"},
            {"loss=quadratic", "optimizer=sgd", "momentum=0.9"}};
        for (String[] v : variants) {
            Outcome o = run(contract(v));
            assertThat(o.code()).as(String.join(" ", v) + ": " + o.err()).isZero();
            assertThat(o.out().strip()).doesNotContain("\n");
            JsonNode row = json.readTree(o.out());
            for (String column : new String[] {"escape_probability", "escape_rate", "escape_rate_se", "exp_minus",
                "histogram_edges", "histogram_counts", "runs", "steps"}) {
                assertThat(row.has(column)).as(column).isTrue();
                assertThat(row.get(column).isNull()).as(column).isFalse();
            }
            assertThat(row.get("model").asText()).isEqualTo("sgd-two-point");
            assertThat(row.get("runs").asLong()).isEqualTo(2000);
            assertThat(row.get("steps").asLong()).isEqualTo(1000);
            assertThat(row.get("exp_minus").asDouble()).isCloseTo(0.0, within(1e-15));
            assertThat(row.get("escape_probability").asDouble()).isBetween(0.0, 1.0);
            assertThat(row.get("escape_rate_se").asDouble()).isNotNegative();
            assertThat(row.get("histogram_edges")).hasSize(21);
            assertThat(row.get("histogram_counts")).hasSize(20);
            long total = row.get("histogram_below").asLong() + row.get("histogram_above").asLong()
                    + row.get("histogram_non_finite").asLong();
            for (JsonNode c : row.get("histogram_counts")) {
                total += c.asLong();
            }
            assertThat(total).isEqualTo(2000);
            assertThat(row.get("rng_algorithm").asText()).isEqualTo("xoshiro256+/ziggurat256");
            assertThat(row.has("elapsed_ns")).isFalse();
            assertThat(run(contract(v)).out()).isEqualTo(o.out());
        }
        JsonNode quartic = json.readTree(run(contract("loss=quartic")).out());
        assertThat(quartic.get("loss").asText()).isEqualTo("quartic");
        JsonNode amsgrad = json.readTree(run(contract("optimizer=amsgrad", "momentum=0.9")).out());
        assertThat(amsgrad.get("optimizer").asText()).isEqualTo("amsgrad");
        assertThat(amsgrad.get("params").get("momentum").asDouble()).isEqualTo(0.9);
        assertThat(amsgrad.get("extras").has("prop5_predicted_absorbed")).isTrue();
    }

    /** Every simulation model evaluates through eval with small runs. */
    @Test
    void everySimulationModelEvaluates() throws Exception {
        String[][] cases = {
            {"eval", "--model", "sgd-four-minimum", "--param", "lambda=0.05", "--param", "runs=20", "--param",
                "steps=200", "--json"},
            {"eval", "--model", "sgd-swish", "--param", "lambda=0.1", "--param", "start=B", "--param", "runs=10",
                "--param", "steps=300", "--json"},
            {"eval", "--model", "sgd-spred", "--param", "lambda=0.05", "--param", "runs=2", "--param", "steps=300",
                "--json"},
            {"eval", "--model", "sgd-relu", "--param", "lambda=0.05", "--param", "start=type1", "--param",
                "runs=20", "--param", "theory_steps=200", "--json"},
        };
        String[] filled = {"solution_fractions", "solution_fractions", "sparsity", "quantile_values"};
        for (int i = 0; i < cases.length; i++) {
            Outcome o = run(cases[i]);
            assertThat(o.code()).as(String.join(" ", cases[i]) + ": " + o.err()).isZero();
            JsonNode row = new ObjectMapper().readTree(o.out());
            assertThat(row.get(filled[i]).isNull()).as(filled[i]).isFalse();
            assertThat(row.get("exp_minus").isNull()).isFalse();
        }
    }

    /**
     * Bad input, each one line naming the key, exit 2, nothing on stdout: an unknown optimizer or loss, β outside
     * [0, 1) (momentum, beta2), runs &lt; 1, an escape window longer than the run, a start point the model does not
     * know (an unknown word, and swish's A on a dataset that has no A), and an estimator a simulation does not take.
     */
    @Test
    void badInputExitsWithTwoAndOneLine() {
        String[][] cases = {
            contract("optimizer=rmsprop"),
            contract("loss=cubic"),
            contract("momentum=1"),
            contract("momentum=-0.1"),
            contract("optimizer=adam", "beta2=1"),
            contract("runs=0"),
            contract("steps=100", "escape_window=200"),
            contract("steps=100", "escape_window_start=60", "escape_window=50"),
            contract("start=top-of-the-hill"),
            {"eval", "--model", "sgd-swish", "--param", "lambda=0.1", "--param", "start=A", "--param", "data_seed=0"},
            {"eval", "--model", "sgd-relu", "--param", "lambda=0.1", "--param", "start=type3"},
            {"eval", "--model", "sgd-spred", "--param", "lambda=0.1", "--param", "runs=0"},
            {"eval", "--model", "sgd-two-point", "--param", "a=-1", "--param", "lambda=0.5", "--estimator",
                "trajectory"},
            {"eval", "--model", "sgd-two-point", "--param", "a=-1", "--param", "lambda=0.5", "--param", "burn_in=3"},
        };
        String[] keys = {"optimizer", "loss", "momentum", "momentum", "beta2", "runs", "escape_window",
            "escape_window", "start", "start", "start", "runs", "estimator", "burn_in"};
        for (int i = 0; i < cases.length; i++) {
            Outcome o = run(cases[i]);
            assertThat(o.code()).as(String.join(" ", cases[i])).isEqualTo(ProbstabCli.BAD_INPUT);
            assertThat(o.out()).isEmpty();
            assertThat(o.err().strip()).as(o.err()).doesNotContain("\n").contains(keys[i]).contains("error:");
        }
    }
}
