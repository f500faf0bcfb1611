package org.probstab.param;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The validated parameters of one cell: numeric values (N = ∞ is {@code Double.POSITIVE_INFINITY}) and text values
 * (a data path, a replacement mode, a mean vector), with defaults already filled in. Immutable, sorted by key.
 *
 * <p>Values are held in two arrays against a {@link Layout} of sorted names that all cells of one model share, so
 * that validating and reading the parameters of a cell costs no map: a sweep resolves millions of them.
 */
public final class CellParameters {

    private final Layout layout;
    private final double[] numbers;
    private final String[] texts;

    /** The parameters of two maps (copied; no key may be in both). */
    public CellParameters(Map<String, Double> numbers, Map<String, String> texts) {
        this.layout = Layout.of(numbers.keySet(), texts.keySet());
        this.numbers = new double[layout.numberNames.length];
        this.texts = new String[layout.textNames.length];
        for (int k = 0; k < this.numbers.length; k++) {
            this.numbers[k] = numbers.get(layout.numberNames[k]);
        }
        for (int k = 0; k < this.texts.length; k++) {
            this.texts[k] = texts.get(layout.textNames[k]);
        }
    }

    private CellParameters(Layout layout, double[] numbers, String[] texts) {
        this.layout = layout;
        this.numbers = numbers;
        this.texts = texts;
    }

    /** The numeric values by name, ascending (a new unmodifiable map). */
    public SortedMap<String, Double> numbers() {
        SortedMap<String, Double> m = new TreeMap<>();
        for (int k = 0; k < numbers.length; k++) {
            m.put(layout.numberNames[k], numbers[k]);
        }
        return Collections.unmodifiableSortedMap(m);
    }

    /** The text values by name, ascending (a new unmodifiable map). */
    public SortedMap<String, String> texts() {
        SortedMap<String, String> m = new TreeMap<>();
        for (int k = 0; k < texts.length; k++) {
            m.put(layout.textNames[k], texts[k]);
        }
        return Collections.unmodifiableSortedMap(m);
    }

    /** A numeric value; the model guarantees its presence through its {@link ParameterSpec}s. */
    public double number(String key) {
        int k = layout.numberSlot(key);
        if (k < 0) {
            throw new IllegalStateException("no numeric parameter '" + key + "' in "
                    + Arrays.toString(layout.numberNames));
        }
        return numbers[k];
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
        int k = layout.textSlot(key);
        if (k < 0) {
            throw new IllegalStateException("no text parameter '" + key + "' in " + Arrays.toString(layout.textNames));
        }
        return texts[k];
    }

    public boolean has(String key) {
        return layout.code(key) != Layout.EMPTY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellParameters p && numbers().equals(p.numbers()) && texts().equals(p.texts());
    }

    @Override
    public int hashCode() {
        return 31 * numbers().hashCode() + texts().hashCode();
    }

    @Override
    public String toString() {
        return "CellParameters[numbers=" + numbers() + ", texts=" + texts() + "]";
    }

    /**
     * The sorted names of a set of numeric and text parameters, with a slot per name: what the cells of one model
     * share. Immutable.
     */
    public static final class Layout {

        private final String[] numberNames;
        private final String[] textNames;
        /**
         * Open addressing on {@link String#hashCode} (cached in the string): {@code table[i]} is a number slot
         * (≥ 0), a text slot encoded as {@code −2 − slot}, or {@link #EMPTY}; {@code keys[i]} is its name.
         */
        private final int[] table;
        private final String[] keys;
        private final int[] hashes;
        private static final int EMPTY = Integer.MIN_VALUE;

        private Layout(String[] numberNames, String[] textNames) {
            this.numberNames = numberNames;
            this.textNames = textNames;
            int size = Integer.highestOneBit(Math.max(1, 4 * (numberNames.length + textNames.length) - 1)) << 1;
            table = new int[size];
            keys = new String[size];
            hashes = new int[size];
            Arrays.fill(table, EMPTY);
            for (int k = 0; k < numberNames.length; k++) {
                put(numberNames[k], k);
            }
            for (int k = 0; k < textNames.length; k++) {
                put(textNames[k], -2 - k);
            }
        }

        private void put(String name, int code) {
            int mask = table.length - 1;
            int i = spread(name.hashCode()) & mask;
            while (table[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            table[i] = code;
            keys[i] = name;
            hashes[i] = name.hashCode();
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }

        /** The code of {@code name} in {@link #table}, or {@link #EMPTY}. */
        private int code(String name) {
            int mask = table.length - 1;
            int h = name.hashCode();
            for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
                int code = table[i];
                if (code == EMPTY) {
                    return EMPTY;
                }
                String key = keys[i];
                if (key == name || hashes[i] == h && key.equals(name)) {
                    return code;
                }
            }
        }

        /** The layout of these names (each sorted; a name may not be both numeric and text). */
        public static Layout of(Collection<String> numberNames, Collection<String> textNames) {
            String[] n = numberNames.stream().sorted().distinct().toArray(String[]::new);
            String[] t = textNames.stream().sorted().distinct().toArray(String[]::new);
            for (String name : t) {
                if (Arrays.binarySearch(n, name) >= 0) {
                    throw new IllegalArgumentException("parameter '" + name + "' is both numeric and text");
                }
            }
            return new Layout(n, t);
        }

        /** How many numeric parameters. */
        public int numberCount() {
            return numberNames.length;
        }

        /** How many text parameters. */
        public int textCount() {
            return textNames.length;
        }

        /** The slot of a numeric parameter, or −1. */
        public int numberSlot(String name) {
            int code = code(name);
            return code >= 0 ? code : -1;
        }

        /** The slot of a text parameter, or −1. */
        public int textSlot(String name) {
            int code = code(name);
            return code != EMPTY && code < 0 ? -2 - code : -1;
        }

        /**
         * The parameters with these values by slot; the arrays are taken, not copied (the caller gives them up).
         */
        public CellParameters cell(double[] numbers, String[] texts) {
            if (numbers.length != numberNames.length || texts.length != textNames.length) {
                throw new IllegalArgumentException("expected " + numberNames.length + " numbers and "
                        + textNames.length + " texts, got " + numbers.length + " and " + texts.length);
            }
            return new CellParameters(this, numbers, texts);
        }

    }
}
