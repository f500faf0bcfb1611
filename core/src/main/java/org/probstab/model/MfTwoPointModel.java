package org.probstab.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probstab.law.TwoPointLaw;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.ScalarBatchLaw;
import org.probstab.estimator.ScalarEvaluation;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.Row;

/**
 * {@code mf-two-point}: the matrix-factorisation saddle with χ ∈ {1, a} equiprobable (000 Fig. 2-left,
 * 001 Fig. 1b). At S = 1, Λ± = ½ log|(1 ± λ)(1 ± λa)|; larger S enumerate the binomial batch law exactly.
 */
final class MfTwoPointModel implements Model {

    static final String NAME = "mf-two-point";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "matrix-factorisation saddle with chi in {1, a} equiprobable (000 Fig. 2-left)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Parameters.LAMBDA,
                ParameterSpec.real("a", -1e12, true, 1e12, null, "the second curvature value a"),
                Parameters.BATCH_SIZE);
    }

    @Override
    public void validate(CellParameters p, EstimatorKind estimator) {
        Parameters.checkExactFits(p, estimator, 2, true);
    }

    @Override
    public Optional<ScalarBatchLaw> scalarLaw(CellParameters p, long seed) {
        return Optional.of(new ScalarBatchLaw.Finite(new TwoPointLaw(p.number("a")).dataset(), p.integer("S"),
                true));
    }

    @Override
    public void evaluate(CellParameters p, EstimatorKind estimator, long seed, long cellId, Row.Builder out) {
        ScalarEvaluation.evaluate(NAME, scalarLaw(p, seed).orElseThrow(), ScalarEvaluation.Modes.MINUS_AND_PLUS, p,
                estimator, seed, cellId, p.number("lambda"), Double.NaN, p.integer("S"), Double.NaN,
                Map.of("a", p.number("a")), out);
    }
}
