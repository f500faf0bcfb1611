package org.probstab.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.spark.sql.SparkSession;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.lyapunov.RenormalisedProduct;
import org.probstab.lyapunov.TrajectoryResult;
import org.probstab.lyapunov.TrajectorySettings;
import org.probstab.spark.SweepJob;
import org.probstab.stability.LogNormalClt;
import org.probstab.random.StreamSeeds;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of the papers that are Lyapunov-exponent diagrams, one config each under {@code conf/fig-*.conf}
 * (issue 4): {@link #run} sweeps every config with {@link SweepJob} in the caller's SparkSession, draws the PNGs
 * with {@link Renderer} and writes {@code index.md} naming each figure, its config, what to look for and the
 * numbers measured on the way.
 *
 * <p>Two figures need more than one sweep can express, and are combined here: 000 Fig. 2-right overlays three
 * estimators (QR spectrum and paper protocol are two sweeps; the renormalised single-vector product, which the
 * {@code random-sym} model does not expose for d = 2, is computed here at the same λ with the sweep's settings);
 * 001 Fig. 6 shows trajectories over time, which a phase table does not hold, so the 200 trajectories are
 * simulated here from the same law (w_{t+1} = (1 − λx_t²)w_t, x_t ~ N(0, 1)).
 */
public final class Figures {

    private static final Logger LOG = LoggerFactory.getLogger(Figures.class);

    /**
     * One figure.
     *
     * @param id       short name (PNG files start with it)
     * @param paper    the paper figure(s)
     * @param configs  config file names under conf/
     * @param quick    {@code --set} overrides of {@code --quick}, applied to every config of the figure
     * @param lookFor  what a reader should check
     */
    public record Figure(String id, String paper, List<String> configs, List<String> quick, String lookFor) {
    }

    /** The catalog, in the order of the index. */
    public static final List<Figure> FIGURES = List.of(
            new Figure("two-point-lambda-a", "000 Fig. 2-left / 001 Fig. 1b",
                    List.of("fig-two-point-lambda-a.conf"),
                    List.of("sweep.axes.lambda.steps=60", "sweep.axes.a.steps=40"),
                    "Five phases of the two-point saddle. The black curves (exact roots of Λ₋ and Λ₊, dashed Λ₊) run"
                            + " exactly along the colour edges; the dotted L2 curve splits Ia from Ib. Phase III"
                            + " (collapse) needs a < 0."),
            new Figure("2x2-top-exponent", "000 Fig. 2-right",
                    List.of("fig-2x2-top-exponent-qr.conf", "fig-2x2-top-exponent-paper.conf"),
                    List.of("sweep.axes.lambda.steps=12", "sweep.estimator.runs=32", "sweep.estimator.steps=2000"),
                    "Top exponent of the 2×2 system against λ: negative (θ → 0 in probability) between two"
                            + " learning rates although E[Ĥ] has a negative eigenvalue. The unbiased QR spectrum and"
                            + " renormalised product agree; the paper protocol's bias is listed below."),
            new Figure("lambda-mu-ninf-s1", "000 Fig. 9 left / 001 Fig. 3 left",
                    List.of("fig-lambda-mu-ninf-s1.conf"),
                    List.of("sweep.axes.lambda.steps=40", "sweep.axes.mu.steps=30"),
                    "Phase III (collapse onto the low-rank saddle) for μ below about 0.3, between the two roots of Λ₊;"
                            + " Ia/Ib split by the L2 curve; exact boundaries on the colour edges."),
            new Figure("lambda-s-ninf-mu006", "000 Fig. 9 right / 001 Fig. 3 right",
                    List.of("fig-lambda-s-ninf-mu006.conf"),
                    List.of("sweep.axes.lambda.steps=40", "sweep.axes.S.to=8", "sweep.axes.S.steps=8"),
                    "Larger batches shrink the collapse phase III and push every boundary to larger λ."),
            new Figure("lambda-mu-finite-n", "000 Fig. 5, 8 / 001 Fig. 4",
                    List.of("fig-lambda-mu-finite-n.conf"),
                    List.of("sweep.axes.lambda.steps=50", "sweep.axes.mu.steps=40"),
                    "One map per N: fractal-like boundaries at small N, a lower part shared by all N, phase II"
                            + " fading as N grows (compare with the N = ∞ map)."),
            new Figure("linreg-outlier-stripes", "001 Fig. 2",
                    List.of("fig-linreg-outlier-stripes.conf"),
                    List.of("sweep.axes.lambda.steps=60", "sweep.axes.outlier.steps=25"),
                    "Stripes of stability around λ = 1/x_i²; intermediate λ are robust to the outlier, the smallest"
                            + " are not: left of λ_GD/N (green) SGD is stable, the outlier moves λ_GD (grey)."),
            new Figure("typical-vs-mean-square", "001 Fig. 6 (and 002 eq. 40–41)",
                    List.of("fig-typical-vs-mean-square.conf"),
                    List.of("sweep.axes.lambda.steps=8"),
                    "e^{2Λ} < 1 for every λ here (typical trajectories converge) while E(1 − λh)² > 1 beyond"
                            + " λ = 2/3: the mean square is carried by rare trajectories. In the trajectory plots the"
                            + " bulk of the 200 runs follows e^{2Λt} inside the CLT band, not the mean square."),
            new Figure("mlp-theory-boundary", "000 Fig. 6 (dashed line)",
                    List.of("fig-mlp-theory-boundary.conf"),
                    List.of("sweep.axes.lambda.steps=40", "sweep.axes.mu.steps=30"),
                    "The theory boundary of the 200→200→200 experiment: where the saddle becomes attractive"
                            + " (Λ₋, Λ₊ < 0) at small λ; for λ < 0.2 it runs close to the loss of L2 stability."));

    /** What a run produced. */
    public record Summary(Path index, List<Path> pngs, double seconds) {
    }

    private Figures() {
    }

    /**
     * Sweeps and draws every figure.
     *
     * @param spark   the session all sweeps run in
     * @param confDir where the fig-*.conf files are
     * @param outDir  PNGs and index.md go here, tables under {@code outDir/tables}
     * @param quick   small grids ({@link Figure#quick}) for a fast check
     */
    public static Summary run(SparkSession spark, Path confDir, Path outDir, boolean quick) throws IOException {
        Charts.headless();
        long t0 = System.nanoTime();
        for (Figure f : FIGURES) {
            // Validate every config (with its quick overrides) before anything runs: bad input fails fast.
            for (String conf : f.configs()) {
                SweepSpec.from(SweepConfig.load(confDir.resolve(conf), quick ? f.quick() : List.of()), conf);
            }
        }
        Files.createDirectories(outDir);
        List<Path> pngs = new ArrayList<>();
        StringBuilder index = new StringBuilder();
        index.append("# probstab figures").append(quick ? " (--quick: small grids)" : "").append("\n\n")
                .append("Generated by `bin/probstab figures").append(quick ? " --quick" : "").append("`. Each figure")
                .append(" names its config under `conf/`; rerun one with `bin/probstab sweep conf/NAME.conf` and")
                .append(" `bin/probstab render out/NAME --png FILE`.\n\n");
        for (Figure f : FIGURES) {
            long f0 = System.nanoTime();
            Map<String, String> tables = new LinkedHashMap<>();
            for (String conf : f.configs()) {
                tables.put(conf, sweep(spark, confDir.resolve(conf), outDir.resolve("tables"),
                        quick ? f.quick() : List.of()));
            }
            List<String> lines = new ArrayList<>();
            List<Path> made = draw(spark, f, tables, outDir, quick, lines);
            pngs.addAll(made);
            index.append("## ").append(f.id()).append(" — ").append(f.paper()).append("\n\n");
            index.append("Config: ").append(String.join(", ", f.configs().stream().map(c -> "`conf/" + c + "`")
                    .toList())).append(quick ? " with " + String.join(" ", f.quick().stream()
                    .map(s -> "`--set " + s + "`").toList()) : "").append("\n\n");
            index.append("What to look for: ").append(f.lookFor()).append("\n\n");
            for (String l : lines) {
                index.append("- ").append(l).append('\n');
            }
            if (!lines.isEmpty()) {
                index.append('\n');
            }
            for (Path p : made) {
                index.append("![").append(p.getFileName()).append("](").append(p.getFileName()).append(")\n\n");
            }
            LOG.info("figure {}: {} PNG(s) in {} s", f.id(), made.size(),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - f0) * 1e-9));
        }
        Path indexFile = outDir.resolve("index.md");
        Files.writeString(indexFile, index.toString(), StandardCharsets.UTF_8);
        return new Summary(indexFile, pngs, (System.nanoTime() - t0) * 1e-9);
    }

    /** Runs one config into {@code tablesDir/NAME} (replacing an earlier run there); returns the table path. */
    static String sweep(SparkSession spark, Path conf, Path tablesDir, List<String> overrides) throws IOException {
        String file = conf.getFileName().toString();
        String name = file.endsWith(".conf") ? file.substring(0, file.length() - 5) : file;
        SweepSpec spec = SweepSpec.from(SweepConfig.load(conf, overrides), name)
                .withOutputPath(tablesDir.resolve(name).toString());
        SweepJob.run(spark, new SweepPlan(spec), new SweepJob.Options(false, true, 0, Duration.ofSeconds(30)));
        return spec.outputPath();
    }

    private static List<Path> draw(SparkSession spark, Figure f, Map<String, String> tables, Path out, boolean quick,
                                   List<String> lines) {
        int rows = quick ? 30 : Renderer.DEFAULT_OVERLAY_ROWS;
        String first = tables.values().iterator().next();
        List<Path> made = new ArrayList<>();
        switch (f.id()) {
            case "two-point-lambda-a", "lambda-mu-ninf-s1", "lambda-s-ninf-mu006", "mlp-theory-boundary" -> {
                Path png = out.resolve(f.id() + ".png");
                Renderer.Result r = Renderer.render(spark, request(first, png, rows)
                        .withOverlays(List.of("boundaries")));
                made.add(png);
                lines.add(r.cells() + " cells; exact boundaries: " + describe(r.overlays()));
                if (f.id().equals("lambda-mu-ninf-s1")) {
                    Path exp = out.resolve(f.id() + "-exp-minus.png");
                    Renderer.render(spark, request(first, exp, rows).withColumns(List.of("exp_minus")));
                    made.add(exp);
                }
            }
            case "lambda-mu-finite-n" -> {
                for (int n : new int[] {3, 4, 8, 10, 24, 100}) {
                    Path png = out.resolve(f.id() + "-n" + n + ".png");
                    Renderer.render(spark, request(first, png, rows).withY("mu")
                            .withWhere("n = " + n, "λ–μ phases, one dataset of size N = " + n + ", S = 1"));
                    made.add(png);
                }
            }
            case "linreg-outlier-stripes" -> {
                for (int n : new int[] {10, 100, 1000}) {
                    Path png = out.resolve(f.id() + "-n" + n + ".png");
                    Renderer.render(spark, request(first, png, rows).withY("outlier").withOverlays(List.of("gd"))
                            .withWhere("n = " + n, "linear regression with an outlier, N = " + n + ", S = 1"));
                    made.add(png);
                }
            }
            case "2x2-top-exponent" -> made.add(twoByTwo(spark, tables, out.resolve(f.id() + ".png"), lines));
            case "typical-vs-mean-square" -> made.addAll(typical(spark, first, out, f.id(), quick, lines));
            default -> throw new IllegalStateException("no drawing for figure " + f.id());
        }
        return made;
    }

    private static Renderer.Request request(String table, Path png, int rows) {
        Renderer.Request r = Renderer.Request.of(table, png);
        return new Renderer.Request(r.table(), png, r.x(), r.y(), r.columns(), r.overlays(), r.where(), r.title(),
                r.center(), rows, r.width(), r.height());
    }

    private static String describe(List<OverlayLine> overlays) {
        List<String> parts = new ArrayList<>();
        for (OverlayLine l : overlays) {
            int points = l.branches().stream().mapToInt(List::size).sum();
            parts.add(l.label() + " (" + points + " roots)");
        }
        return parts.isEmpty() ? "none in range" : String.join(", ", parts);
    }

    // --- 000 Fig. 2-right ----------------------------------------------------------------------------------------

    private static Path twoByTwo(SparkSession spark, Map<String, String> tables, Path png, List<String> lines) {
        List<String> dirs = new ArrayList<>(tables.values());
        PhaseTableReader.Table qr = PhaseTableReader.read(spark, dirs.get(0), null);
        PhaseTableReader.Table paper = PhaseTableReader.read(spark, dirs.get(1), null);
        LineChart.Series qrSeries = Renderer.series(qr.cells(), "lambda", "exp_top", "QR spectrum (unbiased)");
        LineChart.Series paperSeries = Renderer.series(paper.cells(), "lambda", "exp_top",
                "paper protocol (000 App. A.2)");
        // The renormalised single-vector product at the same λ, runs and steps as the QR sweep.
        Map<String, Object> fixed = qr.fixedParameters();
        TrajectorySettings settings = new TrajectorySettings(number(fixed, "runs", 64), (long) number(fixed, "steps",
                10_000), (long) number(fixed, "burn_in", 100), 1, 1e-3);
        String[] mean = String.valueOf(fixed.getOrDefault("mean", "0.1,-0.1")).split(",");
        double[] diagonal = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            diagonal[i] = Double.parseDouble(mean[i].trim());
        }
        RandomSymmetricLaw law = RandomSymmetricLaw.diagonal(diagonal, number(fixed, "noise", 1.0));
        double[] x = qrSeries.x();
        double[] y = new double[x.length];
        double[] se = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            TrajectoryResult r = RenormalisedProduct.matrix(law, x[i], settings,
                    StreamSeeds.streamSeed(qr.seed(), i, StreamSeeds.Purpose.TRAJECTORY_PLUS));
            y[i] = r.exponent().value();
            se[i] = r.exponent().standardError();
        }
        LineChart.Series product = new LineChart.Series("renormalised product (unbiased)", x, y, se);
        XYChart chart = LineChart.build("2×2 system Ĥ = diag(0.1, −0.1) + M + Mᵀ: top Lyapunov exponent",
                RenderLabels.axis("lambda"), RenderLabels.axis("exp_top"), List.of(qrSeries, product, paperSeries), 0.0,
                false, 1000, 720);
        Charts.savePng(chart, png);

        lines.add(String.format(Locale.ROOT, "sign change − → + of the top exponent (linear interpolation): QR %s,"
                + " renormalised product %s, paper protocol %s", crossings(qrSeries), crossings(product),
                crossings(paperSeries)));
        double sum = 0;
        double worst = 0;
        double worstLambda = Double.NaN;
        int count = 0;
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < x.length && i < paperSeries.x().length; i++) {
            double bias = paperSeries.y()[i] - qrSeries.y()[i];
            double err = Math.hypot(paperSeries.se()[i], qrSeries.se()[i]);
            if (!Double.isFinite(bias)) {
                continue;
            }
            sum += bias;
            count++;
            if (Math.abs(bias) > Math.abs(worst)) {
                worst = bias;
                worstLambda = x[i];
            }
            if (i % Math.max(1, x.length / 6) == 0) {
                table.append(String.format(Locale.ROOT, " λ=%.3g: %+.4f ± %.4f;", x[i], bias, err));
            }
        }
        lines.add(String.format(Locale.ROOT, "paper-protocol bias (paper − QR) over %d λ: mean %+.5f, largest %+.5f at"
                + " λ = %.3g. Samples:%s", count, sum / Math.max(1, count), worst, worstLambda, table));
        return png;
    }

    /** λ where the series changes sign from − to +, by linear interpolation between grid points. */
    static String crossings(LineChart.Series s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < s.x().length; i++) {
            double a = s.y()[i];
            double b = s.y()[i + 1];
            if (Double.isFinite(a) && Double.isFinite(b) && a < 0 && b >= 0) {
                double lambda = s.x()[i] + (s.x()[i + 1] - s.x()[i]) * (-a) / (b - a);
                out.add(String.format(Locale.ROOT, "%.4f", lambda));
            }
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    private static double number(Map<String, Object> m, String key, double fallback) {
        Object v = m.get(key);
        return v instanceof Number n ? n.doubleValue() : v == null ? fallback : Double.parseDouble(v.toString());
    }

    private static int number(Map<String, Object> m, String key, int fallback) {
        return (int) number(m, key, (double) fallback);
    }

    // --- 001 Fig. 6 ---------------------------------------------------------------------------------------------

    private static List<Path> typical(SparkSession spark, String dir, Path out, String id, boolean quick,
                                      List<String> lines) {
        PhaseTableReader.Table t = PhaseTableReader.read(spark, dir, null);
        List<Cell> cells = new ArrayList<>(t.cells());
        cells.sort((a, b) -> Double.compare(a.get("lambda"), b.get("lambda")));
        double[] lambda = cells.stream().mapToDouble(c -> c.get("lambda")).toArray();
        double[] typical = cells.stream().mapToDouble(c -> Math.exp(2 * c.get("exp_minus"))).toArray();
        double[] meanSquare = cells.stream().mapToDouble(c -> c.get("ms_growth")).toArray();
        List<Path> made = new ArrayList<>();
        Path rates = out.resolve(id + "-rates.png");
        Charts.savePng(LineChart.build("linear regression, N = ∞, S = 1: per-step growth factors",
                RenderLabels.axis("lambda"), "per-step factor", List.of(
                        new LineChart.Series("typical e^{2Λ}, Λ = E log|1 − λh|", lambda, typical, null),
                        new LineChart.Series("mean square E(1 − λh)²", lambda, meanSquare, null)), 1.0, false,
                1000, 720), rates);
        made.add(rates);
        for (Cell c : List.of(cells.get(1), cells.get(cells.size() - 1))) {
            double l = c.get("lambda");
            Path png = out.resolve(String.format(Locale.ROOT, "%s-lambda%.2f.png", id, l));
            made.add(png);
            Charts.savePng(trajectories(c, t.seed(), quick ? 60 : 200, quick ? 100 : 200, lines), png);
        }
        return made;
    }

    private static XYChart trajectories(Cell c, long seed, int runs, int steps, List<String> lines) {
        double lambda = c.get("lambda");
        double exponent = c.get("exp_minus");
        double logVariance = c.get("log_var");
        double ms = c.get("ms_growth");
        XYChart chart = Charts.xy(String.format(Locale.ROOT, "λ = %.2f: %d trajectories w_t² (w_0 = 1), h = x²,"
                + " x ~ N(0,1)", lambda, runs), "step t", "log₁₀ w_t²", 1000, 720);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) steps);
        Charts.roundXTicks(chart, 0, steps, 0.0);
        double[] time = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            time[t] = t;
        }
        double empiricalMean = 0;
        double[] finals = new double[runs];
        for (int r = 0; r < runs; r++) {
            RandomGenerator rng = StreamSeeds.stream(seed, r, StreamSeeds.Purpose.SIMULATION);
            double[] w2 = new double[steps + 1];
            double w = 1;
            w2[0] = 1;
            for (int t = 1; t <= steps; t++) {
                double x = rng.nextGaussian();
                w *= 1 - lambda * x * x;
                w2[t] = Math.log10(Math.max(w * w, Double.MIN_NORMAL));
            }
            finals[r] = Math.pow(10, w2[steps]);
            empiricalMean += finals[r] / runs;
            XYSeries s = chart.addSeries("run " + r, time, w2);
            s.setLineColor(new java.awt.Color(0, 158, 115, 60));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(OverlayLine.solid(0.8f));
            s.setShowInLegend(r == 0);
            if (r == 0) {
                s.setLabel("trajectories");
            }
        }
        double[] typ = new double[steps + 1];
        double[] msq = new double[steps + 1];
        double[] lo = new double[steps + 1];
        double[] hi = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            typ[t] = Math.exp(2 * exponent * t);
            msq[t] = Math.pow(ms, t);
            lo[t] = Math.exp(2 * LogNormalClt.quantile(0.1, t, exponent, logVariance));
            hi[t] = Math.exp(2 * LogNormalClt.quantile(0.9, t, exponent, logVariance));
        }
        line(chart, "typical e^{2Λt}", time, log10(typ), java.awt.Color.BLACK, OverlayLine.solid(2.5f));
        line(chart, "mean square (E(1−λh)²)^t", time, log10(msq), new java.awt.Color(0xD55E00),
                OverlayLine.solid(2.5f));
        line(chart, "CLT 10 % quantile (002 eq. 41)", time, log10(lo), new java.awt.Color(0x0072B2),
                OverlayLine.dashed(2f));
        line(chart, "CLT 90 % quantile", time, log10(hi), new java.awt.Color(0x0072B2), OverlayLine.dotted(2.4f));
        java.util.Arrays.sort(finals);
        int inside = 0;
        for (double f : finals) {
            inside += f >= lo[steps] && f <= hi[steps] ? 1 : 0;
        }
        lines.add(String.format(Locale.ROOT, "λ = %.2f, t = %d: median w_t² %.3g vs e^{2Λt} %.3g; mean of %d runs"
                + " %.3g vs (E(1−λh)²)^t %.3g; %d %% of runs inside the CLT 10–90 %% band", lambda, steps,
                finals[runs / 2], typ[steps], runs, empiricalMean, msq[steps], 100 * inside / runs));
        return chart;
    }

    private static double[] log10(double[] v) {
        return java.util.Arrays.stream(v).map(Math::log10).toArray();
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, java.awt.Color color,
                             java.awt.BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        s.setMarker(SeriesMarkers.NONE);
    }
}
