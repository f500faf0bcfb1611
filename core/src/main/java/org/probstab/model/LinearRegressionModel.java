package org.probstab.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probstab.config.InvalidInputException;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.law.LinearRegressionData;
import org.probstab.random.StreamSeeds;
import org.probstab.random.StreamSeeds.Purpose;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.ScalarBatchLaw;
import org.probstab.estimator.ScalarEvaluation;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.Row;

/**
 * {@code linreg}: linear regression at an interpolation minimum (001 §3, Fig. 2): w_{t+1} = (1 − λh_B) w_t with
 * h_i = x_i², x_2 … x_N standard normal and an optional outlier of squared norm x₁² = {@code outlier}. One
 * exponent, Λ = E log|1 − λh_B|: stable (→ 0 in probability) iff Λ &lt; 0. N = ∞ is Gaussian regression at μ = 1
 * (h_B = χ²_S/S), evaluated by quadrature. The dataset is fixed per (data seed, N) as in {@code mf-gaussian}.
 */
final class LinearRegressionModel implements Model {

    static final String NAME = "linreg";

    private static final DatasetCache<List<Object>, FiniteDataset> DATA = new DatasetCache<>(64);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "linear regression h = x^2 with an optional outlier x1^2 (001 §3, Fig. 2)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Parameters.LAMBDA, Parameters.datasetSize("inf"), Parameters.BATCH_SIZE,
                ParameterSpec.real("outlier", 0, true, 1e12, "0",
                        "squared norm x1^2 of the first data point; 0 = no outlier"),
                Parameters.DATA_SEED, Parameters.REPLACEMENT);
    }

    @Override
    public void validate(CellParameters p, EstimatorKind estimator) {
        Parameters.checkBatchAgainstDataset(p);
        if (Double.isFinite(p.number("N"))) {
            Parameters.checkExactFits(p, estimator, p.longValue("N"), Parameters.withReplacement(p));
        }
        if (Double.isInfinite(p.number("N")) && p.number("outlier") > 0) {
            throw InvalidInputException.of("outlier", "parameter 'outlier' = " + p.number("outlier")
                    + " needs a finite N: allowed 0 when N = inf");
        }
    }

    @Override
    public Optional<ScalarBatchLaw> scalarLaw(CellParameters p, long seed) {
        int batchSize = p.integer("S");
        double n = p.number("N");
        double outlier = p.number("outlier");
        if (Double.isInfinite(n)) {
            return Optional.of(new ScalarBatchLaw.FreshGaussian(new GaussianRegression(1.0,
                    GaussianRegression.DEFAULT_SIGMA), batchSize));
        }
        long dataSeed = Parameters.dataSeed(p, seed);
        int size = (int) n;
        FiniteDataset data = DATA.get(List.of(dataSeed, size, outlier), () -> LinearRegressionData.sample(size,
                outlier, StreamSeeds.stream(dataSeed, size, Purpose.DATASET)));
        return Optional.of(new ScalarBatchLaw.Finite(data, batchSize, Parameters.withReplacement(p)));
    }

    @Override
    public void evaluate(CellParameters p, EstimatorKind estimator, long seed, long cellId, Row.Builder out) {
        ScalarEvaluation.evaluate(NAME, scalarLaw(p, seed).orElseThrow(), ScalarEvaluation.Modes.MINUS_ONLY, p,
                estimator, seed, cellId, p.number("lambda"), Double.NaN, p.integer("S"), p.number("N"),
                Map.of("outlier", p.number("outlier"), "data_seed", (double) Parameters.dataSeed(p, seed)), out);
    }
}
