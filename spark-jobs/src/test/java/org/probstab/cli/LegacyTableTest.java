package org.probstab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.functions;
import org.probstab.spark.SweepJob;
import org.probstab.spark.TestSpark;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;

/**
 * Tables written by earlier code stay readable (src/test/resources/legacy-tables, written at commit 689a02d with that
 * commit's export CSV beside each): today's {@code export} prints the same CSV byte for byte, and sweeping the same
 * config today gives the same rows. Where results changed on purpose since then, the rows of today's sweep are kept
 * beside the old CSV as {@code NAME.resweep.csv} (without the wall time; written by this test when run with
 * {@code -Dlegacy.record=true}) and today's sweep must equal them to the bit; without one it must equal the old
 * rows to the bit. Either way today's rows are also compared with the old ones, every column but the wall time: to
 * the bit, except
 * <ul>
 *   <li>N = ∞ quadrature cells: the exponents within 1e-13 absolute (the Chebyshev tables of F and V were made more
 *       accurate, 1.1e-15 against the 30-digit reference; the exponents are sums of a few such values, so their last
 *       bits move by far less than 1e-13);</li>
 *   <li>trajectory cells: the runs are drawn by xoshiro256+/ziggurat256 on the trajectory engine instead of
 *       L64X128MixRandom, so the estimate is a new Monte-Carlo draw of the same quantity: {@code exp_top} within 4
 *       combined standard errors (z = 4), and the columns that follow from the draws ({@code exp_top_se},
 *       {@code spectrum}, {@code phase}) are not compared.</li>
 * </ul>
 */
class LegacyTableTest {

    @TempDir
    static Path tmp;

    static Path legacy(String name) {
        return Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "legacy-tables", name);
    }

    static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProbstabCli.run(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @AfterAll
    static void done() {
        TestSpark.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"phase-v1-mf-gaussian", "phase-v1-random-sym"})
    void anOldTableExportsAsItDidAndTodaysSweepHasItsValues(String name) throws IOException {
        String expected = Files.readString(legacy(name + ".csv"), StandardCharsets.UTF_8);
        assertThat(run("export", legacy(name).toString(), "--csv")).isEqualTo(expected);

        // Today's sweep of the same config, through the shared test session (a command would start its own).
        Path today = tmp.resolve(name);
        SweepSpec spec = SweepSpec.from(SweepConfig.load(legacy(name + ".conf"), List.of()), name)
                .withOutputPath(today.toString());
        SweepJob.run(TestSpark.local2(), new SweepPlan(spec), SweepJob.Options.defaults());
        List<String> oldLines = expected.lines().toList();
        List<String> oldHeader = Arrays.asList(oldLines.get(0).split(",", -1));
        List<String> columns = oldHeader.stream().filter(c -> !c.equals("elapsed_ns")).toList();
        Dataset<org.apache.spark.sql.Row> df = TestSpark.local2().read().parquet(today.toString())
                .orderBy("cell_id").select(columns.stream().map(functions::col).toArray(Column[]::new));
        List<String> newLines = new ArrayList<>();
        newLines.add(String.join(",", columns));
        for (org.apache.spark.sql.Row r : df.collectAsList()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                fields.add(ExportCommand.field(r, i));
            }
            newLines.add(String.join(",", fields));
        }
        int elapsed = oldHeader.indexOf("elapsed_ns");
        List<String> oldWithoutTime = new ArrayList<>();
        for (String line : oldLines) {
            List<String> fields = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            fields.remove(elapsed);
            oldWithoutTime.add(String.join(",", fields));
        }
        Path resweep = legacy(name + ".resweep.csv");
        if (Boolean.getBoolean("legacy.record")) {
            Files.writeString(resweep, String.join("\n", newLines) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(newLines).isEqualTo(Files.exists(resweep)
                ? Files.readString(resweep, StandardCharsets.UTF_8).lines().toList() : oldWithoutTime);
        assertThat(newLines).hasSameSizeAs(oldWithoutTime);
        assertThat(newLines.get(0)).isEqualTo(oldWithoutTime.get(0));
        int method = columns.indexOf("method");
        for (int i = 1; i < newLines.size(); i++) {
            String[] now = newLines.get(i).split(",", -1);
            String[] then = oldWithoutTime.get(i).split(",", -1);
            for (int c = 0; c < columns.size(); c++) {
                String column = columns.get(c);
                String where = name + " row " + i + " " + column;
                if (then[method].equals("quadrature") && QUADRATURE_EXPONENTS.contains(column) && !then[c].isEmpty()) {
                    String[] a = now[c].split(";");
                    String[] b = then[c].split(";");
                    assertThat(a).as(where).hasSameSizeAs(b);
                    for (int k = 0; k < b.length; k++) {
                        assertThat(Double.parseDouble(a[k])).as(where)
                                .isCloseTo(Double.parseDouble(b[k]), org.assertj.core.api.Assertions.within(1e-13));
                    }
                } else if (then[method].equals("trajectory") && column.equals("exp_top")) {
                    double se = Math.hypot(Double.parseDouble(now[c + 1]), Double.parseDouble(then[c + 1]));
                    assertThat(Math.abs(Double.parseDouble(now[c]) - Double.parseDouble(then[c]))).as(where)
                            .isLessThanOrEqualTo(4 * se);
                } else if (!(then[method].equals("trajectory") && TRAJECTORY_DRAWS.contains(column))) {
                    assertThat(now[c]).as(where).isEqualTo(then[c]);
                }
            }
        }
    }

    /** The columns of a quadrature cell that the more accurate tables move in the last bits. */
    static final java.util.Set<String> QUADRATURE_EXPONENTS = java.util.Set.of("exp_minus", "exp_plus", "exp_top",
            "spectrum", "log_var");

    /** The columns of a trajectory cell that follow from its draws, besides {@code exp_top}. */
    static final java.util.Set<String> TRAJECTORY_DRAWS = java.util.Set.of("exp_top_se", "spectrum", "phase");
}
