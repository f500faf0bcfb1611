package org.probstab.sgd;

import java.util.List;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;

/**
 * A nonlinear SGD simulation as a cell model (DESIGN §2, last paragraph): named parameters with ranges and defaults,
 * cross-checks, and a pure function (validated parameters, sweep seed, cell id) → {@link SimulationOutcome}. The
 * runs of a cell draw from {@code StreamSeeds.streamSeed(seed, cellId, SIMULATION)} (run r from
 * {@code mix(streamSeed + r)}, {@link org.probstab.random.RunStreams}); datasets, where a simulator has one, from a
 * {@code DATASET} stream of the data seed. Implementations are stateless (apart from caches of immutable datasets)
 * and thread-safe.
 */
public interface Simulator {

    /** The model name users write ({@code sgd-two-point}, …). */
    String name();

    /** One line for help texts. */
    String description();

    /** The parameters, with their ranges and defaults. */
    List<ParameterSpec> parameters();

    /**
     * Cross-parameter checks (an escape window longer than the run, β = 1, an unknown start point, …); throws
     * {@link org.probstab.config.InvalidInputException} naming the parameter.
     */
    void validate(CellParameters p);

    /**
     * Simulates one cell.
     *
     * @param p      parameters, validated and with defaults (e.g. by {@link SimulationParameters#resolve})
     * @param seed   the sweep seed
     * @param cellId the cell id
     */
    SimulationOutcome simulate(CellParameters p, long seed, long cellId);
}
