package org.probstab.law;

import java.util.random.RandomGenerator;

/**
 * Draws one d×d minibatch Hessian Ĥ_t of the linearised dynamics θ_{t+1} = (I − λĤ_t) θ_t (000 eq. 8).
 * Implementations may keep scratch state: use one per thread.
 */
public interface MatrixSampler {

    /** d. */
    int dimension();

    /** Writes one draw of Ĥ into {@code out} in row-major order (length d·d). */
    void sample(RandomGenerator rng, double[] out);
}
