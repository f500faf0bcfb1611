package org.probstab.spark;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.probstab.table.Column;
import org.probstab.table.ColumnType;
import org.probstab.table.Row;
import org.probstab.table.TableKind;
import org.probstab.table.ValueSink;
import org.probstab.sweep.SweepPlan;

/**
 * One chunk of a table of cells as one Parquet file, written by the task that computed it: each cell's {@link Row}
 * is streamed column by column ({@link TableKind#write}) into parquet-mr's record consumer, with no Spark SQL row in
 * between (converting rows into Spark's internal format cost two to three times a cheap exact cell).
 *
 * <p>The file is the one Spark's own writer would produce for {@link SparkTables#fileSchema} of the kind: the same
 * Parquet types (standard three-level LIST and MAP groups, STRING-annotated binaries, optional exactly where the
 * column is nullable), Snappy compression, and the Spark schema in the footer under the key Spark's reader looks for;
 * a test compares the footers with those Spark SQL writes for the same rows. Columns declared
 * {@link Column.Option#PLAIN} are written without a dictionary.
 */
public final class ChunkParquet {

    /** The footer key under which Spark's Parquet reader finds the Spark schema of a file. */
    static final String SPARK_ROW_METADATA = "org.apache.spark.sql.parquet.row.metadata";

    private ChunkParquet() {
    }

