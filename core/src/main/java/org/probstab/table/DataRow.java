package org.probstab.table;

import java.util.Map;

/**
 * One row of a table read into memory for drawing and analysis: every numeric column and every {@code params} entry
 * by name (null → NaN, and N = ∞ → +∞), with the aliases {@code S} (= batch_size) and {@code N} (= n) so that rows
 * answer to sweep-axis names, every text column by name, and array columns (the fractal table's curves) by name.
 * Other map columns than {@code params} (a refined cell's {@code cell_size}) appear as numbers named
 * {@code column.key}, e.g. {@code cell_size.lambda}; booleans as 1 or 0.
 *
 * @param numbers numeric values by column or parameter name
 * @param texts   text values by column name
 * @param arrays  array columns by name (not to be modified)
 */
public record DataRow(Map<String, Double> numbers, Map<String, String> texts, Map<String, double[]> arrays) {

    public DataRow {
        numbers = Map.copyOf(numbers);
        texts = Map.copyOf(texts);
        arrays = Map.copyOf(arrays);
    }

    /** A row without array columns. */
    public DataRow(Map<String, Double> numbers, Map<String, String> texts) {
        this(numbers, texts, Map.of());
    }

    /** An array column, or null when absent. */
    public double[] array(String name) {
        return arrays.get(name);
    }

    /** The value of a numeric column or parameter, NaN when absent. */
    public double get(String name) {
        Double v = numbers.get(name);
        return v == null ? Double.NaN : v;
    }

    public boolean has(String name) {
        return numbers.containsKey(name);
    }

    /** The value of a text column, or "" when absent. */
    public String text(String name) {
        return texts.getOrDefault(name, "");
    }

    /** The phase label ({@link org.probstab.stability.Phase#label()}), "" when the table has none. */
    public String phase() {
        return text("phase");
    }

    /** The model's name, "" when the table has none. */
    public String model() {
        return text("model");
    }
}
