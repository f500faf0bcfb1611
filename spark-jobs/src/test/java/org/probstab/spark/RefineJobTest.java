package org.probstab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.config.InvalidInputException;
import org.probstab.sweep.RefinementPlan;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;
import org.probstab.table.PhaseTable;

/**
 * Adaptive refinement on Spark (DESIGN §6): every refined cell is the row of the same point of a uniform sweep of the
 * finest grid, bit for bit (same id, parameters and random streams); far fewer cells are evaluated; a budget stops a
 * level with one line; {@code --resume} continues from the last complete level and from missing chunks within one.
 */
class RefineJobTest {

    /**
     * Monte-Carlo cells: N = 40, S = 3 with replacement has C(42, 3) = 11480 minibatches, more than enum_budget =
     * 500, so each cell averages 3000 random batches from its own stream (seed, cell id): a cell that took another
     * id or stream would differ.
     */
    static final String MONTE_CARLO = """
            sweep {
              name = mc
              model = mf-gaussian
              seed = 5
              params { S = 3, N = 40, sigma = 2.0 }
              axes { lambda { from = 0.2, to = 2.6, steps = 5 }, mu { from = 0.1, to = 0.9, steps = 5 } }
              estimator { enum_budget = 500, mc_batches = 3000 }
            }
            """;

    static final int LEVELS = 2;

    @TempDir
    static Path tmp;

    static Path uniform;
    static Path refined;
    static RefineJob.Summary straight;

    static SweepSpec spec(String text, Path out, String... overrides) {
        return SweepSpec.from(SweepConfig.parse(text, List.of(overrides)), "x").withOutputPath(out.toString());
    }

    static RefinementPlan plan(Path out) {
        return new RefinementPlan(spec(MONTE_CARLO, out), List.of(), LEVELS, true, true);
    }

    static RefineJob.Summary refine(RefinementPlan plan, boolean resume, long budget) throws IOException {
        return RefineJob.run(TestSpark.local2(), plan, new RefineJob.Options(new SweepJob.Options(resume, false, 4,
                Duration.ofSeconds(60)), budget));
    }

    @BeforeAll
    static void runBoth() throws IOException {
        refined = tmp.resolve("refined");
        straight = refine(plan(refined), false, 1_000_000);
        // The uniform grid of the finest level: (5 − 1)·2^2 + 1 = 17 points per axis.
        uniform = tmp.resolve("uniform");
        SweepJob.run(TestSpark.local2(), new SweepPlan(spec(MONTE_CARLO, uniform, "sweep.axes.lambda.steps=17",
                "sweep.axes.mu.steps=17")), SweepJob.Options.defaults());
    }

    @AfterAll
    static void done() {
        TestSpark.stop();
    }

    /** Every phase-table column but the level and the wall time, by cell id. */
    static Map<Long, String> byCell(SparkSession spark, Path dir) {
        Dataset<Row> df = spark.read().parquet(dir.toString());
        List<String> cols = new ArrayList<>(PhaseTable.KIND.columnNames());
        cols.removeAll(List.of("level", "elapsed_ns"));
        Map<Long, String> out = new HashMap<>();
        for (Row r : df.select(cols.stream().map(functions::col).toArray(Column[]::new)).collectAsList()) {
            out.put(r.getLong(0), r.toString());
        }
        return out;
    }

    @Test
    void everyRefinedCellIsTheUniformFinestGridsCellBitForBit() {
        SparkSession spark = TestSpark.local2();
        Map<Long, String> fine = byCell(spark, uniform);
        Map<Long, String> mine = byCell(spark, refined);
        assertThat(fine).hasSize(17 * 17);
        assertThat(mine.size()).isEqualTo(straight.cells()).isGreaterThan(25).isLessThan(17 * 17);
        assertThat(straight.finestCells()).isEqualTo(17 * 17);
        for (Map.Entry<Long, String> e : mine.entrySet()) {
            assertThat(e.getValue()).as("cell %d", e.getKey()).isEqualTo(fine.get(e.getKey()));
        }
        // Monte-Carlo cells indeed: a standard error on every exponent, and random streams per cell.
        assertThat(spark.read().parquet(refined.toString()).where("method = 'mc-batches'").count())
                .isEqualTo(straight.cells());
        // Levels and sizes: level 0 is the config's grid, each later level halves the cell size.
        Dataset<Row> df = spark.read().parquet(refined.toString());
        assertThat(df.where("level = 0").count()).isEqualTo(25);
        for (Row r : df.select("level", "cell_size").collectAsList()) {
            Map<String, Double> size = r.getJavaMap(1);
            assertThat(size.get("lambda")).isEqualTo(Math.scalb((2.6 - 0.2) / 4, -r.getInt(0)));
            assertThat(size.get("mu")).isEqualTo(Math.scalb((0.9 - 0.1) / 4, -r.getInt(0)));
        }
    }

