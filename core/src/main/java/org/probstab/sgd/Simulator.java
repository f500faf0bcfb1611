package org.probstab.sgd;

import java.util.List;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.Model;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.Row;
import org.probstab.table.SimulationTable;
import org.probstab.table.TableKind;

/**
 * A nonlinear SGD simulation as a model of the catalogue (DESIGN §2, last paragraph): named parameters with ranges
 * and defaults, cross-checks, and a pure function (validated parameters, sweep seed, cell id) →
 * {@link SimulationOutcome}, written as one row of {@link SimulationTable} ({@link SimulationRow}). The simulators
 * are registered with {@link org.probstab.model.ModelRegistry} by {@code META-INF/services/org.probstab.model.Model},
 * so {@code eval}, {@code sweep} and refinement run them like any model. A simulation has its own {@code runs} and
 * {@code steps} and takes none of the shared estimator parameters; it is run, not estimated, so the only estimator
 * it accepts is {@code auto}.
 *
 * <p>The runs of a cell draw from {@code StreamSeeds.streamSeed(seed, cellId, SIMULATION)} (run r from
 * {@code mix(streamSeed + r)}, {@link org.probstab.random.RunStreams}); datasets, where a simulator has one, from a
 * {@code DATASET} stream of the data seed. Implementations are stateless (apart from caches of immutable datasets)
 * and thread-safe.
 */
public interface Simulator extends Model {

    /**
     * Cross-parameter checks (an escape window longer than the run, β = 1, an unknown start point, …); throws
     * {@link InvalidInputException} naming the parameter.
     */
    void validate(CellParameters p);

    /**
     * Simulates one cell.
     *
     * @param p      parameters, validated and with defaults ({@link org.probstab.model.ModelRegistry#resolve})
     * @param seed   the sweep seed
     * @param cellId the cell id
     */
    SimulationOutcome simulate(CellParameters p, long seed, long cellId);

    /** The {@code loss} column of a cell: the simulator's name without {@code sgd-} unless it has a choice. */
    default String loss(CellParameters p) {
        return name().substring("sgd-".length());
    }

    /** N of the simulator's dataset, or +∞ when every step draws a fresh sample. */
    default double datasetSize() {
        return Double.POSITIVE_INFINITY;
    }

    /** None: a simulation has its own {@code runs} and {@code steps}. */
    @Override
    default List<ParameterSpec> estimatorParameters() {
        return List.of();
    }

    @Override
    default TableKind kind() {
        return SimulationTable.KIND;
    }

    /** Refuses an estimator other than {@code auto}, then runs {@link #validate(CellParameters)}. */
    @Override
    default void validate(CellParameters p, EstimatorKind estimator) {
        if (estimator != EstimatorKind.AUTO) {
            throw InvalidInputException.outOfRange("estimator", estimator.label(), "auto (a simulation is run, not"
                    + " estimated)");
        }
        validate(p);
    }

    @Override
    default void evaluate(CellParameters p, EstimatorKind estimator, long seed, long cellId, Row.Builder out) {
        SimulationRow.fill(this, p, simulate(p, seed, cellId), out);
    }
}
