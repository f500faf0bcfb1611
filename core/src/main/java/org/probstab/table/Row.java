package org.probstab.table;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/**
 * One row of a table of some {@link TableKind}: an immutable value, built by name ({@code kind.newRow()
 * .set(PhaseTable.LAMBDA, 0.3).set(PhaseTable.PHASE, "III")…build()}), read by column ({@code row.get(EXP_MINUS)}).
 * Every column that is not nullable must be set; a double column left unset is NaN, i.e. null in tables and JSON.
 *
 * <p>Values are held in three primitive-friendly arrays (doubles, 64-bit integers, references) indexed by the
 * column's slot, so a row costs four small arrays and no boxing however many columns its kind has.
 */
public final class Row {

    private final TableKind kind;
    final double[] reals;
    final long[] longs;
    final Object[] refs;
    private final long[] present;

    private Row(TableKind kind, double[] reals, long[] longs, Object[] refs, long[] present) {
        this.kind = kind;
        this.reals = reals;
        this.longs = longs;
        this.refs = refs;
        this.present = present;
    }

    public TableKind kind() {
        return kind;
    }

    /** Whether the column has a value (a double that is not NaN, a set integer, a non-null text, array or map). */
    public boolean has(Column c) {
        check(c);
        return (present[c.id >>> 6] & (1L << c.id)) != 0;
    }

    public double get(Column.Real c) {
        check(c);
        return reals[c.slot];
    }

    /** The value of a whole-number column as a double (+∞ for N = ∞, NaN when it does not apply). */
    public double get(Column.WholeNumber c) {
        check(c);
        return reals[c.slot];
    }

    public int get(Column.Int32 c) {
        return (int) longs[present(c).slot];
    }

    public long get(Column.Int64 c) {
        return longs[present(c).slot];
    }

    public boolean get(Column.Bool c) {
        return longs[present(c).slot] != 0;
    }

    /** The text, or null. */
    public String get(Column.Text c) {
        check(c);
        return (String) refs[c.slot];
    }

    /** The array (not to be modified), or null. */
    public double[] get(Column.RealArray c) {
        check(c);
        return (double[]) refs[c.slot];
    }

    /** The array (not to be modified), or null. */
    public long[] get(Column.Int64Array c) {
        check(c);
        return (long[]) refs[c.slot];
    }

    /** The map (unmodifiable, names ascending), or null. */
    @SuppressWarnings("unchecked")
    public SortedMap<String, Double> get(Column.RealMap c) {
        check(c);
        return (SortedMap<String, Double>) refs[c.slot];
    }

    /** A builder holding this row's values, for a copy with some values changed. */
    public Builder toBuilder() {
        return toBuilder(kind);
    }

    /** A builder of a row of {@code wider} (this row's kind or one that extends it) holding this row's values. */
    public Builder toBuilder(TableKind wider) {
        if (!wider.layout.includes(kind.layout)) {
            throw new IllegalArgumentException("kind " + wider.name() + " does not extend " + kind.name());
        }
        Builder b = new Builder(wider);
        System.arraycopy(reals, 0, b.reals, 0, reals.length);
        System.arraycopy(longs, 0, b.longs, 0, longs.length);
        System.arraycopy(refs, 0, b.refs, 0, refs.length);
        System.arraycopy(present, 0, b.present, 0, present.length);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.kind == kind && Arrays.equals(reals, r.reals) && Arrays.equals(longs, r.longs)
                && Arrays.equals(present, r.present) && Arrays.deepEquals(refs, r.refs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(reals) + Arrays.hashCode(longs)) + Arrays.deepHashCode(refs);
    }

    @Override
    public String toString() {
        return kind.name() + kind.values(this);
    }

    private void check(Column c) {
        if (!kind.layout.includes(c.layout)) {
            throw new IllegalArgumentException("column " + c.name() + " is not a column of kind " + kind.name());
        }
    }

    private <C extends Column> C present(C c) {
        if (!has(c)) {
            throw new IllegalStateException("column " + c.name() + " of this " + kind.name() + " row is null");
        }
        return c;
    }

