package org.probstab.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.probstab.config.InvalidInputException;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;
import org.probstab.table.TableManifest;

/**
 * Reads a table directory (a sweep's output, local or on any Hadoop file system) and its {@code _manifest.json} into
 * a {@link TableData}: the one place where drawing and analysis touch Spark. Tables for figures are small (≤ 10⁶
 * rows), so the rows are collected to the driver.
 */
public final class TableReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Columns never offered as plot columns. */
    private static final List<String> BOOKKEEPING = List.of("sweep_id", "chunk", "cell_id", "level", "samples",
            "steps", "elapsed_ns");

    private TableReader() {
    }

    /**
     * Reads the table at {@code directory}, optionally filtered by a Spark SQL condition.
     *
     * @throws InvalidInputException if the directory is not a readable table or the filter is invalid
     */
    public static TableData read(SparkSession spark, String directory, String where) {
        Dataset<Row> df;
        try {
            df = spark.read().parquet(directory);
        } catch (Exception e) {
            throw InvalidInputException.of("TABLE", "TABLE '" + directory + "' is not a readable phase table: "
                    + firstLine(e));
        }
        List<String> columns = Arrays.asList(df.columns());
        org.apache.spark.sql.Column[] order;
        if (columns.contains("cell_id") && columns.contains("lambda")) {
            order = new org.apache.spark.sql.Column[] {functions.col("sweep_id"), functions.col("cell_id")};
        } else if (columns.contains("root") && columns.contains("exponent")) {
            order = new org.apache.spark.sql.Column[] {functions.col("chunk"), functions.col("exponent"),
                functions.col("root")};
        } else if (columns.contains("box_counts") && columns.contains("boundary")) {
            order = new org.apache.spark.sql.Column[] {functions.col("boundary"), functions.col("counting")};
        } else {
            throw InvalidInputException.of("TABLE", "TABLE '" + directory + "' has neither cell_id/lambda, root/exponent"
                    + " nor box_counts columns: not a table of cells, boundaries or fractal statistics");
        }
        df = where(df, where);
        List<Row> rows;
        try {
            rows = df.orderBy(order).collectAsList();
        } catch (Exception e) {
            throw InvalidInputException.of("--where", "--where '" + where + "': " + firstLine(e));
        }
        Map<String, DataType> types = new HashMap<>();
        for (String c : columns) {
            types.put(c, df.schema().apply(c).dataType());
        }
        List<DataRow> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, Double> numbers = new HashMap<>();
            Map<String, String> texts = new HashMap<>();
            Map<String, double[]> arrays = new HashMap<>();
            Map<String, Map<String, Double>> maps = new HashMap<>();
            for (String c : columns) {
                Object v = r.get(r.fieldIndex(c));
                if (types.get(c).equals(DataTypes.StringType)) {
                    if (v != null) {
                        texts.put(c, (String) v);
                    }
                } else if (BOOKKEEPING.contains(c)) {
                    if (c.equals("level") && v instanceof Number x) {
                        numbers.put(c, x.doubleValue());
                    }
                    continue;
                } else if (c.equals("params") && v != null) {
                    // getJavaMap: no Scala collection in our code, so the jar runs on Scala 2.12 and 2.13 builds.
                    r.getJavaMap(r.fieldIndex(c)).forEach((k, x) -> numbers.put(String.valueOf(k),
                            x == null ? Double.NaN : ((Number) x).doubleValue()));
                } else if (v != null && types.get(c) instanceof MapType) {
                    Map<String, Double> m = new HashMap<>();
                    r.getJavaMap(r.fieldIndex(c)).forEach((k, x) -> m.put(String.valueOf(k),
                            x == null ? Double.NaN : ((Number) x).doubleValue()));
                    maps.put(c, m);
                    m.forEach((k, x) -> numbers.put(c + "." + k, x));
                } else if (v != null && types.get(c) instanceof ArrayType) {
                    arrays.put(c, r.<Object>getList(r.fieldIndex(c)).stream()
                            .mapToDouble(x -> x == null ? Double.NaN : ((Number) x).doubleValue()).toArray());
                } else if (v instanceof Boolean b) {
                    numbers.put(c, b ? 1.0 : 0.0);
                } else if (v instanceof Number x) {
                    numbers.put(c, x.doubleValue());
                } else if (v == null && isNumeric(types.get(c))) {
                    numbers.put(c, c.equals("n") ? Double.POSITIVE_INFINITY : Double.NaN);
                }
            }
            if (numbers.containsKey("batch_size")) {
                numbers.put("S", numbers.get("batch_size"));
            }
            if (numbers.containsKey("n")) {
                numbers.put("N", numbers.get("n"));
            }
            out.add(new DataRow(numbers, texts, arrays, maps));
        }
        List<String> numeric = new ArrayList<>();
        for (String c : columns) {
            if (!BOOKKEEPING.contains(c) && !c.equals("params") && isNumeric(types.get(c))) {
                numeric.add(c);
            }
        }
        if (!out.isEmpty()) {
            // The params keys (and S, N aliases): not booleans, levels or cell sizes.
            out.get(0).numbers().keySet().stream().sorted().filter(k -> !numeric.contains(k) && !k.contains(".")
                    && !k.equals("level") && !(columns.contains(k) && !isNumeric(types.get(k))))
                    .forEach(numeric::add);
        }
        return new TableData(directory, manifest(spark, directory), out, numeric);
    }

    /**
     * The kind of the table at {@code directory}, as its manifest says: the kind of the manifest's model when the
     * manifest's format is that kind's ({@code probstab-net-table/1} for a net model, …); empty when there is no
     * manifest or it names no model of this build.
     */
    public static java.util.Optional<org.probstab.table.TableKind> kind(SparkSession spark, String directory) {
        TableManifest m = manifest(spark, directory);
        if (m.model().isEmpty() || !org.probstab.model.ModelRegistry.names().contains(m.model())) {
            return java.util.Optional.empty();
        }
        org.probstab.table.TableKind kind = org.probstab.model.ModelRegistry.get(m.model()).kind();
        return kind.format().equals(m.format()) ? java.util.Optional.of(kind) : java.util.Optional.empty();
    }

    private static boolean isNumeric(DataType t) {
        return t.equals(DataTypes.DoubleType) || t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType);
    }

    /** The manifest beside the table, or {@link TableManifest#missing} when there is none. */
    static TableManifest manifest(SparkSession spark, String directory) {
        JsonNode m;
        try {
            Path p = new Path(directory, TableOutput.MANIFEST);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                return TableManifest.missing(new Path(directory).getName());
            }
            try (InputStream in = fs.open(p)) {
                m = JSON.readTree(in);
            }
        } catch (IOException e) {
            return TableManifest.missing(new Path(directory).getName());
        }
        Map<String, List<String>> axes = new LinkedHashMap<>();
        m.path("axes").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            axes.put(e.getKey(), values);
        });
        Map<String, Object> fixed = new HashMap<>();
        JsonNode params = m.path("config").path("params");
        params.fields().forEachRemaining(e -> fixed.put(e.getKey(), scalar(e.getValue())));
        m.path("config").path("estimator").fields().forEachRemaining(e -> {
            if (!e.getKey().equals("kind")) {
                fixed.put(e.getKey(), scalar(e.getValue()));
            }
        });
        String name = m.path("name").asText("");
        return new TableManifest(m.path("format").asText(""), m.path("sweep_id").asText(""),
                name.isEmpty() ? new Path(directory).getName() : name, m.path("description").asText(""),
                m.path("model").asText(""), m.path("seed").asLong(1), axes, fixed);
    }

    private static Object scalar(JsonNode v) {
        return v.isNumber() ? (Object) v.asDouble() : v.asText();
    }

    /**
     * The rows of {@code df} that satisfy {@code --where} (a Spark SQL condition; null or blank: all rows), the
     * condition checked against the table's columns at once so that a bad one is one line naming {@code --where}.
     */
    public static Dataset<Row> where(Dataset<Row> df, String where) {
        if (where == null || where.isBlank()) {
            return df;
        }
        try {
            Dataset<Row> filtered = df.where(where);
            filtered.schema();
            return filtered;
        } catch (Exception e) {
            throw InvalidInputException.of("--where", "--where '" + where + "' is not a valid condition on this"
                    + " table: " + firstLine(e));
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
