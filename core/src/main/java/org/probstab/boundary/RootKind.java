package org.probstab.boundary;

/** What a boundary root is (DESIGN §6). */
public enum RootKind {
    /** A sign change of the function that is not one side of a stripe. */
    CROSSING("crossing"),
    /**
     * One of the two roots that bound a stable interval containing exactly one pole (a stability stripe around
     * λ = 1/χ_B inside an unstable region).
     */
    STRIPE("stripe");

    private final String label;

    RootKind(String label) {
        this.label = label;
    }

    /** The name in boundary tables: {@code crossing} or {@code stripe}. */
    public String label() {
        return label;
    }
}
