package org.probstab.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The schema of one kind of table (the phase table, refined cells, boundary roots, …): its name and format version,
 * its partition columns (directories {@code name=value/} above the files) and its columns in file order. Each kind
 * is declared once, in one class, one line per column (STYLE 14, after Apache Iceberg's {@code Schema}); the Parquet
 * writer, the Spark schema, {@code eval --json}, {@code export}, the readers and {@code render} all derive from it.
 * Adding a column is one declaration (and a test).
 *
 * <pre>
 *   private static final TableKind.Builder D = TableKind.declare("phase", 1, "one row per evaluated cell");
 *   public static final Column.Real LAMBDA = D.real("lambda", "learning rate λ");
 *   …
 *   public static final TableKind KIND = D.build();
 * </pre>
 *
 * A kind can extend another ({@link #extend}): it has all the base's columns (the same {@link Column} objects, so
 * code written against the base works on its rows) followed by its own. Values of a row live in a {@link Row}.
 */
public final class TableKind {

    /**
     * A partition column: a directory level {@code name=value} above the data files; readers bring it back as a
     * column, it is not stored in the files.
     */
    public record PartitionColumn(String name, ColumnType type, String description) {
    }

    /** Slot bookkeeping of a declaration and its extensions. */
    static final class Layout {
        final Layout parent;
        /** This layout and its ancestors, the root first: {@code chain[depth] == this}. */
        final Layout[] chain;
        int reals;
        int longs;
        int refs;
        int ids;
        boolean frozen;

        Layout(Layout parent) {
            this.parent = parent;
            if (parent != null) {
                reals = parent.reals;
                longs = parent.longs;
                refs = parent.refs;
                ids = parent.ids;
                chain = java.util.Arrays.copyOf(parent.chain, parent.chain.length + 1);
            } else {
                chain = new Layout[1];
            }
            chain[chain.length - 1] = this;
        }

        /** Whether {@code other} is this layout or one it extends (a lookup, not a walk: rows check every set). */
        boolean includes(Layout other) {
            int depth = other.chain.length - 1;
            return depth < chain.length && chain[depth] == other;
        }
    }

    private final String name;
    private final int version;
    private final String description;
    private final List<PartitionColumn> partitions;
    private final List<Column> columns;
    private final Map<String, Column> byName;
    private final List<Column> required;
    private final long[] requiredMask;
    final Layout layout;

    private TableKind(Builder b) {
        this.name = b.name;
        this.version = b.version;
        this.description = b.description;
        this.partitions = List.copyOf(b.partitions);
        this.columns = List.copyOf(b.columns);
        Map<String, Column> m = new LinkedHashMap<>();
        List<Column> req = new ArrayList<>();
        for (Column c : columns) {
            m.put(c.name(), c);
            if (!c.nullable()) {
                req.add(c);
            }
        }
        this.byName = Collections.unmodifiableMap(m);
        this.required = List.copyOf(req);
        this.layout = b.layout;
        this.requiredMask = new long[(layout.ids + 63) >>> 6];
        for (Column c : required) {
            requiredMask[c.id >>> 6] |= 1L << c.id;
        }
    }

    /** Starts the declaration of a new kind. */
    public static Builder declare(String name, int version, String description) {
        return new Builder(name, version, description, null);
    }

    /** Starts the declaration of a kind that has every column of {@code base}, then its own. */
    public static Builder extend(TableKind base, String name, int version, String description) {
        return new Builder(name, version, description, base);
    }

    /** The kind's name ({@code phase}, {@code boundary}, …), recorded in manifests. */
    public String name() {
        return name;
    }

    /** The format version, recorded in manifests as {@code probstab-NAME-table/VERSION}. */
    public int version() {
        return version;
    }

    /** The format label of manifests, {@code probstab-NAME-table/VERSION}. */
    public String format() {
        return "probstab-" + name + "-table/" + version;
    }

    public String description() {
        return description;
    }

    /** Directory levels above the data files, outermost first (empty for unpartitioned kinds). */
    public List<PartitionColumn> partitions() {
        return partitions;
    }

    /** The columns of the data files, in file order. */
    public List<Column> columns() {
        return columns;
    }

    /** The column names, in file order. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The column of that name, or an error naming the allowed ones. */
    public Column column(String columnName) {
        Column c = byName.get(columnName);
        if (c == null) {
            throw new IllegalArgumentException("table kind " + name + " has no column '" + columnName + "': allowed "
                    + String.join(", ", byName.keySet()));
        }
        return c;
    }

    /** Whether the kind has a column of that name. */
    public boolean hasColumn(String columnName) {
        return byName.containsKey(columnName);
    }

    /** The partition columns and then the file columns: what a reader of the table directory sees. */
    public List<String> tableColumnNames() {
        List<String> out = new ArrayList<>();
        partitions.forEach(p -> out.add(p.name()));
        out.addAll(columnNames());
        return out;
    }

    /** Whether rows of this kind may hold values of {@code c} (declared here or in a kind this one extends). */
    public boolean accepts(Column c) {
        return layout.includes(c.layout);
    }

    /** A builder of one row of this kind. */
    public Row.Builder newRow() {
        return new Row.Builder(this);
    }

    List<Column> required() {
        return required;
    }

    /** The ids of {@link #required} as a bit set (not to be modified). */
    long[] requiredMask() {
        return requiredMask;
    }

    /** Sends every column of {@code row} to {@code sink}, in file order. */
    public void write(Row row, ValueSink sink) {
        if (row.kind() != this) {
            throw new IllegalArgumentException("a row of kind " + row.kind().name() + " written as kind " + name);
        }
        List<Column> cs = columns;
        for (int i = 0, n = cs.size(); i < n; i++) {
            cs.get(i).write(row, i, sink);
        }
    }

    /**
     * The row as column name → value in file order: Double, Integer, Long, Boolean, String, double[], long[], a
     * sorted map, or null.
     */
    public Map<String, Object> values(Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        write(row, new ValueSink() {
            private void put(int column, Object value) {
                out.put(columns.get(column).name(), value);
            }

            @Override
            public void text(int column, String value) {
                put(column, value);
            }

            @Override
            public void real(int column, double value) {
                put(column, value);
            }

            @Override
            public void int32(int column, int value) {
                put(column, value);
            }

            @Override
            public void int64(int column, long value) {
                put(column, value);
            }

            @Override
            public void bool(int column, boolean value) {
                put(column, value);
            }

            @Override
            public void realArray(int column, double[] value) {
                put(column, value.clone());
            }

            @Override
            public void int64Array(int column, long[] value) {
                put(column, value.clone());
            }

            @Override
            public void realMap(int column, SortedMap<String, Double> value) {
                put(column, new TreeMap<>(value));
            }

            @Override
            public void nothing(int column) {
                put(column, null);
            }
        });
        return out;
    }

    /**
     * {@link #values} without the {@link Column.Option#TIMING} columns, arrays as lists: equal for two evaluations of
     * the same cell, whatever the run, thread or machine (what determinism tests and golden hashes compare).
     */
    public Map<String, Object> comparableValues(Row row) {
        Map<String, Object> out = values(row);
        for (Column c : columns) {
            if (c.timing()) {
                out.remove(c.name());
            }
        }
        out.replaceAll((k, v) -> v instanceof double[] d ? java.util.Arrays.stream(d).boxed().toList()
                : v instanceof long[] l ? java.util.Arrays.stream(l).boxed().toList() : v);
        return out;
    }

    @Override
    public String toString() {
        return format();
    }

    /** The declaration of a kind: one method call per column, in file order. */
    public static final class Builder {
        private final String name;
        private final int version;
        private final String description;
        private final List<PartitionColumn> partitions = new ArrayList<>();
        private final List<Column> columns = new ArrayList<>();
        private final Layout layout;

        private Builder(String name, int version, String description, TableKind base) {
            if (!name.matches("[a-z][a-z0-9-]*") || version < 1) {
                throw new IllegalArgumentException("kind name [a-z][a-z0-9-]* and version >= 1, got " + name + "/"
                        + version);
            }
            this.name = name;
            this.version = version;
            this.description = description;
            if (base != null) {
                partitions.addAll(base.partitions);
                columns.addAll(base.columns);
            }
            this.layout = new Layout(base == null ? null : base.layout);
        }

        /** Adds a partition level (outermost first). */
        public Builder partitionedBy(String columnName, ColumnType type, String columnDescription) {
            check(columnName);
            partitions.add(new PartitionColumn(columnName, type, columnDescription));
            return this;
        }

        public Column.Real real(String columnName, String columnDescription, Column.Option... options) {
            check(columnName);
            return add(new Column.Real(columnName, columnDescription, set(options), layout, layout.ids++,
                    layout.reals++));
        }

        /** An INT64 column from a double value: integers as they are, ±∞ and NaN as null. */
        public Column.WholeNumber wholeNumber(String columnName, String columnDescription, Column.Option... options) {
            EnumSet<Column.Option> s = set(options);
            s.add(Column.Option.NULLABLE);
            check(columnName);
            return add(new Column.WholeNumber(columnName, columnDescription, s, layout, layout.ids++,
                    layout.reals++));
        }

        public Column.Int32 int32(String columnName, String columnDescription, Column.Option... options) {
            check(columnName);
            return add(new Column.Int32(columnName, columnDescription, set(options), layout, layout.ids++,
                    layout.longs++));
        }

        public Column.Int64 int64(String columnName, String columnDescription, Column.Option... options) {
            check(columnName);
            return add(new Column.Int64(columnName, columnDescription, set(options), layout, layout.ids++,
                    layout.longs++));
        }

        public Column.Bool bool(String columnName, String columnDescription, Column.Option... options) {
            check(columnName);
            return add(new Column.Bool(columnName, columnDescription, set(options), layout, layout.ids++,
                    layout.longs++));
        }

        public Column.Text text(String columnName, String columnDescription, Column.Option... options) {
            check(columnName);
            return add(new Column.Text(columnName, columnDescription, set(options), layout, layout.ids++,
                    layout.refs++));
        }

        public Column.RealArray realArray(String columnName, String columnDescription, Column.Option... options) {
            check(columnName);
            return add(new Column.RealArray(columnName, columnDescription, set(options), layout, layout.ids++,
                    layout.refs++));
        }

        public Column.Int64Array int64Array(String columnName, String columnDescription, Column.Option... options) {
            check(columnName);
            return add(new Column.Int64Array(columnName, columnDescription, set(options), layout, layout.ids++,
                    layout.refs++));
        }

        public Column.RealMap realMap(String columnName, String columnDescription, Column.Option... options) {
            check(columnName);
            return add(new Column.RealMap(columnName, columnDescription, set(options), layout, layout.ids++,
                    layout.refs++));
        }

        /** Ends the declaration. */
        public TableKind build() {
            if (layout.frozen) {
                throw new IllegalStateException("kind " + name + " is already built");
            }
            layout.frozen = true;
            return new TableKind(this);
        }

        private <C extends Column> C add(C c) {
            columns.add(c);
            return c;
        }

        private void check(String columnName) {
            if (layout.frozen) {
                throw new IllegalStateException("kind " + name + " is already built");
            }
            for (Column c : columns) {
                if (c.name().equals(columnName)) {
                    throw new IllegalArgumentException("kind " + name + " declares column '" + columnName + "' twice");
                }
            }
            for (PartitionColumn p : partitions) {
                if (p.name().equals(columnName)) {
                    throw new IllegalArgumentException("kind " + name + " declares column '" + columnName + "' twice");
                }
            }
        }

        private EnumSet<Column.Option> set(Column.Option[] options) {
            EnumSet<Column.Option> s = EnumSet.noneOf(Column.Option.class);
            Collections.addAll(s, options);
            return s;
        }
    }
}
