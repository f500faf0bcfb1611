package org.probstab.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.spark.TableReader;
import org.probstab.spark.TestSpark;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;

/**
 * {@code probstab figures --quick} for the simulation figures ({@link Figures#SIMULATIONS}) in one shared
 * SparkSession: every config swept at its quick size and drawn; then numbers of the quick tables against closed
 * forms of the linearised theory (002 eq. 8, the exact finite-product law of w_T), with the z of every Monte-Carlo
 * tolerance stated.
 */
class SimulationFiguresQuickTest {

    @TempDir
    static Path out;

    static Figures.Summary summary;
    static SparkSession spark;

    @BeforeAll
    static void runTheSimulationFiguresQuick() throws IOException {
        spark = TestSpark.local2();
        summary = Figures.run(spark, FigureConfigsTest.CONF, out, true, Figures.SIMULATIONS);
    }

    static TableData table(String name) {
        return TableReader.read(spark, out.resolve("tables").resolve(name).toString(), null);
    }

    @Test
    void everySimulationFigureIsDrawnAsAReadablePngAndIndexed() throws IOException {
        String index = Files.readString(summary.index());
        assertThat(summary.pngs()).hasSizeGreaterThanOrEqualTo(Figures.SIMULATIONS.size());
        for (Path png : summary.pngs()) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(1000);
            assertThat(image.getHeight()).isEqualTo(720);
            assertThat(index).contains("(" + png.getFileName() + ")");
        }
        for (Figure f : Figures.SIMULATIONS) {
            for (String c : f.configs()) {
                assertThat(index).contains("conf/" + c);
            }
        }
    }

    /** Λ = E ln|1 − λx| = ½ ln|1 − λ| + ½ ln|1 − λ(a − 1)| (002 eq. 8). */
    static double exponent(double a, double lambda) {
        return 0.5 * Math.log(Math.abs(1 - lambda)) + 0.5 * Math.log(Math.abs(1 - lambda * (a - 1)));
    }

    /**
     * 002 Fig. 2-right: at each of the 9 quick λ, for a = −1 and a = −0.5 (and −0.25), γ̂ over the first 50 steps
     * (1000 runs) is within z = 4 SE of the closed form Λ (for the quadratic loss E ln|w_τ/w_0| = τΛ exactly, so
     * γ̂ is unbiased); the row's theory column is that closed form to 1e-14 (two logarithms, each rounded to
     * ~1e-16 in either implementation).
     */
    @Test
    void escapeRateMatchesTheClosedFormAtEveryLambda() {
        TableData t = table("fig-sgd-two-point-escape-rate");
        assertThat(t.rows()).hasSize(27);
        for (DataRow r : t.rows()) {
            double exact = exponent(r.get("a"), r.get("lambda"));
            assertThat(r.get("exp_minus")).isCloseTo(exact, org.assertj.core.api.Assertions.within(1e-14));
            assertThat(Math.abs(r.get("escape_rate") - exact)).as("a = %s, lambda = %s", r.get("a"), r.get("lambda"))
                    .isLessThanOrEqualTo(4 * r.get("escape_rate_se"));
        }
    }

    /**
     * 002 Fig. 2-left on the quick 10 × 14 grid (200 runs of 1000 steps): wherever the simulated phase (escape
     * probability above ½) and the sign of the closed-form Λ disagree, Λ changes sign within one grid cell; and the
     * disagreements are few (below 10 % of the cells). The 1000 steps matter at the grid's smallest λ = 0.04: at
     * a = 1/3, Λ ≈ −0.007 per step, so 200 steps would shrink w by e^{−1.5} only and leave most runs outside the
     * central bins — a finite-time effect, not the phase.
     */
    @Test
    void escapeBoundaryIsTheClosedFormWithinOneGridCell() {
        TableData t = table("fig-sgd-two-point-lambda-a");
        double[] as = t.distinct("a");
        double[] ls = t.distinct("lambda");
        boolean[][] theory = new boolean[as.length][ls.length];
        boolean[][] simulated = new boolean[as.length][ls.length];
        for (DataRow r : t.rows()) {
            int i = Arrays.binarySearch(as, r.get("a"));
            int j = Arrays.binarySearch(ls, r.get("lambda"));
            theory[i][j] = exponent(r.get("a"), r.get("lambda")) > 0;
            simulated[i][j] = r.get("escape_probability") > 0.5;
        }
        int disagree = 0;
        for (int i = 0; i < as.length; i++) {
            for (int j = 0; j < ls.length; j++) {
                if (theory[i][j] == simulated[i][j]) {
                    continue;
                }
                disagree++;
                boolean near = (i > 0 && theory[i - 1][j] != theory[i][j])
                        || (i + 1 < as.length && theory[i + 1][j] != theory[i][j])
                        || (j > 0 && theory[i][j - 1] != theory[i][j])
                        || (j + 1 < ls.length && theory[i][j + 1] != theory[i][j]);
                assertThat(near).as("a = %s, lambda = %s", as[i], ls[j]).isTrue();
            }
        }
        assertThat(disagree).isLessThan(as.length * ls.length / 10);
    }

    /**
     * 002 Fig. 1, quadratic loss (a = −1, λ = 0.8, 400 runs of 300 steps from U[−1, 1)): w_T = w_0 Π(1 − λx_t) is a
     * finite product, |w_T| = |w_0| · 0.2^k · 2.6^{T−k} with k ~ Binomial(T, ½), so P(|w_T| &lt; 0.1) (the two
     * central bins of 0.1) = Σ_k Bin(k) min(1, 0.1/(0.2^k 2.6^{T−k})) exactly; the simulated escape probability is
     * within z = 4 binomial SE of it (plus one run, 1/R, for an exact probability within 1e-9 of 0 or 1). Every
     * run is counted once in the histogram.
     */
    @Test
    void quadraticHistogramFollowsTheExactFiniteProductLaw() {
        TableData t = table("fig-sgd-two-point-histograms");
        DataRow quadratic = t.rows().stream().filter(r -> r.text("loss").equals("quadratic")).findFirst()
                .orElseThrow();
        int steps = 300;
        double runs = quadratic.get("runs");
        double inside = 0;
        for (int k = 0; k <= steps; k++) {
            double logBinomial = logChoose(steps, k) - steps * Math.log(2);
            double logScale = k * Math.log(0.2) + (steps - k) * Math.log(2.6);
            inside += Math.exp(logBinomial + Math.min(0, Math.log(0.1) - logScale));
        }
        double escape = 1 - inside;
        double se = Math.sqrt(escape * (1 - escape) / runs);
        assertThat(Math.abs(quadratic.get("escape_probability") - escape))
                .isLessThanOrEqualTo(4 * se + (se < 1e-9 ? 1 / runs : 0));
        for (DataRow r : t.rows()) {
            double counted = Arrays.stream(r.array("histogram_counts")).sum() + r.get("histogram_below")
                    + r.get("histogram_above") + r.get("histogram_non_finite");
            assertThat(counted).as(r.text("loss")).isEqualTo(runs);
            assertThat(r.array("histogram_edges")).hasSize(r.array("histogram_counts").length + 1);
        }
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log((double) (n - k + i) / i);
        }
        return s;
    }

    /**
     * 000 Fig. 1: the Type-I escape is under way by the first recorded step while the Type-II one takes more than 20
     * times as long; the exponential fit to the Type-II escape gives the linearised exponent within z = 4 combined
     * SE √(SE_fit² + SE_Λ²).
     */
    @Test
    void reluTypeTwoEscapeIsDelayedAndGrowsAtTheLyapunovRate() {
        TableData t = table("fig-sgd-relu-saddles");
        DataRow one = t.rows().stream().filter(r -> r.text("start").equals("type1")).findFirst().orElseThrow();
        DataRow two = t.rows().stream().filter(r -> r.text("start").equals("type2")).findFirst().orElseThrow();
        assertThat(one.map("extras").get("median_escape_time")).isLessThanOrEqualTo(10.0);
        assertThat(two.map("extras").get("median_escape_time"))
                .isGreaterThan(20 * one.map("extras").get("median_escape_time"));
        assertThat(Math.abs(two.get("escape_rate") - two.get("exp_minus")))
                .isLessThanOrEqualTo(4 * Math.hypot(two.get("escape_rate_se"), two.get("exp_minus_se")));
    }

    /**
     * 002 Fig. 3: with the paper's noise every run ends at a sharp minimum (a census, no tolerance); without noise
     * the flat minima keep more than a fifth of the uniform starts. 000 Fig. 3: at λ = 0.4 spred's sparsity is above
     * the lasso's 50 % by more than z = 4 SE (8 runs of 20 000 steps).
     */
    @Test
    void sharpMinimaAndSparsity() {
        for (DataRow r : table("fig-sgd-four-minimum").rows()) {
            Map<String, Double> f = r.map("solution_fractions");
            double sharp = f.getOrDefault("sharp+", 0.0) + f.getOrDefault("sharp-", 0.0);
            double flat = f.getOrDefault("flat+", 0.0) + f.getOrDefault("flat-", 0.0);
            if (r.get("b") < 0) {
                assertThat(sharp).isEqualTo(1.0);
            } else {
                assertThat(flat).isGreaterThan(0.2);
            }
        }
        DataRow large = table("fig-sgd-spred").rows().stream().filter(r -> r.get("lambda") == 0.4).findFirst()
                .orElseThrow();
        assertThat(large.get("sparsity")).isGreaterThan(0.5 + 4 * large.get("sparsity_se"));
    }

    /**
     * 000 Fig. 4: from A and from B the solution most runs reach starts at the start point, is C at some larger λ
     * and ends diverged; it never goes back.
     */
    @Test
    void swishSolutionGoesFromTheStartToCThenDiverges() {
        TableData t = table("fig-sgd-swish");
        for (String start : List.of("A", "B")) {
            List<String> reached = t.rows().stream().filter(r -> r.text("start").equals(start))
                    .sorted((x, y) -> Double.compare(x.get("lambda"), y.get("lambda")))
                    .map(r -> r.map("solution_fractions").entrySet().stream().max(Map.Entry.comparingByValue())
                            .orElseThrow().getKey()).toList();
            assertThat(reached.get(0)).as("from %s: %s", start, reached).isEqualTo(start);
            assertThat(reached).as("from %s", start).contains("C");
            assertThat(reached.get(reached.size() - 1)).as("from %s: %s", start, reached).isEqualTo("diverged");
            List<String> order = List.of(start, "C", "diverged");
            int stage = 0;
            for (String s : reached) {
                int k = order.indexOf(s);
                if (k >= 0) {
                    assertThat(k).as("from %s: %s", start, reached).isGreaterThanOrEqualTo(stage);
                    stage = k;
                }
            }
        }
    }
}
