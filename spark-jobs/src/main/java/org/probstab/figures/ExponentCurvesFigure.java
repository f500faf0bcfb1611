package org.probstab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.probstab.boundary.SampledCrossings;
import org.probstab.render.Charts;
import org.probstab.render.LineChart;
import org.probstab.render.RenderLabels;
import org.probstab.render.Renderer;
import org.probstab.table.TableData;

/**
 * One exponent column against λ from several tables of the same grid — one estimator each — as line plots with SE
 * bars on one chart, with the zeros of each curve (and their uncertainty, {@link SampledCrossings}) and the
 * difference of the last table from the first (a biased estimator against an unbiased one) in the notes.
 *
 * @param column the exponent column
 * @param labels one legend label per config
 * @param title  the chart's title
 */
public record ExponentCurvesFigure(String id, String paper, List<String> configs,
                                   String lookFor, String column, List<String> labels, String title)
        implements Figure {

    public ExponentCurvesFigure {
        configs = List.copyOf(configs);
        labels = List.copyOf(labels);
        if (labels.size() != configs.size()) {
            throw new IllegalArgumentException("one label per config");
        }
    }

    @Override
    public List<Path> draw(List<TableData> tables, Path out, boolean quickSize, List<String> notes) {
        List<LineChart.Series> series = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            LineChart.Series s = Renderer.series(tables.get(i).rows(), "lambda", column, labels.get(i));
            series.add(s);
            notes.add(labels.get(i) + ": " + describe(SampledCrossings.of(s.x(), s.y(), s.se())));
        }
        boolean log = tables.get(0).manifest().axes().containsKey("lambda") && isLogSpaced(series.get(0).x());
        XYChart chart = LineChart.build(title, RenderLabels.axis("lambda"), RenderLabels.axis(column), series, 0.0,
                log, 1000, 720);
        Path png = out.resolve(id + ".png");
        Charts.savePng(chart, png);
        notes.add(difference(series.get(series.size() - 1), series.get(0)));
        return List.of(png);
    }

    /** "+ → − at 0.0471 ± 0.0012, − → + at 0.3326 ± 0.0011". */
    static String describe(List<SampledCrossings.Crossing> crossings) {
        if (crossings.isEmpty()) {
            return "no sign change";
        }
        List<String> parts = new ArrayList<>();
        for (SampledCrossings.Crossing c : crossings) {
            parts.add(String.format(Locale.ROOT, "%s at λ = %.4f ± %.4f", c.rising() ? "− → +" : "+ → −", c.x(),
                    c.standardError()));
        }
        return "sign changes " + String.join(", ", parts) + " (linear interpolation, delta-method SE)";
    }

    /** The difference b − a point by point: its mean, its largest value, and a few samples with their SE. */
    static String difference(LineChart.Series b, LineChart.Series a) {
        double sum = 0;
        double worst = 0;
        double worstX = Double.NaN;
        int count = 0;
        StringBuilder samples = new StringBuilder();
        for (int i = 0; i < a.x().length && i < b.x().length; i++) {
            double d = b.y()[i] - a.y()[i];
            if (!Double.isFinite(d)) {
                continue;
            }
            sum += d;
            count++;
            if (Math.abs(d) > Math.abs(worst)) {
                worst = d;
                worstX = a.x()[i];
            }
            if (i % Math.max(1, a.x().length / 6) == 0) {
                double se = Math.hypot(a.se() == null ? 0 : a.se()[i], b.se() == null ? 0 : b.se()[i]);
                samples.append(String.format(Locale.ROOT, " λ=%.3g: %+.4f ± %.4f;", a.x()[i], d, se));
            }
        }
        return String.format(Locale.ROOT, "%s − %s over %d λ: mean %+.5f, largest %+.5f at λ = %.3g. Samples:%s",
                b.label(), a.label(), count, sum / Math.max(1, count), worst, worstX, samples);
    }

    private static boolean isLogSpaced(double[] x) {
        return x.length > 2 && x[0] > 0 && Math.abs((x[2] / x[1]) - (x[1] / x[0])) < 1e-9 * (x[1] / x[0]);
    }
}
