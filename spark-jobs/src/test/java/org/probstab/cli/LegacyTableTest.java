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
 * config today gives the same rows — every column the old table has, to the bit, except the wall time. Where an
 * intended change of results has happened since, the rows of today's sweep are kept beside the old CSV as
 * {@code NAME.resweep.csv} (without the wall time) and the sweep is compared with those instead: the random-sym
 * trajectory cells, whose runs are drawn from xoshiro256+/ziggurat256 streams since the trajectory estimators run on
 * the trajectory engine (they were L64X128MixRandom).
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
        assertThat(newLines).isEqualTo(Files.exists(resweep)
                ? Files.readString(resweep, StandardCharsets.UTF_8).lines().toList() : oldWithoutTime);
        assertThat(newLines.get(0)).isEqualTo(oldWithoutTime.get(0));
    }
}
