package org.probstab.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.probstab.config.InvalidInputException;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;
import org.probstab.table.TableManifest;

/**
 * Drawing the tables of boundaries and refinement, from memory (no Spark): a refined map draws each cell at its own
 * size, finer levels over coarser ones, and a window zooms; boundary tables are curves with stripes marked; fractal
 * statistics are the box-counting plot. Pixels are read back at known data coordinates.
 */
class DerivedTablesRenderTest {

    @TempDir
    Path tmp;

    static DataRow cell(double lambda, double mu, int level, double size, String phase) {
        Map<String, Double> n = new HashMap<>(Map.of("lambda", lambda, "mu", mu, "level", (double) level,
                "cell_size.lambda", size, "cell_size.mu", size));
        return new DataRow(n, Map.of("phase", phase));
    }

    static TableManifest manifest(String kind, Map<String, List<String>> axes) {
        return new TableManifest("probstab-" + kind + "-table/1", "t-0", "t", "", "mf-gaussian", 1, axes, Map.of());
    }

    /** A 3 × 3 level-0 grid of phase III (cells of side 1), and one level-1 cell of phase IV (side ½) at (½, ½). */
    static List<DataRow> refined() {
        List<DataRow> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rows.add(cell(i, j, 0, 1, "III"));
            }
        }
        rows.add(cell(0.5, 0.5, 1, 0.5, "IV"));
        return rows;
    }

    static Color at(XYChart chart, BufferedImage image, double[] xr, double[] yr, double x, double y) {
        Rectangle2D plot = Charts.plotBounds(chart);
        int px = (int) Math.round(plot.getX() + (x - xr[0]) / (xr[1] - xr[0]) * plot.getWidth());
        int py = (int) Math.round(plot.getY() + (yr[1] - y) / (yr[1] - yr[0]) * plot.getHeight());
        return new Color(image.getRGB(px, py));
    }

    @Test
    void aRefinedCellIsDrawnAtItsOwnSizeOverTheCoarseOnes() {
        XYChart chart = RefinedMapChart.build(refined(), new RefinedMapChart.Spec("lambda", "mu", false, false,
                Window.NONE, "t", 800, 600));
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        double[] r = {-0.5, 2.5};
        Color three = PhasePalette.color("III");
        Color four = PhasePalette.color("IV");
        // Inside the fine cell [¼, ¾]²: IV; just outside it, still in the coarse cells around: III.
        assertThat(at(chart, image, r, r, 0.6, 0.6)).isEqualTo(four);
        assertThat(at(chart, image, r, r, 0.4, 0.35)).isEqualTo(four);
        assertThat(at(chart, image, r, r, 0.9, 0.9)).isEqualTo(three);
        assertThat(at(chart, image, r, r, 0.15, 0.2)).isEqualTo(three);
        assertThat(at(chart, image, r, r, 2.2, 1.8)).isEqualTo(three);
    }

    @Test
    void aWindowZoomsIntoTheRefinedMap() throws Exception {
        Window w = Window.parse("lambda=0.3:0.7,mu=0.3:0.7");
        XYChart chart = RefinedMapChart.build(refined(), new RefinedMapChart.Spec("lambda", "mu", false, false, w,
                "t", 800, 600));
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        double[] r = {0.3, 0.7};
        for (double x : new double[] {0.32, 0.5, 0.68}) {
            assertThat(at(chart, image, r, r, x, 0.5)).isEqualTo(PhasePalette.color("IV"));
        }
        // Through the renderer: the table's kind decides the picture.
        TableData table = new TableData("t", manifest("refined", Map.of("lambda", List.of("0", "1", "2"), "mu",
                List.of("0", "1", "2"))), refined(), List.of("lambda", "mu"));
        Path png = tmp.resolve("refined.png");
        Renderer.Result res = Renderer.render(table, Renderer.Request.of("t", png).withWindow(w));
        assertThat(res.kind()).isEqualTo("refined phase map");
        assertThat(Files.size(png)).isPositive();
        assertThatThrownBy(() -> Renderer.render(table, Renderer.Request.of("t", png)
                .withWindow(Window.parse("lambda=5:6"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--window");
        assertThatThrownBy(() -> Window.parse("lambda=2:1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--window");
        assertThatThrownBy(() -> Window.parse("lambda")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void boundaryTablesAreCurvesWithStripesAndFractalTablesTheBoxCountingPlot() throws Exception {
        List<DataRow> roots = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            double mu = i / 20.0;
            roots.add(root(mu, "minus", 1 + 0.5 * mu, "crossing", Double.NaN, true));
            roots.add(root(mu, "plus", 0.5 + 0.1 * mu, "crossing", Double.NaN, false));
            roots.add(root(mu, "minus", 2 - 1e-6, "stripe", 2, false));
            roots.add(root(mu, "minus", 2 + 1e-6, "stripe", 2, true));
        }
        TableData table = new TableData("b", manifest("boundary", Map.of("lambda", List.of("0.1", "3"), "mu",
                List.of("0", "1"))), roots, List.of("mu", "root"));
        Path png = tmp.resolve("boundary.png");
        Renderer.Result res = Renderer.render(table, Renderer.Request.of("b", png));
        assertThat(res.kind()).isEqualTo("boundary curves");
        XYChart chart = BoundaryChart.build(roots, "mu", new double[] {0.1, 3}, Window.NONE, "b", 800, 600);
        assertThat(chart.getSeriesMap().keySet()).contains("Λ₋ = 0", "Λ₊ = 0", "Λ₋ stripes (21 on these rows)");
        // Zoomed onto the pole, the stripe's two roots are drawn too.
        XYChart zoom = BoundaryChart.build(roots, "mu", new double[] {0.1, 3}, Window.parse("lambda=1.99999:2.00001"),
                "b", 800, 600);
        assertThat(zoom.getSeriesMap().keySet()).contains("Λ₋ stripe roots");
        assertThatThrownBy(() -> Renderer.render(table, Renderer.Request.of("b", png)
                .withWindow(Window.parse("lambda=2.5:2.6"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--window");

        Map<String, double[]> arrays = Map.of("epsilons", new double[] {0.5, 0.25, 0.125, 0.0625}, "box_counts",
                new double[] {2, 4, 8, 16}, "local_slopes", new double[] {1, 1, 1}, "fit_range",
                new double[] {0.0625, 0.5});
        DataRow fractal = new DataRow(Map.of("box_dimension", 1.0, "box_dimension_se", 0.0),
                Map.of("boundary", "phase", "counting", "boxes"), arrays);
        TableData stats = new TableData("f", manifest("fractal", Map.of()), List.of(fractal),
                List.of("box_dimension"));
        Path plot = tmp.resolve("boxes.png");
        assertThat(Renderer.render(stats, Renderer.Request.of("f", plot)).kind()).isEqualTo("box-counting plot");
        assertThat(Files.size(plot)).isPositive();
    }

    static DataRow root(double mu, String exponent, double root, String kind, double pole, boolean rising) {
        Map<String, Double> n = new HashMap<>(Map.of("mu", mu, "root", root, "rising", rising ? 1.0 : 0.0));
        if (!Double.isNaN(pole)) {
            n.put("pole", pole);
        }
        return new DataRow(n, Map.of("exponent", exponent, "kind", kind));
    }
}
