package org.probstab.stability;

import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;

/**
 * Mean-square (L2, "linear" or "dynamical") stability of the rank-1 dynamics w_{t+1} = (1 − λχ_B) w_t, the notion
 * the papers contrast with probabilistic stability (001 §2–3 and App. A.2; DESIGN §2). Since the batches are
 * i.i.d., E w_t² = (E(1 − λχ_B)²)^t w_0², and
 * <pre>
 *   E(1 − λχ_B)² = 1 − 2λ Eχ + λ² (Var χ_B + (Eχ)²),
 *   Var χ_B = Var χ / S                          (with replacement, or N = ∞),
 *   Var χ_B = Var χ / S · (N − S)/(N − 1)         (without replacement; {@link FiniteDataset#batchVariance}).
 * </pre>
 * L2-stable means the factor is &lt; 1. For λ &gt; 0 that is λ &lt; 2 Eχ / (Var χ_B + (Eχ)²) ({@link #threshold}).
 * For linear regression (χ = h = x², with replacement / N = ∞), Var χ_B + (Eχ)² = (E[x⁴] + (S−1) E[x²]²)/S, so
 * <pre>
 *   λ &lt; 2S E[x²] / (E[x⁴] + (S − 1) E[x²]²)           (Gaussian x: 2S / ((S + 2) E[x²])).
 * </pre>
 * <b>001's version differs.</b> 001 eq. 4 = eq. 21 prints λ &lt; 2S² E[x²] / (E[x⁴] + (S − 1)² E[x²]²), from its
 * eq. 19, whose expansion of (1/S²) Σ_{i,j} E[x_i² x_j²] keeps E[x⁴]/S² and (S−1)²/S² E[x²]² where the S² terms
 * actually give S E[x⁴] + S(S − 1) E[x²]². The printed factor is therefore too small for S &gt; 1 (it can even be
 * negative, which no second moment can be), its threshold too large, and both agree with the correct ones only at
 * S = 1. They are kept here, as printed, only so that {@code MomentStabilityTest} can show the disagreement with a
 * direct computation of E w_t². (001 eq. 22, the Gaussian case "S²/(3S + (S − 1)²)", is not even the Gaussian
 * case of its own eq. 21, which would be S²/(3 + (S − 1)²).)
 */
public final class MomentStability {

    private MomentStability() {
    }

    /** E(1 − λχ_B)² = 1 − 2λm + λ²(v_B + m²) for Eχ = m and a given Var χ_B = v_B. */
    public static double meanSquareFactor(double lambda, double mean, double batchVariance) {
        checkFinite("lambda", lambda);
        checkFinite("mean", mean);
        if (!(batchVariance >= 0) || batchVariance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("batch variance must be in [0, inf), got " + batchVariance);
        }
        return 1 - 2 * lambda * mean + lambda * lambda * (batchVariance + mean * mean);
    }

    /**
     * E(1 − λχ_B)² for a batch of S i.i.d. samples of a law with the given mean and variance (Var χ_B = Var χ / S).
     */
    public static double meanSquareFactor(double lambda, double mean, double variance, int batchSize) {
        checkBatchSize(batchSize);
        if (!(variance >= 0) || variance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("variance must be in [0, inf), got " + variance);
        }
        return meanSquareFactor(lambda, mean, variance / batchSize);
    }

    /** E(1 − λχ_B)² for minibatches of a finite dataset, with or without replacement. */
    public static double meanSquareFactor(FiniteDataset data, int batchSize, boolean withReplacement, double lambda) {
        checkBatchSize(batchSize);
        if (!withReplacement && batchSize > data.size()) {
            throw new IllegalArgumentException("S must be <= N = " + data.size() + " without replacement, got "
                    + batchSize);
        }
        return meanSquareFactor(lambda, data.mean(), data.batchVariance(batchSize, withReplacement));
    }

    /** E(1 − λχ_B)² for Gaussian regression at N = ∞: Eχ = μ, Var χ = 2μ² + (1 − μ)²σ², Var χ_B = Var χ / S. */
    public static double meanSquareFactor(GaussianRegression law, int batchSize, double lambda) {
        return meanSquareFactor(lambda, law.mean(), law.variance(), batchSize);
    }

    /** L2 stability: the mean-square factor is &lt; 1, so E w_t² → 0. */
    public static boolean l2Stable(double meanSquareFactor) {
        if (meanSquareFactor != meanSquareFactor) {
            throw new IllegalArgumentException("mean-square factor is NaN");
        }
        return meanSquareFactor < 1;
    }

