package org.probstab.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.ModelRegistry;
import org.probstab.render.OverlayLine;
import org.probstab.render.Overlays;
import org.probstab.render.Renderer;
import org.probstab.spark.TableReader;
import org.probstab.spark.TestSpark;
import org.probstab.table.TableData;

/**
 * {@code probstab figures --quick} end to end in one shared SparkSession: every diagram config ({@link Figures#DIAGRAMS};
 * the simulations: {@link SimulationFiguresQuickTest}) is swept at quick size
 * and drawn; the tests then check numbers in the tables and on the overlays, not pictures.
 */
class FiguresQuickTest {

    @TempDir
    static Path out;

    static Figures.Summary summary;
    static SparkSession spark;

    @BeforeAll
    static void runAllFiguresQuick() throws IOException {
        spark = TestSpark.local2();
        summary = Figures.run(spark, FigureConfigsTest.CONF, out, true, Figures.DIAGRAMS);
    }

    @Test
    void everyFigureIsDrawnAsAReadablePngAndIndexed() throws IOException {
        String index = Files.readString(summary.index());
        assertThat(summary.pngs()).hasSizeGreaterThanOrEqualTo(Figures.DIAGRAMS.size());
        for (Path png : summary.pngs()) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(1000);
            assertThat(image.getHeight()).isEqualTo(720);
            assertThat(index).contains("(" + png.getFileName() + ")");
        }
        for (Figure f : Figures.DIAGRAMS) {
            for (String c : f.configs()) {
                assertThat(index).contains("conf/" + c);
            }
        }
        assertThat(index).contains("paper protocol (000 App. A.2) − QR spectrum (unbiased) over")
                .contains("+ → − at λ = ").contains("− → + at λ = ")
                .contains("tanh: ").contains("cells agree with the theory (phase III ⇔ rank < d)")
                .contains("cells within 10 % of d of the predicted rank");
    }

    /**
     * 000 Fig. 9 left: in the quick λ–μ table at N = ∞, S = 1 (λ up to 3), phase III cells exist for μ &lt; 0.2 and
     * none for μ &gt; 0.8. Exact exponents (quadrature, SE 0), so no tolerance is involved.
     */
    @Test
    void phaseThreeExistsAtSmallMuAndVanishesAtLargeMu() {
        TableData t = TableReader.read(spark, out.resolve("tables/fig-lambda-mu-ninf-s1").toString(), null);
        long smallMu = t.rows().stream().filter(c -> c.get("mu") < 0.2 && c.phase().equals("III")).count();
        long largeMu = t.rows().stream().filter(c -> c.get("mu") > 0.8 && c.phase().equals("III")).count();
        assertThat(smallMu).isPositive();
        assertThat(largeMu).isZero();
        assertThat(t.rows()).noneMatch(c -> c.phase().equals("undetermined"));
    }

    /**
     * The roots the overlay draws on the λ–μ map agree to 1e-8 with an independent plain bisection (to 1e-12) on
     * the exact exponent Λ₋ (resp. Λ₊) of the same cell parameters, started from a bracket ±1e-3 around each
     * drawn root. 1e-8 is the accuracy a picture needs and far below a pixel; the overlay bisects to a 1e-10 bracket, so the two can differ by
     * about 1e-10 plus rounding of the exponent near its zero (~1e-16/|Λ'|).
     */
    @Test
    void overlayRootsAgreeWithIndependentBisection() {
        TableData t = TableReader.read(spark, out.resolve("tables/fig-lambda-mu-ninf-s1").toString(), null);
        List<OverlayLine> lines = Overlays.compute(List.of("boundaries"), t, "lambda", "mu", 8, 200);
        int checked = 0;
        for (OverlayLine line : lines) {
            boolean minus = line.label().startsWith("Λ₋");
            boolean plus = line.label().startsWith("Λ₊");
            if (!minus && !plus) {
                continue;
            }
            for (List<double[]> branch : line.branches()) {
                for (double[] point : branch) {
                    double mu = point[1];
                    java.util.function.DoubleUnaryOperator f = lambda -> {
                        Map<String, Object> p = new HashMap<>(Map.of("lambda", lambda, "mu", mu, "S", 1, "N",
                                "inf", "sigma", 2.0));
                        var r = ModelRegistry.evaluate("mf-gaussian", p, EstimatorKind.EXACT, 1, 0);
                        return r.get(minus ? org.probstab.table.PhaseTable.EXP_MINUS : org.probstab.table.PhaseTable.EXP_PLUS);
                    };
                    double lo = point[0] - 1e-3;
                    double hi = point[0] + 1e-3;
                    boolean loNegative = f.applyAsDouble(lo) < 0;
                    assertThat(f.applyAsDouble(hi) < 0).as("bracket at mu = " + mu).isNotEqualTo(loNegative);
                    while (hi - lo > 1e-12) {
                        double m = 0.5 * (lo + hi);
                        if ((f.applyAsDouble(m) < 0) == loNegative) {
                            lo = m;
                        } else {
                            hi = m;
                        }
                    }
                    assertThat(point[0]).as(line.label() + " at mu = " + mu).isCloseTo(0.5 * (lo + hi),
                            within(1e-8));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }

    /** The net figures' tables are net-cell tables trained on the cpu backend, a rank for every converged cell. */
    @Test
    void netFiguresAreTrainedNetTables() {
        for (String name : List.of("fig-mlp-rank-linear-tanh", "fig-mlp-rank-activations", "fig-mlp-rank-adam",
                "fig-mf-rank-lambda")) {
            TableData t = TableReader.read(spark, out.resolve("tables/" + name).toString(), null);
            assertThat(t.manifest().format()).isEqualTo(org.probstab.table.NetCellTable.KIND.format());
            assertThat(t.rows()).isNotEmpty().allMatch(r -> r.text("backend").equals("cpu"))
                    .allMatch(r -> !Double.isNaN(r.get("theory_lambda")))
                    // a rank wherever the net converged (a diverged cell has neither rank nor final loss)
                    .allMatch(r -> !Double.isNaN(r.get("rank")) == !Double.isNaN(r.get("final_loss")));
        }
    }

    static TableData read(String table, String where) {
        return TableReader.read(spark, table, where);
    }

    @Test
    void badRenderRequestsNameTheOption() {
        String table = out.resolve("tables/fig-lambda-mu-ninf-s1").toString();
        Path png = out.resolve("bad.png");
        assertThatThrownBy(() -> Renderer.render(read(table, null), Renderer.Request.of(table, png)
                .withColumns(List.of("nope")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--column").hasMessageContaining("exp_minus");
        assertThatThrownBy(() -> Renderer.render(read(table, null), Renderer.Request.of(table, png)
                .withOverlays(List.of("bogus")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--overlay").hasMessageContaining("boundaries|gd|none");
        assertThatThrownBy(() -> Renderer.render(read(table, null), Renderer.Request.of(table, png).withX("nope")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--x");
        assertThatThrownBy(() -> Renderer.render(read(table, null), Renderer.Request.of(table, png).withX("mu")
                .withY("lambda").withOverlays(List.of("boundaries")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--overlay");
        assertThatThrownBy(() -> Renderer.render(read(table, "mu > 5"), Renderer.Request.of(table, png)
                .withWhere("mu > 5", null))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--where");
        String finite = out.resolve("tables/fig-lambda-mu-finite-n").toString();
        assertThatThrownBy(() -> Renderer.render(read(finite, null), Renderer.Request.of(finite, png).withY("mu")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--where")
                .hasMessageContaining("n = 3");
        assertThat(png).doesNotExist();
    }
}
