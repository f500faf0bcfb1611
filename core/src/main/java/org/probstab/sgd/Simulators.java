package org.probstab.sgd;

import java.util.List;
import org.probstab.config.InvalidInputException;

/**
 * The nonlinear SGD simulators (DESIGN §2, last paragraph), by model name. A model adapter resolves a cell's raw
 * parameters with {@link SimulationParameters#resolve} (or its own registry, from {@link Simulator#parameters}) and
 * calls {@link Simulator#simulate}(parameters, seed, cell id).
 */
public final class Simulators {

    private static final List<Simulator> ALL = List.of(new TwoPointSaddleSimulation(), new FourMinimumSimulation(),
            new SwishNetworkSimulation(), new SpredLassoSimulation(), new ReluSaddleSimulation());

    private Simulators() {
    }

    /** Every simulator, in a fixed order. */
    public static List<Simulator> all() {
        return ALL;
    }

    /** The model names. */
    public static List<String> names() {
        return ALL.stream().map(Simulator::name).toList();
    }

    /**
     * The simulator called {@code name}.
     *
     * @throws InvalidInputException if there is none
     */
    public static Simulator get(String name) {
        for (Simulator s : ALL) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw InvalidInputException.unknown(name, "model", names());
    }
}
