package org.probstab.table;

import static org.probstab.table.Column.Option.NULLABLE;
import static org.probstab.table.Column.Option.PLAIN;
import static org.probstab.table.Column.Option.TIMING;

/**
 * Deep-net training cells (DESIGN §7; 000 Fig. 6, 12, 14; 001 Fig. 7, 8): a network trained with the cell's λ, μ, S,
 * the numerical rank of its second-layer weight with every singular value (so the cut-off can be changed
 * afterwards), and beside it the exact linearised theory of the same (λ, μ, S, σ). Its first columns are those of
 * {@link CellTable}.
 */
public final class NetCellTable {

    private static final TableKind.Builder D = TableKind.extend(CellTable.KIND, "net", 1,
            "one row per trained network cell: rank, singular values, loss, beside the theory phase");

    public static final Column.Text ARCHITECTURE = D.text("architecture", "the network (two-layer, mf-linear-50, …)");
    public static final Column.Text ACTIVATION = D.text("activation", "linear, tanh, relu or swish");
    public static final Column.Text OPTIMIZER = D.text("optimizer", "sgd or adam");
    public static final Column.Bool BIAS = D.bool("bias", "whether the layers have biases");
    public static final Column.Int32 WIDTH = D.int32("width", "input and output dimension d");
    public static final Column.Int32 HIDDEN = D.int32("hidden", "hidden width h");
    public static final Column.Int64 STEPS = D.int64("steps", "training steps");
    public static final Column.Int32 RANK = D.int32("rank",
            "singular values of the second-layer weight above rank_tolerance × the largest");
    public static final Column.Real RANK_TOLERANCE = D.real("rank_tolerance",
            "relative cut-off of rank, in (0, 1)");
    public static final Column.RealArray SINGULAR_VALUES = D.realArray("singular_values",
            "all singular values of the second-layer weight, descending", NULLABLE, PLAIN);
    public static final Column.Real FINAL_LOSS = D.real("final_loss", "training loss at the end (null if diverged)",
            NULLABLE, PLAIN);
    public static final Column.Bool DIVERGED = D.bool("diverged", "whether the weights overflowed");
    public static final Column.Text THEORY_PHASE = D.text("theory_phase",
            "phase of the exact linearised theory for the same (λ, μ, S, σ)", NULLABLE);
    public static final Column.Real THEORY_EXP_MINUS = D.real("theory_exp_minus", "theory Λ₋", NULLABLE, PLAIN);
    public static final Column.Real THEORY_EXP_PLUS = D.real("theory_exp_plus", "theory Λ₊", NULLABLE, PLAIN);
    public static final Column.Text BACKEND = D.text("backend", "the training backend (cpu, djl)");
    public static final Column.Text DEVICE = D.text("device", "the device the cell trained on");
    public static final Column.Int64 ELAPSED_NS = D.int64("elapsed_ns", "wall time of the training", PLAIN, TIMING);

    public static final TableKind KIND = D.build();

    private NetCellTable() {
    }
}
