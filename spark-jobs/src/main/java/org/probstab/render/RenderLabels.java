package org.probstab.render;

/** Axis and column titles in the papers' notation. */
public final class RenderLabels {

    private RenderLabels() {
    }

    public static String axis(String name) {
        return switch (name) {
            case "lambda" -> "learning rate λ";
            case "mu" -> "signal fraction μ";
            case "S", "batch_size" -> "batch size S";
            case "N", "n" -> "dataset size N";
            case "a" -> "second curvature a (χ ∈ {1, a})";
            case "outlier" -> "outlier x₁²";
            case "sigma" -> "label noise σ";
            case "exp_minus" -> "Λ₋ = E log|1 − λχ|";
            case "exp_plus" -> "Λ₊ = E log|1 + λχ|";
            case "exp_top" -> "top Lyapunov exponent Λ";
            case "ms_growth" -> "E(1 − λχ)²";
            case "log_var" -> "s² = Var log|1 − λχ|";
            case "rank" -> "rank of W₂";
            case "theory_rank" -> "rank predicted by the diagonal approximation";
            case "final_loss" -> "final loss";
            default -> name;
        };
    }
}
