package org.probstab.table;

import static org.probstab.table.Column.Option.NULLABLE;
import static org.probstab.table.Column.Option.PLAIN;
import static org.probstab.table.Column.Option.TIMING;

/**
 * Outcomes of nonlinear SGD, Adam and AMSGrad simulations (002 §4–6, 000 Fig. 1, 3, 4): many runs of one cell, what
 * became of them, and beside them the linearised theory of the same cell (e.g. E log|1 − λx| for the two-point
 * saddle), so that simulation and theory sit in one row. Its first columns are those of {@link CellTable}.
 */
public final class SimulationTable {

    private static final TableKind.Builder D = TableKind.extend(CellTable.KIND, "simulation", 1,
            "one row per simulated cell: escape, histograms and solutions, beside the linearised theory");

    public static final Column.Text OPTIMIZER = D.text("optimizer", "sgd, adam or amsgrad");
    public static final Column.Text LOSS = D.text("loss", "the loss (quadratic, quartic, swish, …)");
    public static final Column.Text START = D.text("start", "the named start point, if any", NULLABLE);
    public static final Column.Int64 RUNS = D.int64("runs", "independent runs");
    public static final Column.Int64 STEPS = D.int64("steps", "steps per run");
    public static final Column.Real ESCAPE_PROBABILITY = D.real("escape_probability",
            "fraction of runs outside the two central histogram bins at the end", NULLABLE, PLAIN);
    public static final Column.Real ESCAPE_RATE = D.real("escape_rate",
            "escape rate γ(λ) fitted over the escape window (002 eq. 9)", NULLABLE, PLAIN);
    public static final Column.Real ESCAPE_RATE_SE = D.real("escape_rate_se", "standard error of escape_rate",
            NULLABLE, PLAIN);
    public static final Column.RealArray ESCAPE_WINDOW = D.realArray("escape_window",
            "the steps [from, to] over which escape_rate is fitted", NULLABLE);
    public static final Column.RealArray HISTOGRAM_EDGES = D.realArray("histogram_edges",
            "edges of the final-parameter histogram (bins + 1 values)", NULLABLE);
    public static final Column.Int64Array HISTOGRAM_COUNTS = D.int64Array("histogram_counts",
            "runs per histogram bin", NULLABLE);
    public static final Column.RealMap SOLUTION_FRACTIONS = D.realMap("solution_fractions",
            "fraction of runs ending at each named solution (A, B, C, diverged, …)", NULLABLE);
    public static final Column.Real GENERALISATION_LOSS = D.real("generalisation_loss",
            "mean loss on fresh data of the runs that did not diverge", NULLABLE, PLAIN);
    public static final Column.Real SPARSITY = D.real("sparsity", "fraction of zero weights of the solution",
            NULLABLE, PLAIN);
    public static final Column.RealArray QUANTILE_TIMES = D.realArray("quantile_times",
            "steps at which quantiles of the distance from the saddle are recorded", NULLABLE);
    public static final Column.RealArray QUANTILE_LEVELS = D.realArray("quantile_levels",
            "the quantile levels recorded", NULLABLE);
    public static final Column.RealArray QUANTILE_VALUES = D.realArray("quantile_values",
            "distance-from-saddle quantiles, times × levels, row-major", NULLABLE, PLAIN);
    public static final Column.Real EXP_MINUS = D.real("exp_minus",
            "linearised theory: Λ₋ = E log|1 − λx| of the same cell", NULLABLE, PLAIN);
    public static final Column.Real EXP_PLUS = D.real("exp_plus", "linearised theory: Λ₊, where it exists",
            NULLABLE, PLAIN);
    public static final Column.Text THEORY_METHOD = D.text("theory_method", "how the theory exponents were computed",
            NULLABLE);
    public static final Column.Int64 ELAPSED_NS = D.int64("elapsed_ns", "wall time of the evaluation", PLAIN,
            TIMING);

    public static final TableKind KIND = D.build();

    private SimulationTable() {
    }
}
