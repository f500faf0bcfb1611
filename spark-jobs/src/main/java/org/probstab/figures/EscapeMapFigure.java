package org.probstab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.probstab.render.Charts;
import org.probstab.render.MapChart;
import org.probstab.render.OverlayLine;
import org.probstab.render.Overlays;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;

/**
 * The a–λ escape diagram of the two-point saddle (002 Fig. 2-left; with the quartic loss, Fig. 5): one map per table
 * of {@code escape_probability} (the fraction of runs outside the two central bins) over (λ, a), with the closed-form
 * line Λ = E ln|1 − λx| = 0 of the linearised SGD (the theory cell's exact roots, {@code mf-two-point} at
 * a′ = a − 1). The notes count the cells whose simulated phase (escape probability above ½) disagrees with the sign
 * of the row's {@code exp_minus}, and how many of those are more than one grid cell away from a sign change of Λ.
 *
 * @param titles one chart title per config
 */
public record EscapeMapFigure(String id, String paper, List<String> configs, String lookFor, List<String> titles)
        implements Figure {

    public EscapeMapFigure {
        configs = List.copyOf(configs);
        titles = List.copyOf(titles);
        if (titles.size() != configs.size()) {
            throw new IllegalArgumentException("one title per config");
        }
    }

    @Override
    public List<Path> draw(List<TableData> tables, Path out, boolean quick, List<String> notes) {
        List<Path> made = new ArrayList<>();
        for (int k = 0; k < tables.size(); k++) {
            TableData table = tables.get(k);
            List<OverlayLine> lines = Overlays.compute(List.of("boundaries"), table, "lambda", "a",
                    Figures.overlayRows(quick), 200).stream().filter(l -> l.label().startsWith("Λ₋")).toList();
            XYChart chart = MapChart.build(table.rows(), new MapChart.Spec("lambda", "a", "escape_probability", 0.5,
                    titles.get(k), 1000, 720), lines);
            chart.setYAxisTitle("a (x ∈ {1, a − 1})");
            Path png = out.resolve(id + (tables.size() > 1 ? "-" + (k + 1) : "") + ".png");
            Charts.savePng(chart, png);
            made.add(png);
            notes.add(titles.get(k) + ": " + agreement(table.rows()));
        }
        return made;
    }

    /** "n cells; m disagree with the sign of Λ, all within one grid cell of its sign change (k farther)". */
    static String agreement(List<DataRow> rows) {
        double[] as = rows.stream().mapToDouble(r -> r.get("a")).distinct().sorted().toArray();
        double[] ls = rows.stream().mapToDouble(r -> r.get("lambda")).distinct().sorted().toArray();
        Boolean[][] theory = new Boolean[as.length][ls.length];
        Boolean[][] simulated = new Boolean[as.length][ls.length];
        for (DataRow r : rows) {
            int i = java.util.Arrays.binarySearch(as, r.get("a"));
            int j = java.util.Arrays.binarySearch(ls, r.get("lambda"));
            theory[i][j] = r.get("exp_minus") > 0;
            simulated[i][j] = r.get("escape_probability") > 0.5;
        }
        int disagree = 0;
        int far = 0;
        for (int i = 0; i < as.length; i++) {
            for (int j = 0; j < ls.length; j++) {
                if (theory[i][j] == null || theory[i][j].equals(simulated[i][j])) {
                    continue;
                }
                disagree++;
                boolean near = differs(theory, i - 1, j, theory[i][j]) || differs(theory, i + 1, j, theory[i][j])
                        || differs(theory, i, j - 1, theory[i][j]) || differs(theory, i, j + 1, theory[i][j]);
                far += near ? 0 : 1;
            }
        }
        return String.format(Locale.ROOT, "%d cells (%d a × %d λ); %d cells disagree with the sign of"
                + " E ln|1 − λx| (escape probability > ½ against Λ > 0), %d of them farther than one grid cell from"
                + " its sign change", rows.size(), as.length, ls.length, disagree, far);
    }

    private static boolean differs(Boolean[][] grid, int i, int j, boolean value) {
        return i >= 0 && i < grid.length && j >= 0 && j < grid[i].length && grid[i][j] != null
                && grid[i][j] != value;
    }
}
