package org.probstab.estimator;

import java.util.random.RandomGenerator;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.lyapunov.BatchEnumeration;
import org.probstab.lyapunov.BatchMonteCarlo;
import org.probstab.lyapunov.EnumeratedBatches;
import org.probstab.lyapunov.ExactFiniteSum;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.lyapunov.GaussianChiSquareQuadrature;
import org.probstab.random.StreamSeeds;
import org.probstab.stability.MomentStability;
import org.probstab.trajectory.CurvatureDraws;

/**
 * The law of the minibatch curvature χ_B of a commuting (rank-1) model, with the exact methods it admits
 * (DESIGN §2 "Exact evaluation where it exists"): a finite dataset (exact sum at S = 1, enumeration of batches up to
 * a budget, Monte-Carlo over batches beyond) or fresh Gaussian-regression samples (quadrature over χ²_S).
 */
public sealed interface ScalarBatchLaw {

    /** A sampler of χ_B (one per thread). */
    ScalarBatchSampler sampler();

    /**
     * The law as the trajectory engine draws it: fresh Gaussian samples and finite datasets with replacement as data,
     * a finite dataset without replacement by its sampler.
     */
    CurvatureDraws draws();

    /** E(1 − λχ_B)² in closed form from the moments of χ_B. */
    double meanSquareFactor(double lambda);

    /** True when {@link #exponents} will not fall back to Monte-Carlo under this budget. */
    boolean exactWithin(long enumerationBudget);

    /**
     * {Λ₋ = E log|1 − λχ_B|} or, with {@code withPlus}, {Λ₋, Λ₊ = E log|1 + λχ_B|}, exactly where possible, else
     * by Monte-Carlo over {@code mcBatches} batches drawn from the stream of seed {@code batchStreamSeed}
     * ({@link StreamSeeds#fromSeed}, made only then; the same batches for both signs, so the two exponents of a cell are estimated coherently).
     */
    ExponentEstimate[] exponents(double lambda, boolean withPlus, long enumerationBudget, long mcBatches,
                                 long batchStreamSeed);

    /** A finite dataset sampled with or without replacement. */
    record Finite(FiniteDataset data, int batchSize, boolean withReplacement) implements ScalarBatchLaw {

        @Override
        public ScalarBatchSampler sampler() {
            return data.sampler(batchSize, withReplacement);
        }

        @Override
        public CurvatureDraws draws() {
            return withReplacement || batchSize == 1 ? CurvatureDraws.of(data, batchSize)
                    : CurvatureDraws.sampled(sampler());
        }

        @Override
        public double meanSquareFactor(double lambda) {
            return MomentStability.meanSquareFactor(lambda, data.mean(),
                    data.batchVariance(batchSize, withReplacement));
        }

        @Override
        public boolean exactWithin(long enumerationBudget) {
            return batchSize == 1 || BatchEnumeration.batchCount(data.size(), batchSize, withReplacement)
                    <= enumerationBudget;
        }

        @Override
        public ExponentEstimate[] exponents(double lambda, boolean withPlus, long enumerationBudget, long mcBatches,
                                            long batchStreamSeed) {
            // S = 1 with or without replacement is the same law: a uniform index.
            if (batchSize == 1) {
                return withPlus ? ExactFiniteSum.exponentPair(data, lambda)
                        : new ExponentEstimate[] {ExactFiniteSum.exponent(data, lambda)};
            }
            if (exactWithin(enumerationBudget)) {
                if (withPlus) {
                    EnumeratedBatches batches = EnumeratedBatches.of(data, batchSize, withReplacement);
                    if (batches != null) {
                        return batches.exponentPair(lambda);
                    }
                }
                ExponentEstimate minus = BatchEnumeration.exponent(data, batchSize, withReplacement, lambda);
                return withPlus
                        ? new ExponentEstimate[] {minus,
                                BatchEnumeration.exponent(data, batchSize, withReplacement, -lambda)}
                        : new ExponentEstimate[] {minus};
            }
            RandomGenerator rng = StreamSeeds.fromSeed(batchStreamSeed);
            return withPlus ? BatchMonteCarlo.exponentPair(sampler(), lambda, mcBatches, rng)
                    : new ExponentEstimate[] {BatchMonteCarlo.exponent(sampler(), lambda, mcBatches, rng)};
        }
    }

    /** N = ∞ Gaussian regression: every batch is S fresh samples. */
    record FreshGaussian(GaussianRegression law, int batchSize, GaussianChiSquareQuadrature quadrature)
            implements ScalarBatchLaw {

        public FreshGaussian(GaussianRegression law, int batchSize) {
            this(law, batchSize, new GaussianChiSquareQuadrature(law.mu(), law.sigma(), batchSize));
        }

        @Override
        public ScalarBatchSampler sampler() {
            return law.freshBatchSampler(batchSize);
        }

        @Override
        public CurvatureDraws draws() {
            return CurvatureDraws.of(law, batchSize);
        }

        @Override
        public double meanSquareFactor(double lambda) {
            return MomentStability.meanSquareFactor(lambda, law.mean(), law.variance() / batchSize);
        }

        @Override
        public boolean exactWithin(long enumerationBudget) {
            return true;
        }

        @Override
        public ExponentEstimate[] exponents(double lambda, boolean withPlus, long enumerationBudget, long mcBatches,
                                            long batchStreamSeed) {
            ExponentEstimate minus = quadrature.exponent(lambda);
            return withPlus ? new ExponentEstimate[] {minus, quadrature.exponent(-lambda)}
                    : new ExponentEstimate[] {minus};
        }
    }
}
