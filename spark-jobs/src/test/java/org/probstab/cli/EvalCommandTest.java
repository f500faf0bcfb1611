package org.probstab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code probstab eval}: the documented invocation, JSON shape, determinism and bad-input exit codes. */
class EvalCommandTest {

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProbstabCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void theDocumentedInvocationPrintsOneJsonObject() throws Exception {
        Outcome o = run("eval", "--model", "mf-gaussian", "--param", "lambda=0.3", "--param", "mu=0.8",
                "--param", "S=1", "--param", "N=inf", "--json");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out().strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(o.out());
        for (String column : new String[] {"exp_minus", "exp_plus", "exp_minus_se", "exp_plus_se", "ms_growth",
                "l2_stable", "phase", "method"}) {
            assertThat(json.has(column)).as(column).isTrue();
        }
        assertThat(json.get("method").asText()).isEqualTo("quadrature");
        assertThat(json.get("n").isNull()).isTrue();
        // μ = 0.8, small λ: correct learning (000 Fig. 9): Λ₋ < 0 < Λ₊.
        assertThat(json.get("exp_minus").asDouble()).isNegative();
        assertThat(json.get("exp_plus").asDouble()).isPositive();
        assertThat(json.get("phase").asText()).isIn("Ia", "Ib");
        // E(1 − λχ)² = 1 − 2λμ + λ²(2μ² + (1 − μ)²σ² + μ²) for S = 1, σ = 2.
        double ms = 1 - 2 * 0.3 * 0.8 + 0.09 * (2 * 0.64 + 0.04 * 4 + 0.64);
        assertThat(json.get("ms_growth").asDouble()).isCloseTo(ms, org.assertj.core.data.Offset.offset(1e-14));
    }

    @Test
    void outputIsBitIdenticalAcrossRuns() {
        String[] args = {"eval", "--model", "random-sym", "--param", "lambda=0.2", "--param", "runs=8",
                "--param", "steps=300", "--json"};
        Outcome first = run(args);
        Outcome second = run(args);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(first.out()).contains("\"spectrum\":[").contains("\"exp_top\"");
    }

    @Test
    void minusInfinityIsWrittenAsAString() {
        Outcome o = run("eval", "--model", "mf-two-point", "--param", "lambda=1", "--param", "a=3", "--json");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("\"exp_minus\":\"-Infinity\"");
    }

    @Test
    void badInputExitsWithTwoAndOneLine() {
        String[][] cases = {
            {"eval", "--model", "nope", "--param", "lambda=0.3"},
            {"eval", "--model", "mf-gaussian", "--param", "lambda=0", "--param", "mu=0.5"},
            {"eval", "--model", "mf-gaussian", "--param", "lambda=0.3", "--param", "mu=2"},
            {"eval", "--model", "mf-gaussian", "--param", "lambda=0.3"},
            {"eval", "--model", "mf-gaussian", "--param", "lambda=0.3", "--param", "mu=0.5", "--param", "foo=1"},
            {"eval", "--model", "mf-gaussian", "--param", "lambda=0.3", "--param", "mu=0.5", "--param", "S=0"},
            {"eval", "--model", "mf-gaussian", "--param", "lambda=0.3", "--param", "mu=0.5", "--param", "N=0"},
            {"eval", "--model", "mf-gaussian", "--param", "lambda=0.3", "--param", "mu=0.5", "--param", "N=3",
                "--param", "S=4", "--param", "replacement=without"},
            {"eval", "--model", "mf-gaussian", "--param", "lambda=0.3", "--param", "mu=0.5", "--estimator", "best"},
            {"eval", "--model", "mf-gaussian", "--param", "lambda"},
            {"eval", "--model", "mf-gaussian", "--param", "lambda=0.3", "--param", "mu=0.5", "--bogus"},
        };
        String[] keys = {"model", "lambda", "mu", "mu", "foo", "S", "N", "S", "estimator", "lambda", "bogus"};
        for (int i = 0; i < cases.length; i++) {
            Outcome o = run(cases[i]);
            assertThat(o.code()).as(String.join(" ", cases[i])).isEqualTo(ProbstabCli.BAD_INPUT);
            assertThat(o.out()).isEmpty();
            assertThat(o.err().strip()).as(o.err()).doesNotContain("\n").contains(keys[i]).contains("error:");
        }
    }
}
