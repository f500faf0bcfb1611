package org.probstab.table;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * A SHA-256 digest of rows, every column but the {@link Column.Option#TIMING} ones, to the bit: doubles by their IEEE
 * bits (so −0.0, −∞ and every last digit count), integers as 64-bit words, text as UTF-8, arrays and maps element by
 * element, each value tagged with its column's name and type and nulls marked. Two tables have the same digest iff
 * they hold the same values in the same row order — the golden-table check of reproducibility (STYLE 5): a change of
 * generator, JDK or algorithm that moves any bit of any cell changes it.
 */
public final class RowDigest implements ValueSink {

    private final MessageDigest sha;
    private final ByteBuffer word = ByteBuffer.allocate(8);
    private TableKind kind;
    private long rows;

    public RowDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds one row. */
    public RowDigest add(Row row) {
        kind = row.kind();
        text("kind:" + kind.format());
        kind.write(row, this);
        rows++;
        return this;
    }

    /** How many rows were added. */
    public long rows() {
        return rows;
    }

    /** The digest in hex (ends this digest). */
    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    private boolean skip(int column) {
        return kind.columns().get(column).timing();
    }

    private void tag(int column, char type) {
        text(kind.columns().get(column).name() + ':' + type);
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        longWord(b.length);
        sha.update(b);
    }

    private void longWord(long v) {
        word.clear();
        word.putLong(v);
        sha.update(word.array());
    }

    @Override
    public void text(int column, String value) {
        if (!skip(column)) {
            tag(column, 's');
            text(value);
        }
    }

    @Override
    public void real(int column, double value) {
        if (!skip(column)) {
            tag(column, 'd');
            longWord(Double.doubleToRawLongBits(value));
        }
    }

    @Override
    public void int32(int column, int value) {
        if (!skip(column)) {
            tag(column, 'i');
            longWord(value);
        }
    }

    @Override
    public void int64(int column, long value) {
        if (!skip(column)) {
            tag(column, 'l');
            longWord(value);
        }
    }

    @Override
    public void bool(int column, boolean value) {
        if (!skip(column)) {
            tag(column, 'b');
            longWord(value ? 1 : 0);
        }
    }

    @Override
    public void realArray(int column, double[] value) {
        if (!skip(column)) {
            tag(column, 'D');
            longWord(value.length);
            for (double v : value) {
                longWord(Double.doubleToRawLongBits(v));
            }
        }
    }

    @Override
    public void int64Array(int column, long[] value) {
        if (!skip(column)) {
            tag(column, 'L');
            longWord(value.length);
            for (long v : value) {
                longWord(v);
            }
        }
    }

    @Override
    public void realMap(int column, SortedMap<String, Double> value) {
        if (!skip(column)) {
            tag(column, 'M');
            longWord(value.size());
            for (Map.Entry<String, Double> e : value.entrySet()) {
                text(e.getKey());
                longWord(Double.doubleToRawLongBits(e.getValue()));
            }
        }
    }

    @Override
    public void nothing(int column) {
        if (!skip(column)) {
            tag(column, '0');
        }
    }
}
