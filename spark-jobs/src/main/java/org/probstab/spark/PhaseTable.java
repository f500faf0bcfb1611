package org.probstab.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.probstab.table.PhaseTableColumns;

/**
 * The Parquet phase table (DESIGN §4): its Spark schema. Column names are
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
}
