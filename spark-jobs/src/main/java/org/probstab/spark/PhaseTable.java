package org.probstab.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.probstab.model.CellResult;
import org.probstab.model.PhaseTableColumns;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Parquet phase table (DESIGN §4): its Spark schema and the row of one evaluated cell. Column names are
 * stable API. {@code sweep_id} and {@code chunk} are the partition columns (directories {@code sweep_id=…/chunk=…});
 * reading the table directory brings them back as columns.
 */
public final class PhaseTable {

    /** Partition columns, outermost first. */
    public static final List<String> PARTITION_COLUMNS = List.of("sweep_id", "chunk");

    /** Columns that vary between runs of the same sweep (left out of determinism comparisons). */
    public static final List<String> TIMING_COLUMNS = List.of("elapsed_ns");

    /** The schema of a written row: sweep bookkeeping, then {@link PhaseTableColumns#RESULT_COLUMNS}. */
    public static final StructType SCHEMA = schema();

    private PhaseTable() {
    }

    private static StructType schema() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("sweep_id", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("chunk", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("cell_id", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("level", DataTypes.IntegerType, false));
        for (String c : PhaseTableColumns.RESULT_COLUMNS) {
            f.add(DataTypes.createStructField(c, type(c), nullable(c)));
        }
        return DataTypes.createStructType(f);
    }

    private static DataType type(String column) {
        return switch (column) {
            case "model", "phase", "method" -> DataTypes.StringType;
            case "batch_size" -> DataTypes.IntegerType;
            case "n", "samples", "steps", "elapsed_ns" -> DataTypes.LongType;
            case "params" -> DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false);
            case "spectrum" -> DataTypes.createArrayType(DataTypes.DoubleType, false);
            case "l2_stable" -> DataTypes.BooleanType;
            default -> DataTypes.DoubleType;
        };
    }

    private static boolean nullable(String column) {
        return switch (column) {
            case "model", "lambda", "batch_size", "params", "l2_stable", "phase", "method", "samples", "steps",
                 "elapsed_ns" -> false;
            default -> true;
        };
    }

    /** The row of one cell, in {@link #SCHEMA} order. */
    public static Row row(String sweepId, long chunk, long cellId, int level, CellResult r) {
        Map<String, Object> values = PhaseTableColumns.values(r);
        Object[] out = new Object[4 + values.size()];
        out[0] = sweepId;
        out[1] = chunk;
        out[2] = cellId;
        out[3] = level;
        int i = 4;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                v = CollectionConverters.asScala(m);
            } else if (v instanceof double[] a) {
                v = a.clone();
            }
            out[i++] = v;
        }
        return RowFactory.create(out);
    }
}
