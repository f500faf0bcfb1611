package org.probstab.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.probstab.boundary.BoundaryBranches;
import org.probstab.table.DataRow;

/**
 * A boundary table drawn as curves (DESIGN §6): for each function (Λ₋ black, Λ₊ blue, L2 grey dashed) its crossings
 * joined row by row into branches ({@link BoundaryBranches#join}), and its stability stripes marked — one marker at
 * the pole of each stripe on each row (orange for Λ₋, sky blue for Λ₊), since most are far narrower than a pixel; the
 * legend counts them. A {@link Window} zooms: inside it, a stripe wider than a pixel shows as its two roots.
 */
public final class BoundaryChart {

    /** A root farther than this fraction of the λ range from every open branch starts a new branch. */
    static final double MAX_JUMP = 0.05;

    private BoundaryChart() {
    }

    /**
     * @param rows   the table's roots
     * @param y      the row axis (a column of the table)
     * @param range  {λ_lo, λ_hi} of the table
     */
    public static XYChart build(List<DataRow> rows, String y, double[] range, Window window, String title, int width,
                                int height) {
        double[] xr = window.range("lambda") != null ? window.range("lambda") : range;
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (DataRow r : rows) {
            yLo = Math.min(yLo, r.get(y));
            yHi = Math.max(yHi, r.get(y));
        }
        double[] yr = window.range(y) != null ? window.range(y) : new double[] {yLo, yHi};
        AxisOffset ox = AxisOffset.of(xr[0], xr[1]);
        AxisOffset oy = AxisOffset.of(yr[0], yr[1]);
        XYChart chart = Charts.xy(title, ox.title(RenderLabels.axis("lambda")), oy.title(RenderLabels.axis(y)), width,
                height);
        var styler = chart.getStyler();
        double[] dx = ox.apply(xr);
        double[] dy = oy.apply(yr);
        styler.setXAxisMin(dx[0]).setXAxisMax(dx[1]).setYAxisMin(dy[0]).setYAxisMax(dy[1]);
        styler.setXAxisDecimalPattern(RefinedMapChart.pattern(dx));
        styler.setYAxisDecimalPattern(RefinedMapChart.pattern(dy));
        styler.setMarkerSize(4);
        double maxJump = MAX_JUMP * (xr[1] - xr[0]);
        int drawn = 0;
        for (String e : List.of("minus", "plus", "l2")) {
            SortedMap<Double, List<Double>> crossings = new TreeMap<>();
            List<double[]> stripes = new ArrayList<>();
            List<double[]> sides = new ArrayList<>();
            for (DataRow r : rows) {
                if (!r.text("exponent").equals(e) || !window.contains(y, r.get(y))) {
                    continue;
                }
                double root = r.get("root");
                if (r.text("kind").equals("stripe")) {
                    double pole = r.get("pole");
                    // One marker per stripe: at its left (falling) root's row.
                    if (window.contains("lambda", pole) && r.get("rising") == 0) {
                        stripes.add(new double[] {ox.apply(pole), oy.apply(r.get(y))});
                    }
                    if (window.contains("lambda", root)) {
                        sides.add(new double[] {ox.apply(root), oy.apply(r.get(y))});
                    }
                } else if (window.contains("lambda", root)) {
                    crossings.computeIfAbsent(r.get(y), k -> new ArrayList<>()).add(root);
                }
            }
            String name = switch (e) {
                case "minus" -> "Λ₋ = 0";
                case "plus" -> "Λ₊ = 0";
                default -> "E(1−λχ)² = 1 (L2)";
            };
            int k = 0;
            for (List<double[]> branch : BoundaryBranches.join(crossings, maxJump)) {
                double[] px = branch.stream().mapToDouble(p -> ox.apply(p[0])).toArray();
                double[] py = branch.stream().mapToDouble(p -> oy.apply(p[1])).toArray();
                XYSeries s = chart.addSeries(k == 0 ? name : name + " #" + k, px, py);
                s.setXYSeriesRenderStyle(branch.size() > 1 ? XYSeries.XYSeriesRenderStyle.Line
                        : XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(branch.size() > 1 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
                Color line = e.equals("minus") ? Color.BLACK : e.equals("plus") ? new Color(0x0072B2)
                        : new Color(0x888888);
                s.setMarkerColor(line);
                s.setLineColor(line);
                s.setLineStyle(e.equals("l2") ? OverlayLine.dashed(1.8f) : OverlayLine.solid(1.8f));
                s.setShowInLegend(k == 0);
                k++;
                drawn++;
            }
            if (!stripes.isEmpty()) {
                Color c = e.equals("minus") ? new Color(0xD55E00) : new Color(0x56B4E9);
                XYSeries s = chart.addSeries((e.equals("minus") ? "Λ₋" : "Λ₊") + " stripes (" + stripes.size()
                        + " on these rows)", stripes.stream().mapToDouble(p -> p[0]).toArray(),
                        stripes.stream().mapToDouble(p -> p[1]).toArray());
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.DIAMOND);
                s.setMarkerColor(c);
                drawn++;
                if (window.range("lambda") != null) {
                    XYSeries edges = chart.addSeries((e.equals("minus") ? "Λ₋" : "Λ₊") + " stripe roots",
                            sides.stream().mapToDouble(p -> p[0]).toArray(),
                            sides.stream().mapToDouble(p -> p[1]).toArray());
                    edges.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    edges.setMarker(SeriesMarkers.CIRCLE);
                    edges.setMarkerColor(c.darker());
                }
            }
        }
        Charts.roundTicks(chart, dx, dy);
        if (drawn == 0) {
            throw org.probstab.config.InvalidInputException.of("--window", "--window: no root of the table lies in the window "
                    + window.ranges().keySet() + ": allowed a window the boundaries cross");
        }
        return chart;
    }

    /** Counts, by exponent and kind, for a caption. */
    public static Map<String, Integer> counts(List<DataRow> rows) {
        Map<String, Integer> m = new TreeMap<>();
        for (DataRow r : rows) {
            m.merge(r.text("exponent") + " " + r.text("kind"), 1, Integer::sum);
        }
        return m;
    }
}
