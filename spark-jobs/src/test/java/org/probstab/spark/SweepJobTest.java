package org.probstab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.config.InvalidInputException;
import org.probstab.table.Column;
import org.probstab.table.PhaseTable;
import org.probstab.table.TableKind;
import org.probstab.random.StreamSeeds;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;

/**
 * The sweep engine's contract (DESIGN §3–5, §8): the table holds exactly the cells of the plan with the
 * values core computes; it is identical for 1, 8 and 64 partitions and for local[1] and local[2]; an existing table
 * is refused or resumed, never silently overwritten; --resume computes only missing chunks.
 */
class SweepJobTest {

    /**
     * Every method in one small sweep: exact sum (N = 10, S = 1), enumeration (N = 10, S = 3 with replacement:
     * multisets of 3 out of 10 or 12 ≤ enum_budget 500), Monte-Carlo over batches (S = 6: ≥ 5005 multisets),
     * quadrature (N = ∞), in 5-cell chunks so that resumption has something to do.
     */
    static final String MIXED = """
            sweep {
              name = mixed
              model = mf-gaussian
              seed = 11
              params { mu = 0.3 }
              axes { lambda { from = 0.2, to = 2.4, steps = 4 }, N = [10, 12, inf], S = [1, 3, 6] }
              axis_order = [lambda, N, S]
              estimator { enum_budget = 500, mc_batches = 4000 }
            }
            output { chunk_cells = 5 }
            """;

    /** Trajectory cells with a spectrum: 2×2 random symmetric Hessians, QR estimator (000 App. A.2). */
    static final String TRAJECTORIES = """
            sweep {
              name = traj
              model = random-sym
              seed = 3
              params { d = 2, noise = 1.0 }
              axes { lambda = [0.2, 0.6, 1.0, 1.4, 1.8, 2.2] }
              estimator { kind = trajectory, runs = 4, steps = 500, burn_in = 20 }
            }
            output { chunk_cells = 2 }
            """;

    /** Exact N = 100, S = 1 cells on a 6 × 6 λ–μ grid: the cells of {@code conf/bench-exact-n100.conf}. */
    static final String EXACT_N100 = """
            sweep {
              name = exact-n100
              model = mf-gaussian
              seed = 1
              params { S = 1, N = 100, sigma = 2.0 }
              axes {
                lambda { from = 0.003, to = 3.0, steps = 6 }
                mu     { from = 0.001, to = 1.0, steps = 6 }
              }
              estimator { kind = exact }
            }
            output { chunk_cells = 8 }
            """;

    @TempDir
    static Path tmp;

    static List<String> referenceMixed;
    static List<String> referenceTraj;

    static SweepPlan plan(String text, Path out, String... overrides) {
        SweepSpec spec = SweepSpec.from(SweepConfig.parse(text, List.of(overrides)), "x");
        return new SweepPlan(spec.withOutputPath(out.toString()));
    }

    static SweepJob.Summary run(SparkSession spark, SweepPlan plan, boolean resume, boolean overwrite,
                                int partitions) throws IOException {
        return SweepJob.run(spark, plan, new SweepJob.Options(resume, overwrite, partitions, Duration.ofSeconds(60)));
    }

    @BeforeAll
    static void reference() throws IOException {
        SparkSession spark = TestSpark.local2();
        run(spark, plan(MIXED, tmp.resolve("mixed-ref")), false, false, 8);
        run(spark, plan(TRAJECTORIES, tmp.resolve("traj-ref")), false, false, 8);
        referenceMixed = TestSpark.canonical(spark, tmp.resolve("mixed-ref").toString());
        referenceTraj = TestSpark.canonical(spark, tmp.resolve("traj-ref").toString());
    }

    @AfterAll
    static void done() {
        TestSpark.stop();
    }

