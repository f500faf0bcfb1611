package org.probstab.model;

import java.util.List;
import java.util.Optional;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.EstimatorSettings;
import org.probstab.estimator.ScalarBatchLaw;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.PhaseTable;
import org.probstab.table.Row;
import org.probstab.table.TableKind;

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

    /** The model's own parameters (the shared estimator parameters it takes are added by the registry). */
    List<ParameterSpec> parameters();

    /**
     * The shared estimator parameters ({@link EstimatorSettings#PARAMETERS}: runs, steps, burn-in, …) this model takes
     * besides its own; the registry adds them to {@link #parameters()}. All of them by default. A model that is not
     * estimated — a simulation with its own runs and steps, a trained net — returns those it uses, or none, so that
     * a cell never carries parameters that mean nothing to it. A name must not be both one of the model's own
     * parameters and one of these (the registry refuses the model).
     */
    default List<ParameterSpec> estimatorParameters() {
        return EstimatorSettings.PARAMETERS;
    }

    /**
     * Cross-parameter checks that single ranges cannot express (S ≤ N without replacement, the length of a mean
     * vector, …); throws {@link org.probstab.config.InvalidInputException}.
     */
    default void validate(CellParameters p, EstimatorKind estimator) {
    }

    /**
     * For a commuting (rank-1) model, the law of the minibatch curvature χ_B of a cell — its dataset and batch size,
     * with the exact methods it admits; empty for the others. Pictures and analyses draw trajectories from it.
     */
    default Optional<ScalarBatchLaw> scalarLaw(CellParameters p, long seed) {
        return Optional.empty();
    }

    /**
     * For a model without exact exponents of its own (a trained network), the cell of an exactly solvable model that
     * is its linearised theory, for drawing that theory's boundaries over this model's maps; empty for the others.
     * Must not depend on anything but {@code p} (no training, no random draws).
     */
    default Optional<TheoryCell> theory(CellParameters p) {
        return Optional.empty();
    }

    /**
     * Cells per chunk when a sweep's config leaves {@code output.chunk_cells} automatic; 0 (the default) sizes chunks
     * by the grid. A model whose cells are expensive and evaluated together (trained nets) asks for small chunks, so
     * that a sweep spreads over the tasks, reports progress and resumes at a fine grain.
     */
    default long chunkCells() {
        return 0;
    }

    /** The kind of table its cells fill (the phase table unless the model says otherwise). */
    default TableKind kind() {
        return PhaseTable.KIND;
    }

    /**
     * Evaluates one cell into {@code out}, a row of {@link #kind()} whose {@code cell_id}, {@code level} and
     * {@code elapsed_ns} the registry sets.
     *
     * @param p         validated parameters, defaults filled in
     * @param estimator the estimator asked for
     * @param seed      the sweep seed
     * @param cellId    the cell id (with {@code seed}, it names every random stream of the cell)
     * @param out       the row to fill
     */
    void evaluate(CellParameters p, EstimatorKind estimator, long seed, long cellId, Row.Builder out);
}
