package org.probstab.spark;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.probstab.table.Column;
import org.probstab.table.ColumnType;
import org.probstab.table.TableKind;

/**
 * The Spark SQL view of a {@link TableKind}: the same columns, names, order and nullability, with each
 * {@link ColumnType} mapped to its one Spark type. Nothing here is declared twice: a column added to a kind in core
 * appears here without an edit.
 */
public final class SparkTables {

    private SparkTables() {
    }

    /** The Spark type of a column type. */
    public static DataType type(ColumnType t) {
        return switch (t) {
            case STRING -> DataTypes.StringType;
            case INT32 -> DataTypes.IntegerType;
            case INT64 -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DOUBLE_ARRAY -> DataTypes.createArrayType(DataTypes.DoubleType, false);
            case INT64_ARRAY -> DataTypes.createArrayType(DataTypes.LongType, false);
            case STRING_DOUBLE_MAP -> DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false);
        };
    }

    /** The columns inside a data file of the kind (no partition columns). */
    public static StructType fileSchema(TableKind kind) {
        StructType s = new StructType();
        for (Column c : kind.columns()) {
            s = s.add(c.name(), type(c.type()), c.nullable());
        }
        return s;
    }

    /** What a reader of the whole table sees: the partition columns, then the file columns. */
    public static StructType tableSchema(TableKind kind) {
        StructType s = new StructType();
        for (TableKind.PartitionColumn p : kind.partitions()) {
            s = s.add(p.name(), type(p.type()), false);
        }
        for (StructField f : fileSchema(kind).fields()) {
            s = s.add(f);
        }
        return s;
    }

    /** Names of the columns whose values vary between runs of the same cell. */
    public static List<String> timingColumns(TableKind kind) {
        return kind.columns().stream().filter(Column::timing).map(Column::name).toList();
    }
}
