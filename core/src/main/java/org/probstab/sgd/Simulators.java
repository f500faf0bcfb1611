package org.probstab.sgd;

import java.util.List;
import org.probstab.config.InvalidInputException;
import org.probstab.model.ModelRegistry;

/**
 * The nonlinear SGD simulators (DESIGN §2, last paragraph): the {@link Simulator} models of
 * {@link ModelRegistry}, in registration order ({@code META-INF/services/org.probstab.model.Model}).
 */
public final class Simulators {

    private Simulators() {
    }

    /** Every simulator, in a fixed order. */
    public static List<Simulator> all() {
        return ModelRegistry.names().stream().map(ModelRegistry::get).filter(Simulator.class::isInstance)
                .map(Simulator.class::cast).toList();
    }

    /** The model names. */
    public static List<String> names() {
        return all().stream().map(Simulator::name).toList();
    }

    /**
     * The simulator called {@code name}.
     *
     * @throws InvalidInputException if there is none
     */
    public static Simulator get(String name) {
        for (Simulator s : all()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw InvalidInputException.unknown(name, "simulation model", names());
    }
}
