package org.probstab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.probstab.render.Charts;
import org.probstab.render.LineChart;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;

/**
 * Final-parameter histograms of a simulation table (002 Fig. 1: w on the quadratic and the quartic two-point loss;
 * Fig. 3: w₁ on the four-minimum landscape): one chart per value of {@code panelAxis}, one curve per row of that
 * panel (labelled by {@code seriesAxis}), the fraction of the runs in each bin ({@code histogram_counts} / runs)
 * at the bin's centre ({@code histogram_edges}). The notes give per row the fraction in the two central bins, the
 * fractions outside the range and diverged, and the solutions reached where the simulator names them.
 *
 * @param panelAxis  one chart per value (null: one chart)
 * @param seriesAxis one curve per value within a chart
 */
public record HistogramsFigure(String id, String paper, List<String> configs, String lookFor, String panelAxis,
                               String seriesAxis, String title) implements Figure {

    public HistogramsFigure {
        configs = List.copyOf(configs);
    }

    @Override
    public List<Path> draw(List<TableData> tables, Path out, boolean quick, List<String> notes) {
        List<Path> made = new ArrayList<>();
        Map<String, List<DataRow>> panels = SimulationRows.groupBy(tables.get(0).rows(), panelAxis);
        for (Map.Entry<String, List<DataRow>> panel : panels.entrySet()) {
            List<LineChart.Series> series = new ArrayList<>();
            String parameter = "";
            for (DataRow r : panel.getValue()) {
                double[] edges = r.array("histogram_edges");
                double[] counts = r.array("histogram_counts");
                double runs = r.get("runs");
                double[] centres = new double[counts.length];
                double[] fractions = new double[counts.length];
                for (int i = 0; i < counts.length; i++) {
                    centres[i] = 0.5 * (edges[i] + edges[i + 1]);
                    fractions[i] = counts[i] / runs;
                }
                parameter = r.text("histogram_parameter");
                String label = SimulationRows.label(seriesAxis, SimulationRows.value(r, seriesAxis));
                series.add(new LineChart.Series(label, centres, fractions, null));
                notes.add(describe(SimulationRows.label(panelAxis, panel.getKey()), label, r, counts, runs));
            }
            String chartTitle = title + (panelAxis == null ? "" : ", " + panel.getKey());
            XYChart chart = LineChart.build(chartTitle, "final " + parameter, "fraction of runs per bin", series,
                    null, false, 1000, 720);
            Path png = out.resolve(id + (panels.size() > 1 ? "-" + panel.getKey().replaceAll("[^A-Za-z0-9.+-]", "")
                    : "") + ".png");
            Charts.savePng(chart, png);
            made.add(png);
        }
        return made;
    }

    static String describe(String panel, String label, DataRow r, double[] counts, double runs) {
        int m = counts.length / 2;
        double central = counts.length >= 2 ? (counts[m - 1] + counts[m]) / runs : Double.NaN;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s%s: %.3f of the runs in the two central"
                + " bins, %.3f outside the range, %.3f diverged", panel.isEmpty() ? "" : panel + ", ", label, central,
                (r.get("histogram_below") + r.get("histogram_above")) / runs, r.get("histogram_non_finite") / runs));
        Map<String, Double> solutions = r.map("solution_fractions");
        if (!solutions.isEmpty()) {
            s.append("; solutions:");
            solutions.entrySet().stream().sorted(Map.Entry.comparingByKey()).filter(e -> e.getValue() > 0)
                    .forEach(e -> s.append(String.format(Locale.ROOT, " %s %.3f", e.getKey(), e.getValue())));
        }
        return s.toString();
    }
}
