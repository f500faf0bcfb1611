package org.probstab.table;

import java.util.Map;

/**
 * One evaluated cell: one row of the phase table (DESIGN §4). A value that does not apply to the model (μ for
 * linear regression, Λ₊ for a random symmetric law, …) is NaN here and null in tables and JSON; a genuine
 * exponent of −∞ (a factor exactly 0) stays −∞. Per-cell sweep bookkeeping (sweep id, cell id, level) is added by
 * the sweep layer.
 *
 * @param model              model name
 * @param lambda             λ
 * @param mu                 μ, NaN when the model has none
 * @param batchSize          S
 * @param n                  N, +∞ for fresh samples, NaN when the model has none
 * @param params             every other numeric parameter of the cell, by name
 * @param exponentMinus      Λ₋ = E log|1 − λχ_B| (the single exponent for linear regression)
 * @param exponentMinusSe    its standard error
 * @param exponentPlus       Λ₊ = E log|1 + λχ_B|
 * @param exponentPlusSe     its standard error
 * @param exponentTop        the top Lyapunov exponent of the linearised dynamics
 * @param exponentTopSe      its standard error
 * @param spectrum           the Lyapunov spectrum, descending (null when not computed)
 * @param logVariance        s² = Var log|1 − λχ_B| per step (002 Lemma 1)
 * @param meanSquareFactor   E(1 − λχ_B)², or ρ of the second-moment map in d dimensions
 * @param l2Stable           mean-square stable: {@code meanSquareFactor < 1}
 * @param phase              the phase label
 * @param method             the method label
 * @param samples            samples behind the estimate (batches, trajectories, nodes)
 * @param steps              steps per trajectory (0 for exact methods)
 * @param probabilityBelowEpsilon P(‖θ_T‖ &lt; ε): empirical for trajectories, NaN otherwise
 * @param elapsedNanos       wall time of the evaluation
 */
public record CellResult(String model, double lambda, double mu, int batchSize, double n, Map<String, Double> params,
                         double exponentMinus, double exponentMinusSe, double exponentPlus, double exponentPlusSe,
                         double exponentTop, double exponentTopSe, double[] spectrum, double logVariance,
                         double meanSquareFactor, boolean l2Stable, String phase, String method, long samples,
                         long steps, double probabilityBelowEpsilon, long elapsedNanos) {

    public CellResult {
        params = Map.copyOf(params);
        spectrum = spectrum == null ? null : spectrum.clone();
    }

    /** The same result with another elapsed time. */
    public CellResult withElapsedNanos(long nanos) {
        return new CellResult(model, lambda, mu, batchSize, n, params, exponentMinus, exponentMinusSe, exponentPlus,
                exponentPlusSe, exponentTop, exponentTopSe, spectrum, logVariance, meanSquareFactor, l2Stable, phase,
                method, samples, steps, probabilityBelowEpsilon, nanos);
    }
}
