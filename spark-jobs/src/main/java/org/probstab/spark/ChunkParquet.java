package org.probstab.spark;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.probstab.table.CellResult;
import org.probstab.table.PhaseTableColumns;
import org.probstab.sweep.SweepPlan;

/**
 * One chunk of the phase table as one Parquet file, written by the task that computed it: each cell's
 * {@link CellResult} is streamed column by column ({@link PhaseTableColumns#write}) into parquet-mr's record
 * consumer, with no Spark SQL row in between. Converting a 26-column row with a map and an array into Spark's
 * internal format cost two to three times the exact cell itself (~10–15 µs against ~5 µs at N = 100); this costs
 * 3–4 µs (warm, one thread, measured with {@code bench --sweep}).
 *
 * <p>The file is the one Spark's own writer would produce for {@link PhaseTable#SCHEMA} without the partition
 * columns: the same Parquet types (standard three-level LIST and MAP groups, STRING-annotated binaries, optional
 * exactly where the Spark field is nullable), Snappy compression, and the Spark schema in the footer under the key
 * Spark's reader looks for; a test compares the footers with those Spark SQL writes for the same rows.
 */
public final class ChunkParquet {

    /** The footer key under which Spark's Parquet reader finds the Spark schema of a file. */
    static final String SPARK_ROW_METADATA = "org.apache.spark.sql.parquet.row.metadata";

    /** The columns inside a chunk file: {@link PhaseTable#SCHEMA} without the partition columns. */
    static final StructType FILE_SCHEMA = fileSchema();

    /** Its Parquet message type. */
    static final MessageType PARQUET_SCHEMA = parquet(FILE_SCHEMA);

    /** Position of the first {@link PhaseTableColumns#RESULT_COLUMNS} column in a file row. */
    private static final int RESULT_OFFSET = FILE_SCHEMA.fieldIndex(PhaseTableColumns.RESULT_COLUMNS.get(0));

    private ChunkParquet() {
    }

    /** One file row: the cell's id and refinement level, and what core computed for it. */
    record Cell(long cellId, int level, CellResult result) {
    }

    /**
     * Computes every cell of a chunk and writes them, in cell-id order, as one new Parquet file (an existing file is
     * an error, never replaced). {@code onCell} is told of each cell written (progress).
     */
    public static void writeChunk(SweepPlan plan, long chunk, int level, Path file, Configuration conf,
                                  Runnable onCell) throws IOException {
        try (ParquetWriter<Cell> writer = open(file, conf)) {
            for (long id = plan.chunkStart(chunk), end = plan.chunkEnd(chunk); id < end; id++) {
                writer.write(new Cell(id, level, plan.evaluate(id)));
                onCell.run();
            }
        }
    }

    /** Opens a writer for a new file (an existing file is an error, never replaced). */
    static ParquetWriter<Cell> open(Path file, Configuration conf) throws IOException {
        Builder b = new Builder(HadoopOutputFile.fromPath(file, conf))
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(CompressionCodecName.SNAPPY);
        for (String column : PLAIN_COLUMNS) {
            b = b.withDictionaryEncoding(column, false);
        }
        return b.build();
    }

    /**
     * Columns written without a dictionary: estimates and ids, nearly every value distinct, where parquet-mr would
     * build a dictionary per page only to throw it away (its fallback checks were ~1/8 of the writer's stack samples).
     * Axes, labels and counts keep theirs: they repeat, and the dictionary is what makes them small.
     */
    static final List<String> PLAIN_COLUMNS = List.of("cell_id", "exp_minus", "exp_minus_se", "exp_plus",
            "exp_plus_se", "exp_top", "exp_top_se", "spectrum.list.element", "log_var", "ms_growth", "p_below_eps",
            "elapsed_ns");

    private static StructType fileSchema() {
        StructType s = new StructType();
        for (StructField f : PhaseTable.SCHEMA.fields()) {
            if (!PhaseTable.PARTITION_COLUMNS.contains(f.name())) {
                s = s.add(f);
            }
        }
        return s;
    }

    /** The Parquet type of each Spark field, as Spark's (non-legacy) schema converter writes it. */
    static MessageType parquet(StructType schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (StructField f : schema.fields()) {
            message.addField(parquet(f.name(), f.dataType(), f.nullable()));
        }
        return message.named("spark_schema");
    }

    private static Type parquet(String name, DataType type, boolean nullable) {
        Repetition rep = nullable ? Repetition.OPTIONAL : Repetition.REQUIRED;
        if (type.equals(DataTypes.StringType)) {
            return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(name);
        }
        if (type.equals(DataTypes.LongType)) {
            return Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
        }
        if (type.equals(DataTypes.IntegerType)) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
        }
        if (type.equals(DataTypes.DoubleType)) {
            return Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
        }
        if (type.equals(DataTypes.BooleanType)) {
            return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
        }
        if (type instanceof ArrayType a) {
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup()
                            .addField(parquet("element", a.elementType(), a.containsNull()))
                            .named("list"))
                    .named(name);
        }
        if (type instanceof MapType m) {
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.mapType())
                    .addField(Types.repeatedGroup()
                            .addField(parquet("key", m.keyType(), false))
                            .addField(parquet("value", m.valueType(), m.valueContainsNull()))
                            .named("key_value"))
                    .named(name);
        }
        throw new IllegalArgumentException("no Parquet mapping for column " + name + " of type " + type);
    }

    private static final class Builder extends ParquetWriter.Builder<Cell, Builder> {
        Builder(org.apache.parquet.io.OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Cell> getWriteSupport(Configuration conf) {
            return new CellWriteSupport();
        }
    }

    /** Streams one {@link Cell} into the record consumer; a null column is a field left out. */
    private static final class CellWriteSupport extends WriteSupport<Cell> implements PhaseTableColumns.Sink {
        private static final List<String> NAMES = List.of(FILE_SCHEMA.fieldNames());
        /** Labels and parameter names repeat on every row: each is encoded to UTF-8 once per file. */
        private static final int MAX_CACHED_STRINGS = 4096;
        private final Map<String, Binary> utf8 = new HashMap<>();
        private RecordConsumer out;

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
            footer.put(SPARK_ROW_METADATA, FILE_SCHEMA.json());
            return new WriteContext(PARQUET_SCHEMA, footer);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(Cell cell) {
            out.startMessage();
            out.startField(NAMES.get(0), 0);
            out.addLong(cell.cellId());
            out.endField(NAMES.get(0), 0);
            out.startField(NAMES.get(1), 1);
            out.addInteger(cell.level());
            out.endField(NAMES.get(1), 1);
            PhaseTableColumns.write(cell.result(), this);
            out.endMessage();
        }

        private void start(int column) {
            out.startField(NAMES.get(RESULT_OFFSET + column), RESULT_OFFSET + column);
        }

        private void end(int column) {
            out.endField(NAMES.get(RESULT_OFFSET + column), RESULT_OFFSET + column);
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
        public void integer(int column, int value) {
            start(column);
            out.addInteger(value);
            end(column);
        }

        @Override
        public void longInteger(int column, long value) {
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
        public void realMap(int column, Map<String, Double> value) {
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
            start(column);
            out.startGroup();
            if (value.length > 0) {
                out.startField("list", 0);
                for (double v : value) {
                    out.startGroup();
                    out.startField("element", 0);
                    out.addDouble(v);
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
