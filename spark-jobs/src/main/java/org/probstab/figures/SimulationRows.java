package org.probstab.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probstab.render.AxisScale;
import org.probstab.table.DataRow;

/**
 * Grouping of the rows of a simulation-outcome table for the simulation figures: by the value of an axis (a text axis
 * such as {@code loss}, {@code start} or {@code optimizer}, or a numeric one such as {@code a} or {@code momentum}),
 * each group sorted by λ.
 */
final class SimulationRows {

    private SimulationRows() {
    }

    /** The value of an axis in a row as a label: its text, else its number. */
    static String value(DataRow row, String axis) {
        String text = row.text(axis);
        return !text.isEmpty() ? text : AxisScale.format(row.get(axis));
    }

    /** Rows grouped by the value of {@code axis} in order of first appearance (one group "" when axis is null). */
    static Map<String, List<DataRow>> groupBy(List<DataRow> rows, String axis) {
        Map<String, List<DataRow>> groups = new LinkedHashMap<>();
        for (DataRow r : rows) {
            groups.computeIfAbsent(axis == null ? "" : value(r, axis), k -> new ArrayList<>()).add(r);
        }
        groups.values().forEach(g -> g.sort(Comparator.comparingDouble(r -> r.get("lambda"))));
        return groups;
    }

    /** "axis = value", or "" for the single group of a null axis. */
    static String label(String axis, String value) {
        return axis == null ? "" : axis + " = " + value;
    }

    /** Whether x (ascending, positive) is spaced evenly in log. */
    static boolean logSpaced(double[] x) {
        return x.length > 2 && x[0] > 0 && Math.abs((x[2] / x[1]) - (x[1] / x[0])) < 1e-9 * (x[1] / x[0]);
    }

    static double[] column(List<DataRow> rows, String name) {
        return rows.stream().mapToDouble(r -> r.get(name)).toArray();
    }
}
