package org.probstab.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probstab.boundary.ExactBoundary;
import org.probstab.boundary.ExactBoundary.Curve;
import org.probstab.config.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Theory curves over a map, computed from the model itself (not from the table's cells):
 * <ul>
 *   <li>{@code boundaries}: for each y value (every row, or an evenly spaced subset of at most {@code maxRows}),
 *       the exact λ-roots of Λ₋, Λ₊ and E(1 − λχ_B)² − 1 by {@link ExactBoundary}, traced into branches;</li>
 *   <li>{@code gd}: the gradient-descent threshold λ_GD = 2/E[h] (the full-batch Hessian E[h] over the dataset)
 *       and λ_GD/N (001 Fig. 2, grey and green dashed curves). E[h] is read off the exact mean-square factor
 *       E(1 − λh_B)² = 1 − 2λE[h] + λ²E[h_B²] at λ = 1 and 2, so it is the model's own dataset.</li>
 * </ul>
 * Parameters of a row are the sweep's fixed parameters (manifest) plus the row's value of every axis except x.
 */
public final class Overlays {

    private static final Logger LOG = LoggerFactory.getLogger(Overlays.class);

    /** The names {@code --overlay} accepts. */
    public static final List<String> NAMES = List.of("boundaries", "gd", "none");

    private Overlays() {
    }

    /** Theory curves for the rows of a map; x must be λ. */
    public static List<OverlayLine> compute(List<String> names, PhaseTableReader.Table table, List<Cell> cells,
                                            String x, String y, int maxRows, int gridPoints) {
        List<OverlayLine> out = new ArrayList<>();
        if (names.isEmpty() || names.equals(List.of("none"))) {
            return out;
        }
        if (!x.equals("lambda")) {
            throw InvalidInputException.of("--overlay", "--overlay needs --x lambda (roots are found along λ), got"
                    + " --x " + x);
        }
        TreeMap<Double, Cell> rows = new TreeMap<>();
        for (Cell c : cells) {
            rows.putIfAbsent(c.get(y), c);
        }
        double[] lambdas = MapChart.distinct(cells, "lambda");
        double from = lambdas[0];
        double to = lambdas[lambdas.length - 1];
        List<Double> ys = subset(new ArrayList<>(rows.keySet()), maxRows);
        for (String name : names) {
            switch (name) {
                case "boundaries" -> out.addAll(boundaries(table, rows, ys, y, from, to, gridPoints));
                case "gd" -> out.addAll(gradientDescent(table, rows, ys, y));
                case "none" -> { }
                default -> throw InvalidInputException.outOfRange("--overlay", name, String.join("|", NAMES));
            }
        }
        return out;
    }

    static List<OverlayLine> boundaries(PhaseTableReader.Table table, Map<Double, Cell> rows, List<Double> ys,
                                        String y, double from, double to, int gridPoints) {
        Map<Curve, List<List<double[]>>> branches = new EnumMap<>(Curve.class);
        long t0 = System.nanoTime();
        double maxJump = 0.25 * (to - from);
        Map<Curve, List<List<double[]>>> open = new EnumMap<>(Curve.class);
        for (double yValue : ys) {
            ExactBoundary boundary = ExactBoundary.of(table.model(), parameters(table, rows.get(yValue)),
                    table.seed(), from);
            Map<Curve, List<Double>> found = new EnumMap<>(Curve.class);
            for (ExactBoundary.Root r : boundary.roots(from, to, gridPoints)) {
                found.computeIfAbsent(r.curve(), k -> new ArrayList<>()).add(r.lambda());
            }
            for (Curve curve : boundary.curves()) {
                List<List<double[]>> previous = open.getOrDefault(curve, List.of());
                List<List<double[]>> next = new ArrayList<>();
                List<List<double[]>> unused = new ArrayList<>(previous);
                for (double lambda : found.getOrDefault(curve, List.of())) {
                    List<double[]> best = null;
                    double bestDistance = maxJump;
                    for (List<double[]> b : unused) {
                        double d = Math.abs(b.get(b.size() - 1)[0] - lambda);
                        if (d < bestDistance) {
                            bestDistance = d;
                            best = b;
                        }
                    }
                    if (best == null) {
                        best = new ArrayList<>();
                        branches.computeIfAbsent(curve, k -> new ArrayList<>()).add(best);
                    } else {
                        unused.remove(best);
                    }
                    best.add(new double[] {lambda, yValue});
                    next.add(best);
                }
                open.put(curve, next);
            }
        }
        LOG.info("overlay: exact boundaries of {} rows in {} s", ys.size(),
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) * 1e-9));
        List<OverlayLine> out = new ArrayList<>();
        for (Map.Entry<Curve, List<List<double[]>>> e : branches.entrySet()) {
            out.add(switch (e.getKey()) {
                case EXP_MINUS -> new OverlayLine(boundaryLabel(table, Curve.EXP_MINUS), Color.BLACK,
                        OverlayLine.solid(2.2f), e.getValue());
                case EXP_PLUS -> new OverlayLine(Curve.EXP_PLUS.label(), Color.BLACK, OverlayLine.dashed(2.2f),
                        e.getValue());
                case MEAN_SQUARE -> new OverlayLine(Curve.MEAN_SQUARE.label() + " (L2)", new Color(0x333333),
                        OverlayLine.dotted(2.4f), e.getValue());
            });
        }
        return out;
    }

    private static String boundaryLabel(PhaseTableReader.Table table, Curve curve) {
        return curve == Curve.EXP_MINUS && !table.model().startsWith("mf-") ? "Λ = 0" : curve.label();
    }

    static List<OverlayLine> gradientDescent(PhaseTableReader.Table table, Map<Double, Cell> rows, List<Double> ys,
                                             String y) {
        List<double[]> gd = new ArrayList<>();
        List<double[]> gdOverN = new ArrayList<>();
        for (double yValue : ys) {
            Cell cell = rows.get(yValue);
            ExactBoundary b = ExactBoundary.of(table.model(), parameters(table, cell), table.seed(), 1.0);
            double meanCurvature = meanCurvature(b);
            double n = cell.get("N");
            gd.add(new double[] {2 / meanCurvature, yValue});
            if (Double.isFinite(n)) {
                gdOverN.add(new double[] {2 / meanCurvature / n, yValue});
            }
        }
        List<OverlayLine> out = new ArrayList<>();
        out.add(new OverlayLine("λ_GD = 2/E[h]", new Color(0x555555), OverlayLine.dashed(2.2f), List.of(gd)));
        if (!gdOverN.isEmpty()) {
            out.add(new OverlayLine("λ_GD / N", new Color(0x009E73), OverlayLine.dashed(2.2f), List.of(gdOverN)));
        }
        return out;
    }

    /** E[χ] from the exact mean-square factor g(λ) = (E(1 − λχ_B)² − 1)/λ = −2E[χ] + λE[χ_B²] at λ = 1, 2. */
    static double meanCurvature(ExactBoundary b) {
        double g1 = b.value(Curve.MEAN_SQUARE, 1.0);
        double g2 = b.value(Curve.MEAN_SQUARE, 2.0) / 2.0;
        return (g2 - 2 * g1) / 2.0;
    }

    /** The model parameters of a row: the sweep's fixed ones and every axis value but λ. */
    static Map<String, Object> parameters(PhaseTableReader.Table table, Cell cell) {
        Map<String, Object> p = new HashMap<>(table.fixedParameters());
        for (String axis : table.axes()) {
            if (axis.equals("lambda")) {
                continue;
            }
            double v = cell.get(axis);
            if (Double.isNaN(v)) {
                continue;
            }
            p.put(axis, Double.isInfinite(v) ? "inf" : (Object) v);
        }
        return p;
    }

    static List<Double> subset(List<Double> values, int max) {
        if (values.size() <= max || max < 2) {
            return values;
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            out.add(values.get((int) Math.round((double) i * (values.size() - 1) / (max - 1))));
        }
        return out;
    }
}
