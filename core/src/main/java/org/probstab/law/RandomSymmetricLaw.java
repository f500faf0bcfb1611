package org.probstab.law;

import java.util.random.RandomGenerator;
import org.apache.spark.ml.linalg.DenseMatrix;

/**
 * The random symmetric Hessian law of 000 App. A.2 (eq. 25): Ĥ = E[Ĥ] + ν(M + Mᵀ), with M a d×d matrix of
 * i.i.d. N(0, 1) entries and ν the noise scale (ν = 1 in the paper, whose Fig. 2-right uses
 * E[Ĥ] = diag(0.1, −0.1)). Off-diagonal entries of ν(M + Mᵀ) have variance 2ν², diagonal ones 4ν².
 */
public final class RandomSymmetricLaw implements MatrixSampler {

    private final int d;
    private final double[] mean;
    private final double noise;

    /**
     * @param mean  E[Ĥ], a symmetric d×d matrix
     * @param noise ν ≥ 0
     */
    public RandomSymmetricLaw(DenseMatrix mean, double noise) {
        if (mean.numRows() != mean.numCols() || mean.numRows() < 1) {
            throw new IllegalArgumentException("mean must be a square matrix, got "
                    + mean.numRows() + "x" + mean.numCols());
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be in [0, inf), got " + noise);
        }
        this.d = mean.numRows();
        this.mean = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double a = mean.apply(i, j);
                if (!Double.isFinite(a) || a != mean.apply(j, i)) {
                    throw new IllegalArgumentException("mean must be finite and symmetric, entry ("
                            + i + "," + j + ") = " + a);
                }
                this.mean[i * d + j] = a;
            }
        }
        this.noise = noise;
    }

    /** E[Ĥ] = diag(diagonal), noise ν. */
    public static RandomSymmetricLaw diagonal(double[] diagonal, double noise) {
        int d = diagonal.length;
        double[] values = new double[d * d];
        for (int i = 0; i < d; i++) {
            values[i * d + i] = diagonal[i];
        }
        return new RandomSymmetricLaw(new DenseMatrix(d, d, values), noise);
    }

    @Override
    public int dimension() {
        return d;
    }

    /** E[Ĥ] as a matrix. */
    public DenseMatrix mean() {
        return new DenseMatrix(d, d, mean.clone(), true);
    }

    /** ν. */
    public double noise() {
        return noise;
    }

    /**
     * One draw. The stream is consumed row by row as M_{00}, M_{01}, …, M_{d−1,d−1} (d² normals per draw).
     */
    @Override
    public void sample(RandomGenerator rng, double[] out) {
        for (int k = 0; k < d * d; k++) {
            out[k] = noise * rng.nextGaussian();
        }
        // out currently holds νM; symmetrise in place: out = E + νM + νMᵀ.
        for (int i = 0; i < d; i++) {
            out[i * d + i] = mean[i * d + i] + 2 * out[i * d + i];
            for (int j = i + 1; j < d; j++) {
                double s = out[i * d + j] + out[j * d + i];
                out[i * d + j] = mean[i * d + j] + s;
                out[j * d + i] = mean[j * d + i] + s;
            }
        }
    }
}
