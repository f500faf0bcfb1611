package org.probstab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.probstab.render.Charts;
import org.probstab.render.LineChart;
import org.probstab.render.Renderer;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;

/**
 * One numeric column of a simulation table against λ with its SE bars (e.g. the sparsity of spred's solution, 000
 * Fig. 3), one curve per value of {@code groupAxis}, with a reference line (the lasso solution's sparsity); the notes
 * give each curve's first and last value with their SE and how many λ lie above the reference by more than
 * {@value #Z} SE.
 *
 * @param reference the y of the reference line (NaN: none)
 */
public record ColumnCurvesFigure(String id, String paper, List<String> configs, String lookFor, String column,
                                 String groupAxis, double reference, String yTitle, String title) implements Figure {

    /** The z of "above the reference": value − reference &gt; z·SE. */
    static final double Z = 4;

    public ColumnCurvesFigure {
        configs = List.copyOf(configs);
    }

    @Override
    public List<Path> draw(List<TableData> tables, Path out, boolean quick, List<String> notes) {
        List<LineChart.Series> series = new ArrayList<>();
        boolean log = false;
        for (Map.Entry<String, List<DataRow>> g : SimulationRows.groupBy(tables.get(0).rows(), groupAxis)
                .entrySet()) {
            LineChart.Series s = Renderer.series(g.getValue(), "lambda", column,
                    groupAxis == null ? column : SimulationRows.label(groupAxis, g.getKey()));
            log = SimulationRows.logSpaced(s.x());
            series.add(s);
            int above = 0;
            for (int i = 0; i < s.x().length; i++) {
                double se = s.se() == null ? 0 : s.se()[i];
                above += s.y()[i] - reference > Z * se ? 1 : 0;
            }
            int last = s.x().length - 1;
            notes.add(String.format(Locale.ROOT, "%s%s = %.4f ± %.4f at λ = %.4g, %.4f ± %.4f at λ = %.4g; above %s"
                    + " by more than %.0f SE at %d of %d λ", groupAxis == null ? "" : s.label() + ": ", column,
                    s.y()[0], s.se() == null ? 0 : s.se()[0], s.x()[0], s.y()[last], s.se() == null ? 0
                    : s.se()[last], s.x()[last], reference, Z, above, s.x().length));
        }
        XYChart chart = LineChart.build(title, "learning rate λ", yTitle, series,
                Double.isNaN(reference) ? null : reference, log, 1000, 720);
        Path png = out.resolve(id + ".png");
        Charts.savePng(chart, png);
        return List.of(png);
    }
}
