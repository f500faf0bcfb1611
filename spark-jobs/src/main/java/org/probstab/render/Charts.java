package org.probstab.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Shared chart plumbing: headless AWT, one look for every figure (white background, readable fonts, legend outside
 * on the right), PNG output.
 */
public final class Charts {

    static {
        headless();
    }

    private Charts() {
    }

    /** Sets {@code java.awt.headless=true}; call before any AWT use (it is also done when this class loads). */
    public static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** An empty XY chart in the house style. */
    static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        Styler s = chart.getStyler();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBorderVisible(true);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendBorderColor(Color.LIGHT_GRAY);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setXAxisDecimalPattern("0.###");
        chart.getStyler().setYAxisDecimalPattern("0.###");
        s.setChartPadding(12);
        s.setAntiAlias(true);
        return chart;
    }

    /**
     * XChart puts x ticks at the data when all x values of all series are evenly spaced (e.g. 0.02, 0.182, …); an
     * invisible two-point series at y = {@code y} with an off-grid x makes it choose round tick values instead.
     */
    static void roundXTicks(XYChart chart, double xMin, double xMax, double y) {
        org.knowm.xchart.XYSeries s = chart.addSeries(" ", new double[] {xMin, xMin + 0.3719 * (xMax - xMin)},
                new double[] {y, y});
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /**
     * {@link #roundXTicks} for both axes of a chart with explicit ranges: one invisible two-point series off both
     * grids, so that evenly spaced data on either axis does not pin the ticks to the data.
     */
    static void roundTicks(XYChart chart, double[] x, double[] y) {
        org.knowm.xchart.XYSeries s = chart.addSeries("  ", new double[] {x[0], x[0] + 0.3719 * (x[1] - x[0])},
                new double[] {y[0], y[0] + 0.4123 * (y[1] - y[0])});
        s.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /** Writes the chart as a PNG at exactly {@code file} (parent directories are created). */
    public static void savePng(Chart<?, ?> chart, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BufferedImage image = BitmapEncoder.getBufferedImage(chart);
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The plot area of the chart in pixels, measured by painting it once off-screen (XChart lays the chart out while
     * painting); null if the layout cannot be read.
     */
    static Rectangle2D plotBounds(XYChart chart) {
        BufferedImage scratch = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            chart.paint(g, chart.getWidth(), chart.getHeight());
            Field plot = Chart.class.getDeclaredField("plot");
            plot.setAccessible(true);
            return ((org.knowm.xchart.internal.chartpart.ChartPart) plot.get(chart)).getBounds();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        } finally {
            g.dispose();
        }
    }
}
