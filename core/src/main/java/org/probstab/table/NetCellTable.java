package org.probstab.table;

import static org.probstab.table.Column.Option.NULLABLE;
import static org.probstab.table.Column.Option.PLAIN;
import static org.probstab.table.Column.Option.TIMING;

/**
 * Deep-net training cells (DESIGN §7; 000 Fig. 6, 12, 14; 001 Fig. 7, 8): a network trained with the cell's λ, μ, S,
 * the numerical rank of its second-layer weight with every singular value (so the cut-off can be changed
 * afterwards), and beside it the exact linearised theory of the same (λ, μ, S, σ). Its first columns are those of
 * {@link CellTable}; {@code n} is null (the data are online: a fresh batch every step) and {@code params} holds σ
 * ({@code sigma}) and, for Adam, {@code adam_beta1}, {@code adam_beta2}, {@code adam_epsilon}.
 *
 * <p>A diverged cell (a non-finite training loss or final weight) has {@code diverged} true, {@code rank},
 * {@code singular_values} and {@code final_loss} null, and {@code steps} the step at which the divergence was
 * seen; its theory columns are filled as for any other cell.
 */
public final class NetCellTable {

    private static final TableKind.Builder D = TableKind.extend(CellTable.KIND, "net", 1,
            "one row per trained network cell: rank, singular values, loss, beside the theory phase");

    public static final Column.Text ARCHITECTURE = D.text("architecture",
            "the network: two-layer (f(x) = W₂σ(W₁x + b₁) + b₂, d → h → d)");
    public static final Column.Text DATA = D.text("data", "the online data: gaussian (x ~ N(0, I_d), y = μx + (1 − μ)ε,"
            + " ε ~ N(0, σ²I_d)) or masked (000 App. A.6: one active coordinate per sample, noise variances σ²v_k)");
    public static final Column.Text ACTIVATION = D.text("activation", "σ: linear, tanh, relu or swish");
    public static final Column.Text OPTIMIZER = D.text("optimizer", "sgd or adam");
    public static final Column.Bool BIAS = D.bool("bias", "whether the layers have biases b₁, b₂");
    public static final Column.Int32 WIDTH = D.int32("width", "input and output dimension d");
    public static final Column.Int32 HIDDEN = D.int32("hidden", "hidden width h");
    public static final Column.Int64 STEPS = D.int64("steps",
            "training steps done: T, or the step at which a divergence was detected");
    public static final Column.Int32 RANK = D.int32("rank",
            "singular values of the final second-layer weight W₂ above rank_tolerance × the largest (null: diverged)",
            NULLABLE);
    public static final Column.Real RANK_TOLERANCE = D.real("rank_tolerance",
            "relative cut-off τ of rank, in (0, 1)");
    public static final Column.RealArray SINGULAR_VALUES = D.realArray("singular_values",
            "all min(d, h) singular values of the final W₂, descending, for any other cut-off (null: diverged)",
            NULLABLE, PLAIN);
    public static final Column.Real FINAL_LOSS = D.real("final_loss",
            "population loss E (1/(2d))‖f(x) − y‖² of the final net on 256 fresh samples (null: diverged)",
            NULLABLE, PLAIN);
    public static final Column.Bool DIVERGED = D.bool("diverged", "the training loss or a final weight was not finite");
    public static final Column.Real THEORY_LAMBDA = D.real("theory_lambda",
            "learning rate of the scalar saddle the theory evaluates: c₀λ for gaussian data, c₀λ/d for masked data,"
                    + " c₀ = σ'(0) (1 for linear, tanh and, by convention, relu; ½ for swish)");
    public static final Column.Text THEORY_PHASE = D.text("theory_phase",
            "exact phase of mf-gaussian at (theory_lambda, μ, S, σ, N = ∞) (null for masked data)", NULLABLE);
    public static final Column.Real THEORY_EXP_MINUS = D.real("theory_exp_minus",
            "Λ₋ = E log|1 − theory_lambda·χ_B| of that saddle (null for masked data)", NULLABLE, PLAIN);
    public static final Column.Real THEORY_EXP_PLUS = D.real("theory_exp_plus",
            "Λ₊ = E log|1 + theory_lambda·χ_B| of that saddle (null for masked data)", NULLABLE, PLAIN);
    public static final Column.Int32 THEORY_RANK = D.int32("theory_rank",
            "masked data: subspaces that escape at theory_lambda by the diagonal approximation, λ_k = −2E[h]/E[h²]"
                    + " (000 eq. 7); null for gaussian data", NULLABLE);
    public static final Column.Text BACKEND = D.text("backend", "the training backend: cpu or djl");
    public static final Column.Text DEVICE = D.text("device", "the device the cell trained on: cpu, gpu(0), …");
    public static final Column.Int64 ELAPSED_NS = D.int64("elapsed_ns",
            "the cell's share of its batch's training time plus its own evaluation", PLAIN, TIMING);

    public static final TableKind KIND = D.build();

    private NetCellTable() {
    }
}
