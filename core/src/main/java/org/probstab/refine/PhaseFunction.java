package org.probstab.refine;

/** A phase label for every point of the unit cube [0, 1]^d (e.g. the phase of a model at normalised parameters). */
@FunctionalInterface
public interface PhaseFunction {
    /** The label at x (x.length = d; read only). */
    int phase(double[] x);
}
