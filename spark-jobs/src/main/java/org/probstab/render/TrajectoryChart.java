package org.probstab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.probstab.lyapunov.TrajectorySample;

/**
 * Sample paths of z_t² on a log₁₀ scale, faint, with reference curves over them (001 Fig. 6: the typical e^{2Λt},
 * the mean square, a CLT band). Only drawing: the paths and the curves come from core.
 */
public final class TrajectoryChart {

    /** A reference curve in log z² over t = 0 … T. */
    public record Curve(String label, double[] logSquares, Color color, BasicStroke stroke) {
    }

    private static final double LN10 = Math.log(10);

    private TrajectoryChart() {
    }

    /** The chart of {@code sample}'s runs with {@code curves} on top. */
    public static XYChart build(String title, TrajectorySample sample, List<Curve> curves, int width, int height) {
        int steps = sample.steps();
        XYChart chart = Charts.xy(title, "step t", "log₁₀ w_t²", width, height);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) steps);
        Charts.roundXTicks(chart, 0, steps, 0.0);
        double[] time = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            time[t] = t;
        }
        for (int r = 0; r < sample.runs(); r++) {
            XYSeries s = chart.addSeries(String.format(Locale.ROOT, "run %d", r), time,
                    log10(sample.logSquares()[r]));
            s.setLineColor(new Color(0, 158, 115, 60));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(OverlayLine.solid(0.8f));
            s.setShowInLegend(r == 0);
            if (r == 0) {
                s.setLabel("trajectories");
            }
        }
        for (Curve c : curves) {
            XYSeries s = chart.addSeries(c.label(), time, log10(c.logSquares()));
            s.setLineColor(c.color());
            s.setLineStyle(c.stroke());
            s.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** log z² → log₁₀ z², with −∞ (a collapsed run) drawn at the bottom of the double range. */
    private static double[] log10(double[] logSquares) {
        double[] out = new double[logSquares.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(logSquares[i] / LN10, -307.0);
        }
        return out;
    }
}
