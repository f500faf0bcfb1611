package org.probstab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.probstab.render.Charts;
import org.probstab.render.LineChart;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;

/**
 * Which solution SGD reaches as λ grows (000 Fig. 4 / 001 Fig. 5: the swish network from A and from B): the
 * generalisation loss on fresh data against λ, one curve per value of {@code groupAxis}, and per group the
 * fraction of the runs at each named solution ({@code solution_fractions}). The notes give per group the sequence
 * of solutions reached by most runs, each change with the two grid points that bracket it.
 */
public record SolutionCurvesFigure(String id, String paper, List<String> configs, String lookFor, String groupAxis,
                                   String title) implements Figure {

    public SolutionCurvesFigure {
        configs = List.copyOf(configs);
    }

    @Override
    public List<Path> draw(List<TableData> tables, Path out, boolean quick, List<String> notes) {
        List<Path> made = new ArrayList<>();
        List<LineChart.Series> losses = new ArrayList<>();
        boolean log = false;
        for (Map.Entry<String, List<DataRow>> g : SimulationRows.groupBy(tables.get(0).rows(), groupAxis)
                .entrySet()) {
            List<DataRow> rows = g.getValue();
            double[] lambda = SimulationRows.column(rows, "lambda");
            log = SimulationRows.logSpaced(lambda);
            String label = SimulationRows.label(groupAxis, g.getKey());
            losses.add(new LineChart.Series(label, lambda, SimulationRows.column(rows, "generalisation_loss"), null));
            TreeSet<String> names = new TreeSet<>();
            rows.forEach(r -> names.addAll(r.map("solution_fractions").keySet()));
            List<LineChart.Series> fractions = new ArrayList<>();
            for (String name : names) {
                fractions.add(new LineChart.Series(name, lambda, rows.stream()
                        .mapToDouble(r -> r.map("solution_fractions").getOrDefault(name, 0.0)).toArray(), null));
            }
            XYChart chart = LineChart.build(title + ": solutions reached, " + label, "learning rate λ",
                    "fraction of runs", fractions, null, log, 1000, 720);
            Path png = out.resolve(id + "-solutions-" + g.getKey().replaceAll("[^A-Za-z0-9.+-]", "") + ".png");
            Charts.savePng(chart, png);
            made.add(png);
            notes.add(label + ": " + transitions(rows));
        }
        XYChart chart = LineChart.build(title + ": generalisation loss", "learning rate λ",
                "loss on fresh data (runs that did not diverge)", losses, null, log, 1000, 720);
        Path png = out.resolve(id + ".png");
        Charts.savePng(chart, png);
        made.add(0, png);
        return made;
    }

    /** The solution most runs reach at each λ, as "A, then C between λ = x and y, then diverged between …". */
    static String transitions(List<DataRow> rows) {
        StringBuilder s = new StringBuilder();
        String previous = null;
        double previousLambda = Double.NaN;
        for (DataRow r : rows) {
            String reached = r.map("solution_fractions").entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse("none");
            if (previous == null) {
                s.append(reached).append(String.format(Locale.ROOT, " at λ = %.4g", r.get("lambda")));
            } else if (!reached.equals(previous)) {
                s.append(String.format(Locale.ROOT, ", %s between λ = %.4g and %.4g", reached, previousLambda,
                        r.get("lambda")));
            }
            previous = reached;
            previousLambda = r.get("lambda");
        }
        return s.append(" (the solution most runs reach)").toString();
    }
}
