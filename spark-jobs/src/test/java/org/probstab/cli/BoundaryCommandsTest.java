package org.probstab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.spark.TestSpark;

/**
 * {@code probstab boundary}, {@code refine} and {@code fractal} as a user runs them: every bad input of the three
 * exits with 2 and one line before Spark starts and writes nothing; {@code boundary --csv} prints the reference's
 * roots with null fields for the pole and width of crossings; {@code boundary --out} then {@code fractal --json}
 * prints exactly the documented keys.
 */
class BoundaryCommandsTest {

    @TempDir
    static Path tmp;

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProbstabCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @AfterAll
    static void done() {
        TestSpark.stop();
    }

    static final String N10 = """
            sweep {
              name = n10
              model = mf-gaussian
              seed = 1
              params { S = 1, N = 10, sigma = 2.0 }
              axes { lambda { from = 0.1, to = 3.0, steps = 9 }, mu { from = 0.1, to = 0.9, steps = 5 } }
            }
            """;

    static Path config(String name, String text) throws IOException {
        Path p = tmp.resolve(name + ".conf");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void everyBadInputExitsWithTwoAndOneLineAndWritesNothing() throws IOException {
        Path good = config("good", N10);
        Path listAxis = config("list", N10.replace("params { S = 1, N = 10,", "params { S = 1,")
                .replace("axes {", "axes { N = [10, 24],"));
        Path randomSym = config("rsym", """
                sweep {
                  model = random-sym
                  params { d = 2 }
                  axes { lambda { from = 0.1, to = 2.0, steps = 5 } }
                  estimator { kind = trajectory, runs = 4, steps = 100 }
                }
                """);
        Path beyondBudget = config("mc", N10.replace("S = 1, N = 10", "S = 8, N = 100"));
        // {args..., what the message must name}
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"refine", good.toString(), "--levels", "0", "--levels"});
        cases.add(new String[] {"refine", good.toString(), "--levels", "41", "--levels"});
        cases.add(new String[] {"refine", listAxis.toString(), "--axes", "N", "list axis"});
        cases.add(new String[] {"refine", good.toString(), "--axes", "sigma", "--axes"});
        cases.add(new String[] {"refine", good.toString(), "--budget", "44", "--budget"});
        cases.add(new String[] {"refine", good.toString(), "--levels", "40", "--levels"});
        cases.add(new String[] {"boundary", good.toString(), "--along", "S", "--along"});
        cases.add(new String[] {"boundary", good.toString(), "--along", "mu", "--along"});
        cases.add(new String[] {"boundary", randomSym.toString(), "refine"});
        cases.add(new String[] {"boundary", beyondBudget.toString(), "refine"});
        cases.add(new String[] {"boundary", good.toString(), "--min-width", "-1", "min-width"});
        cases.add(new String[] {"boundary", good.toString(), "--range", "3:1", "--range"});
        cases.add(new String[] {"boundary", good.toString(), "--csv", "--resume", "--csv"});
        cases.add(new String[] {"fractal", tmp.resolve("no-such-table").toString(), "TABLE"});
        for (int i = 0; i < cases.size(); i++) {
            String[] c = cases.get(i);
            Path out = tmp.resolve("bad-" + i);
            List<String> args = new ArrayList<>(List.of(c).subList(0, c.length - 1));
            if (!args.contains("--csv")) {
                args.addAll(List.of("--out", out.toString()));
            }
            Outcome o = run(args.toArray(String[]::new));
            String key = c[c.length - 1];
            assertThat(o.code()).as("case %d %s: %s", i, key, o.err()).isEqualTo(ProbstabCli.BAD_INPUT);
            assertThat(o.err().strip()).as("case %d", i).doesNotContain("\n").contains(key).contains("error:");
            assertThat(o.out()).as("case %d", i).isEmpty();
            assertThat(Files.exists(out)).as("case %d wrote output", i).isFalse();
        }
    }

    /**
     * A budget that only a later level exceeds: level 0 (the 9 × 5 grid, 45 cells) fits {@code --budget 45}, level 1
     * does not; the run stops with exit 2 and one line naming the level, its need and {@code --budget}, keeps level
     * 0, and {@code --resume} with the default budget finishes from there.
     */
    @Test
    void aBudgetExceededAtALaterLevelExitsWithTwoAndOneLine() throws IOException {
        Path conf = config("n10-budget", N10);
        Path out = tmp.resolve("n10-budget-refined");
        Outcome o = run("refine", conf.toString(), "--levels", "2", "--budget", "45", "--out", out.toString(),
                "--master", "local[2]");
        assertThat(o.code()).as(o.err()).isEqualTo(ProbstabCli.BAD_INPUT);
        assertThat(o.err().strip()).doesNotContain("\n").contains("error:").contains("level 1 needs")
                .contains("--budget = 45");
        assertThat(o.out()).isEmpty();
        Outcome resumed = run("refine", conf.toString(), "--levels", "2", "--resume", "--out", out.toString(),
                "--master", "local[2]");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("level 0: 45 new cells").contains("level 2: ");
    }

    @Test
    void boundaryCsvPrintsEveryRootWithNullsForCrossings() throws IOException {
        Path conf = config("n10-csv", N10.replace("mu { from = 0.1, to = 0.9, steps = 5 }", "mu = [0.1]"));
        Outcome o = run("boundary", conf.toString(), "--csv", "--range", "0:3", "--master", "local[2]");
        assertThat(o.code()).as(o.err()).isZero();
        List<String> lines = o.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("mu,exponent,root,bracket_lo,bracket_hi,kind,pole,log_half_width,rising");
        // The reference (finite_boundary_expected.csv, N = 10, μ = 0.1): 3 roots of Λ₋, 6 of Λ₊, 1 of L2.
        assertThat(lines).hasSize(1 + 10);
        assertThat(lines.get(1)).startsWith("0.1,minus,1.089511121978940").endsWith(",crossing,,,true");
        assertThat(lines.get(2)).contains(",stripe,1.38699664222880").contains(",-3.34554473607298");
        assertThat(lines.stream().filter(l -> l.contains(",plus,")).count()).isEqualTo(6);
        assertThat(o.out()).doesNotContain("NaN");
    }

    @Test
    void fractalJsonHasExactlyTheDocumentedKeys() throws IOException {
        Path conf = config("n10-table", N10.replace("mu { from = 0.1, to = 0.9, steps = 5 }",
                "mu { from = 0.1, to = 0.9, steps = 65 }"));
        Path table = tmp.resolve("n10-boundary");
        Outcome b = run("boundary", conf.toString(), "--out", table.toString(), "--master", "local[2]");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("65 rows").contains("table: ");
        Outcome f = run("fractal", table.toString(), "--json", "--master", "local[2]");
        assertThat(f.code()).as(f.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(f.out());
        Set<String> keys = new TreeSet<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("box_dimension", "box_dimension_se", "fit_range", "local_slopes",
                "uncertainty_exponent", "basin_entropy", "boundary_basin_entropy", "fractal_by_ln2", "levels");
        assertThat(json.get("levels").asInt()).isZero();
        assertThat(json.get("fit_range")).hasSize(2);
        assertThat(json.get("local_slopes").size()).isGreaterThan(2);
        assertThat(json.get("box_dimension").isNumber()).isTrue();
        // The statistics are also a table beside the source.
        assertThat(tmp.resolve("n10-boundary-fractal/_manifest.json")).exists();
        Outcome again = run("fractal", table.toString(), "--json");
        assertThat(again.code()).isEqualTo(ProbstabCli.BAD_INPUT);
        assertThat(again.err()).contains("--overwrite");
    }
}
