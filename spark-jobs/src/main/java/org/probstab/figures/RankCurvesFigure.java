package org.probstab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.probstab.render.AxisScale;
import org.probstab.render.Charts;
import org.probstab.render.LineChart;
import org.probstab.render.RenderLabels;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;

/**
 * Rank against λ, one plot per μ (000 Fig. 12, App. A.6): the trained net's rank of W₂ and the rank the diagonal
 * approximation predicts ({@code theory_rank}: the subspaces whose critical rate λ_k = −2E[h]/E[h²] of 000 eq. 7
 * lies above the theory's λ). Diverged cells have no rank and are left out of the net's curve (the index counts
 * them).
 *
 * @param titleFormat the title of a plot, with {@code %s} for μ
 */
public record RankCurvesFigure(String id, String paper, List<String> configs, String lookFor, String titleFormat)
        implements Figure {

    public RankCurvesFigure {
        configs = List.copyOf(configs);
    }

    @Override
    public List<Path> draw(List<TableData> tables, Path out, boolean quickSize, List<String> notes) {
        TableData table = tables.get(0);
        List<Path> made = new ArrayList<>();
        for (double mu : table.distinct("mu")) {
            List<DataRow> slice = new ArrayList<>(table.rows().stream().filter(r -> r.get("mu") == mu).toList());
            slice.sort(Comparator.comparingDouble(r -> r.get("lambda")));
            double[] lambda = slice.stream().mapToDouble(r -> r.get("lambda")).toArray();
            double[] rank = slice.stream().mapToDouble(r -> r.get("rank")).toArray();
            double[] theory = slice.stream().mapToDouble(r -> r.get("theory_rank")).toArray();
            long diverged = slice.stream().filter(r -> Double.isNaN(r.get("rank"))).count();
            String value = AxisScale.format(mu);
            Path png = out.resolve(id + "-mu" + value + ".png");
            Charts.savePng(LineChart.build(String.format(Locale.ROOT, titleFormat, value),
                    RenderLabels.axis("lambda"), RenderLabels.axis("rank"), List.of(
                            new LineChart.Series("net (τ = " + AxisScale.format(slice.get(0).get("rank_tolerance"))
                                    + ")", lambda, rank, null),
                            new LineChart.Series("diagonal approximation (000 eq. 7)", lambda, theory, null)),
                    null, false, 1000, 720), png);
            made.add(png);
            int close = 0;
            int judged = 0;
            for (DataRow r : slice) {
                if (!Double.isNaN(r.get("rank"))) {
                    judged++;
                    close += Math.abs(r.get("rank") - r.get("theory_rank")) <= 0.1 * r.get("width") ? 1 : 0;
                }
            }
            notes.add("μ = " + value + ": " + close + "/" + judged + " cells within 10 % of d of the predicted rank"
                    + (diverged > 0 ? ", " + diverged + " diverged" : ""));
        }
        return made;
    }
}