    /**
     * Computes every cell of a chunk at a refinement level with {@code evaluator} and writes the rows, in cell-id
     * order, as one new Parquet file of the plan's table kind (an existing file is an error, never replaced).
     * {@code onCell} is told of each cell written (progress).
     */
    public static void writeChunk(SweepPlan plan, ChunkEvaluator evaluator, long chunk, int level, Path file,
                                  Configuration conf, Runnable onCell) throws IOException {
        try (ParquetWriter<Row> writer = open(plan.kind(), file, conf)) {
            long[] next = {plan.chunkStart(chunk)};
            try {
                evaluator.evaluate(plan, chunk, level, row -> {
                    if (row.kind() != plan.kind() || row.get(org.probstab.table.CellTable.CELL_ID) != next[0]) {
                        throw new IllegalStateException("chunk " + chunk + ": expected the row of cell " + next[0]
                                + " of kind " + plan.kind().name() + ", got " + row.kind().name() + " cell "
                                + row.get(org.probstab.table.CellTable.CELL_ID));
                    }
                    next[0]++;
                    try {
                        writer.write(row);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    onCell.run();
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            if (next[0] != plan.chunkEnd(chunk)) {
                throw new IllegalStateException("chunk " + chunk + ": " + (next[0] - plan.chunkStart(chunk))
                        + " rows, expected " + (plan.chunkEnd(chunk) - plan.chunkStart(chunk)));
            }
        }
    }

    /** {@link #writeChunk(SweepPlan, ChunkEvaluator, long, int, Path, Configuration, Runnable)} cell by cell. */
    public static void writeChunk(SweepPlan plan, long chunk, int level, Path file, Configuration conf,
                                  Runnable onCell) throws IOException {
        writeChunk(plan, ChunkEvaluator.CELL_BY_CELL, chunk, level, file, conf, onCell);
    }

    /** Produces the rows of one file, in order. */
    @FunctionalInterface
    public interface RowSource {
        void rows(java.util.function.Consumer<Row> out) throws IOException;
    }

    /**
     * Writes the rows {@code source} produces, in order, as one new Parquet file of {@code kind} (an existing file is
     * an error, never replaced); each row must be of that kind. {@code onRow} is told of each row written.
     *
     * @return the number of rows written
     */
    public static long writeRows(TableKind kind, Path file, Configuration conf, RowSource source, Runnable onRow)
            throws IOException {
        long[] count = {0};
        try (ParquetWriter<Row> writer = open(kind, file, conf)) {
            try {
                source.rows(row -> {
                    if (row.kind() != kind) {
                        throw new IllegalStateException("a row of kind " + row.kind().name() + " in a file of kind "
                                + kind.name());
                    }
                    try {
                        writer.write(row);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    count[0]++;
                    onRow.run();
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return count[0];
    }

    /** Opens a writer of rows of {@code kind} for a new file (an existing file is an error, never replaced). */
    static ParquetWriter<Row> open(TableKind kind, Path file, Configuration conf) throws IOException {
        Builder b = new Builder(HadoopOutputFile.fromPath(file, conf), kind)
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(CompressionCodecName.SNAPPY);
        for (Column c : kind.columns()) {
            if (c.plain()) {
                b = b.withDictionaryEncoding(parquetPath(c), false);
            }
        }
        return b.build();
    }

    /** The Parquet path of a column's values: the column itself, or its list element. */
    private static String parquetPath(Column c) {
        return switch (c.type()) {
            case DOUBLE_ARRAY, INT64_ARRAY -> c.name() + ".list.element";
            case STRING_DOUBLE_MAP -> c.name() + ".key_value.value";
            default -> c.name();
        };
    }

    /** The Parquet message type of a kind's files, as Spark's (non-legacy) schema converter writes it. */
    static MessageType parquet(TableKind kind) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Column c : kind.columns()) {
            message.addField(parquet(c.name(), c.type(), c.nullable()));
        }
        return message.named("spark_schema");
    }

    private static Type parquet(String name, ColumnType type, boolean nullable) {
        Repetition rep = nullable ? Repetition.OPTIONAL : Repetition.REQUIRED;
        return switch (type) {
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType())
                    .named(name);
            case INT32 -> Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
            case INT64 -> Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
            case DOUBLE_ARRAY, INT64_ARRAY -> Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup()
                            .addField(parquet("element", type == ColumnType.DOUBLE_ARRAY ? ColumnType.DOUBLE
                                    : ColumnType.INT64, false))
                            .named("list"))
                    .named(name);
            case STRING_DOUBLE_MAP -> Types.buildGroup(rep).as(LogicalTypeAnnotation.mapType())
                    .addField(Types.repeatedGroup()
                            .addField(parquet("key", ColumnType.STRING, false))
                            .addField(parquet("value", ColumnType.DOUBLE, false))
                            .named("key_value"))
                    .named(name);
        };
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final TableKind kind;

        Builder(org.apache.parquet.io.OutputFile file, TableKind kind) {
            super(file);
            this.kind = kind;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(kind);
        }
    }

    /** Streams one {@link Row} into the record consumer; a null column is a field left out. */
    private static final class RowWriteSupport extends WriteSupport<Row> implements ValueSink {
        /** Labels and parameter names repeat on every row: each is encoded to UTF-8 once per file. */
        private static final int MAX_CACHED_STRINGS = 4096;
        private final TableKind kind;
        private final String[] names;
        private final Map<String, Binary> utf8 = new HashMap<>();
        private RecordConsumer out;

        RowWriteSupport(TableKind kind) {
            this.kind = kind;
            this.names = kind.columnNames().toArray(String[]::new);
        }

        private Binary binary(String s) {
            Binary b = utf8.get(s);
            if (b == null) {
                b = Binary.fromConstantByteArray(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (utf8.size() < MAX_CACHED_STRINGS) {
                    utf8.put(s, b);
                }
            }
            return b;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            Map<String, String> footer = new HashMap<>();
            footer.put(SPARK_ROW_METADATA, SparkTables.fileSchema(kind).json());
            return new WriteContext(parquet(kind), footer);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(Row row) {
            out.startMessage();
            kind.write(row, this);
            out.endMessage();
        }

        private void start(int column) {
            out.startField(names[column], column);
        }

        private void end(int column) {
            out.endField(names[column], column);
        }

        @Override
        public void text(int column, String value) {
            start(column);
            out.addBinary(binary(value));
            end(column);
        }

        @Override
        public void real(int column, double value) {
            start(column);
            out.addDouble(value);
            end(column);
        }

        @Override
        public void int32(int column, int value) {
            start(column);
            out.addInteger(value);
            end(column);
        }

        @Override
        public void int64(int column, long value) {
            start(column);
            out.addLong(value);
            end(column);
        }

        @Override
        public void bool(int column, boolean value) {
            start(column);
            out.addBoolean(value);
            end(column);
        }

        @Override
        public void realMap(int column, SortedMap<String, Double> value) {
            start(column);
            out.startGroup();
            if (!value.isEmpty()) {
                out.startField("key_value", 0);
                for (Map.Entry<String, Double> e : value.entrySet()) {
                    out.startGroup();
                    out.startField("key", 0);
                    out.addBinary(binary(e.getKey()));
                    out.endField("key", 0);
                    out.startField("value", 1);
                    out.addDouble(e.getValue());
                    out.endField("value", 1);
                    out.endGroup();
                }
                out.endField("key_value", 0);
            }
            out.endGroup();
            end(column);
        }

        @Override
        public void realArray(int column, double[] value) {
            list(column, value.length, i -> out.addDouble(value[i]));
        }

        @Override
        public void int64Array(int column, long[] value) {
            list(column, value.length, i -> out.addLong(value[i]));
        }

        /** A standard three-level LIST group of {@code length} elements, each written by {@code element}. */
        private void list(int column, int length, java.util.function.IntConsumer element) {
            start(column);
            out.startGroup();
            if (length > 0) {
                out.startField("list", 0);
                for (int i = 0; i < length; i++) {
                    out.startGroup();
                    out.startField("element", 0);
                    element.accept(i);
                    out.endField("element", 0);
                    out.endGroup();
                }
                out.endField("list", 0);
            }
            out.endGroup();
            end(column);
        }

        @Override
        public void nothing(int column) {
            // A null: the field is simply not written.
        }
    }
}
