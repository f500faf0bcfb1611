package org.probstab.render;

import org.probstab.table.DataRow;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A 2-D map of a phase table: every cell a filled rectangle at (x, y) — categorical (one fixed colour per phase,
 * {@link PhasePalette}) or continuous (a numeric column in ten diverging classes symmetric about a centre, −∞ in
 * black) — with optional theory curves on top. Cells are scatter markers sized from the measured
 * plot area ({@link CellMarker}), so the axes, ticks, labels and legend are XChart's own.
 */
public final class MapChart {

    /** What a map shows. */
    public record Spec(String x, String y, String column, double center, String title, int width, int height) {
    }

    private MapChart() {
    }

    /** The chart; {@code overlays} in data coordinates. */
    public static XYChart build(List<DataRow> cells, Spec spec, List<OverlayLine> overlays) {
        AxisScale xs = AxisScale.of(distinct(cells, spec.x()));
        AxisScale ys = AxisScale.of(distinct(cells, spec.y()));
        boolean phase = spec.column().equals("phase");
        String legendTitle = phase ? "" : spec.column();
        AxisOffset ox = xs.kind() == AxisScale.Kind.LINEAR ? AxisOffset.of(xs.min(), xs.max()) : AxisOffset.NONE;
        AxisOffset oy = ys.kind() == AxisScale.Kind.LINEAR ? AxisOffset.of(ys.min(), ys.max()) : AxisOffset.NONE;
        XYChart chart = Charts.xy(spec.title(), ox.title(RenderLabels.axis(spec.x())),
                oy.title(RenderLabels.axis(spec.y())), spec.width(),
                spec.height());
        var styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setPlotContentSize(1.0);
        styler.setXAxisMin(ox.apply(xs.min())).setXAxisMax(ox.apply(xs.max())).setYAxisMin(oy.apply(ys.min()))
                .setYAxisMax(oy.apply(ys.max()));
        configure(styler, xs, true);
        configure(styler, ys, false);

        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        Map<String, Color> colors = new LinkedHashMap<>();
        if (phase) {
            for (String label : PhasePalette.labels()) {
                groups.put(label, new ArrayList<>());
                colors.put(label, PhasePalette.color(label));
            }
            for (DataRow c : cells) {
                groups.computeIfAbsent(c.phase(), k -> new ArrayList<>()).add(point(c, spec, xs, ys, ox, oy));
                colors.putIfAbsent(c.phase(), PhasePalette.color(c.phase()));
            }
        } else {
            double[] v = cells.stream().mapToDouble(c -> c.get(spec.column()) - spec.center()).toArray();
            double range = robustRange(v);
            String[] names = new String[PhasePalette.DIVERGING.length];
            for (int b = 0; b < names.length; b++) {
                double lo = -range + 2 * range * b / names.length + spec.center();
                double hi = -range + 2 * range * (b + 1) / names.length + spec.center();
                names[b] = (b == 0 ? "< " + fmt(hi) : b == names.length - 1 ? "≥ " + fmt(lo)
                        : "[" + fmt(lo) + ", " + fmt(hi) + ")");
                groups.put(names[b], new ArrayList<>());
                colors.put(names[b], PhasePalette.DIVERGING[b]);
            }
            String minusInfinity = "−∞ (collapse)";
            groups.put(minusInfinity, new ArrayList<>());
            colors.put(minusInfinity, PhasePalette.MINUS_INFINITY);
            for (int i = 0; i < cells.size(); i++) {
                if (Double.isNaN(v[i])) {
                    continue;
                }
                String group = v[i] == Double.NEGATIVE_INFINITY ? minusInfinity
                        : names[(int) Math.max(0, Math.min(names.length - 1,
                        Math.floor((v[i] + range) / (2 * range) * names.length)))];
                groups.get(group).add(point(cells.get(i), spec, xs, ys, ox, oy));
            }
            chart.setTitle(spec.title() + "  [" + legendTitle + "]");
        }
        // Lay the chart out once (with legend-sized squares) to measure the plot area, then draw cells that tile it.
        List<XYSeries> cellSeries = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> g : groups.entrySet()) {
            if (g.getValue().isEmpty()) {
                continue;
            }
            double[] px = g.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] py = g.getValue().stream().mapToDouble(p -> p[1]).toArray();
            String label = phase ? PhasePalette.legend(g.getKey()) : g.getKey();
            // The legend entry: a normal square marker on one of the group's own cells (painted over below).
            XYSeries legend = chart.addSeries(label, new double[] {px[0]}, new double[] {py[0]});
            legend.setMarker(SeriesMarkers.SQUARE);
            legend.setMarkerColor(colors.get(g.getKey()));
            XYSeries s = chart.addSeries(label + " (cells)", px, py);
            s.setMarker(SeriesMarkers.SQUARE);
            s.setMarkerColor(colors.get(g.getKey()));
            s.setShowInLegend(false);
            cellSeries.add(s);
        }
        addOverlays(chart, overlays, xs, ys, ox, oy);
        styler.setMarkerSize(11);
        Rectangle2D plot = Charts.plotBounds(chart);
        double w = plot != null ? plot.getWidth() : chart.getWidth() - 320;
        double h = plot != null ? plot.getHeight() : chart.getHeight() - 120;
        CellMarker marker = new CellMarker(w / xs.size(), h / ys.size());
        cellSeries.forEach(s -> s.setMarker(marker));
        return chart;
    }

    static void addOverlays(XYChart chart, List<OverlayLine> overlays, AxisScale xs, AxisScale ys) {
        addOverlays(chart, overlays, xs, ys, AxisOffset.NONE, AxisOffset.NONE);
    }

    static void addOverlays(XYChart chart, List<OverlayLine> overlays, AxisScale xs, AxisScale ys, AxisOffset ox,
                            AxisOffset oy) {
        for (OverlayLine line : overlays) {
            int k = 0;
            for (List<double[]> branch : line.branches()) {
                if (branch.size() < 2) {
                    continue;
                }
                double[] px = branch.stream().mapToDouble(p -> xs.kind() == AxisScale.Kind.INDEX ? Double.NaN
                        : ox.apply(p[0])).toArray();
                double[] py = branch.stream().mapToDouble(p -> ys.kind() == AxisScale.Kind.INDEX
                        ? ys.position(p[1]) : oy.apply(p[1])).toArray();
                if (Arrays.stream(px).anyMatch(Double::isNaN) || Arrays.stream(py).anyMatch(Double::isNaN)) {
                    continue;
                }
                XYSeries s = chart.addSeries(k == 0 ? line.label() : line.label() + " #" + k, px, py);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(line.color());
                s.setLineStyle(line.stroke());
                s.setShowInLegend(k == 0);
                k++;
            }
        }
    }

    private static void configure(org.knowm.xchart.style.XYStyler styler, AxisScale scale, boolean x) {
        if (scale.kind() == AxisScale.Kind.LOG) {
            if (x) {
                styler.setXAxisLogarithmic(true);
            } else {
                styler.setYAxisLogarithmic(true);
            }
        } else if (scale.kind() == AxisScale.Kind.LINEAR && scale.integers()) {
            // Integer axes (S, N): with the pattern "0" half-integer ticks would repeat a label, and XChart then
            // widens the tick step until the labels are unique, i.e. to integers.
            if (x) {
                styler.setXAxisDecimalPattern("0");
            } else {
                styler.setYAxisDecimalPattern("0");
            }
        } else if (scale.kind() == AxisScale.Kind.INDEX) {
            if (x) {
                styler.setxAxisTickLabelsFormattingFunction(scale.tickLabels());
            } else {
                styler.setyAxisTickLabelsFormattingFunction(scale.tickLabels());
            }
        }
    }

    private static double[] point(DataRow c, Spec spec, AxisScale xs, AxisScale ys, AxisOffset ox, AxisOffset oy) {
        return new double[] {ox.apply(xs.position(c.get(spec.x()))), oy.apply(ys.position(c.get(spec.y())))};
    }

    static double[] distinct(List<DataRow> cells, String name) {
        TreeSet<Double> set = new TreeSet<>();
        for (DataRow c : cells) {
            double v = c.get(name);
            if (!Double.isNaN(v)) {
                set.add(v);
            }
        }
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The 98th percentile of |v| over finite values (so a few huge values do not wash out the scale). */
    static double robustRange(double[] v) {
        double[] abs = Arrays.stream(v).filter(Double::isFinite).map(Math::abs).sorted().toArray();
        if (abs.length == 0) {
            return 1;
        }
        double r = abs[(int) Math.min(abs.length - 1, Math.floor(0.98 * abs.length))];
        return r > 0 ? r : (abs[abs.length - 1] > 0 ? abs[abs.length - 1] : 1);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 || (Math.abs(v) < 0.01 && v != 0) ? "%.2g" : "%.3g", v);
    }
}
