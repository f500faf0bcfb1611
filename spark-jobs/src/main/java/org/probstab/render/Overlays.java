package org.probstab.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probstab.boundary.BoundaryBranches;
import org.probstab.boundary.ExactBoundary;
import org.probstab.boundary.ExactBoundary.Curve;
import org.probstab.config.InvalidInputException;
import org.probstab.model.ModelRegistry;
import org.probstab.model.TheoryCell;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Theory curves over a map, computed by core from the model itself (not from the table's cells) and styled here:
 * <ul>
 *   <li>{@code boundaries}: for each y value (every row, or an evenly spaced subset of at most {@code maxRows}),
 *       the exact λ-roots of Λ₋, Λ₊ and E(1 − λχ_B)² − 1 joined into branches ({@link BoundaryBranches});</li>
 *   <li>{@code gd}: the gradient-descent threshold λ_GD = 2/E[h] (the full-batch Hessian E[h] over the dataset)
 *       and λ_GD/N (001 Fig. 2, grey and green dashed curves), E[h] from {@link ExactBoundary#meanCurvature}.</li>
 * </ul>
 * Parameters of a row are the sweep's fixed parameters (manifest) plus the row's value of every axis except x. A
 * model without exact exponents of its own (a trained net) gets the boundaries of its theory cell
 * ({@link org.probstab.model.Model#theory}): the theory's roots in its own λ, drawn at λ / c on the map.
 */
public final class Overlays {

    private static final Logger LOG = LoggerFactory.getLogger(Overlays.class);

    /** The names {@code --overlay} accepts. */
    public static final List<String> NAMES = List.of("boundaries", "gd", "none");

    private Overlays() {
    }

    /** Theory curves for the rows of a map; x must be λ. */
    public static List<OverlayLine> compute(List<String> names, TableData table, String x, String y, int maxRows,
                                            int gridPoints) {
        List<OverlayLine> out = new ArrayList<>();
        if (names.isEmpty() || names.equals(List.of("none"))) {
            return out;
        }
        if (!x.equals("lambda")) {
            throw InvalidInputException.of("--overlay", "--overlay needs --x lambda (roots are found along λ), got"
                    + " --x " + x);
        }
        TreeMap<Double, DataRow> rows = new TreeMap<>();
        for (DataRow c : table.rows()) {
            rows.putIfAbsent(c.get(y), c);
        }
        double[] lambdas = table.distinct("lambda");
        double from = lambdas[0];
        double to = lambdas[lambdas.length - 1];
        List<Double> ys = subset(new ArrayList<>(rows.keySet()), maxRows);
        for (String name : names) {
            switch (name) {
                case "boundaries" -> out.addAll(boundaries(table, rows, ys, from, to, gridPoints));
                case "gd" -> out.addAll(gradientDescent(table, rows, ys));
                case "none" -> { }
                default -> throw InvalidInputException.outOfRange("--overlay", name, String.join("|", NAMES));
            }
        }
        return out;
    }

    static List<OverlayLine> boundaries(TableData table, Map<Double, DataRow> rows, List<Double> ys, double from,
                                        double to, int gridPoints) {
        long t0 = System.nanoTime();
        // Rows grouped by the exactly solvable model whose boundaries they get: the table's own, or for a model
        // without exact exponents (a trained net) its theory cell, searched along the theory's λ = c·λ.
        record Theory(String model, double lambdaScale) {
        }
        Map<Theory, List<BoundaryBranches.MapRow>> groups = new java.util.LinkedHashMap<>();
        for (double yValue : ys) {
            DataRow row = rows.get(yValue);
            Map<String, Object> p = parameters(table, row);
            Map<String, Object> withLambda = new java.util.HashMap<>(p);
            withLambda.put("lambda", row.get("lambda"));
            java.util.Optional<TheoryCell> theory = ModelRegistry.theory(table.model(), withLambda);
            Theory key = theory.map(t -> new Theory(t.model(), t.lambdaScale())).orElse(new Theory(table.model(), 1));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new BoundaryBranches.MapRow(yValue,
                    theory.map(TheoryCell::parametersButLambda).orElse(p)));
        }
        Map<Curve, List<List<double[]>>> branches = new java.util.EnumMap<>(Curve.class);
        for (Map.Entry<Theory, List<BoundaryBranches.MapRow>> g : groups.entrySet()) {
            double scale = g.getKey().lambdaScale();
            BoundaryBranches.trace(g.getKey().model(), table.manifest().seed(), g.getValue(), scale * from,
                    scale * to, gridPoints).forEach((curve, found) -> {
                        for (List<double[]> branch : found) {
                            List<double[]> onMap = new ArrayList<>(branch.size());
                            branch.forEach(point -> onMap.add(new double[] {point[0] / scale, point[1]}));
                            branches.computeIfAbsent(curve, k -> new ArrayList<>()).add(onMap);
                        }
                    });
        }
        String labelled = groups.isEmpty() ? table.model() : groups.keySet().iterator().next().model();
        LOG.info("overlay: exact boundaries of {} rows in {} s", ys.size(),
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) * 1e-9));
        List<OverlayLine> out = new ArrayList<>();
        for (Map.Entry<Curve, List<List<double[]>>> e : branches.entrySet()) {
            out.add(switch (e.getKey()) {
                case EXP_MINUS -> new OverlayLine(boundaryLabel(labelled, Curve.EXP_MINUS), Color.BLACK,
                        OverlayLine.solid(2.2f), e.getValue());
                case EXP_PLUS -> new OverlayLine(Curve.EXP_PLUS.label(), Color.BLACK, OverlayLine.dashed(2.2f),
                        e.getValue());
                case MEAN_SQUARE -> new OverlayLine(Curve.MEAN_SQUARE.label() + " (L2)", new Color(0x333333),
                        OverlayLine.dotted(2.4f), e.getValue());
            });
        }
        return out;
    }

    private static String boundaryLabel(String model, Curve curve) {
        return curve == Curve.EXP_MINUS && !model.startsWith("mf-") ? "Λ = 0" : curve.label();
    }

    static List<OverlayLine> gradientDescent(TableData table, Map<Double, DataRow> rows, List<Double> ys) {
        List<double[]> gd = new ArrayList<>();
        List<double[]> gdOverN = new ArrayList<>();
        for (double yValue : ys) {
            DataRow row = rows.get(yValue);
            double meanCurvature = ExactBoundary.of(table.model(), parameters(table, row), table.manifest().seed(),
                    1.0).meanCurvature();
            double n = row.get("N");
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

    /** The model parameters of a row but λ. */
    static Map<String, Object> parameters(TableData table, DataRow row) {
        Map<String, Object> p = table.parameters(row);
        p.remove("lambda");
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
