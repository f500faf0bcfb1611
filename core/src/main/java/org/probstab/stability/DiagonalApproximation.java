package org.probstab.stability;

import java.util.Arrays;
import org.probstab.config.InvalidInputException;

/**
 * The diagonal approximation of a two-layer linear network near its rank-0 saddle, with the second-order
 * collapse condition of each subspace (000 §4.4 "diagonal matrix" estimate, eq. 7, App. A.6 and Fig. 12).
 *
 * <p><b>Reduction.</b> For the net f(x) = W₂W₁x with loss ½‖f(x) − y‖² averaged over a batch B of S samples, the
 * gradient at W₁, W₂ ≈ 0 is linear in the weights, with the d × d matrix C_B = (1/S) Σ_{j∈B} y_j x_jᵀ as its only
 * data. The diagonal approximation keeps the diagonal of C_B: subspace k (input k, output k, every hidden unit)
 * is then the scalar saddle ℓ = −χ_{B,k} Σ_i u_i w_i of 000 §5.3 with
 * <pre>
 *   χ_{B,k} = (1/S) Σ_{j∈B} x_{jk} y_{jk},      Hessian eigenvalues h = ±χ_{B,k}  (eigenvectors w ± u).
 * </pre>
 * The learning direction w + u has h = −χ_{B,k}: it grows by (1 + λχ_{B,k}) per step (000 Prop. 1). Expanding
 * its exponent to second order, E log|1 − λh| = −λE[h] − ½λ²E[h²] + O(λ³) (000 §4.2), the subspace is attracted
 * to the saddle (collapses) when
 * <pre>
 *   λ &gt; λ_k = −2 E[h] / E[h²] = 2 E[χ_{B,k}] / E[χ_{B,k}²]                      (000 eq. 7),
 *   E[χ_{B,k}] = m₁,   E[χ_{B,k}²] = m₁² + (m₂ − m₁²)/S,   m₁ = E[x_k y_k],  m₂ = E[(x_k y_k)²],
 * </pre>
 * the batch being S i.i.d. samples (fresh data, N = ∞). The same number is the mean-square boundary of the other
 * direction w − u, E(1 − λχ_{B,k})² = 1 ({@link MomentStability}) — the coincidence 000 §5.4 remarks on for Fig. 6.
 * The exact probabilistic boundary Λ₊ = 0 lies slightly below it (μ = 0.05, σ = 2, S = 1: 0.02752 against
 * λ_k = 0.02764). The predicted rank at λ is the number of subspaces not yet collapsed, #{k : λ &lt; λ_k} (the
 * theory curve of 000 Fig. 12).
 *
 * <p><b>Data laws.</b> y_k = μx_k + (1 − μ)ε_k with ε_k ~ N(0, v_k) independent of x:
 * <ul>
 *   <li>{@link #gaussian}: x ~ N(0, I_d) (000 §5.4, Fig. 6): m₁ = μ, m₂ = 3μ² + (1 − μ)²v_k (E[x⁴] = 3);</li>
 *   <li>{@link #masked}: the sparse, masked, full-rank signal of 000 App. A.6: x = m ⊙ X, y = μx + (1 − μ)(m ⊙ ε)
 *       with X ~ N(0, I_d) and a mask m with one uniformly chosen coordinate set to 1. Coordinate k is active with
 *       probability 1/d, so m₁ = μ/d and m₂ = (3μ² + (1 − μ)²v_k)/d. Here C_B is exactly diagonal (a sample only
 *       touches its active coordinate), so the diagonal approximation is exact for the linearised dynamics and
 *       only the second-order expansion is approximate.</li>
 * </ul>
 * For the masked law the subspaces collapse in the order of their noise: the noisiest first. Without signal
 * (μ = 0) every λ_k is 0: no subspace escapes.
 * Instances are immutable.
 */
public final class DiagonalApproximation {

    private final double mu;
    private final double[] noiseVariances;
    private final int batchSize;
    private final boolean masked;
    private final double[] criticalLearningRates;