    @Test
    void onlyBoxesWhoseCornersDisagreeOrTheirNeighboursAreSubdivided() {
        SparkSession spark = TestSpark.local2();
        Path out = tmp.resolve("refined");
        for (int level = 0; level <= LEVELS; level++) {
            Dataset<Row> boxes = spark.read().schema(RefineJob.DECIDED).parquet(out.resolve("_refine/level=" + level
                    + "/boxes").toString());
            assertThat(boxes.where("corners <> 4").count()).isZero();
            assertThat(boxes.where("refine <> (disagree or seeded or halo)").count()).isZero();
            RefineJob.Level l = straight.levels().get(level);
            assertThat(boxes.count()).isEqualTo(l.boxes());
            assertThat(boxes.where("disagree").count()).isEqualTo(l.disagreeing()).isPositive();
            if (level < LEVELS) {
                // Each refined box has 4 children at the next level.
                assertThat(straight.levels().get(level + 1).boxes()).isEqualTo(4 * l.refinedBoxes());
            }
        }
        // A box is disagreeing iff its four corners in the table are not all of one phase and signs.
        Dataset<Row> table = spark.read().parquet(out.toString());
        Map<Long, String> phase = new HashMap<>();
        for (Row r : table.select("cell_id", "phase", "exp_minus", "exp_plus").collectAsList()) {
            phase.put(r.getLong(0), r.getString(1) + Math.signum(r.getDouble(2)) + Math.signum(r.getDouble(3)));
        }
        RefinementPlan plan = plan(out);
        for (Row r : spark.read().schema(RefineJob.DECIDED).parquet(out.resolve("_refine/level=1/boxes").toString())
                .collectAsList()) {
            long[] corners = plan.corners(RefineJob.box(r));
            boolean differ = Arrays.stream(corners).mapToObj(phase::get).distinct().count() > 1;
            assertThat(r.getBoolean(r.fieldIndex("disagree"))).isEqualTo(differ);
        }
    }

    /**
     * The fractal statistics of the refined table: the finest box count is the last level's disagreeing boxes (unit
     * boxes of the finest grid), the curve spans the refinement's scales, and the finest uniform grid is labelled
     * everywhere from the leaves (the painter refuses a grid with a hole).
     */
    @Test
    void fractalStatisticsReadTheLevelsBoxes() throws IOException {
        FractalJob.Result r = FractalJob.analyse(TestSpark.local2(), refined.toString(), null);
        org.probstab.refine.FractalStatistics s = r.statistics().get(0);
        long[] counts = s.curve().counts();
        assertThat(counts[counts.length - 1]).isEqualTo(straight.levels().get(LEVELS).disagreeing());
        assertThat(s.levels()).isEqualTo(LEVELS);
        // 16 finest intervals per axis: boxes of 2^-4; the coarse grid's 2^-2 is where the fit starts.
        assertThat(s.fitRange()).containsExactly(Math.scalb(1.0, -4), Math.scalb(1.0, -2));
        assertThat(s.entropy()).isNotNull();
        assertThat(s.entropy().boxes()).isEqualTo(9);
        assertThat(r.rows()).isEqualTo(straight.cells());
    }

    /**
     * A budget too small for level 1 stops the run after level 0 with one line; --resume with a larger budget finishes
     * the same table; and after a driver death within the last level (a chunk and the level's decisions gone, the
     * level marked running), --resume computes exactly the missing chunk and ends with the same table again.
     */
    @Test
    void resumeContinuesFromTheLastCompleteLevelAndFromMissingChunks() throws IOException {
        Path out = tmp.resolve("resume");
        RefinementPlan plan = plan(out);
        long level1 = straight.levels().get(1).cells();
        assertThatThrownBy(() -> refine(plan, false, level1 - 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("level 1 needs " + level1 + " new cells")
                .hasMessageContaining("--budget = " + (level1 - 1))
                .hasMessageNotContaining("\n");
        assertThat(TestSpark.canonical(TestSpark.local2(), out.toString())).hasSize(25);
        RefineJob.Summary s = refine(plan, true, 1_000_000);
        assertThat(s.cells()).isEqualTo(straight.cells());
        List<String> reference = TestSpark.canonical(TestSpark.local2(), refined.toString());
        assertThat(TestSpark.canonical(TestSpark.local2(), out.toString())).isEqualTo(reference);

        ObjectMapper json = new ObjectMapper();
        Path manifestFile = out.resolve("_manifest.json");
        ObjectNode manifest = (ObjectNode) json.readTree(manifestFile.toFile());
        JsonNode last = manifest.get("levels").get(LEVELS);
        long chunk = last.get("first_chunk").asLong();
        ((ObjectNode) last).put("status", "running");
        manifest.put("status", "running");
        json.writeValue(manifestFile.toFile(), manifest);
        Files.deleteIfExists(out.resolve("._manifest.json.crc"));
        Path chunkDir = out.resolve("sweep_id=" + plan.sweepId() + "/chunk=" + chunk);
        long lost = TestSpark.local2().read().parquet(chunkDir.toString()).count();
        delete(chunkDir);
        delete(out.resolve("_refine/level=" + LEVELS + "/boxes"));

        refine(plan, true, 1_000_000);
        JsonNode after = json.readTree(manifestFile.toFile());
        assertThat(after.get("last_run_cells").asLong()).isEqualTo(lost);
        assertThat(after.get("runs").asInt()).isEqualTo(3);
        assertThat(after.get("levels").get(LEVELS).get("status").asText()).isEqualTo("complete");
        assertThat(TestSpark.canonical(TestSpark.local2(), out.toString())).isEqualTo(reference);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
