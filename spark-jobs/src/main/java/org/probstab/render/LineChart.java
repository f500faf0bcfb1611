package org.probstab.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line plots of 1-D sweeps: one or more series y(x) with ± standard-error bars, and a grey reference line at a
 * given y (0 for exponents). −∞ values cannot be drawn on a linear axis and are left out (and counted in the
 * series label).
 */
public final class LineChart {

    /** Okabe–Ito colours for successive series. */
    private static final Color[] SERIES = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), Color.BLACK};

    /**
     * One series.
     *
     * @param label legend text
     * @param x     x values
     * @param y     y values (−∞ and NaN are skipped)
     * @param se    standard errors (NaN or null: no bars)
     */
    public record Series(String label, double[] x, double[] y, double[] se) {
    }

    private LineChart() {
    }

    public static XYChart build(String title, String xTitle, String yTitle, List<Series> series, Double reference,
                                boolean logX, int width, int height) {
        XYChart chart = Charts.xy(title, xTitle, yTitle, width, height);
        var styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        styler.setMarkerSize(6);
        styler.setErrorBarsColorSeriesColor(true);
        styler.setPlotGridLinesVisible(true);
        styler.setPlotGridLinesColor(new Color(0xEEEEEE));
        styler.setXAxisLogarithmic(logX);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        int k = 0;
        double firstY = Double.NaN;
        for (Series s : series) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> es = new ArrayList<>();
            int dropped = 0;
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i]) || !Double.isFinite(s.x()[i])) {
                    dropped += Double.isNaN(s.y()[i]) ? 0 : 1;
                    continue;
                }
                xs.add(s.x()[i]);
                ys.add(s.y()[i]);
                firstY = Double.isNaN(firstY) ? s.y()[i] : firstY;
                double e = s.se() == null ? 0 : s.se()[i];
                es.add(Double.isFinite(e) ? e : 0.0);
                xMin = Math.min(xMin, s.x()[i]);
                xMax = Math.max(xMax, s.x()[i]);
            }
            if (xs.isEmpty()) {
                continue;
            }
            String label = dropped > 0 ? s.label() + " (" + dropped + " × −∞ not drawn)" : s.label();
            boolean bars = s.se() != null && es.stream().anyMatch(e -> e > 0);
            XYSeries drawn = bars ? chart.addSeries(label, xs, ys, es) : chart.addSeries(label, xs, ys);
            Color c = SERIES[k++ % SERIES.length];
            drawn.setLineColor(c);
            drawn.setMarkerColor(c);
            drawn.setMarker(SeriesMarkers.CIRCLE);
            drawn.setLineWidth(1.6f);
        }
        if (xMin < xMax) {
            // Explicit ends make XChart choose round tick values instead of ticks at the (evenly spaced) data.
            styler.setXAxisMin(xMin).setXAxisMax(xMax);
            if (!logX) {
                Charts.roundXTicks(chart, xMin, xMax, reference != null ? reference : firstY);
            }
        }
        if (reference != null && xMin < xMax) {
            XYSeries zero = chart.addSeries("y = " + AxisScale.format(reference), new double[] {xMin, xMax},
                    new double[] {reference, reference});
            zero.setLineColor(Color.GRAY);
            zero.setMarker(SeriesMarkers.NONE);
            zero.setLineStyle(OverlayLine.dashed(1f));
            zero.setShowInLegend(false);
        }
        return chart;
    }
}
