package org.probstab.benchmarks;

import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.random.StreamSeeds;

/** The inputs the benchmarks share, so that every benchmark of a kernel sees the same data. */
final class Workloads {

    private Workloads() {
    }

    /** The Gaussian-regression dataset of size N (μ = 0.5, σ = 2) from the stream (seed 1, cell N, DATASET). */
    static FiniteDataset gaussianDataset(int n) {
        GaussianRegression law = new GaussianRegression(0.5, 2.0);
        return law.datasetFromPairs(GaussianRegression.samplePairs(n,
                StreamSeeds.stream(1, n, StreamSeeds.Purpose.DATASET)));
    }

    /**
     * The next λ of a sweep through (0.3, 2.9) in steps of 1e-3: λ moves a little each call so that nothing is
     * hoisted out of the measurement loop.
     */
    static double nextLambda(double lambda) {
        return lambda > 2.9 ? 0.3 : lambda + 1e-3;
    }

    /** The random symmetric d×d law of 000 App. A.2 with E[Ĥ] = diag(0.1, −0.1, 0.1, …) and ν = 1. */
    static RandomSymmetricLaw symmetricLaw(int d) {
        double[] diagonal = new double[d];
        for (int i = 0; i < d; i++) {
            diagonal[i] = i % 2 == 0 ? 0.1 : -0.1;
        }
        return RandomSymmetricLaw.diagonal(diagonal, 1.0);
    }
}