    /** Sets values by column; {@link #build} checks that every non-nullable column was set. */
    public static final class Builder {
        private final TableKind kind;
        private final double[] reals;
        private final long[] longs;
        private final Object[] refs;
        private final long[] present;
        private boolean built;

        Builder(TableKind kind) {
            this.kind = kind;
            TableKind.Layout layout = kind.layout;
            this.reals = new double[layout.reals];
            Arrays.fill(reals, Double.NaN);
            this.longs = new long[layout.longs];
            this.refs = new Object[layout.refs];
            this.present = new long[(layout.ids + 63) >>> 6];
        }

        public TableKind kind() {
            return kind;
        }

        /** A double (NaN: null; allowed only when the column is nullable). */
        public Builder set(Column.Real c, double value) {
            check(c);
            reals[c.slot] = value;
            mark(c, !Double.isNaN(value));
            return this;
        }

        /** A whole number held as a double: an integer, +∞ (null in tables: N = ∞) or NaN (null). */
        public Builder set(Column.WholeNumber c, double value) {
            check(c);
            if (Double.isFinite(value) && value != Math.rint(value)) {
                throw new IllegalArgumentException("column " + c.name() + " holds whole numbers, got " + value);
            }
            reals[c.slot] = value;
            mark(c, !Double.isNaN(value));
            return this;
        }

        public Builder set(Column.Int32 c, int value) {
            check(c);
            longs[c.slot] = value;
            mark(c, true);
            return this;
        }

        public Builder set(Column.Int64 c, long value) {
            check(c);
            longs[c.slot] = value;
            mark(c, true);
            return this;
        }

        public Builder set(Column.Bool c, boolean value) {
            check(c);
            longs[c.slot] = value ? 1 : 0;
            mark(c, true);
            return this;
        }

        public Builder set(Column.Text c, String value) {
            check(c);
            refs[c.slot] = value;
            mark(c, value != null);
            return this;
        }

        /** An array, copied (NaN elements are refused: array columns hold non-null doubles). */
        public Builder set(Column.RealArray c, double[] value) {
            check(c);
            refs[c.slot] = Column.RealArray.copy(value);
            mark(c, value != null);
            return this;
        }

        /** An array, copied. */
        public Builder set(Column.Int64Array c, long[] value) {
            check(c);
            refs[c.slot] = value == null ? null : value.clone();
            mark(c, value != null);
            return this;
        }

        /** A map of names to non-NaN values, copied and sorted by name (as it is if {@link Column.RealMap#freeze} made it). */
        public Builder set(Column.RealMap c, Map<String, Double> value) {
            check(c);
            SortedMap<String, Double> frozen;
            try {
                frozen = value == null ? null : Column.RealMap.freeze(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column " + c.name() + ": " + e.getMessage());
            }
            refs[c.slot] = frozen;
            mark(c, value != null);
            return this;
        }

        /** The row; every non-nullable column must have been set. */
        public Row build() {
            if (built) {
                throw new IllegalStateException("this builder has built its row already");
            }
            long[] required = kind.requiredMask();
            for (int w = 0; w < required.length; w++) {
                if ((present[w] & required[w]) != required[w]) {
                    for (Column c : kind.required()) {
                        if ((present[c.id >>> 6] & (1L << c.id)) == 0) {
                            throw new IllegalStateException("row of kind " + kind.name() + ": column " + c.name()
                                    + " is not set (it is not nullable)");
                        }
                    }
                }
            }
            built = true;
            return new Row(kind, reals, longs, refs, present);
        }

        private void check(Column c) {
            if (built) {
                throw new IllegalStateException("this builder has built its row already");
            }
            if (!kind.layout.includes(c.layout)) {
                throw new IllegalArgumentException("column " + c.name() + " is not a column of kind " + kind.name());
            }
        }

        private void mark(Column c, boolean has) {
            if (has) {
                present[c.id >>> 6] |= 1L << c.id;
            } else {
                present[c.id >>> 6] &= ~(1L << c.id);
            }
        }
    }
}
