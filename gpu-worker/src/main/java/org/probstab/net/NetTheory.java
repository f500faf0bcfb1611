package org.probstab.net;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.ModelRegistry;
import org.probstab.model.TheoryCell;
import org.probstab.stability.DiagonalApproximation;
import org.probstab.table.PhaseTable;
import org.probstab.table.Row;

/**
 * The linearised theory beside a trained net cell: the reduction of the net near its rank-0 saddle to the scalar
 * matrix-factorisation saddle of 000 §5.3, and what that saddle predicts.
 *
 * <p><b>Linearisation.</b> At W₁ = W₂ = 0 (and b₁ = b₂ = 0) the net f(x) = W₂σ(W₁x + b₁) + b₂ with σ(z) = c₀z + O(z²)
 * has the loss L_B = (1/S) Σ_j (1/(2d)) ‖f(x_j) − y_j‖² = const − (c₀/d) tr(W₂W₁C_Bᵀ) + O(‖W‖⁴) with the d × d data
 * matrix C_B = (1/S) Σ_{j∈B} y_j x_jᵀ; every direction of (W₁, W₂) is a saddle direction (000 Thm 4) and SGD near
 * it is linear in the weights. For d = 1 (h hidden units u_i, w_i) this is exactly the saddle ℓ = −c₀χ_B Σ u_i w_i
 * of 000 Prop. 1 with χ_B = (1/S) Σ x_j y_j: the learning direction w + u grows by (1 + c₀λχ_B) per step, w − u by
 * (1 − c₀λχ_B), so Λ₊ and Λ₋ at the learning rate c₀λ decide the phase (Ia/Ib correct learning, II the wrong sign,
 * III collapse to the rank-0 saddle, IV unstable).
 *
 * <p><b>Gaussian data, d &gt; 1</b> (000 §5.4, Fig. 6; 001 Fig. 7–8). The theory is that of "the corresponding 1-d
 * input" (001 Fig. 7): the exact exponents and phase of {@code mf-gaussian} at (c₀λ, μ, S, σ, N = ∞), by quadrature,
 * as the papers draw it beside the nets. This is a heuristic, not a derivation, and the net can disagree with it:
 * <ul>
 *   <li>coordinate k of the net (column k of W₁, row k of W₂) sees the diagonal entry χ_{B,k} of C_B with the rate
 *       c₀λ/d — the diagonal approximation proper ({@link DiagonalApproximation}), which at these rates predicts
 *       no collapse at all;</li>
 *   <li>what drives the net is the off-diagonal part: at S = 1, C_B = yxᵀ is rank one, and each step kicks the pair
 *       (x̂ of W₁, ŷ of W₂) of every hidden unit by c₀λ‖x‖‖y‖/d ≈ c₀λ(μ² + (1 − μ)²σ²)^{1/2} — a 1-d saddle at rate
 *       c₀λ along a random direction; the noise spreads the Lyapunov spectrum of the d-dimensional product, so the
 *       net loses rank (relative to its largest singular value) rather than collapsing to 0;</li>
 *   <li>the linearisation holds near the saddle, but training starts from PyTorch's default (Kaiming-uniform)
 *       initialisation, where W₂W₁ is O(1), as in the papers;</li>
 *   <li>c₀ = σ'(0): 1 for linear and tanh, ½ for swish (z·s(z) = z/2 + z²/4 + …); ReLU has no derivative at 0 (a
 *       hidden unit is linear for the inputs that activate it, dead otherwise) and is compared with c₀ = 1, as in
 *       001 Fig. 8;</li>
 *   <li>with biases, b₂ is not at a critical point (its gradient −ȳ_B has mean 0 but is not 0 for a batch) and b₁
 *       shifts the working point of σ; the theory is that of the bias-free saddle;</li>
 *   <li>Adam (000 App. A.8) is not SGD: its columns are the SGD theory, for comparison only.</li>
 * </ul>
 *
 * <p><b>Masked data</b> (000 App. A.6, Fig. 12). A sample touches only its active coordinate, so C_B is exactly
 * diagonal and the linearised net is exactly d independent scalar saddles, subspace k with χ_{B,k} and noise
 * variance σ²v_k, at the rate c₀λ/d. The theory is the diagonal approximation's predicted rank at c₀λ/d
 * ({@link DiagonalApproximation#masked}, the second-order collapse rate of 000 eq. 7); the single-saddle columns
 * (phase, exponents) do not apply and are null/NaN.
 *
 * @param lambda        the learning rate of the scalar saddle: c₀λ (Gaussian data), c₀λ/d (masked data)
 * @param phase         the exact phase of {@code mf-gaussian} at (c₀λ, μ, S, σ, N = ∞); null for masked data
 * @param exponentMinus Λ₋ = E log|1 − c₀λχ_B| (NaN for masked data)
 * @param exponentPlus  Λ₊ = E log|1 + c₀λχ_B| (NaN for masked data)
 * @param rank          masked data: the number of subspaces that escape (000 eq. 7); −1 for Gaussian data (use
 *                      the phase)
 */
public record NetTheory(double lambda, String phase, double exponentMinus, double exponentPlus, int rank) {

    /** The model of core this reduction evaluates. */
    public static final String MODEL = "mf-gaussian";

    /** c₀ = σ'(0) as used by the reduction (1 for ReLU by convention, see above). */
    public static double slopeAtZero(Activation activation) {
        return activation == Activation.SWISH ? 0.5 : 1.0;
    }

    /**
     * The scalar saddle of a cell with Gaussian data, as a cell of core's {@code mf-gaussian}: (c₀λ, μ, S, σ,
     * N = ∞), λ scaled by c₀; empty for masked data (whose theory is the diagonal approximation, not one saddle).
     */
    public static Optional<TheoryCell> cell(NetCellSpec spec) {
        if (spec.data() == NetData.MASKED) {
            return Optional.empty();
        }
        double slope = slopeAtZero(spec.activation());
        Map<String, Object> p = new HashMap<>();
        p.put("lambda", slope * spec.lambda());
        p.put("mu", spec.mu());
        p.put("S", spec.batchSize());
        p.put("N", Double.POSITIVE_INFINITY);
        p.put("sigma", spec.sigma());
        return Optional.of(new TheoryCell(MODEL, p, slope));
    }

    /** The theory for one cell; {@code seed} and {@code cellId} are passed to core (the exact method uses neither). */
    public static NetTheory of(NetCellSpec spec, long seed, long cellId) {
        double slope = slopeAtZero(spec.activation());
        if (spec.data() == NetData.MASKED) {
            double lambda = slope * spec.lambda() / spec.inputDim();
            double[] v = DiagonalApproximation.appendixNoiseVariances(spec.inputDim(), spec.sigma() * spec.sigma());
            int rank = DiagonalApproximation.masked(spec.mu(), v, spec.batchSize()).predictedRank(lambda);
            return new NetTheory(lambda, null, Double.NaN, Double.NaN, rank);
        }
        TheoryCell cell = cell(spec).orElseThrow();
        Row r = ModelRegistry.evaluate(cell.model(), cell.parameters(), EstimatorKind.EXACT, seed, cellId);
        return new NetTheory(slope * spec.lambda(), r.get(PhaseTable.PHASE), r.get(PhaseTable.EXP_MINUS),
                r.get(PhaseTable.EXP_PLUS), -1);
    }
}
