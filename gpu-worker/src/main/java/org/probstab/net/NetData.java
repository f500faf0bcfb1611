package org.probstab.net;

import org.probstab.config.Labelled;

/**
 * The online data law of a net cell: a fresh batch of S samples every step (N = ∞), labels
 * y = μx + (1 − μ)ε of the same dimension d as the inputs.
 * <ul>
 *   <li>{@code gaussian} (000 §5.4, Fig. 6, 14; 001 Fig. 7–8): x ~ N(0, I_d), ε ~ N(0, σ²I_d). 000's text has
 *       σ² = 4 (σ = 2, as the theory tables), its Fig. 6 caption "N(0, √2 I)".</li>
 *   <li>{@code masked} (000 App. A.6, Fig. 12: a sparse, masked, full-rank signal): x = m ⊙ X, y = μx + (1 − μ)(m ⊙ ε)
 *       with X ~ N(0, I_d), m a one-hot mask on a uniformly chosen coordinate, ε_k ~ N(0, σ²v_k) and v_k evenly
 *       spaced from 0.01 to 2.01 ({@link org.probstab.stability.DiagonalApproximation#appendixNoiseVariances});
 *       σ² = 2 is the paper's "N(0, 2 diag(0.01, 0.05, …, 2.01))".</li>
 * </ul>
 */
public enum NetData implements Labelled {
    GAUSSIAN("gaussian"), MASKED("masked");

    private final String label;

    NetData(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Parses a label; unknown ones name the key and the allowed values. */
    public static NetData parse(String key, String raw) {
        return Labelled.parse(NetData.class, key, raw);
    }

    @Override
    public String toString() {
        return label;
    }
}