    private DiagonalApproximation(double mu, double[] noiseVariances, int batchSize, boolean masked) {
        if (!(mu >= 0 && mu <= 1)) {
            throw InvalidInputException.outOfRange("mu", mu, "[0, 1]");
        }
        if (batchSize < 1) {
            throw InvalidInputException.outOfRange("S", batchSize, "integers >= 1");
        }
        if (noiseVariances.length < 1) {
            throw InvalidInputException.outOfRange("noise_variances", "[]", "at least one variance");
        }
        for (double v : noiseVariances) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw InvalidInputException.outOfRange("noise_variances", v, "finite variances >= 0");
            }
        }
        this.mu = mu;
        this.noiseVariances = noiseVariances.clone();
        this.batchSize = batchSize;
        this.masked = masked;
        this.criticalLearningRates = new double[noiseVariances.length];
        for (int k = 0; k < noiseVariances.length; k++) {
            // μ = 0: no signal, E[h] = 0, so λ_k = 0 and the subspace never escapes (also when E[h²] = 0 too).
            criticalLearningRates[k] = mu == 0 ? 0 : -2 * meanH(k) / secondMomentH(k);
        }
    }

    /** Gaussian inputs x ~ N(0, I_d), noise variance v_k on output k (d = {@code noiseVariances.length}). */
    public static DiagonalApproximation gaussian(double mu, double[] noiseVariances, int batchSize) {
        return new DiagonalApproximation(mu, noiseVariances, batchSize, false);
    }

    /** The masked one-hot inputs of 000 App. A.6 (d = {@code noiseVariances.length}). */
    public static DiagonalApproximation masked(double mu, double[] noiseVariances, int batchSize) {
        return new DiagonalApproximation(mu, noiseVariances, batchSize, true);
    }

    /**
     * The noise variances of 000 App. A.6, ε ~ N(0, 2 diag(0.01, 0.05, …, 2.01)): {@code scale} times d values
     * evenly spaced from 0.01 to 2.01 inclusive (for d = 50 the step is 2/49 ≈ 0.041; the paper prints the list
     * only by its first two and last entries). The paper's case is {@code scale} = 2.
     */
    public static double[] appendixNoiseVariances(int d, double scale) {
        if (d < 1) {
            throw InvalidInputException.outOfRange("d", d, "integers >= 1");
        }
        double[] v = new double[d];
        for (int k = 0; k < d; k++) {
            double spaced = d == 1 ? 0.01 : 0.01 + 2.0 * k / (d - 1);
            v[k] = scale * spaced;
        }
        return v;
    }

    /** Number of subspaces d. */
    public int dimension() {
        return noiseVariances.length;
    }

    /** E[x_k y_k] per sample. */
    public double sampleMean(int k) {
        return masked ? mu / dimension() : mu;
    }

    /** E[(x_k y_k)²] per sample: E[(μx² + (1 − μ)xε)²] = 3μ² + (1 − μ)²v_k, divided by d when masked. */
    public double sampleSecondMoment(int k) {
        double full = 3 * mu * mu + (1 - mu) * (1 - mu) * noiseVariances[k];
        return masked ? full / dimension() : full;
    }

    /** E[h] = −E[χ_{B,k}] of the learning direction of subspace k. */
    public double meanH(int k) {
        return -sampleMean(k);
    }

    /** E[h²] = E[χ_{B,k}²] = m₁² + (m₂ − m₁²)/S. */
    public double secondMomentH(int k) {
        double m1 = sampleMean(k);
        return m1 * m1 + (sampleSecondMoment(k) - m1 * m1) / batchSize;
    }

    /** λ_k = −2E[h]/E[h²]: subspace k collapses for λ &gt; λ_k (000 eq. 7). */
    public double criticalLearningRate(int k) {
        return criticalLearningRates[k];
    }

    /** All λ_k, in subspace order. */
    public double[] criticalLearningRates() {
        return criticalLearningRates.clone();
    }

    /** #{k : λ &lt; λ_k}, the number of subspaces that escape the saddle at learning rate λ. */
    public int predictedRank(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw InvalidInputException.outOfRange("lambda", lambda, "(0, inf)");
        }
        int rank = 0;
        for (double critical : criticalLearningRates) {
            if (lambda < critical) {
                rank++;
            }
        }
        return rank;
    }

    @Override
    public String toString() {
        return "DiagonalApproximation[" + (masked ? "masked" : "gaussian") + ", mu=" + mu + ", S=" + batchSize
                + ", v=" + Arrays.toString(noiseVariances) + "]";
    }
}
