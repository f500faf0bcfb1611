package org.probstab.lyapunov;

/**
 * How an exponent was computed; the value of the {@code method} column of the phase table (DESIGN §4).
 * Exact methods carry a standard error of 0.
 */
public enum Method {
    /** Finite dataset, S = 1: Λ = (1/N) Σ log|1 − λχ_i|. */
    EXACT_SUM("exact-sum", true),
    /** Finite dataset, small S: all minibatches with their probabilities. */
    ENUMERATION("enumeration", true),
    /** N = ∞ Gaussian data: closed-form inner expectation, quadrature over χ²_S. */
    QUADRATURE("quadrature", true),
    /** Monte-Carlo over minibatches of a finite dataset; carries a standard error. */
    MC_BATCHES("mc-batches", false),
    /** Renormalised products of random matrices; carries a standard error. */
    TRAJECTORY("trajectory", false),
    /** The papers' cut-off protocol (000 App. A.2), for reproduction only; biased. */
    PAPER_PROTOCOL("paper-protocol", false);

    private final String label;
    private final boolean exact;

    Method(String label, boolean exact) {
        this.label = label;
        this.exact = exact;
    }

    /** The name written to tables and JSON. */
    public String label() {
        return label;
    }

    /** True when the method's only error is floating-point (or quadrature below 1e-9): SE = 0. */
    public boolean exact() {
        return exact;
    }

    @Override
    public String toString() {
        return label;
    }
}
