package org.probstab.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probstab.table.CellResult;

/**
 * The column names of the phase table (DESIGN §4) — stable API: notebooks and users' queries depend on them — and
 * the mapping of a {@link CellResult} onto them. Values that do not apply (NaN in a result) become null; −∞ stays
 * −∞. The sweep layer adds {@code sweep_id}, {@code cell_id}, {@code level} and its chunk key in front.
 *
 * <p>The mapping is written once, in {@link #write}, against a {@link Sink} that receives each column by index in
 * table order; {@link #values} is that mapping collected into a map, and the sweep's Parquet writer streams the same
 * calls straight into a file.
 */
public final class PhaseTableColumns {

    /** The per-cell result columns in table order. */
    public static final List<String> RESULT_COLUMNS = List.of("model", "lambda", "mu", "batch_size", "n", "params",
            "exp_minus", "exp_minus_se", "exp_plus", "exp_plus_se", "exp_top", "exp_top_se", "spectrum", "log_var",
            "ms_growth", "l2_stable", "phase", "method", "samples", "steps", "p_below_eps", "elapsed_ns");

    /**
     * Receives the columns of one result, each once, in {@link #RESULT_COLUMNS} order; {@code column} is the index
     * into that list. A column whose value does not apply arrives as {@link #nothing}.
     */
    public interface Sink {
        void text(int column, String value);

        void real(int column, double value);

        void integer(int column, int value);

        void longInteger(int column, long value);

        void bool(int column, boolean value);

        /** A map of parameter name → value, names ascending. */
        void realMap(int column, Map<String, Double> value);

        void realArray(int column, double[] value);

        void nothing(int column);
    }

    private PhaseTableColumns() {
    }

    /** Sends the columns of {@code r} to {@code sink} in table order. */
    public static void write(CellResult r, Sink sink) {
        sink.text(0, r.model());
        sink.real(1, r.lambda());
        real(sink, 2, r.mu());
        sink.integer(3, r.batchSize());
        // N = ∞ is null (DESIGN §4); a model without N also has null.
        if (Double.isFinite(r.n())) {
            sink.longInteger(4, (long) r.n());
        } else {
            sink.nothing(4);
        }
        Map<String, Double> params = r.params();
        sink.realMap(5, params.size() <= 1 || params instanceof java.util.SortedMap ? params
                : new java.util.TreeMap<>(params));
        real(sink, 6, r.exponentMinus());
        real(sink, 7, r.exponentMinusSe());
        real(sink, 8, r.exponentPlus());
        real(sink, 9, r.exponentPlusSe());
        real(sink, 10, r.exponentTop());
        real(sink, 11, r.exponentTopSe());
        if (r.spectrum() != null) {
            sink.realArray(12, r.spectrum());
        } else {
            sink.nothing(12);
        }
        real(sink, 13, r.logVariance());
        real(sink, 14, r.meanSquareFactor());
        sink.bool(15, r.l2Stable());
        sink.text(16, r.phase());
        sink.text(17, r.method());
        sink.longInteger(18, r.samples());
        sink.longInteger(19, r.steps());
        real(sink, 20, r.probabilityBelowEpsilon());
        sink.longInteger(21, r.elapsedNanos());
    }

    private static void real(Sink sink, int column, double v) {
        if (Double.isNaN(v)) {
            sink.nothing(column);
        } else {
            sink.real(column, v);
        }
    }

    /** The result as an ordered column → value map (Double, Long, Integer, Boolean, String, double[], Map). */
    public static Map<String, Object> values(CellResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        write(r, new Sink() {
            private void put(int column, Object value) {
                m.put(RESULT_COLUMNS.get(column), value);
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
            public void integer(int column, int value) {
                put(column, value);
            }

            @Override
            public void longInteger(int column, long value) {
                put(column, value);
            }

            @Override
            public void bool(int column, boolean value) {
                put(column, value);
            }

            @Override
            public void realMap(int column, Map<String, Double> value) {
                put(column, new java.util.TreeMap<>(value));
            }

            @Override
            public void realArray(int column, double[] value) {
                put(column, value);
            }

            @Override
            public void nothing(int column) {
                put(column, null);
            }
        });
        return m;
    }
}
