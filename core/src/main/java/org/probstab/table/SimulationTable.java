package org.probstab.table;

import static org.probstab.table.Column.Option.NULLABLE;
import static org.probstab.table.Column.Option.PLAIN;
import static org.probstab.table.Column.Option.TIMING;

/**
 * Outcomes of nonlinear SGD, Adam and AMSGrad simulations (002 §4–6, 000 Fig. 1, 3, 4): R runs of T optimizer steps
 * of one cell, what became of them, and beside them the linearised theory of the same cell (e.g. E log|1 − λx| for
 * the two-point saddle), so that simulation and theory sit in one row. Its first columns are those of
 * {@link CellTable}: {@code batch_size} is 1 (one sample per step), {@code n} the size of the simulator's dataset
 * (null: a fresh sample every step), {@code params} every numeric parameter but λ, runs and steps (a, momentum,
 * beta2, …). A column that does not apply to the simulator is null: the two-point saddle fills the escape and
 * histogram columns, the four-minimum landscape and the swish network the solution columns, spred the sparsity, the
 * ReLU net the distance quantiles (and its exponential fit in the escape-rate columns); the simulators' javadoc
 * (org.probstab.sgd) says what each one writes and how.
 */
public final class SimulationTable {

    private static final TableKind.Builder D = TableKind.extend(CellTable.KIND, "simulation", 1,
            "one row per simulated cell: escape, histograms and solutions, beside the linearised theory");

    public static final Column.Text OPTIMIZER = D.text("optimizer",
            "sgd, adam or amsgrad (002 eq. 13-16; momentum and beta2 in params)");
    public static final Column.Text LOSS = D.text("loss",
            "the loss: quadratic, quartic (two-point saddle), four-minimum, swish, spred or relu");
    public static final Column.Text START = D.text("start", "the named start point of the runs", NULLABLE);
    public static final Column.Text RNG_ALGORITHM = D.text("rng_algorithm",
            "the random streams of the runs (xoshiro256+/ziggurat256 or L64X128MixRandom)");
    public static final Column.Int64 RUNS = D.int64("runs", "independent runs R");
    public static final Column.Int64 STEPS = D.int64("steps", "optimizer steps T per run");
    public static final Column.Real ESCAPE_PROBABILITY = D.real("escape_probability",
            "fraction of runs whose final w is outside the two central histogram bins (002 Fig. 2)", NULLABLE,
            PLAIN);
    public static final Column.Real ESCAPE_PROBABILITY_SE = D.real("escape_probability_se",
            "binomial standard error of escape_probability", NULLABLE, PLAIN);
    public static final Column.Real ESCAPE_RATE = D.real("escape_rate",
            "escape rate γ: mean over runs of ln|w(t₀+τ)/w(t₀)|/τ over escape_window (002 eq. 9); sgd-relu: the"
                    + " mean least-squares slope of ln(distance from the saddle) over escape_window", NULLABLE, PLAIN);
    public static final Column.Real ESCAPE_RATE_SE = D.real("escape_rate_se",
            "standard error of escape_rate (sd over runs / √R)", NULLABLE, PLAIN);
    public static final Column.RealArray ESCAPE_WINDOW = D.realArray("escape_window",
            "the steps [t₀, t₀ + τ] over which escape_rate is measured", NULLABLE);
    public static final Column.Text HISTOGRAM_PARAMETER = D.text("histogram_parameter",
            "the final parameter the histogram counts (w, w1, beta)", NULLABLE);
    public static final Column.RealArray HISTOGRAM_EDGES = D.realArray("histogram_edges",
            "edges of the final-parameter histogram: B + 1 values, bin i = [edge i, edge i+1)", NULLABLE);
    public static final Column.Int64Array HISTOGRAM_COUNTS = D.int64Array("histogram_counts",
            "runs (or coordinates) per histogram bin", NULLABLE);
    public static final Column.Int64 HISTOGRAM_BELOW = D.int64("histogram_below",
            "finite final values below the first edge", NULLABLE);
    public static final Column.Int64 HISTOGRAM_ABOVE = D.int64("histogram_above",
            "finite final values at or above the last edge", NULLABLE);
    public static final Column.Int64 HISTOGRAM_NON_FINITE = D.int64("histogram_non_finite",
            "diverged runs (non-finite final value); counts + below + above + non_finite = all", NULLABLE);
    public static final Column.RealMap SOLUTION_FRACTIONS = D.realMap("solution_fractions",
            "fraction of runs ending at each named solution (A, B, C, flat+, sharp-, …, other, diverged)", NULLABLE);
    public static final Column.RealMap SOLUTION_LOSSES = D.realMap("solution_losses",
            "mean generalisation loss on fresh data of the runs at each solution (solutions no run reached, and"
                    + " diverged, left out)", NULLABLE);
    public static final Column.Real GENERALISATION_LOSS = D.real("generalisation_loss",
            "mean loss on fresh data of the runs that did not diverge", NULLABLE, PLAIN);
    public static final Column.Real SPARSITY = D.real("sparsity",
            "mean over runs of the fraction of zero weights of the solution", NULLABLE, PLAIN);
    public static final Column.Real SPARSITY_SE = D.real("sparsity_se", "standard error of sparsity (sd over runs / √R)",
            NULLABLE, PLAIN);
    public static final Column.RealArray QUANTILE_TIMES = D.realArray("quantile_times",
            "steps t at which quantiles of the distance from the saddle are recorded", NULLABLE);
    public static final Column.RealArray QUANTILE_LEVELS = D.realArray("quantile_levels",
            "the quantile levels q recorded", NULLABLE);
    public static final Column.RealArray QUANTILE_VALUES = D.realArray("quantile_values",
            "quantiles of the distance from the saddle (|w_t| for the two-point saddle), times × levels, row-major"
                    + " (+∞ once more than 1 − q of the runs diverged)", NULLABLE, PLAIN);
    public static final Column.Real EXP_MINUS = D.real("exp_minus",
            "linearised theory: Λ₋ = E log|1 − λχ| of the saddle the cell is about (two-point: χ = x, exp_minus"
                    + " of mf-two-point at a′ = a − 1), or the top exponent of its linearised map",
            NULLABLE, PLAIN);
    public static final Column.Real EXP_MINUS_SE = D.real("exp_minus_se",
            "standard error of exp_minus (0 for an exact method)", NULLABLE, PLAIN);
    public static final Column.Real EXP_PLUS = D.real("exp_plus",
            "linearised theory: Λ₊ = E log|1 + λχ|, where the saddle has that second mode", NULLABLE,
            PLAIN);
    public static final Column.Real LOG_VAR = D.real("log_var",
            "linearised theory: s² = Var log|1 − λχ| (002 Lemma 1)", NULLABLE, PLAIN);
    public static final Column.Real MS_GROWTH = D.real("ms_growth",
            "linearised theory: E(1 − λχ)², below 1 when the saddle is mean-square stable", NULLABLE, PLAIN);
    public static final Column.Text THEORY_METHOD = D.text("theory_method",
            "how the theory exponents were computed (exact-sum, renormalised-product)", NULLABLE);
    public static final Column.RealMap EXTRAS = D.realMap("extras",
            "further numbers of the simulator by name (absorbed_fraction, prop2_lambda_low, curvature_A, …; each"
                    + " simulator's documentation lists its own)", NULLABLE);
    public static final Column.Int64 ELAPSED_NS = D.int64("elapsed_ns", "wall time of the evaluation", PLAIN,
            TIMING);

    public static final TableKind KIND = D.build();

    private SimulationTable() {
    }
}
