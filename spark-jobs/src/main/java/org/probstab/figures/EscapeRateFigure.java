package org.probstab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.probstab.render.Charts;
import org.probstab.render.LineChart;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;

/**
 * The escape rate of the two-point saddle against λ (002 Fig. 2-right): for each a of the table, the simulated
 * γ̂ = mean ln|w(t₀+τ)/w(t₀)|/τ (002 eq. 9) with its SE bars, and beside it the linearised theory
 * Λ = E ln|1 − λx| ({@code exp_minus}) as a second curve. The notes say, per a, at how many λ the two agree within
 * {@value #Z} SE, and where γ̂ peaks on the window 0 &lt; λ &lt; a/(a − 1) against 002 Prop. 3's
 * λ* = a/(2(a − 1)) and γ* = ln((2 − a)/(2√(1 − a))).
 */
public record EscapeRateFigure(String id, String paper, List<String> configs, String lookFor, String title)
        implements Figure {

    /** The z of the agreement count: |γ̂ − Λ| ≤ z·SE (Λ is exact). */
    static final double Z = 4;

    public EscapeRateFigure {
        configs = List.copyOf(configs);
    }

    @Override
    public List<Path> draw(List<TableData> tables, Path out, boolean quick, List<String> notes) {
        List<LineChart.Series> series = new ArrayList<>();
        boolean log = false;
        for (Map.Entry<String, List<DataRow>> g : SimulationRows.groupBy(tables.get(0).rows(), "a").entrySet()) {
            List<DataRow> rows = g.getValue();
            double[] lambda = SimulationRows.column(rows, "lambda");
            log = SimulationRows.logSpaced(lambda);
            series.add(new LineChart.Series("γ̂, a = " + g.getKey(), lambda, SimulationRows.column(rows,
                    "escape_rate"), SimulationRows.column(rows, "escape_rate_se")));
            series.add(new LineChart.Series("E ln|1 − λx|, a = " + g.getKey(), lambda, SimulationRows.column(rows,
                    "exp_minus"), null));
            notes.add(summary(g.getKey(), rows));
        }
        XYChart chart = LineChart.build(title, "learning rate λ", "escape rate γ", series, 0.0, log, 1000, 720);
        Path png = out.resolve(id + ".png");
        Charts.savePng(chart, png);
        return List.of(png);
    }

    static String summary(String a, List<DataRow> rows) {
        int within = 0;
        double aValue = rows.get(0).get("a");
        double windowEnd = aValue < 0 ? aValue / (aValue - 1) : Double.POSITIVE_INFINITY;
        double best = Double.NEGATIVE_INFINITY;
        double bestLambda = Double.NaN;
        for (DataRow r : rows) {
            if (Math.abs(r.get("escape_rate") - r.get("exp_minus")) <= Z * r.get("escape_rate_se")) {
                within++;
            }
            if (r.get("lambda") < windowEnd && r.get("escape_rate") > best) {
                best = r.get("escape_rate");
                bestLambda = r.get("lambda");
            }
        }
        String s = String.format(Locale.ROOT, "a = %s: γ̂ within %.0f SE of E ln|1 − λx| at %d of %d λ", a, Z,
                within, rows.size());
        if (aValue < 0 && !Double.isNaN(bestLambda)) {
            s += String.format(Locale.ROOT, "; on 0 < λ < a/(a − 1) = %.4f the largest γ̂ is %.4f at λ = %.4g"
                    + " (Prop. 3: γ* = %.4f at λ* = %.4f)", windowEnd, best, bestLambda,
                    Math.log((2 - aValue) / (2 * Math.sqrt(1 - aValue))), aValue / (2 * (aValue - 1)));
        }
        return s;
    }
}
