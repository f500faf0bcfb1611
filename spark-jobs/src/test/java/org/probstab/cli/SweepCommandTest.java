package org.probstab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.spark.TestSpark;

/**
 * {@code probstab sweep} and {@code probstab export} as a user runs them: the README's config (shrunk with
 * {@code --set}) produces a table that exports with one row per cell and no NaN; every bad input of a sweep config exits
 * with 2 and one line naming the key, and writes nothing.
 */
class SweepCommandTest {

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

    static Path conf(String name) {
        return Path.of(System.getProperty("basedir", "."), "..", "conf", name).normalize();
    }

    @AfterAll
    static void done() {
        TestSpark.stop();
    }

    @Test
    void theReadmeConfigRunsAndExports() throws IOException {
        Path out = tmp.resolve("readme");
        Outcome o = run("sweep", conf("lambda-mu-ninf.conf").toString(), "--out", out.toString(),
                "--set", "sweep.axes.lambda.steps=6", "--set", "sweep.axes.mu.steps=5", "--master", "local[2]");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("30 cells").contains("table: ").contains(out.getFileName().toString());

        Outcome csv = run("export", out.toString(), "--csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize(31);
        assertThat(lines.get(0)).startsWith("sweep_id,cell_id,level,model,lambda,mu,");
        assertThat(csv.out()).doesNotContain("NaN");
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i).split(",")[1]).isEqualTo(Integer.toString(i - 1));
        }
        // λ is the slow axis: cells 0–4 have λ = 0.015, μ from 0.005 to 1.
        assertThat(lines.get(1).split(",")[4]).isEqualTo("0.015");
        assertThat(lines.get(5).split(",")[5]).isEqualTo("1.0");

        Outcome some = run("export", out.toString(), "--where", "mu > 0.5 and lambda < 1", "--columns",
                "cell_id,lambda,mu,phase");
        assertThat(some.code()).as(some.err()).isZero();
        List<String> kept = some.out().lines().toList();
        assertThat(kept.get(0)).isEqualTo("cell_id,lambda,mu,phase");
        // μ ∈ {0.5025, 0.75125, 1} are > 0.5 (3 of 5), λ ∈ {0.015, 0.612} are < 1 (2 of 6).
        assertThat(kept).hasSize(1 + 3 * 2);

        Outcome bad = run("export", out.toString(), "--where", "nosuch > 1");
        assertThat(bad.code()).isEqualTo(ProbstabCli.BAD_INPUT);
        assertThat(bad.err().strip()).doesNotContain("\n").contains("--where");
        Outcome missing = run("export", tmp.resolve("nothing-here").toString());
        assertThat(missing.code()).isEqualTo(ProbstabCli.BAD_INPUT);
        assertThat(missing.err()).contains("TABLE");

        // The same command again is refused: the table is there.
        Map<String, String> before = snapshot(out);
        Outcome again = run("sweep", conf("lambda-mu-ninf.conf").toString(), "--out", out.toString(),
                "--set", "sweep.axes.lambda.steps=6", "--set", "sweep.axes.mu.steps=5");
        assertThat(again.code()).isEqualTo(ProbstabCli.BAD_INPUT);
        assertThat(again.err().strip()).doesNotContain("\n").contains("already holds a table").contains("--resume");
        assertThat(snapshot(out)).isEqualTo(before);
    }

    private static final String GOOD = """
            sweep {
              model = mf-gaussian
              params { S = 1, N = inf, sigma = 2.0 }
              axes {
                lambda { from = 0.1, to = 3.0, steps = 4 }
                mu     { from = 0.005, to = 1.0, steps = 3 }
              }
            }
            """;

    @Test
    void everyBadInputExitsWithTwoOneLineAndWritesNothing() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "mine");
        Path existing = tmp.resolve("existing-table");
        Files.createDirectories(existing.resolve("sweep_id=x/chunk=0"));
        Files.writeString(existing.resolve("_manifest.json"), "{\"config_hash\": \"abc\"}");
        Files.writeString(existing.resolve("sweep_id=x/chunk=0/part-0.parquet"), "data");
        Map<String, String> existingBefore = snapshot(existing);

        // {config text, extra args..., key expected in the message}
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"sweep { model = mf-gaussian, axes { lambda = [0.1 }", "config"});
        cases.add(new String[] {GOOD.replace("model = mf-gaussian", "model = mf-gaussian\n  colour = red"),
            "sweep.colour"});
        cases.add(new String[] {GOOD.replace("model = mf-gaussian", ""), "sweep.model"});
        cases.add(new String[] {GOOD.replace("lambda { from = 0.1, to = 3.0, steps = 4 }", "lambda = []"),
            "sweep.axes.lambda"});
        cases.add(new String[] {GOOD.replace("steps = 4", "steps = 0"), "sweep.axes.lambda.steps"});
        cases.add(new String[] {GOOD.replace("from = 0.1, to = 3.0", "from = 3.0, to = 0.1"),
            "sweep.axes.lambda.from"});
        cases.add(new String[] {GOOD.replace("from = 0.005, to = 1.0, steps = 3", "from = 0, to = 1.0, steps = 3,"
            + " scale = log"), "sweep.axes.mu.from"});
        cases.add(new String[] {GOOD.replace("from = 0.1, to = 3.0", "from = 0, to = 3.0"), "lambda"});
        cases.add(new String[] {GOOD.replace("lambda { from = 0.1, to = 3.0, steps = 4 }", "lambda = [-0.1, 1]"),
            "lambda"});
        cases.add(new String[] {GOOD.replace("to = 1.0", "to = 1.5"), "mu"});
        // Values a cell would refuse are refused while the plan is made, not in a Spark task.
        cases.add(new String[] {GOOD.replace("lambda { from = 0.1, to = 3.0, steps = 4 }", "lambda = [1e300]"),
            "sweep.axes.lambda[0]"});
        cases.add(new String[] {GOOD.replace("S = 1, N = inf", "S = 3, N = 100").replace("sigma = 2.0",
            "sigma = 2.0 }\n  estimator { kind = exact, enum_budget = 10"), "sweep.estimator.enum_budget"});
        cases.add(new String[] {GOOD.replace("S = 1, ", "S = 0, "), "S"});
        cases.add(new String[] {GOOD.replace("N = inf", "N = 0"), "N"});
        cases.add(new String[] {GOOD.replace("S = 1, N = inf", "S = 5, N = 4, replacement = without"), "S"});
        cases.add(new String[] {GOOD.replace("steps = 4", "steps = 100000").replace("steps = 3", "steps = 2000"),
            "sweep.max_cells"});
        cases.add(new String[] {GOOD, "--out", file.toString(), "--out"});
        cases.add(new String[] {GOOD, "--out", "/proc/probstab-cannot-write-here/out", "--out"});
        cases.add(new String[] {GOOD, "--out", existing.toString(), "--out"});
        cases.add(new String[] {GOOD, "--out", existing.toString(), "--resume", "--overwrite", "--resume"});
        cases.add(new String[] {GOOD, "--set", "sweep.axes.lambda.steps", "--set"});
        cases.add(new String[] {GOOD, "--partitions", "-3", "--partitions"});

        for (int i = 0; i < cases.size(); i++) {
            String[] c = cases.get(i);
            Path dir = Files.createDirectories(tmp.resolve("bad-" + i));
            Path config = dir.resolve("bad.conf");
            Files.writeString(config, c[0]);
            Path defaultOut = dir.resolve("out");
            List<String> args = new ArrayList<>(List.of("sweep", config.toString()));
            List<String> extra = Arrays.asList(c).subList(1, c.length - 1);
            if (!extra.contains("--out")) {
                args.addAll(List.of("--out", defaultOut.toString()));
            }
            args.addAll(extra);
            Outcome o = run(args.toArray(String[]::new));
            String key = c[c.length - 1];
            assertThat(o.code()).as("case %d %s: %s", i, key, o.err()).isEqualTo(ProbstabCli.BAD_INPUT);
            assertThat(o.err().strip()).as("case %d", i).doesNotContain("\n").contains(key).contains("error:");
            assertThat(o.out()).isEmpty();
            assertThat(Files.exists(defaultOut)).as("case %d wrote output", i).isFalse();
        }
        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(snapshot(existing)).isEqualTo(existingBefore);
        assertThat(Files.exists(Path.of("/proc/probstab-cannot-write-here"))).isFalse();
    }

    /** Every file under a directory with its content. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis() + ":"
                        + Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return m;
    }
}
