package org.probstab.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.probstab.refine.ScalingFit;
import org.probstab.table.DataRow;

/**
 * The box-counting plot of a fractal-statistics table (DESIGN §6): log₂ N(ε) against log₂(1/ε) for the phase
 * boundary — in the plane ({@code boxes}) and, for a boundary table, along the rows ({@code rows}, which continue
 * below the row spacing where only λ resolves) — with the fitted line over its stated range, and on the right-hand
 * axis the local slope of every octave (for rows: 1 + slope, the dimension it implies), so that a crossover between
 * scales is seen rather than averaged away.
 */
public final class BoxCountingChart {

    private static final Color[] COLORS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7)};

    private BoxCountingChart() {
    }

    /** @param rows rows of a fractal-statistics table (those of one boundary, e.g. {@code boundary = 'phase'}) */
    public static XYChart build(List<DataRow> rows, String title, int width, int height) {
        XYChart chart = Charts.xy(title, "log₂(1/ε)", "log₂ N(ε)", width, height);
        var styler = chart.getStyler();
        styler.setPlotGridLinesVisible(true);
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setPlotGridLinesColor(new Color(0xEEEEEE));
        styler.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        styler.setYAxisMin(1, 0.0);
        styler.setYAxisMax(1, 2.2);
        styler.setMarkerSize(6);
        int c = 0;
        for (DataRow r : rows) {
            double[] eps = r.array("epsilons");
            double[] counts = r.array("box_counts");
            double[] slopes = r.array("local_slopes");
            double[] fit = r.array("fit_range");
            if (eps == null || counts == null) {
                continue;
            }
            boolean along = r.text("counting").equals("rows");
            String label = r.text("boundary") + (along ? ", along λ in rows" : ", boxes in the plane");
            double[] k = new double[eps.length];
            double[] n = new double[eps.length];
            for (int i = 0; i < eps.length; i++) {
                k[i] = -Math.log(eps[i]) / Math.log(2);
                n[i] = Math.log(counts[i]) / Math.log(2);
            }
            Color color = COLORS[c++ % COLORS.length];
            XYSeries s = chart.addSeries("N(ε): " + label, k, n);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(color);
            s.setLineColor(color);
            if (fit != null) {
                double kFrom = -Math.log(fit[1]) / Math.log(2);
                double kTo = -Math.log(fit[0]) / Math.log(2);
                List<Double> fx = new ArrayList<>();
                List<Double> fy = new ArrayList<>();
                for (int i = 0; i < k.length; i++) {
                    if (k[i] >= kFrom - 1e-9 && k[i] <= kTo + 1e-9) {
                        fx.add(k[i]);
                        fy.add(n[i]);
                    }
                }
                if (fx.size() >= 2) {
                    double[] x = fx.stream().mapToDouble(Double::doubleValue).toArray();
                    double[] y = fy.stream().mapToDouble(Double::doubleValue).toArray();
                    ScalingFit f = ScalingFit.of(x, y, 0, x.length);
                    XYSeries line = chart.addSeries(String.format(java.util.Locale.ROOT, "fit: D = %.3f ± %.3f",
                            r.get("box_dimension"), r.get("box_dimension_se")), new double[] {x[0], x[x.length - 1]},
                            new double[] {f.intercept() + f.slope() * x[0],
                                f.intercept() + f.slope() * x[x.length - 1]});
                    line.setMarker(SeriesMarkers.NONE);
                    line.setLineColor(color.darker());
                    line.setLineStyle(OverlayLine.dashed(2f));
                }
            }
            if (slopes != null && slopes.length > 0) {
                double[] mid = new double[slopes.length];
                double[] v = new double[slopes.length];
                for (int i = 0; i < slopes.length; i++) {
                    mid[i] = 0.5 * (k[i] + k[i + 1]);
                    v[i] = slopes[i] + (along ? 1 : 0);
                }
                XYSeries local = chart.addSeries("local slope per octave" + (along ? " + 1" : "") + ": " + label
                        + " (right axis)", mid, v);
                local.setYAxisGroup(1);
                local.setMarker(SeriesMarkers.DIAMOND);
                local.setMarkerColor(color);
                local.setLineColor(color);
                local.setLineStyle(OverlayLine.dotted(1.5f));
            }
        }
        chart.setYAxisGroupTitle(1, "local slope (dimension)");
        return chart;
    }
}
