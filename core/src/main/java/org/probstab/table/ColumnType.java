package org.probstab.table;

/**
 * The value types a table column can hold. Each maps to exactly one Parquet type and one Spark SQL type (the
 * Spark-side mapping lives in {@code spark-jobs}); a double column that does not apply to a row is null, and −∞ is a
 * legal double (an exponent of almost-sure collapse), never turned into null or NaN.
 */
public enum ColumnType {
    /** UTF-8 text (Parquet BINARY annotated STRING; Spark StringType). */
    STRING,
    /** 32-bit integer (Parquet INT32; Spark IntegerType). */
    INT32,
    /** 64-bit integer (Parquet INT64; Spark LongType). */
    INT64,
    /** IEEE double (Parquet DOUBLE; Spark DoubleType). */
    DOUBLE,
    /** Boolean (Parquet BOOLEAN; Spark BooleanType). */
    BOOLEAN,
    /** A list of non-null doubles (Parquet three-level LIST; Spark ArrayType(DoubleType, containsNull = false)). */
    DOUBLE_ARRAY,
    /** A list of non-null 64-bit integers (Parquet LIST of INT64; Spark ArrayType(LongType, false)). */
    INT64_ARRAY,
    /** A map of text keys to non-null doubles, keys ascending (Parquet MAP; Spark MapType(String, Double, false)). */
    STRING_DOUBLE_MAP
}
