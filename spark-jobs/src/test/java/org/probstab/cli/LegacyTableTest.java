package org.probstab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * config today gives the same rows — every column the old table has, to the bit, except the wall time and the last
 * bits of the N = ∞ quadrature cells' numbers (see {@link #QUADRATURE_TOLERANCE}).
 */
class LegacyTableTest {

    /**
     * |today − then| ≤ 1e-14 for the numbers of a quadrature cell: since then NormalLogExpectation's tables of F and V
     * moved from 36-point unit intervals to 16-point quarter intervals, both within 2e-15 of the 30-digit reference
     * (NormalLogExpectationTest), and a cell's Λ and s² are density-weighted means of them (weights summing to 1),
     * so they may move by a few 1e-15 (observed at most 4.4e-16). Every other field stays to the bit.
     */
    private static final double QUADRATURE_TOLERANCE = 1e-14;

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
        assertThat(newLines).hasSameSizeAs(oldWithoutTime);
        int method = columns.indexOf("method");
        for (int row = 0; row < newLines.size(); row++) {
            String now = newLines.get(row);
            String then = oldWithoutTime.get(row);
            String[] nowFields = now.split(",", -1);
            String[] thenFields = then.split(",", -1);
            if (row == 0 || !thenFields[method].equals("quadrature")) {
                assertThat(now).isEqualTo(then);
                continue;
            }
            assertThat(nowFields).as("row %d", row).hasSameSizeAs(thenFields);
            for (int i = 0; i < nowFields.length; i++) {
                if (!nowFields[i].equals(thenFields[i])) {
                    assertNumbersClose(nowFields[i], thenFields[i], "row " + row + " " + columns.get(i));
                }
            }
        }
    }

    /** Two numbers or ';'-separated lists of numbers, element by element within {@link #QUADRATURE_TOLERANCE}. */
    private static void assertNumbersClose(String now, String then, String where) {
        String[] nowValues = now.split(";", -1);
        String[] thenValues = then.split(";", -1);
        assertThat(nowValues).as(where).hasSameSizeAs(thenValues);
        for (int k = 0; k < nowValues.length; k++) {
            assertThat(Double.parseDouble(nowValues[k])).as("%s: %s against %s", where, now, then)
                    .isCloseTo(Double.parseDouble(thenValues[k]), within(QUADRATURE_TOLERANCE));
        }
    }
}
