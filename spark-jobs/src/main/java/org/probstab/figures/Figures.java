package org.probstab.figures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.probstab.render.Charts;
import org.probstab.render.Renderer;
import org.probstab.spark.NetChunkEvaluator;
import org.probstab.spark.SweepJob;
import org.probstab.spark.TableReader;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;
import org.probstab.table.TableData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of the papers — Lyapunov-exponent diagrams, trained-net rank maps and nonlinear SGD simulations — one
 * or more configs each
 * under {@code conf/fig-*.conf}: {@link #run} sweeps every config with {@link SweepJob} in the caller's SparkSession
 * (net models train their chunks together, {@link NetChunkEvaluator}, as {@code probstab train} does), reads
 * the tables back, lets each {@link Figure} draw itself, and writes {@code index.md} naming each figure, its configs,
 * what to look for and the numbers measured on the way.
 */
public final class Figures {

    private static final Logger LOG = LoggerFactory.getLogger(Figures.class);

    /** Overlay rows of a quick figure (full size: {@link Renderer#DEFAULT_OVERLAY_ROWS}). */
    static final int QUICK_OVERLAY_ROWS = 30;

    /** The exponent diagrams and net rank maps, in the order of the index. */
    public static final List<Figure> DIAGRAMS = List.of(
            new PhaseMapFigure("two-point-lambda-a", "000 Fig. 2-left / 001 Fig. 1b",
                    List.of("fig-two-point-lambda-a.conf"),
                    "Five phases of the two-point saddle. The black curves (exact roots of Λ₋ and Λ₊, dashed Λ₊) run"
                            + " exactly along the colour edges; the dotted L2 curve splits Ia from Ib. Phase III"
                            + " (collapse) needs a < 0.", List.of()),
            new ExponentCurvesFigure("2x2-top-exponent", "000 Fig. 2-right",
                    List.of("fig-2x2-top-exponent-qr.conf", "fig-2x2-top-exponent-vector.conf",
                            "fig-2x2-top-exponent-paper.conf"),
                    "Top exponent of the 2×2 system against λ: positive at small λ, negative (θ → 0 in probability)"
                            + " between two learning rates although E[Ĥ] has a negative eigenvalue, positive again"
                            + " beyond. The unbiased QR spectrum and single-vector product agree; the paper"
                            + " protocol's bias is listed below.", "exp_top",
                    List.of("QR spectrum (unbiased)", "renormalised product (unbiased)",
                            "paper protocol (000 App. A.2)"),
                    "2×2 system Ĥ = diag(0.1, −0.1) + M + Mᵀ: top Lyapunov exponent"),
            new PhaseMapFigure("lambda-mu-ninf-s1", "000 Fig. 9 left / 001 Fig. 3 left",
                    List.of("fig-lambda-mu-ninf-s1.conf"),
                    "Phase III (collapse onto the low-rank saddle) for μ below about 0.3, between the two roots of Λ₊;"
                            + " Ia/Ib split by the L2 curve; exact boundaries on the colour edges.",
                    List.of("exp_minus")),
            new PhaseMapFigure("lambda-s-ninf-mu006", "000 Fig. 9 right / 001 Fig. 3 right",
                    List.of("fig-lambda-s-ninf-mu006.conf"),
                    "Larger batches shrink the collapse phase III and push every boundary to larger λ.", List.of()),
            new SliceMapsFigure("lambda-mu-finite-n", "000 Fig. 5, 8 / 001 Fig. 4",
                    List.of("fig-lambda-mu-finite-n.conf"),
                    "One map per N: fractal-like boundaries at small N, a lower part shared by all N, phase II"
                            + " fading as N grows (compare with the N = ∞ map).", "N", "mu", List.of(),
                    "λ–μ phases, one dataset of size N = %s, S = 1"),
            new SliceMapsFigure("linreg-outlier-stripes", "001 Fig. 2",
                    List.of("fig-linreg-outlier-stripes.conf"),
                    "Stripes of stability around λ = 1/x_i²; intermediate λ are robust to the outlier, the smallest"
                            + " are not: left of λ_GD/N (green) SGD is stable, the outlier moves λ_GD (grey).", "N",
                    "outlier", List.of("gd"), "linear regression with an outlier, N = %s, S = 1"),
            new TrajectoriesFigure("typical-vs-mean-square", "001 Fig. 6 (and 002 eq. 40–41)",
                    List.of("fig-typical-vs-mean-square.conf"),
                    "e^{2Λ} < 1 for every λ here (typical trajectories converge) while E(1 − λh)² > 1 beyond"
                            + " λ = 2/3: the mean square is carried by rare trajectories. In the trajectory plots the"
                            + " bulk of the runs follows e^{2Λt} inside the CLT band, not the mean square.", 200, 200,
                    60, 100),
            new PhaseMapFigure("mlp-theory-boundary", "000 Fig. 6 (dashed line)",
                    List.of("fig-mlp-theory-boundary.conf"),
                    "The theory boundary of the 200→200→200 experiment: where the saddle becomes attractive"
                            + " (Λ₋, Λ₊ < 0) at small λ; for λ < 0.2 it runs close to the loss of L2 stability.",
                    List.of()),
            new NetRankMapsFigure("mlp-rank-linear-tanh", "000 Fig. 6 / 001 Fig. 7",
                    List.of("fig-mlp-rank-linear-tanh.conf"),
                    "Trained nets lose rank (darker cells) where the saddle's theory predicts phase III, below the"
                            + " boundary at small μ and large λ, and keep full rank where it predicts learning; tanh"
                            + " collapses more slowly than linear at the same steps.",
                    "rank of W₂, %s nets, SGD, S = 1 (theory: saddle at c₀λ)"),
            new NetRankMapsFigure("mlp-rank-activations", "001 Fig. 8",
                    List.of("fig-mlp-rank-activations.conf"),
                    "The same collapse for linear, tanh, ReLU and swish nets; swish's boundary sits at twice the λ"
                            + " (its σ'(0) = ½ halves the rate the saddle sees).",
                    "rank of W₂, %s nets, SGD, S = 1 (theory: saddle at c₀λ)"),
            new NetRankMapsFigure("mlp-rank-adam", "000 Fig. 14",
                    List.of("fig-mlp-rank-adam.conf"),
                    "Adam also ends at low rank in a region of small μ and large λ like SGD's; the curves are the"
                            + " SGD saddle's (there is no Adam theory here), for comparison.",
                    "rank of W₂, %s nets, Adam, S = 1 (curves: the SGD saddle at c₀λ)"),
            new RankCurvesFigure("mf-rank-lambda", "000 Fig. 12",
                    List.of("fig-mf-rank-lambda.conf"),
                    "The rank of the 50 → 50 → 50 linear net falls with λ where the diagonal approximation says the"
                            + " noisiest subspaces collapse; the net lags the prediction (a subspace is active in one"
                            + " sample of 50) and diverges at the largest λ.",
                    "rank vs λ, linear 50 → 50 → 50, masked data, μ = %s"));

    /** The nonlinear SGD, Adam and AMSGrad simulations (simulation-outcome tables), in the order of the index. */
    public static final List<Figure> SIMULATIONS = List.of(
            new HistogramsFigure("sgd-two-point-histograms", "002 Fig. 1",
                    List.of("fig-sgd-two-point-histograms.conf"),
                    "SGD at a = −1, λ = 0.8 piles the final w into the two central bins around the local maximum"
                            + " w = 0 for the quadratic loss; with the quartic loss x w²/2 + w⁴/4 no run ends at its"
                            + " minima w = ±√(−a/2) ≈ ±0.71 either: a run ends in the central bins or diverges (the"
                            + " fractions below).", "loss", "lambda", "final w, SGD on the two-point saddle, a = −1"),
            new EscapeMapFigure("sgd-two-point-lambda-a", "002 Fig. 2-left and Fig. 5",
                    List.of("fig-sgd-two-point-lambda-a.conf", "fig-sgd-two-point-quartic-lambda-a.conf"),
                    "The escape probability drops from 1 to 0 across the black line E ln|1 − λx| = 0 (quadratic"
                            + " loss: exactly; quartic: at small λ), and SGD is attracted to the local maximum"
                            + " (a < 0) in the region between its two branches.",
                    List.of("escape probability, quadratic loss (002 Fig. 2-left)",
                            "escape probability, quartic loss (002 Fig. 5)")),
            new EscapeRateFigure("sgd-two-point-escape-rate", "002 Fig. 2-right, Prop. 3",
                    List.of("fig-sgd-two-point-escape-rate.conf"),
                    "The simulated escape rate follows E ln|1 − λx| within its error bars; on 0 < λ < a/(a − 1) it"
                            + " peaks at λ* = a/(2(a − 1)), and the peak γ* falls towards 0 as a → 0.",
                    "escape rate over the first 50 steps, SGD, quadratic two-point loss"),
            new HistogramsFigure("sgd-four-minimum", "002 Fig. 3",
                    List.of("fig-sgd-four-minimum.conf"),
                    "With the paper's noise (b = −1: b = 1/λ − 6) every run ends at a sharp minimum (w₁ = 0);"
                            + " without noise (b = 0) the flat minima (w₁ = ±0.71) keep the runs that start in their"
                            + " basins.", null, "b", "final w₁ on the four-minimum landscape, λ = 0.05"),
            new QuantileCurvesFigure("sgd-adam-amsgrad", "002 Fig. 4 (§5.4, §6.4, Prop. 5)",
                    List.of("fig-sgd-adam-amsgrad.conf"),
                    "SGD is attracted to the local maximum w = 0 (its median |w_t| falls exponentially). Without"
                            + " momentum AMSGrad's runs are absorbed where Prop. 5 predicts it from their final"
                            + " effective step, Adam's less often; with momentum β₁ = 0.9 Adam is not absorbed at all,"
                            + " and AMSGrad only in part (Prop. 5 assumes β₁ = 0; the paper's Fig. 4-right shows"
                            + " AMSGrad absorbed with momentum too). The absorbed fractions are listed below.", "momentum", "optimizer", "|w_t|",
                    "two-point saddle, a = −0.1, λ = 0.2"),
            new QuantileCurvesFigure("sgd-relu-saddles", "000 Fig. 1 (App. A.1)",
                    List.of("fig-sgd-relu-saddles.conf"),
                    "From the Type-I saddle the distance grows from the first steps; from the Type-II saddle it"
                            + " stays near 1e−8 for a while and then grows exponentially at the rate of the saddle's"
                            + " Lyapunov exponent (see the fitted rate below).", null, "start",
                    "distance from the saddle", "one-hidden-neuron ReLU net, SGD, λ = 0.05"),
            new ColumnCurvesFigure("sgd-spred", "000 Fig. 3 (§5.1)", List.of("fig-sgd-spred.conf"),
                    "Sparsity near the lasso's 50 % at small λ once the runs have left the saddles (at the"
                            + " smallest λ they leave them too slowly for the steps given), far above it at large λ,"
                            + " where the sparser Type-II saddles attract.", "sparsity", null, 0.5, "fraction of zero weights",
                    "spred lasso, 200 dimensions: sparsity of the solution (line: the lasso's)"),
            new SolutionCurvesFigure("sgd-swish", "000 Fig. 4 / 001 Fig. 5", List.of("fig-sgd-swish.conf"),
                    "From A: A, then the saddle C at a larger λ, then divergence; from B: B, C, divergence (two"
                            + " jumps); the loss on fresh data is C's between the jumps.", "start",
                    "swish network"));

    /** The catalogue, in the order of the index: the diagrams, then the simulations. */
    public static final List<Figure> FIGURES = java.util.stream.Stream.concat(DIAGRAMS.stream(),
            SIMULATIONS.stream()).toList();

    /** What a run produced. */
    public record Summary(Path index, List<Path> pngs, double seconds) {
    }

    private Figures() {
    }

    /** The config files every figure needs, for checks before anything runs. */
    public static List<String> configs() {
        return FIGURES.stream().flatMap(f -> f.configs().stream()).toList();
    }

    /**
     * Sweeps and draws every figure.
     *
     * @param spark   the session all sweeps run in
     * @param confDir where the fig-*.conf files are
     * @param outDir  PNGs and index.md go here, tables under {@code outDir/tables}
     * @param quick   small grids (each config's {@code quick} block) for a fast check
     */
    public static Summary run(SparkSession spark, Path confDir, Path outDir, boolean quick) throws IOException {
        return run(spark, confDir, outDir, quick, FIGURES);
    }

    /** {@link #run(SparkSession, Path, Path, boolean)} for some of the figures. */
    public static Summary run(SparkSession spark, Path confDir, Path outDir, boolean quick, List<Figure> figures)
            throws IOException {
        Charts.headless();
        long t0 = System.nanoTime();
        List<List<SweepSpec>> specs = new ArrayList<>();
        for (Figure f : figures) {
            // Validate every config (at its quick size) before anything runs: bad input fails fast.
            List<SweepSpec> s = new ArrayList<>();
            for (String conf : f.configs()) {
                String name = conf.endsWith(".conf") ? conf.substring(0, conf.length() - 5) : conf;
                s.add(SweepSpec.from(SweepConfig.load(confDir.resolve(conf), List.of(), quick), name)
                        .withOutputPath(outDir.resolve("tables").resolve(name).toString()));
            }
            specs.add(s);
        }
        Files.createDirectories(outDir);
        List<Path> pngs = new ArrayList<>();
        StringBuilder index = new StringBuilder();
        index.append("# probstab figures").append(quick ? " (--quick: small grids)" : "").append("\n\n")
                .append("Generated by `bin/probstab figures").append(quick ? " --quick" : "").append("`. Each figure")
                .append(" names its config under `conf/`; rerun one with `bin/probstab sweep conf/NAME.conf` (`train` for")
                .append(" the net configs) and")
                .append(" `bin/probstab render out/NAME --png FILE`.\n\n");
        for (int k = 0; k < figures.size(); k++) {
            Figure f = figures.get(k);
            long f0 = System.nanoTime();
            List<TableData> tables = new ArrayList<>();
            for (SweepSpec spec : specs.get(k)) {
                SweepPlan plan = new SweepPlan(spec);
                SweepJob.run(spark, plan, new SweepJob.Options(false, true, 0, Duration.ofSeconds(30)),
                        NetChunkEvaluator.of(plan));
                tables.add(TableReader.read(spark, spec.outputPath(), null));
            }
            List<String> notes = new ArrayList<>();
            List<Path> made = f.draw(tables, outDir, quick, notes);
            pngs.addAll(made);
            index.append("## ").append(f.id()).append(" — ").append(f.paper()).append("\n\n");
            index.append("Config: ").append(String.join(", ", f.configs().stream().map(c -> "`conf/" + c + "`")
                    .toList())).append(quick ? " at its quick size (the config's `quick` block)" : "")
                    .append("\n\n");
            index.append("What to look for: ").append(f.lookFor()).append("\n\n");
            for (String l : notes) {
                index.append("- ").append(l).append('\n');
            }
            if (!notes.isEmpty()) {
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

    /** Overlay rows of a figure at quick or full size. */
    static int overlayRows(boolean quick) {
        return quick ? QUICK_OVERLAY_ROWS : Renderer.DEFAULT_OVERLAY_ROWS;
    }

    /** The command line's defaults for drawing {@code table} into {@code png}, with that many overlay rows. */
    static Renderer.Request request(TableData table, Path png, int rows) {
        Renderer.Request r = Renderer.Request.of(table.location(), png);
        return new Renderer.Request(r.table(), png, r.x(), r.y(), r.columns(), r.overlays(), r.where(), r.title(),
                r.center(), rows, r.width(), r.height());
    }
}
