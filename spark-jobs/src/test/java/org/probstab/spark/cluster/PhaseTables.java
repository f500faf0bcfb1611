package org.probstab.spark.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;

/**
 * Reading phase tables back in a test, through the Hadoop client and parquet-hadoop — the same libraries Spark
 * reads them with, without a SparkSession in the test JVM (which would cost ~15 s of warm-up on 2 cores, a
 * sizeable part of the cluster tests' budget). A table is read as Spark reads a partitioned directory: every
 * {@code *.parquet} file below it outside {@code _*} and {@code .*} directories, with the partition columns
 * ({@code sweep_id=…/chunk=…}) taken from its path.
 */
final class PhaseTables {

    /** The column that legitimately differs between two runs of the same sweep. */
    static final String ELAPSED = "elapsed_ns";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PhaseTables() {
    }

    /** One row: its key and its canonical text. */
    record Row(String sweepId, long cellId, String text) {
    }

    /**
     * The table at {@code path} (local path or any URI the Hadoop client reaches), one canonical line per row:
     * every column but {@value #ELAPSED}, partition columns included, {@code name=value} in name order; rows
     * ordered by (sweep_id, cell_id). Doubles print in Java's round-trip form, so equal lines mean bit-equal
     * values; map entries are sorted by key, so equal maps compare equal whatever order their writer used.
     */
    static List<Row> read(String path) {
        List<Row> rows = new ArrayList<>();
        try {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = root.getFileSystem(new Configuration());
            root = fs.makeQualified(root);
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
            while (files.hasNext()) {
                org.apache.hadoop.fs.Path file = files.next().getPath();
                Map<String, String> partitions = partitionColumns(root, file);
                if (partitions != null) {
                    readFile(file, partitions, rows);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the table at " + path, e);
        }
        rows.sort(Comparator.comparing(Row::sweepId).thenComparingLong(Row::cellId));
        return rows;
    }

    /** The canonical lines of {@link #read}. */
    static List<String> canonicalRows(String path) {
        return read(path).stream().map(Row::text).toList();
    }

    /** The number of rows and of distinct (sweep_id, cell_id) in the table at {@code path}. */
    static long[] rowsAndDistinctCells(String path) {
        List<Row> rows = read(path);
        return new long[] {rows.size(), rows.stream().map(r -> r.sweepId() + "/" + r.cellId()).distinct().count()};
    }

    /** {@code name=value} of the partition directories of a data file, or null if Spark would not read it. */
    private static Map<String, String> partitionColumns(org.apache.hadoop.fs.Path root,
                                                        org.apache.hadoop.fs.Path file) {
        String relative = root.toUri().relativize(file.toUri()).getPath();
        String[] parts = relative.split("/");
        if (!parts[parts.length - 1].endsWith(".parquet")) {
            return null;
        }
        Map<String, String> columns = new TreeMap<>();
        for (String part : parts) {
            if (part.startsWith("_") || part.startsWith(".")) {
                return null;
            }
        }
        for (int i = 0; i < parts.length - 1; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new AssertionError("data file in a directory that is no partition: " + file);
            }
            columns.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return columns;
    }

    private static void readFile(org.apache.hadoop.fs.Path file, Map<String, String> partitions, List<Row> rows)
            throws IOException {
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file)
                .withConf(new Configuration()).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                Map<String, String> columns = new TreeMap<>(partitions);
                GroupType type = g.getType();
                for (int i = 0; i < type.getFieldCount(); i++) {
                    String name = type.getFieldName(i);
                    if (columns.containsKey(name)) {
                        throw new AssertionError("column " + name + " both in the file and in the path: " + file);
                    }
                    if (!name.equals(ELAPSED)) {
                        columns.put(name, value(g, i, false));
                    }
                }
                String cellId = columns.get("cell_id");
                String sweepId = columns.get("sweep_id");
                if (cellId == null || sweepId == null) {
                    throw new AssertionError("row without sweep_id or cell_id in " + file + ": " + columns);
                }
                StringBuilder text = new StringBuilder();
                columns.forEach((k, v) -> text.append(text.isEmpty() ? "" : ", ").append(k).append('=').append(v));
                rows.add(new Row(sweepId, Long.parseLong(cellId), text.toString()));
            }
        }
    }

    /** Field {@code i} of {@code g}: null, a value, a group, or a list of them (sorted for a map's entries). */
    private static String value(Group g, int i, boolean sortRepeated) {
        Type type = g.getType().getType(i);
        int n = g.getFieldRepetitionCount(i);
        if (type.isRepetition(Type.Repetition.REPEATED)) {
            List<String> items = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                items.add(item(g, i, k, type));
            }
            if (sortRepeated) {
                items.sort(null);
            }
            return items.toString();
        }
        return n == 0 ? "null" : item(g, i, 0, type);
    }

    private static String item(Group g, int i, int k, Type type) {
        if (type.isPrimitive()) {
            return g.getValueToString(i, k);
        }
        Group sub = g.getGroup(i, k);
        boolean map = type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation;
        StringBuilder out = new StringBuilder("{");
        for (int j = 0; j < sub.getType().getFieldCount(); j++) {
            out.append(j == 0 ? "" : ", ").append(sub.getType().getFieldName(j)).append('=')
                    .append(value(sub, j, map));
        }
        return out.append('}').toString();
    }

    /**
     * The {@code _manifest.json} of the table at {@code path} (any file system the Hadoop client reaches), and
     * whether a {@code _staging} directory is left beside it.
     */
    static Manifest manifest(String path) {
        try {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = root.getFileSystem(new Configuration());
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

    /**
     * Data files of a sweep that a commit has made durable: {@code part-*} files under {@code out} outside
     * uncommitted task attempts (Spark's {@code attempt_*} directories). Counts the chunk files a task attempt has
     * finished in {@code _staging/wave-W/attempt-A/} too (a file being written has a hidden name): what matters
     * for "mid-sweep" is that some work has finished.
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
