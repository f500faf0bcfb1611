package org.probstab.table;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * One column of a table kind: its name (stable API: notebooks and users' queries use it), value type, whether it may
 * be null, how its Parquet pages are encoded, a one-line description, and where a {@link Row} keeps its value. A
 * column is declared once, in the class that declares its {@link TableKind} (e.g. {@link PhaseTable}); writers,
 * readers and the JSON of {@code eval} all derive from that declaration.
 *
 * <p>Value conventions: a double column is null exactly when the row holds NaN (an estimate that does not apply to
 * the model), −∞ stays −∞; text, arrays and maps are null when absent; integer and boolean columns of a row must be
 * set unless the column is nullable.
 */
public abstract sealed class Column
        permits Column.Real, Column.WholeNumber, Column.Int32, Column.Int64, Column.Bool, Column.Text,
        Column.RealArray, Column.Int64Array, Column.RealMap {

    /** Declaration options. */
    public enum Option {
        /** The column may be null (a value that does not apply to the row). */
        NULLABLE,
        /**
         * Parquet pages without a dictionary: for columns whose values are nearly all distinct (estimates, ids), where
         * a dictionary would be built per page only to be dropped, and for the columns of every cell table (axes,
         * labels, counts): a chunk file holds a few thousand cells, Snappy compresses their repeats nearly as well
         * (files ~5 % larger), and writing a chunk of exact cells measured ~4 % faster without the dictionary's hash
         * lookup and fall-back check per value. Columns without the option keep parquet-mr's dictionary.
         */
        PLAIN,
        /** The value varies between runs of the same cell (a wall time): left out of determinism comparisons. */
        TIMING
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String name;
    private final ColumnType type;
    private final String description;
    private final boolean nullable;
    private final boolean plain;
    private final boolean timing;
    final TableKind.Layout layout;
    /** Declaration number within its layout chain: the bit of the row's presence mask. */
    final int id;
    /** Index into the row's array for this column's storage class. */
    final int slot;

    Column(String name, ColumnType type, String description, Set<Option> options, TableKind.Layout layout, int id,
           int slot) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column name '" + name + "' is not [a-z][a-z0-9_]*");
        }
        this.name = name;
        this.type = type;
        this.description = Objects.requireNonNull(description, "description");
        this.nullable = options.contains(Option.NULLABLE);
        this.plain = options.contains(Option.PLAIN);
        this.timing = options.contains(Option.TIMING);
        this.layout = layout;
        this.id = id;
        this.slot = slot;
    }

    public final String name() {
        return name;
    }

    public final ColumnType type() {
        return type;
    }

    /** One line for documentation. */
    public final String description() {
        return description;
    }

    public final boolean nullable() {
        return nullable;
    }

    /** True when Parquet pages are written without a dictionary ({@link Option#PLAIN}). */
    public final boolean plain() {
        return plain;
    }

    /** True for a wall-time column ({@link Option#TIMING}). */
    public final boolean timing() {
        return timing;
    }

    /** Sends this column's value in {@code row} to {@code sink} as column number {@code index}. */
    abstract void write(Row row, int index, ValueSink sink);

    @Override
    public final String toString() {
        return name + " " + type + (nullable ? " (nullable)" : "");
    }

    // ------------------------------------------------------------------------------------------ storage classes

    /** A DOUBLE column; NaN in the row is null. */
    public static final class Real extends Column {
        Real(String name, String description, Set<Option> options, TableKind.Layout layout, int id, int slot) {
            super(name, ColumnType.DOUBLE, description, options, layout, id, slot);
        }

        @Override
        void write(Row row, int index, ValueSink sink) {
            double v = row.reals[slot];
            if (Double.isNaN(v)) {
                sink.nothing(index);
            } else {
                sink.real(index, v);
            }
        }
    }

    /**
     * An INT64 column held as a double in the row, for counts that may be infinite: an integer value is written as
     * it is, +∞ and NaN as null (the dataset size N: null means N = ∞ or a model without N).
     */
    public static final class WholeNumber extends Column {
        WholeNumber(String name, String description, Set<Option> options, TableKind.Layout layout, int id,
                    int slot) {
            super(name, ColumnType.INT64, description, options, layout, id, slot);
        }

        @Override
        void write(Row row, int index, ValueSink sink) {
            double v = row.reals[slot];
            if (Double.isFinite(v)) {
                sink.int64(index, (long) v);
            } else {
                sink.nothing(index);
            }
        }
    }

    /** An INT32 column. */
    public static final class Int32 extends Column {
        Int32(String name, String description, Set<Option> options, TableKind.Layout layout, int id, int slot) {
            super(name, ColumnType.INT32, description, options, layout, id, slot);
        }

        @Override
        void write(Row row, int index, ValueSink sink) {
            if (row.has(this)) {
                sink.int32(index, (int) row.longs[slot]);
            } else {
                sink.nothing(index);
            }
        }
    }

    /** An INT64 column. */
    public static final class Int64 extends Column {
        Int64(String name, String description, Set<Option> options, TableKind.Layout layout, int id, int slot) {
            super(name, ColumnType.INT64, description, options, layout, id, slot);
        }

        @Override
        void write(Row row, int index, ValueSink sink) {
            if (row.has(this)) {
                sink.int64(index, row.longs[slot]);
            } else {
                sink.nothing(index);
            }
        }
    }

    /** A BOOLEAN column. */
    public static final class Bool extends Column {
        Bool(String name, String description, Set<Option> options, TableKind.Layout layout, int id, int slot) {
            super(name, ColumnType.BOOLEAN, description, options, layout, id, slot);
        }

        @Override
        void write(Row row, int index, ValueSink sink) {
            if (row.has(this)) {
                sink.bool(index, row.longs[slot] != 0);
            } else {
                sink.nothing(index);
            }
        }
    }

    /** A STRING column. */
    public static final class Text extends Column {
        Text(String name, String description, Set<Option> options, TableKind.Layout layout, int id, int slot) {
            super(name, ColumnType.STRING, description, options, layout, id, slot);
        }

        @Override
        void write(Row row, int index, ValueSink sink) {
            Object v = row.refs[slot];
            if (v == null) {
                sink.nothing(index);
            } else {
                sink.text(index, (String) v);
            }
        }
    }

    /** A DOUBLE_ARRAY column. */
    public static final class RealArray extends Column {
        RealArray(String name, String description, Set<Option> options, TableKind.Layout layout, int id, int slot) {
            super(name, ColumnType.DOUBLE_ARRAY, description, options, layout, id, slot);
        }

        @Override
        void write(Row row, int index, ValueSink sink) {
            Object v = row.refs[slot];
            if (v == null) {
                sink.nothing(index);
            } else {
                sink.realArray(index, (double[]) v);
            }
        }

        static double[] copy(double[] value) {
            if (value == null) {
                return null;
            }
            for (double x : value) {
                if (Double.isNaN(x)) {
                    throw new IllegalArgumentException("array value with NaN: " + Arrays.toString(value));
                }
            }
            return value.clone();
        }
    }

    /** An INT64_ARRAY column. */
    public static final class Int64Array extends Column {
        Int64Array(String name, String description, Set<Option> options, TableKind.Layout layout, int id,
                   int slot) {
            super(name, ColumnType.INT64_ARRAY, description, options, layout, id, slot);
        }

        @Override
        void write(Row row, int index, ValueSink sink) {
            Object v = row.refs[slot];
            if (v == null) {
                sink.nothing(index);
            } else {
                sink.int64Array(index, (long[]) v);
            }
        }
    }

    /** A STRING_DOUBLE_MAP column, names ascending. */
    public static final class RealMap extends Column {
        RealMap(String name, String description, Set<Option> options, TableKind.Layout layout, int id, int slot) {
            super(name, ColumnType.STRING_DOUBLE_MAP, description, options, layout, id, slot);
        }

        /**
         * The map as a row holds it: copied, checked (no null or NaN value), sorted by name and unmodifiable. A row
         * stores a map made here as it is, without copying, so a model can make the map of many cells once.
         */
        public static SortedMap<String, Double> freeze(Map<String, Double> value) {
            if (value instanceof Frozen f) {
                return f;
            }
            java.util.TreeMap<String, Double> copy = new java.util.TreeMap<>();
            for (Map.Entry<String, Double> e : value.entrySet()) {
                if (e.getValue() == null || Double.isNaN(e.getValue())) {
                    throw new IllegalArgumentException("no value for " + e.getKey());
                }
                copy.put(e.getKey(), e.getValue());
            }
            return new Frozen(java.util.Collections.unmodifiableSortedMap(copy));
        }

        /** An unmodifiable, checked, sorted map that only {@link #freeze} makes. */
        static final class Frozen extends java.util.AbstractMap<String, Double> implements SortedMap<String, Double> {
            private final SortedMap<String, Double> map;

            private Frozen(SortedMap<String, Double> map) {
                this.map = map;
            }

            @Override
            public Set<Map.Entry<String, Double>> entrySet() {
                return map.entrySet();
            }

            @Override
            public Double get(Object key) {
                return map.get(key);
            }

            @Override
            public boolean containsKey(Object key) {
                return map.containsKey(key);
            }

            @Override
            public int size() {
                return map.size();
            }

            @Override
            public java.util.Comparator<? super String> comparator() {
                return map.comparator();
            }

            @Override
            public SortedMap<String, Double> subMap(String fromKey, String toKey) {
                return map.subMap(fromKey, toKey);
            }

            @Override
            public SortedMap<String, Double> headMap(String toKey) {
                return map.headMap(toKey);
            }

            @Override
            public SortedMap<String, Double> tailMap(String fromKey) {
                return map.tailMap(fromKey);
            }

            @Override
            public String firstKey() {
                return map.firstKey();
            }

            @Override
            public String lastKey() {
                return map.lastKey();
            }

            @Override
            public Set<String> keySet() {
                return map.keySet();
            }

            @Override
            public java.util.Collection<Double> values() {
                return map.values();
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        void write(Row row, int index, ValueSink sink) {
            Object v = row.refs[slot];
            if (v == null) {
                sink.nothing(index);
            } else {
                sink.realMap(index, (SortedMap<String, Double>) v);
            }
        }
    }
}
