package org.probstab.sgd;

/**
 * The linearised theory beside a simulated cell (DESIGN §2): the Lyapunov exponents of the SGD dynamics linearised
 * at the saddle the cell is about, from the exact estimators where they exist. NaN marks a value that does not apply
 * to the model (the table writes null there).
 *
 * @param expMinus          Λ₋ = E ln|1 − λχ| (the two-point loss: χ = x, 002 eq. 77; a matrix-factorisation saddle:
 *                          the w − u mode), or the top exponent of the linearised map
 * @param expMinusSe        its standard error (0 for an exact method)
 * @param expPlus           Λ₊ = E ln|1 + λχ| (the w + u mode of a matrix-factorisation saddle), else NaN
 * @param logVariance       s² = Var ln|1 − λχ| (002 Lemma 1), else NaN
 * @param meanSquareFactor  E(1 − λχ)², the L2-stability factor (&lt; 1: mean-square stable), else NaN
 * @param method            how the numbers were computed ({@code exact-sum}, {@code renormalised-product}, …)
 */
public record LinearisedTheory(double expMinus, double expMinusSe, double expPlus, double logVariance,
                               double meanSquareFactor, String method) {

    public LinearisedTheory {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("method must be given");
        }
    }
}
