package org.probstab.param;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.probstab.param.ParameterSpec;

/**
 * The validated parameters of one cell: numeric values (N = ∞ is {@code Double.POSITIVE_INFINITY}) and text values
 * (a data path, a replacement mode, a mean vector), with defaults already filled in. Immutable, sorted by key.
 */
public record CellParameters(Map<String, Double> numbers, Map<String, String> texts) {

    public CellParameters {
        numbers = Collections.unmodifiableMap(new TreeMap<>(numbers));
        texts = Collections.unmodifiableMap(new TreeMap<>(texts));
    }

    /** A numeric value; the model guarantees its presence through its {@link ParameterSpec}s. */
    public double number(String key) {
        Double v = numbers.get(key);
        if (v == null) {
            throw new IllegalStateException("no numeric parameter '" + key + "' in " + numbers.keySet());
        }
        return v;
    }

    /** An integer value (validated as one). */
    public int integer(String key) {
        return (int) number(key);
    }

    /** A long value (validated as an integer). */
    public long longValue(String key) {
        return (long) number(key);
    }

    /** A text value. */
    public String text(String key) {
        String v = texts.get(key);
        if (v == null) {
            throw new IllegalStateException("no text parameter '" + key + "' in " + texts.keySet());
        }
        return v;
    }

    public boolean has(String key) {
        return numbers.containsKey(key) || texts.containsKey(key);
    }
}
