package org.probstab.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.probstab.config.InvalidInputException;
import org.probstab.spark.TableOutput;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads a phase table (a sweep's output directory) and its {@code _manifest.json} into memory: phase tables for
 * figures are small (≤ 10⁶ cells), so they are collected to the driver and drawn there.
 */
public final class PhaseTableReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Columns never offered as plot columns. */
    private static final List<String> BOOKKEEPING = List.of("sweep_id", "chunk", "cell_id", "level", "samples",
            "steps", "elapsed_ns");

    private PhaseTableReader() {
    }

    /**
     * A table read into memory.
     *
     * @param directory      where it was read from
     * @param manifest       its manifest (an empty object when missing)
     * @param cells          the rows, ordered by cell id
     * @param numericColumns the numeric columns (and params keys) a chart may show
     */
    public record Table(String directory, JsonNode manifest, List<Cell> cells, List<String> numericColumns) {

        /** The sweep's name from the manifest, else the directory name. */
        public String name() {
            String n = manifest.path("name").asText("");
            return n.isEmpty() ? new Path(directory).getName() : n;
        }

        /** The manifest's description ("" when none). */
        public String description() {
            return manifest.path("description").asText("");
        }

        /** The model name. */
        public String model() {
            String m = manifest.path("model").asText("");
            return m.isEmpty() && !cells.isEmpty() ? cells.get(0).model() : m;
        }

        /** Axis names in sweep order (the manifest's {@code axes}). */
        public List<String> axes() {
            List<String> out = new ArrayList<>();
            manifest.path("axes").fieldNames().forEachRemaining(out::add);
            return out;
        }

        /** The fixed parameters of the sweep (manifest config.params and estimator settings but kind). */
        public Map<String, Object> fixedParameters() {
            Map<String, Object> out = new HashMap<>();
            JsonNode params = manifest.path("config").path("params");
            params.fieldNames().forEachRemaining(k -> out.put(k, scalar(params.get(k))));
            JsonNode est = manifest.path("config").path("estimator");
            est.fieldNames().forEachRemaining(k -> {
                if (!k.equals("kind")) {
                    out.put(k, scalar(est.get(k)));
                }
            });
            return out;
        }

        /** The sweep seed (1 when the manifest has none). */
        public long seed() {
            return manifest.path("seed").asLong(1);
        }

        private static Object scalar(JsonNode v) {
            return v.isNumber() ? (Object) v.asDouble() : v.asText();
        }
    }

    /**
     * Reads the table at {@code directory}, optionally filtered by a Spark SQL condition.
     *
     * @throws InvalidInputException if the directory is not a readable phase table or the filter is invalid
     */
    public static Table read(SparkSession spark, String directory, String where) {
        Dataset<Row> df;
        try {
            df = spark.read().parquet(directory);
        } catch (Exception e) {
            throw InvalidInputException.of("TABLE", "TABLE '" + directory + "' is not a readable phase table: "
                    + firstLine(e));
        }
        List<String> columns = Arrays.asList(df.columns());
        if (!columns.contains("cell_id") || !columns.contains("phase") || !columns.contains("lambda")) {
            throw InvalidInputException.of("TABLE", "TABLE '" + directory + "' has no cell_id/phase/lambda columns:"
                    + " not a phase table");
        }
        if (where != null && !where.isBlank()) {
            try {
                df = df.where(where);
                df.schema();
            } catch (Exception e) {
                throw InvalidInputException.of("--where", "--where '" + where + "' is not a valid condition on this"
                        + " table: " + firstLine(e));
            }
        }
        List<Row> rows;
        try {
            rows = df.orderBy(functions.col("sweep_id"), functions.col("cell_id")).collectAsList();
        } catch (Exception e) {
            throw InvalidInputException.of("--where", "--where '" + where + "': " + firstLine(e));
        }
        List<String> numeric = new ArrayList<>();
        List<Cell> cells = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, Double> numbers = new HashMap<>();
            for (String c : columns) {
                if (BOOKKEEPING.contains(c)) {
                    continue;
                }
                Object v = r.get(r.fieldIndex(c));
                if (c.equals("params") && v instanceof scala.collection.Map<?, ?> m) {
                    CollectionConverters.asJava(m).forEach((k, x) -> numbers.put(String.valueOf(k),
                            x == null ? Double.NaN : ((Number) x).doubleValue()));
                } else if (v instanceof Number x) {
                    numbers.put(c, x.doubleValue());
                } else if (v == null && isNumericColumn(df, c)) {
                    numbers.put(c, c.equals("n") ? Double.POSITIVE_INFINITY : Double.NaN);
                }
            }
            if (numbers.containsKey("batch_size")) {
                numbers.put("S", numbers.get("batch_size"));
            }
            if (numbers.containsKey("n")) {
                numbers.put("N", numbers.get("n"));
            }
            cells.add(new Cell(numbers, r.getAs("phase"), columns.contains("model") ? r.getAs("model") : ""));
        }
        for (String c : columns) {
            if (!BOOKKEEPING.contains(c) && !c.equals("params") && isNumericColumn(df, c)) {
                numeric.add(c);
            }
        }
        if (!cells.isEmpty()) {
            cells.get(0).numbers().keySet().stream().sorted().filter(k -> !numeric.contains(k)).forEach(numeric::add);
        }
        return new Table(directory, manifest(spark, directory), cells, numeric);
    }

    private static boolean isNumericColumn(Dataset<Row> df, String c) {
        String t = df.schema().apply(c).dataType().typeName();
        return t.equals("double") || t.equals("integer") || t.equals("long");
    }

    private static JsonNode manifest(SparkSession spark, String directory) {
        try {
            Path p = new Path(directory, TableOutput.MANIFEST);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                return JSON.createObjectNode();
            }
            try (InputStream in = fs.open(p)) {
                return JSON.readTree(in);
            }
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** The first line of the message of an exception's analysis error (or root cause): for one-line errors. */
    public static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof AnalysisException)) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }
}
