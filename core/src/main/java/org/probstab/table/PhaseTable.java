package org.probstab.table;

import static org.probstab.table.Column.Option.NULLABLE;
import static org.probstab.table.Column.Option.PLAIN;
import static org.probstab.table.Column.Option.TIMING;

/**
 * The phase table (DESIGN §4): one row per evaluated cell with its Lyapunov exponents, their uncertainty and
 * method, the mean-square factor and the phase (000 §5.3 Prop. 1). Its first columns are those of
 * {@link CellTable}. Exponents that do not apply to a model (Λ₊ for linear regression, μ for the two-point law) are
 * null; an exponent of −∞ (a factor exactly 0: almost-sure collapse) is −∞, never null.
 */
public final class PhaseTable {

    private static final TableKind.Builder D = TableKind.extend(CellTable.KIND, "phase", 1,
            "one row per evaluated cell: exponents, phase, method");

    public static final Column.Real EXP_MINUS = D.real("exp_minus",
            "Λ₋ = E log|1 − λχ_B| (the single exponent of one-exponent models)", NULLABLE, PLAIN);
    public static final Column.Real EXP_MINUS_SE = D.real("exp_minus_se", "standard error of exp_minus (0: exact)",
            NULLABLE, PLAIN);
    public static final Column.Real EXP_PLUS = D.real("exp_plus", "Λ₊ = E log|1 + λχ_B|", NULLABLE, PLAIN);
    public static final Column.Real EXP_PLUS_SE = D.real("exp_plus_se", "standard error of exp_plus", NULLABLE,
            PLAIN);
    public static final Column.Real EXP_TOP = D.real("exp_top", "top Lyapunov exponent of the linearised dynamics",
            NULLABLE, PLAIN);
    public static final Column.Real EXP_TOP_SE = D.real("exp_top_se", "standard error of exp_top", NULLABLE,
            PLAIN);
    public static final Column.RealArray SPECTRUM = D.realArray("spectrum", "Lyapunov spectrum, descending",
            NULLABLE, PLAIN);
    public static final Column.Real LOG_VAR = D.real("log_var", "s² = Var log|1 − λχ_B| per step (002 Lemma 1)",
            NULLABLE, PLAIN);
    public static final Column.Real MS_GROWTH = D.real("ms_growth",
            "E(1 − λχ_B)², or the spectral radius of the second-moment map in d dimensions", NULLABLE, PLAIN);
    public static final Column.Bool L2_STABLE = D.bool("l2_stable", "mean-square stable: ms_growth < 1");
    public static final Column.Text PHASE = D.text("phase", "the phase: Ia, Ib, II, III, IV, stable, unstable or"
            + " undetermined", PLAIN);
    public static final Column.Text METHOD = D.text("method", "how the exponents were computed", PLAIN);
    public static final Column.Int64 SAMPLES = D.int64("samples",
            "samples behind the estimate (batches, trajectories, quadrature nodes)", PLAIN);
    public static final Column.Int64 STEPS = D.int64("steps", "steps per trajectory (0 for exact methods)", PLAIN);
    public static final Column.Real P_BELOW_EPS = D.real("p_below_eps",
            "empirical P(‖θ_T‖ < ε) of trajectory estimators", NULLABLE, PLAIN);
    public static final Column.Real CHI_MEAN = D.real("chi_mean",
            "empirical mean of χ over the finite dataset (null at N = ∞): the dataset's own sign of correlation", NULLABLE,
            PLAIN);
    public static final Column.Int64 ELAPSED_NS = D.int64("elapsed_ns", "wall time of the evaluation", PLAIN,
            TIMING);

    public static final TableKind KIND = D.build();

    private PhaseTable() {
    }
}
