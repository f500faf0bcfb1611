package org.probstab.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a table's {@code _manifest.json} says about how the table was made — the facts that drawing and analysis need:
 * the sweep's name and description, the model, the sweep seed (which decides finite-N datasets), the axes in sweep
 * order with their values, and the fixed parameters (the config's {@code params} and estimator settings).
 *
 * @param format          the format label, e.g. {@code probstab-phase-table/1} ("" when unknown)
 * @param sweepId         the sweep_id ("" when unknown)
 * @param name            the sweep's name
 * @param description     its description ("" when none)
 * @param model           the model's name ("" when unknown)
 * @param seed            the sweep seed
 * @param axes            axis name → its values as written, in sweep order (the first varies slowest)
 * @param fixedParameters the fixed parameters: numbers as Double, text as String
 */
public record TableManifest(String format, String sweepId, String name, String description, String model, long seed,
                            Map<String, List<String>> axes, Map<String, Object> fixedParameters) {

    public TableManifest {
        axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
        fixedParameters = Map.copyOf(fixedParameters);
    }

    /** The manifest of a table that has none: only a name (the directory's), seed 1. */
    public static TableManifest missing(String name) {
        return new TableManifest("", "", name, "", "", 1, Map.of(), Map.of());
    }

    /** The axis names in sweep order. */
    public List<String> axisNames() {
        return List.copyOf(axes.keySet());
    }
}
