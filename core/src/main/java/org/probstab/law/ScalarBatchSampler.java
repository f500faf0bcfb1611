package org.probstab.law;

import java.util.random.RandomGenerator;

/**
 * Draws the minibatch curvature χ_B of the commuting (rank-1) case, so that one SGD step near the saddle is
 * z_{t+1} = (1 − λχ_B) z_t (000 Thm 1, eq. 6–7). Implementations may keep scratch state: use one per thread.
 */
@FunctionalInterface
public interface ScalarBatchSampler {

    /** One draw of χ_B = (1/S) Σ_{j∈B} χ_j. */
    double sample(RandomGenerator rng);
}
