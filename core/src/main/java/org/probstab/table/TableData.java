package org.probstab.table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table read into memory — what {@code render}, {@code figures} and analyses work on, with no engine in sight (the
 * reader that fills it lives with Spark). Tables drawn as figures are small (up to ~10⁶ rows), so the rows are held
 * as a list.
 *
 * @param location       where it was read from
 * @param manifest       its manifest
 * @param rows           its rows, ordered by sweep_id and cell_id
 * @param numericColumns the numeric columns and params keys a chart may show
 */
public record TableData(String location, TableManifest manifest, List<DataRow> rows, List<String> numericColumns) {

    public TableData {
        rows = List.copyOf(rows);
        numericColumns = List.copyOf(numericColumns);
    }

    /** The sweep's name. */
    public String name() {
        return manifest.name();
    }

    /** The model: the manifest's, else the first row's. */
    public String model() {
        return !manifest.model().isEmpty() || rows.isEmpty() ? manifest.model() : rows.get(0).model();
    }

    /** The axis names in sweep order. */
    public List<String> axes() {
        return manifest.axisNames();
    }

    /**
     * The model parameters of a row, as a sweep config would give them: the sweep's fixed parameters (manifest) and
     * the row's value of every axis (text axes by their text, N = ∞ as {@code inf}).
     */
    public Map<String, Object> parameters(DataRow row) {
        Map<String, Object> p = new HashMap<>(manifest.fixedParameters());
        for (String axis : axes()) {
            double v = row.get(axis);
            if (Double.isNaN(v)) {
                String text = row.text(axis);
                if (!text.isEmpty()) {
                    p.put(axis, text);
                }
                continue;
            }
            p.put(axis, Double.isInfinite(v) ? "inf" : (Object) v);
        }
        return p;
    }

    /** The same table with other rows (a subset, e.g. one slice). */
    public TableData withRows(List<DataRow> subset) {
        return new TableData(location, manifest, subset, numericColumns);
    }

    /** Distinct finite-or-infinite values of a column or parameter over the rows, ascending (NaN left out). */
    public double[] distinct(String name) {
        return rows.stream().mapToDouble(r -> r.get(name)).filter(v -> !Double.isNaN(v)).distinct().sorted()
                .toArray();
    }
}
