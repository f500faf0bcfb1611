package org.probstab.render;

import java.util.Map;

/**
 * One row of a phase table as the renderer sees it: every numeric column and every {@code params} entry by name
 * (null → NaN; N = ∞ → +∞), the aliases {@code S} (= batch_size) and {@code N} (= n), and the phase label.
 *
 * @param numbers numeric values by column or parameter name
 * @param phase   the phase label ({@link org.probstab.stability.Phase#label()})
 * @param model   the model name
 */
public record Cell(Map<String, Double> numbers, String phase, String model) {

    public Cell {
        numbers = Map.copyOf(numbers);
    }

    /** The value of a column or parameter, NaN when absent. */
    public double get(String name) {
        Double v = numbers.get(name);
        return v == null ? Double.NaN : v;
    }

    public boolean has(String name) {
        return numbers.containsKey(name);
    }
}
