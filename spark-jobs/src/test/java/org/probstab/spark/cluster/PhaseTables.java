package org.probstab.spark.cluster;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/** Reading phase tables back in a test: canonical rows for exact comparison, and progress of a running sweep. */
final class PhaseTables {

    /** The column that legitimately differs between two runs of the same sweep. */
    static final String ELAPSED = "elapsed_ns";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PhaseTables() {
    }

    /** The test JVM's small local session for reading tables (DESIGN §9: loopback, UI off). */
    static SparkSession session() {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("probstab-cluster-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /**
     * The table at {@code path} (partition columns included) as one JSON line per row, all columns but
     * {@value #ELAPSED} in name order, rows ordered by (sweep_id, cell_id). Maps are written as their entries
     * sorted by key, so two maps with equal content compare equal whatever order their writer iterated them in.
     * Doubles print in round-trip form, so equal lines mean bit-equal values.
     */
    static List<String> canonicalRows(SparkSession spark, String path) {
        Dataset<Row> table = spark.read().parquet(path);
        List<Column> columns = new ArrayList<>();
        StructField[] fields = table.schema().fields().clone();
        Arrays.sort(fields, java.util.Comparator.comparing(StructField::name));
        for (StructField field : fields) {
            if (!field.name().equals(ELAPSED)) {
                columns.add(field.dataType() instanceof MapType
                        ? array_sort(map_entries(col(field.name()))).as(field.name())
                        : col(field.name()));
            }
        }
        return table.orderBy("sweep_id", "cell_id")
                .select(to_json(struct(columns.toArray(Column[]::new))))
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
    }

    /**
     * The {@code _manifest.json} of the table at {@code path} (any file system the Hadoop client reaches), and
     * whether a {@code _staging} directory is left beside it.
     */
    static Manifest manifest(SparkSession spark, String path) {
        try {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            JsonNode json;
            try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(root, "_manifest.json"))) {
                json = JSON.readTree(in);
            }
            return new Manifest(json, fs.exists(new org.apache.hadoop.fs.Path(root, "_staging")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + path, e);
        }
    }

    /** A table's manifest and whether staging is left over. */
    record Manifest(JsonNode json, boolean stagingLeft) {
        String status() {
            return json.path("status").asText();
        }

        int runs() {
            return json.path("runs").asInt();
        }
    }

    /** The number of rows and of distinct cell ids in the table at {@code path}. */
    static long[] rowsAndDistinctCells(SparkSession spark, String path) {
        Dataset<Row> table = spark.read().parquet(path);
        return new long[] {table.count(), table.select("sweep_id", "cell_id").distinct().count()};
    }

    /**
     * Data files of a sweep that a commit has made durable: {@code part-*} files under {@code out} outside
     * uncommitted task attempts ({@code attempt_*} directories). Counts task-committed files in a wave's
     * {@code _staging/wave-W/_temporary} too: what matters for "mid-sweep" is that some work has finished.
     */
    static long committedDataFiles(Path out) {
        return dataFiles(out, false);
    }

    /**
     * Data files of a sweep in their final place ({@code sweep_id=…/chunk=…/}): not under any {@code _*} or
     * {@code .*} directory.
     */
    static long finalDataFiles(Path out) {
        return dataFiles(out, true);
    }

    private static long dataFiles(Path out, boolean finalOnly) {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .filter(p -> Arrays.stream(out.relativize(p).getParent() == null ? new String[0]
                                    : out.relativize(p).getParent().toString().split("/"))
                            .noneMatch(d -> d.startsWith("attempt_")
                                    || (finalOnly && (d.startsWith("_") || d.startsWith(".")))))
                    .count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // files move while a job commits: the caller polls again
        }
    }
}
