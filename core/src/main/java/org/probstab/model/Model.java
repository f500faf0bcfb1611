package org.probstab.model;

import java.util.List;
import org.probstab.estimator.EstimatorKind;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.CellResult;

/**
 * A model: what the random Hessian Ĥ_t of a cell is, which parameters it takes, and how its exponents are
 * computed (DESIGN §1–2). Implementations are stateless apart from caches of immutable datasets, and
 * thread-safe; evaluation is a pure function of (parameters, estimator, seed, cell id).
 */
public interface Model {

    /** The name users write ({@code mf-gaussian}, {@code linreg}, …). */
    String name();

    /** One line for help texts. */
    String description();

    /** The model's own parameters (the shared estimator parameters are added by the registry). */
    List<ParameterSpec> parameters();

    /**
     * Cross-parameter checks that single ranges cannot express (S ≤ N without replacement, the length of a mean
     * vector, …); throws {@link org.probstab.config.InvalidInputException}.
     */
    default void validate(CellParameters p, EstimatorKind estimator) {
    }

    /**
     * Evaluates one cell.
     *
     * @param p         validated parameters, defaults filled in
     * @param estimator the estimator asked for
     * @param seed      the sweep seed
     * @param cellId    the cell id (with {@code seed}, it names every random stream of the cell)
     */
    CellResult evaluate(CellParameters p, EstimatorKind estimator, long seed, long cellId);
}