    /**
     * The independent path for the values: each row Spark reads back from the chunk files equals, column by column
     * and to the bit, the row core computes for the same cell ({@link SweepPlan#evaluate}) — every column of the
     * table kind (the timing column only has to be there), nulls, the {@code params} map and arrays included — and
     * the table has exactly the kind's columns and its partition columns. Three sweeps: every estimation method,
     * trajectory cells with a spectrum, and exact N = 100, S = 1 cells like {@code conf/bench-exact-n100.conf}.
     */
    @Test
    void theTableHoldsEachCellOnceWithTheValuesCoreComputes() throws IOException {
        SparkSession spark = TestSpark.local2();
        run(spark, plan(EXACT_N100, tmp.resolve("exact-ref")), false, false, 4);
        Map<String, Set<String>> seen = new TreeMap<>();
        List<String> methods = new ArrayList<>();
        for (String[] sweep : new String[][] {{MIXED, "mixed"}, {TRAJECTORIES, "traj"}, {EXACT_N100, "exact"}}) {
            SweepPlan plan = plan(sweep[0], tmp.resolve("unused"));
            TableKind kind = plan.kind();
            org.apache.spark.sql.Dataset<Row> table = spark.read().parquet(tmp.resolve(sweep[1] + "-ref").toString());
            List<String> columns = new ArrayList<>(kind.columnNames());
            kind.partitions().forEach(p -> columns.add(p.name()));
            assertThat(table.columns()).as(sweep[1]).containsExactlyElementsOf(columns);
            List<Row> rows = table.orderBy("cell_id").collectAsList();
            assertThat(rows).as(sweep[1]).hasSize((int) plan.cellCount());
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                long id = r.getLong(r.fieldIndex("cell_id"));
                assertThat(id).isEqualTo(i);
                // Partition discovery infers the chunk column's type (int for small tables).
                assertThat(((Number) r.get(r.fieldIndex("chunk"))).longValue()).isEqualTo(plan.chunkOf(id));
                assertThat(r.getString(r.fieldIndex("sweep_id"))).isEqualTo(plan.spec().sweepId());
                org.probstab.table.Row direct = plan.evaluate(id);
                Map<String, Object> expected = kind.values(direct);
                assertThat(expected.keySet()).containsExactlyElementsOf(kind.columnNames());
                for (Column c : kind.columns()) {
                    Object actual = r.get(r.fieldIndex(c.name()));
                    if (c.timing()) {
                        assertThat(actual).as("%s cell %d column %s", sweep[1], id, c.name()).isInstanceOf(Long.class);
                        continue;
                    }
                    Object want = expected.get(c.name());
                    assertThat(bits(actual)).as("%s cell %d column %s", sweep[1], id, c.name())
                            .isEqualTo(bits(want));
                    seen.computeIfAbsent(c.name(), k -> new TreeSet<>()).add(want == null ? "null"
                            : want instanceof Map<?, ?> m ? (m.isEmpty() ? "empty" : "entries")
                            : want instanceof double[] a ? (a.length == 0 ? "empty" : "elements") : "value");
                }
                methods.add(r.getString(r.fieldIndex("method")));
            }
        }
        assertThat(methods).contains("exact-sum", "enumeration", "mc-batches", "quadrature");
        // What the comparison exercised: nulls and values of the nullable columns, a non-empty map and spectrum.
        for (String nullable : List.of("mu", "n", "exp_plus", "p_below_eps", "chi_mean")) {
            assertThat(seen.get(nullable)).as(nullable).contains("null");
        }
        for (String column : List.of("n", "exp_plus", "chi_mean")) {
            assertThat(seen.get(column)).as(column).contains("value");
        }
        assertThat(seen.get("params")).contains("entries");
        assertThat(seen.get("spectrum")).contains("elements");
    }

    /**
     * A value read by Spark or made by core in one comparable form: a double as its raw bits, a long array or a
     * Spark array as a list, a map (Java or Scala) as a sorted map, each element likewise.
     */
    static Object bits(Object v) {
        if (v instanceof Double d) {
            return "double:" + Long.toHexString(Double.doubleToRawLongBits(d));
        }
        if (v instanceof double[] a) {
            return java.util.Arrays.stream(a).mapToObj(SweepJobTest::bits).toList();
        }
        if (v instanceof long[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        }
        if (v instanceof scala.collection.Seq<?> seq) {
            return scala.jdk.javaapi.CollectionConverters.asJava(seq).stream().map(SweepJobTest::bits).toList();
        }
        if (v instanceof scala.collection.Map<?, ?> m) {
            v = scala.jdk.javaapi.CollectionConverters.asJava(m);
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new TreeMap<>();
            m.forEach((key, value) -> out.put(key, bits(value)));
            return out;
        }
        return v;
    }

    /**
     * The independent path for the file format: the same cells put through Spark SQL's own Parquet writer
     * ({@link #sparkSqlRow} + {@code createDataFrame(…).write().partitionBy(…)}) read back identically — every
     * column, nulls, maps and arrays included — and the files carry the same Parquet schema and Spark schema.
     */
    @Test
    void chunkFilesReadBackLikeSparkSqlsOwnParquet() throws IOException {
        SparkSession spark = TestSpark.local2();
        for (String[] sweep : new String[][] {{MIXED, "mixed"}, {TRAJECTORIES, "traj"}}) {
            SweepPlan plan = plan(sweep[0], tmp.resolve("unused"));
            List<Row> rows = new ArrayList<>();
            for (long id = 0; id < plan.cellCount(); id++) {
                rows.add(sparkSqlRow(plan.spec().sweepId(), plan.chunkOf(id), plan.evaluate(id, SweepJob.GRID_LEVEL)));
            }
            Path viaSql = tmp.resolve(sweep[1] + "-via-spark-sql");
            spark.createDataFrame(rows, SparkTables.tableSchema(PhaseTable.KIND)).write()
                    .partitionBy("sweep_id", "chunk").parquet(viaSql.toString());
            String ours = tmp.resolve(sweep[1] + "-ref").toString();
            assertThat(TestSpark.canonical(spark, ours)).isEqualTo(TestSpark.canonical(spark, viaSql.toString()));

            // Spark reads every file column back as nullable, so the schemas are compared in the files' footers:
            // the same Parquet types and repetitions, and the same Spark schema under Spark's footer key.
            org.apache.parquet.hadoop.metadata.FileMetaData mine = footer(Path.of(ours));
            org.apache.parquet.hadoop.metadata.FileMetaData sparks = footer(viaSql);
            assertThat(mine.getSchema()).isEqualTo(sparks.getSchema());
            assertThat(org.apache.spark.sql.types.DataType.fromJson(
                    mine.getKeyValueMetaData().get(ChunkParquet.SPARK_ROW_METADATA)))
                    .isEqualTo(org.apache.spark.sql.types.DataType.fromJson(
                            sparks.getKeyValueMetaData().get(ChunkParquet.SPARK_ROW_METADATA)))
                    .isEqualTo(SparkTables.fileSchema(PhaseTable.KIND));
            assertThat(spark.read().parquet(ours).schema())
                    .isEqualTo(spark.read().parquet(viaSql.toString()).schema());
        }
        // Nulls were exercised (n at N = ∞, the spectrum of scalar cells), and no NaN leaked through.
        assertThat(referenceMixed.toString()).contains("null").doesNotContain("NaN");
    }

    /** The row of one cell in {@link SparkTables#tableSchema} order, as Spark SQL's writer takes it. */
    static Row sparkSqlRow(String sweepId, long chunk, org.probstab.table.Row r) {
        Map<String, Object> values = r.kind().values(r);
        Object[] out = new Object[2 + values.size()];
        out[0] = sweepId;
        out[1] = chunk;
        int i = 2;
        for (Object v : values.values()) {
            if (v instanceof Map<?, ?> m) {
                v = scala.jdk.javaapi.CollectionConverters.asScala(m);
            } else if (v instanceof double[] a) {
                v = a.clone();
            }
            out[i++] = v;
        }
        return org.apache.spark.sql.RowFactory.create(out);
    }

    /** The footer of the first Parquet data file under a table directory. */
    static org.apache.parquet.hadoop.metadata.FileMetaData footer(Path table) throws IOException {
        Path file;
        try (Stream<Path> files = Files.walk(table)) {
            file = files.filter(f -> f.getFileName().toString().startsWith("part-")
                    && f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()),
                        new org.apache.hadoop.conf.Configuration()))) {
            return reader.getFooter().getFileMetaData();
        }
    }

    @Test
    void theTableDoesNotDependOnPartitionsOrCores() throws IOException {
        SparkSession spark = TestSpark.local2();
        for (int partitions : new int[] {1, 64}) {
            Path out = tmp.resolve("mixed-p" + partitions);
            run(spark, plan(MIXED, out), false, false, partitions);
            assertThat(TestSpark.canonical(spark, out.toString())).as("partitions %d", partitions)
                    .isEqualTo(referenceMixed);
            Path traj = tmp.resolve("traj-p" + partitions);
            run(spark, plan(TRAJECTORIES, traj), false, false, partitions);
            assertThat(TestSpark.canonical(spark, traj.toString())).isEqualTo(referenceTraj);
        }
        TestSpark.stop();
        SparkSession one = Sessions.create("probstab-tests-local1", "local[1]", Map.of("spark.ui.enabled", "false"));
        try {
            run(one, plan(MIXED, tmp.resolve("mixed-local1")), false, false, 8);
            run(one, plan(TRAJECTORIES, tmp.resolve("traj-local1")), false, false, 3);
            assertThat(TestSpark.canonical(one, tmp.resolve("mixed-local1").toString())).isEqualTo(referenceMixed);
            assertThat(TestSpark.canonical(one, tmp.resolve("traj-local1").toString())).isEqualTo(referenceTraj);
        } finally {
            one.stop();
        }
    }

    @Test
    void resumeComputesOnlyTheMissingChunks() throws IOException {
        SparkSession spark = TestSpark.local2();
        Path out = tmp.resolve("mixed-resume");
        SweepPlan plan = plan(MIXED, out);
        run(spark, plan, false, false, 4);
        Path sweepDir = out.resolve("sweep_id=" + plan.spec().sweepId());
        Map<String, Long> before = files(sweepDir);
        // An interrupted run: two chunks never published, a half-written wave left in staging.
        deleteTree(sweepDir.resolve("chunk=2"));
        deleteTree(sweepDir.resolve("chunk=6"));
        Files.createDirectories(out.resolve("_staging/wave-0/sweep_id=" + plan.spec().sweepId() + "/chunk=2"));
        Files.writeString(out.resolve("_staging/wave-0/sweep_id=" + plan.spec().sweepId() + "/chunk=2/junk"), "x");

        SweepJob.Summary s = run(spark, plan, true, false, 4);
        assertThat(s.computedChunks()).isEqualTo(2);
        assertThat(s.computedCells()).isEqualTo(10);
        assertThat(Files.exists(out.resolve("_staging"))).isFalse();
        assertThat(TestSpark.canonical(spark, out.toString())).isEqualTo(referenceMixed);
        // The chunks that were complete were not touched: same files, same modification times.
        Map<String, Long> after = files(sweepDir);
        before.forEach((name, time) -> {
            if (!name.startsWith("chunk=2/") && !name.startsWith("chunk=6/")) {
                assertThat(after).containsEntry(name, time);
            }
        });
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
        assertThat(manifest.path("runs").asInt()).isEqualTo(2);
        assertThat(manifest.path("status").asText()).isEqualTo("complete");

        // Resuming a complete table computes nothing.
        assertThat(run(spark, plan, true, false, 4).computedCells()).isZero();
    }

    @Test
    void anExistingTableIsRefusedUnlessResumedOrOverwritten() throws IOException {
        SparkSession spark = TestSpark.local2();
        Path out = tmp.resolve("traj-safety");
        SweepPlan plan = plan(TRAJECTORIES, out);
        run(spark, plan, false, false, 4);
        byte[] manifest = Files.readAllBytes(out.resolve("_manifest.json"));
        Map<String, Long> before = files(out);

        assertThatThrownBy(() -> run(spark, plan, false, false, 4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already holds a table").hasMessageContaining("--resume");
        // Another sweep cannot be resumed into it.
        SweepPlan other = plan(TRAJECTORIES, out, "sweep.seed=4");
        assertThatThrownBy(() -> run(spark, other, true, false, 4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds another sweep");
        assertThat(files(out)).isEqualTo(before);
        assertThat(Files.readAllBytes(out.resolve("_manifest.json"))).isEqualTo(manifest);

        // --overwrite replaces it with the other sweep.
        run(spark, other, false, true, 4);
        JsonNode m = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
        assertThat(m.path("config_hash").asText()).isEqualTo(other.spec().hash());
        assertThat(TestSpark.canonical(spark, out.toString())).isNotEqualTo(referenceTraj)
                .hasSize(referenceTraj.size());

        // A directory that is not a probstab table is never touched, not even with --overwrite.
        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "precious");
        SweepPlan intoForeign = plan(TRAJECTORIES, foreign);
        assertThatThrownBy(() -> run(spark, intoForeign, false, true, 4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a probstab table");
        assertThat(Files.readString(foreign.resolve("thesis.tex"))).isEqualTo("precious");
        assertThat(files(foreign)).containsOnlyKeys("thesis.tex");
    }

    @Test
    void theManifestRecordsWhatWasRun() throws IOException {
        JsonNode m = new ObjectMapper().readTree(tmp.resolve("mixed-ref/_manifest.json").toFile());
        SweepPlan plan = plan(MIXED, tmp.resolve("unused"));
        assertThat(m.path("sweep_id").asText()).isEqualTo(plan.spec().sweepId());
        assertThat(m.path("config_hash").asText()).isEqualTo(plan.spec().hash()).hasSize(64);
        assertThat(m.path("cell_count").asLong()).isEqualTo(36);
        assertThat(m.path("chunk_count").asLong()).isEqualTo(8);
        assertThat(m.path("rng_algorithm").asText()).isEqualTo(StreamSeeds.ALGORITHMS)
                .contains("L64X128MixRandom").contains("xoshiro256+/ziggurat256");
        assertThat(m.path("jdk").asText()).contains("17");
        assertThat(m.path("code_version").asText()).isNotBlank();
        assertThat(m.path("config").path("axes").path("N").isArray()).isTrue();
        assertThat(m.path("status").asText()).isEqualTo("complete");
        assertThat(m.path("finished").asText()).isNotBlank();
    }

    static Map<String, Long> files(Path dir) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
