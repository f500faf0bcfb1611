package org.probstab.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The column names of the phase table (DESIGN §4) — stable API: notebooks and users' queries depend on them — and
 * the mapping of a {@link CellResult} onto them. Values that do not apply (NaN in a result) become null; −∞ stays
 * −∞. The sweep layer adds {@code sweep_id}, {@code cell_id}, {@code level} and its chunk key in front.
 */
public final class PhaseTableColumns {

    /** The per-cell result columns in table order. */
    public static final List<String> RESULT_COLUMNS = List.of("model", "lambda", "mu", "batch_size", "n", "params",
            "exp_minus", "exp_minus_se", "exp_plus", "exp_plus_se", "exp_top", "exp_top_se", "spectrum", "log_var",
            "ms_growth", "l2_stable", "phase", "method", "samples", "steps", "p_below_eps", "elapsed_ns");

    private PhaseTableColumns() {
    }

    /** The result as an ordered column → value map (Double, Long, Integer, Boolean, String, double[], Map). */
    public static Map<String, Object> values(CellResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("lambda", r.lambda());
        m.put("mu", orNull(r.mu()));
        m.put("batch_size", r.batchSize());
        // N = ∞ is null (DESIGN §4); a model without N also has null.
        m.put("n", Double.isFinite(r.n()) ? (Long) (long) r.n() : null);
        m.put("params", new java.util.TreeMap<>(r.params()));
        m.put("exp_minus", orNull(r.exponentMinus()));
        m.put("exp_minus_se", orNull(r.exponentMinusSe()));
        m.put("exp_plus", orNull(r.exponentPlus()));
        m.put("exp_plus_se", orNull(r.exponentPlusSe()));
        m.put("exp_top", orNull(r.exponentTop()));
        m.put("exp_top_se", orNull(r.exponentTopSe()));
        m.put("spectrum", r.spectrum());
        m.put("log_var", orNull(r.logVariance()));
        m.put("ms_growth", orNull(r.meanSquareFactor()));
        m.put("l2_stable", r.l2Stable());
        m.put("phase", r.phase());
        m.put("method", r.method());
        m.put("samples", r.samples());
        m.put("steps", r.steps());
        m.put("p_below_eps", orNull(r.probabilityBelowEpsilon()));
        m.put("elapsed_ns", r.elapsedNanos());
        return m;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
