package org.probstab.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.random.StreamSeeds;
import org.probstab.random.StreamSeeds.Purpose;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.ScalarBatchLaw;
import org.probstab.estimator.ScalarEvaluation;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.Row;

/**
 * {@code mf-gaussian}: the matrix-factorisation saddle ℓ = −χ Σ u_i w_i with Gaussian regression data
 * χ = x·y, y = μx + (1 − μ)ε (000 §5.3, Prop. 1, Fig. 5, 8, 9; DESIGN §2).
 *
 * <p>N = ∞ draws fresh samples every step (exact by quadrature over χ²_S). Finite N fixes one dataset per
 * (data seed, N): the stream {@code StreamSeeds.stream(data_seed, N, DATASET)}, where {@code data_seed} defaults
 * to the sweep seed. So every cell of a sweep with the same N sees the same (x, ε) draws whatever λ, μ, σ — the
 * papers' finite-N diagrams are diagrams of one dataset — and a {@code data_seed} axis gives independent datasets.
 */
final class MfGaussianModel implements Model {

    static final String NAME = "mf-gaussian";

    private static final DatasetCache<List<Long>, double[]> PAIRS = new DatasetCache<>(64);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "matrix-factorisation saddle, Gaussian regression data y = mu x + (1 - mu) eps (000 §5.3)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                Parameters.LAMBDA,
                Parameters.MU,
                Parameters.BATCH_SIZE,
                Parameters.datasetSize("inf"),
                ParameterSpec.real("sigma", 0, false, Double.POSITIVE_INFINITY,
                        Double.toString(GaussianRegression.DEFAULT_SIGMA), "label-noise scale sigma"),
                Parameters.DATA_SEED,
                Parameters.REPLACEMENT);
    }

    @Override
    public void validate(CellParameters p, EstimatorKind estimator) {
        Parameters.checkBatchAgainstDataset(p);
        if (Double.isFinite(p.number("N"))) {
            Parameters.checkExactFits(p, estimator, p.longValue("N"), Parameters.withReplacement(p));
        }
    }

    @Override
    public Optional<ScalarBatchLaw> scalarLaw(CellParameters p, long seed) {
        int batchSize = p.integer("S");
        double n = p.number("N");
        GaussianRegression law = new GaussianRegression(p.number("mu"), p.number("sigma"));
        if (Double.isInfinite(n)) {
            return Optional.of(new ScalarBatchLaw.FreshGaussian(law, batchSize));
        }
        long dataSeed = Parameters.dataSeed(p, seed);
        int size = (int) n;
        double[] pairs = PAIRS.get(List.of(dataSeed, (long) size),
                () -> GaussianRegression.samplePairs(size, StreamSeeds.stream(dataSeed, size, Purpose.DATASET)));
        FiniteDataset data = law.datasetFromPairs(pairs);
        return Optional.of(new ScalarBatchLaw.Finite(data, batchSize, Parameters.withReplacement(p)));
    }

    @Override
    public void evaluate(CellParameters p, EstimatorKind estimator, long seed, long cellId, Row.Builder out) {
        ScalarEvaluation.evaluate(NAME, scalarLaw(p, seed).orElseThrow(), ScalarEvaluation.Modes.MINUS_AND_PLUS, p,
                estimator, seed, cellId, p.number("lambda"), p.number("mu"), p.integer("S"), p.number("N"),
                Map.of("sigma", p.number("sigma"), "data_seed", (double) Parameters.dataSeed(p, seed)), out);
    }
}
