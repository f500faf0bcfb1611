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
 * Recorded quantiles against t (002 Fig. 4: |w_t| of the two-point saddle under SGD, Adam and AMSGrad, without and
 * with momentum; 000 Fig. 1: the distance of a ReLU net from its Type-I and Type-II saddles): one chart per value of
 * {@code panelAxis}, one curve per row (labelled by {@code seriesAxis}), log₁₀ of the median over runs at each
 * recorded t ({@code quantile_times}, {@code quantile_levels}, {@code quantile_values}). The notes give per row the
 * final median and, where the table has them, the escape rate (for the ReLU net the exponential fit) against the
 * linearised exponent ({@code escape_rate} ± SE against {@code exp_minus} ± SE), the median escape time and the
 * fraction of runs absorbed by the central bins.
 *
 * @param panelAxis  one chart per value (null: one chart)
 * @param seriesAxis one curve per value within a chart
 * @param quantity   what the quantiles are of, for the y axis
 */
public record QuantileCurvesFigure(String id, String paper, List<String> configs, String lookFor, String panelAxis,
                                   String seriesAxis, String quantity, String title) implements Figure {

    public QuantileCurvesFigure {
        configs = List.copyOf(configs);
    }

    @Override
    public List<Path> draw(List<TableData> tables, Path out, boolean quick, List<String> notes) {
        List<Path> made = new ArrayList<>();
        Map<String, List<DataRow>> panels = SimulationRows.groupBy(tables.get(0).rows(), panelAxis);
        for (Map.Entry<String, List<DataRow>> panel : panels.entrySet()) {
            List<LineChart.Series> series = new ArrayList<>();
            for (DataRow r : panel.getValue()) {
                double[] times = r.array("quantile_times");
                double[] median = median(r);
                double[] log = new double[median.length];
                for (int i = 0; i < log.length; i++) {
                    log[i] = Math.log10(median[i]);
                }
                String label = SimulationRows.label(seriesAxis, SimulationRows.value(r, seriesAxis));
                series.add(new LineChart.Series(label, times, log, null));
                notes.add(describe(SimulationRows.label(panelAxis, panel.getKey()), label, r, times, median));
            }
            String chartTitle = title + (panelAxis == null ? "" : ", " + SimulationRows.label(panelAxis,
                    panel.getKey()));
            XYChart chart = LineChart.build(chartTitle, "step t", "log₁₀ median " + quantity, series, null, false,
                    1000, 720);
            Path png = out.resolve(id + (panels.size() > 1 ? "-" + panel.getKey().replaceAll("[^A-Za-z0-9.+-]", "")
                    : "") + ".png");
            Charts.savePng(chart, png);
            made.add(png);
        }
        return made;
    }

    /** The recorded quantile whose level is nearest ½, at every recorded time. */
    static double[] median(DataRow r) {
        double[] times = r.array("quantile_times");
        double[] levels = r.array("quantile_levels");
        double[] values = r.array("quantile_values");
        int best = 0;
        for (int q = 1; q < levels.length; q++) {
            if (Math.abs(levels[q] - 0.5) < Math.abs(levels[best] - 0.5)) {
                best = q;
            }
        }
        double[] m = new double[times.length];
        for (int t = 0; t < times.length; t++) {
            m[t] = values[t * levels.length + best];
        }
        return m;
    }

    static String describe(String panel, String label, DataRow r, double[] times, double[] median) {
        String s = String.format(Locale.ROOT, "%s%s: median %.3g at t = %.0f", panel.isEmpty() ? "" : panel + ", ",
                label, median.length == 0 ? Double.NaN : median[median.length - 1],
                times.length == 0 ? Double.NaN : times[times.length - 1]);
        if (!Double.isNaN(r.get("escape_rate")) && r.has("exp_minus_se")) {
            s += String.format(Locale.ROOT, "; escape rate %.4f ± %.4f, linearised exponent %.4f ± %.4f",
                    r.get("escape_rate"), r.get("escape_rate_se"), r.get("exp_minus"), r.get("exp_minus_se"));
        }
        Map<String, Double> extras = r.map("extras");
        if (extras.containsKey("median_escape_time")) {
            s += String.format(Locale.ROOT, "; median escape time %.0f", extras.get("median_escape_time"));
        }
        if (extras.containsKey("absorbed_fraction")) {
            s += String.format(Locale.ROOT, "; absorbed fraction %.3f", extras.get("absorbed_fraction"));
        }
        return s;
    }
}
