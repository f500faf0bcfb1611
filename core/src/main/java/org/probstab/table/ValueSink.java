package org.probstab.table;

import java.util.SortedMap;

/**
 * Receives the values of one row, column by column, in table order ({@code column} is the column's index in its
 * {@link TableKind}); every writer and reader of tables (the Parquet chunk writer, {@code eval --json}, the
 * golden-table hash) is one implementation of this interface, so a column is declared once and all of them follow.
 * A column that has no value in the row (null) arrives as {@link #nothing}. Primitive values are passed unboxed.
 */
public interface ValueSink {

    void text(int column, String value);

    void real(int column, double value);

    void int32(int column, int value);

    void int64(int column, long value);

    void bool(int column, boolean value);

    void realArray(int column, double[] value);

    void int64Array(int column, long[] value);

    /** A map of names to values, names ascending. */
    void realMap(int column, SortedMap<String, Double> value);

    void nothing(int column);
}
