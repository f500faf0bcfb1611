package org.probstab.render;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.probstab.table.DataRow;

/**
 * A phase map of a refined table (DESIGN §6): every evaluated cell a rectangle of its own size ({@code cell_size} on
 * each axis, centred on its point), coarse levels first and finer ones on top, so that the boundary regions show the
 * finest cells and the rest the coarse grid. The axes are linear, or logarithmic where the config's axis was (a
 * log axis's cell size is in ln units). A {@link Window} zooms: the axes span it and only cells meeting it are drawn.
 */
public final class RefinedMapChart {

    /**
     * What to draw.
     *
     * @param x      x axis (a refined axis)
     * @param y      y axis (a refined axis)
     * @param logX   whether x is a log axis
     * @param logY   whether y is a log axis
     * @param window the zoom window
     */
    public record Spec(String x, String y, boolean logX, boolean logY, Window window, String title, int width,
                       int height) {
    }

    private RefinedMapChart() {
    }

    public static XYChart build(List<DataRow> cells, Spec spec) {
        String sx = "cell_size." + spec.x();
        String sy = "cell_size." + spec.y();
        double[] xr = range(cells, spec.x(), sx, spec.logX(), spec.window());
        double[] yr = range(cells, spec.y(), sy, spec.logY(), spec.window());
        AxisOffset ox = spec.logX() ? AxisOffset.NONE : AxisOffset.of(xr[0], xr[1]);
        AxisOffset oy = spec.logY() ? AxisOffset.NONE : AxisOffset.of(yr[0], yr[1]);
        double[] dx = ox.apply(xr);
        double[] dy = oy.apply(yr);
        XYChart chart = Charts.xy(spec.title(), ox.title(RenderLabels.axis(spec.x())),
                oy.title(RenderLabels.axis(spec.y())), spec.width(), spec.height());
        var styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setPlotContentSize(1.0);
        styler.setXAxisMin(dx[0]).setXAxisMax(dx[1]).setYAxisMin(dy[0]).setYAxisMax(dy[1]);
        styler.setXAxisLogarithmic(spec.logX());
        styler.setYAxisLogarithmic(spec.logY());
        styler.setXAxisDecimalPattern(pattern(dx));
        styler.setYAxisDecimalPattern(pattern(dy));
        // level -> (phase -> points and the level's cell size)
        Map<Integer, Map<String, List<double[]>>> byLevel = new TreeMap<>();
        Map<Integer, double[]> sizes = new TreeMap<>();
        for (DataRow c : cells) {
            double x = c.get(spec.x());
            double y = c.get(spec.y());
            double wx = c.get(sx);
            double wy = c.get(sy);
            if (!spec.window().meets(spec.x(), lower(x, wx, spec.logX()), upper(x, wx, spec.logX()))
                    || !spec.window().meets(spec.y(), lower(y, wy, spec.logY()), upper(y, wy, spec.logY()))) {
                continue;
            }
            int level = (int) c.get("level");
            byLevel.computeIfAbsent(level, k -> new TreeMap<>()).computeIfAbsent(c.phase(), k -> new ArrayList<>())
                    .add(new double[] {ox.apply(x), oy.apply(y)});
            sizes.putIfAbsent(level, new double[] {wx, wy});
        }
        // Legend entries in the palette's order, first; the cells after them, coarse levels first.
        Set<String> legend = new HashSet<>();
        Set<String> present = new HashSet<>();
        byLevel.values().forEach(m -> present.addAll(m.keySet()));
        for (String phase : PhasePalette.labels()) {
            if (present.contains(phase)) {
                legend.add(phase);
                XYSeries entry = chart.addSeries(PhasePalette.legend(phase), new double[] {dx[0]},
                        new double[] {dy[0]});
                entry.setMarker(SeriesMarkers.SQUARE);
                entry.setMarkerColor(PhasePalette.color(phase));
            }
        }
        List<Object[]> sized = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, List<double[]>>> level : byLevel.entrySet()) {
            for (Map.Entry<String, List<double[]>> g : level.getValue().entrySet()) {
                double[] px = g.getValue().stream().mapToDouble(p -> p[0]).toArray();
                double[] py = g.getValue().stream().mapToDouble(p -> p[1]).toArray();
                Color color = PhasePalette.color(g.getKey());
                if (legend.add(g.getKey())) {
                    XYSeries entry = chart.addSeries(PhasePalette.legend(g.getKey()), new double[] {px[0]},
                            new double[] {py[0]});
                    entry.setMarker(SeriesMarkers.SQUARE);
                    entry.setMarkerColor(color);
                }
                XYSeries s = chart.addSeries(g.getKey() + " (level " + level.getKey() + ")", px, py);
                s.setMarker(SeriesMarkers.SQUARE);
                s.setMarkerColor(color);
                s.setShowInLegend(false);
                sized.add(new Object[] {s, sizes.get(level.getKey())});
            }
        }
        if (sized.isEmpty()) {
            throw org.probstab.config.InvalidInputException.of("--window", "--window: no cell of the table meets the window "
                    + spec.window().ranges().keySet() + ": allowed a window inside the map");
        }
        styler.setMarkerSize(11);
        Charts.roundTicks(chart, dx, dy);
        Rectangle2D plot = Charts.plotBounds(chart);
        double w = plot != null ? plot.getWidth() : chart.getWidth() - 320;
        double h = plot != null ? plot.getHeight() : chart.getHeight() - 120;
        for (Object[] s : sized) {
            double[] size = (double[]) s[1];
            double pw = pixels(size[0], xr, spec.logX(), w);
            double ph = pixels(size[1], yr, spec.logY(), h);
            ((XYSeries) s[0]).setMarker(new CellMarker(pw, ph));
        }
        return chart;
    }

    /** The axis range: the window's, else the cells' extent with half a cell on either side. */
    static double[] range(List<DataRow> cells, String axis, String size, boolean log, Window window) {
        double[] r = window.range(axis);
        if (r != null) {
            return r;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DataRow c : cells) {
            lo = Math.min(lo, lower(c.get(axis), c.get(size), log));
            hi = Math.max(hi, upper(c.get(axis), c.get(size), log));
        }
        return new double[] {lo, hi};
    }

    private static double lower(double v, double size, boolean log) {
        return log ? v * Math.exp(-size / 2) : v - size / 2;
    }

    private static double upper(double v, double size, boolean log) {
        return log ? v * Math.exp(size / 2) : v + size / 2;
    }

    private static double pixels(double size, double[] range, boolean log, double plot) {
        double span = log ? Math.log(range[1] / range[0]) : range[1] - range[0];
        return size / span * plot;
    }

    /** Tick labels with enough digits to tell ticks apart in a narrow window ("0.###" for spans of 1 and more). */
    static String pattern(double[] range) {
        double span = range[1] - range[0];
        int digits = (int) Math.max(3, Math.min(14, Math.ceil(-Math.log10(span)) + 2));
        return "0." + "#".repeat(digits);
    }
}