    /**
     * The largest L2-stable learning rate: the set of λ &gt; 0 with E(1 − λχ_B)² &lt; 1 is (0, 2m/(v_B + m²)) when
     * m = Eχ &gt; 0; it is empty (0 is returned) when m ≤ 0.
     */
    public static double threshold(double mean, double batchVariance) {
        checkFinite("mean", mean);
        if (!(batchVariance >= 0) || batchVariance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("batch variance must be in [0, inf), got " + batchVariance);
        }
        return mean > 0 ? 2 * mean / (batchVariance + mean * mean) : 0.0;
    }

    /** {@link #threshold(double, double)} for minibatches of a finite dataset. */
    public static double threshold(FiniteDataset data, int batchSize, boolean withReplacement) {
        checkBatchSize(batchSize);
        return threshold(data.mean(), data.batchVariance(batchSize, withReplacement));
    }

    /**
     * Linear regression (h = x², S i.i.d. samples per batch): λ &lt; 2S E[x²] / (E[x⁴] + (S − 1) E[x²]²)
     * (DESIGN §2, the corrected form of 001 eq. 21).
     *
     * @param secondMoment E[x²] = E h &gt; 0
     * @param fourthMoment E[x⁴] = E h² ≥ E[x²]²
     */
    public static double linearRegressionThreshold(double secondMoment, double fourthMoment, int batchSize) {
        checkMoments(secondMoment, fourthMoment);
        checkBatchSize(batchSize);
        return 2.0 * batchSize * secondMoment
                / (fourthMoment + (batchSize - 1.0) * secondMoment * secondMoment);
    }

    /** Gaussian x (E[x⁴] = 3 E[x²]²): λ &lt; 2S / ((S + 2) E[x²]). */
    public static double gaussianLinearRegressionThreshold(double secondMoment, int batchSize) {
        if (!(secondMoment > 0) || secondMoment == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("E[x^2] must be in (0, inf), got " + secondMoment);
        }
        checkBatchSize(batchSize);
        return 2.0 * batchSize / ((batchSize + 2.0) * secondMoment);
    }

    /**
     * Gradient descent: λ &lt; 2/h_max, with h_max the largest eigenvalue of the full-batch Hessian (for scalar
     * linear regression h_max = E[x²], 001 eq. 3). 0 (no stable λ &gt; 0) when h_max ≤ 0.
     */
    public static double gdThreshold(double hessianMax) {
        checkFinite("h_max", hessianMax);
        return hessianMax > 0 ? 2 / hessianMax : 0.0;
    }

    /**
     * 001 eq. 4 = eq. 21, <b>as printed</b>: λ &lt; 2S² E[x²] / (E[x⁴] + (S − 1)² E[x²]²). Wrong for S &gt; 1 (see
     * the class comment); for comparison only.
     */
    public static double paperThreshold001(double secondMoment, double fourthMoment, int batchSize) {
        checkMoments(secondMoment, fourthMoment);
        checkBatchSize(batchSize);
        double s = batchSize;
        return 2 * s * s * secondMoment / (fourthMoment + (s - 1) * (s - 1) * secondMoment * secondMoment);
    }

    /**
     * 001 eq. 19, <b>as printed</b>: 1 − 2λE[x²] + λ²/S² E[x⁴] + λ²(S − 1)²/S² E[x²]², the paper's
     * E[w_{t+1}²]/w_t². Wrong for S &gt; 1; for comparison only.
     */
    public static double paperMeanSquareFactor001(double lambda, double secondMoment, double fourthMoment,
                                                  int batchSize) {
        checkFinite("lambda", lambda);
        checkMoments(secondMoment, fourthMoment);
        checkBatchSize(batchSize);
        double s = batchSize;
        return 1 - 2 * lambda * secondMoment + lambda * lambda / (s * s) * fourthMoment
                + lambda * lambda * (s - 1) * (s - 1) / (s * s) * secondMoment * secondMoment;
    }

    private static void checkMoments(double secondMoment, double fourthMoment) {
        if (!(secondMoment > 0) || secondMoment == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("E[x^2] must be in (0, inf), got " + secondMoment);
        }
        if (!(fourthMoment >= secondMoment * secondMoment * (1 - 1e-12)) || fourthMoment == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("E[x^4] must be finite and >= E[x^2]^2 = "
                    + secondMoment * secondMoment + ", got " + fourthMoment);
        }
    }

    private static void checkBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("S must be >= 1, got " + batchSize);
        }
    }

    private static void checkFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }
}
