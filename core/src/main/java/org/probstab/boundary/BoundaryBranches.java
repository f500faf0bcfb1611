package org.probstab.boundary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.probstab.boundary.ExactBoundary.Curve;

/**
 * The exact boundaries of a map, row by row, joined into curves: for each row (a value y of the map's other axis,
 * with that row's parameters) the λ-roots of Λ₋, Λ₊ and E(1 − λχ_B)² − 1 in [from, to] by {@link ExactBoundary};
 * then, curve by curve, each root is attached to the open branch whose last root is nearest in λ (within
 * {@link #MAX_JUMP} of the λ range), or starts a new branch. Rows are taken in the order given (ascending y), so a
 * branch is a polyline in (λ, y) that a picture draws as one line.
 */
public final class BoundaryBranches {

    /** A root farther than this fraction of the λ range from every open branch starts a new branch. */
    public static final double MAX_JUMP = 0.25;

    /**
     * One row of the map.
     *
     * @param y          the row's value of the map's other axis
     * @param parameters the model's parameters on that row, everything but λ
     */
    public record MapRow(double y, Map<String, ?> parameters) {
    }

    private BoundaryBranches() {
    }

    /**
     * Roots given row by row joined into branches, as {@link #trace} joins them: rows ascending in y, each root
     * attached to the open branch whose last root is nearest in λ within {@code maxJump}, or starting a new one.
     *
     * @param rows y → the roots on that row (any order)
     * @return the branches, each a list of {λ, y}
     */
    public static List<List<double[]>> join(java.util.SortedMap<Double, List<Double>> rows, double maxJump) {
        List<List<double[]>> branches = new ArrayList<>();
        List<List<double[]>> open = List.of();
        for (Map.Entry<Double, List<Double>> row : rows.entrySet()) {
            open = attach(row.getValue(), row.getKey(), open, maxJump, branches);
        }
        return branches;
    }

    /** Attaches one row's roots to the open branches; returns the branches open after the row. */
    private static List<List<double[]>> attach(List<Double> roots, double y, List<List<double[]>> open,
                                               double maxJump, List<List<double[]>> all) {
        List<List<double[]>> unused = new ArrayList<>(open);
        List<List<double[]>> next = new ArrayList<>();
        for (double lambda : roots) {
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
                all.add(best);
            } else {
                unused.remove(best);
            }
            best.add(new double[] {lambda, y});
            next.add(best);
        }
        return next;
    }

    /**
     * The branches of every curve of the model over the rows.
     *
     * @param model      a model name with exact exponents for these parameters
     * @param seed       the sweep seed (decides finite-N datasets)
     * @param rows       the rows, ascending in y
     * @param from       smallest λ
     * @param to         largest λ
     * @param gridPoints grid points per row for the bracketing
     * @return per curve, its branches; each branch a list of {λ, y}
     */
    public static Map<Curve, List<List<double[]>>> trace(String model, long seed, List<MapRow> rows, double from,
                                                         double to, int gridPoints) {
        Map<Curve, List<List<double[]>>> branches = new EnumMap<>(Curve.class);
        Map<Curve, List<List<double[]>>> open = new EnumMap<>(Curve.class);
        double maxJump = MAX_JUMP * (to - from);
        for (MapRow row : rows) {
            ExactBoundary boundary = ExactBoundary.of(model, row.parameters(), seed, from);
            Map<Curve, List<Double>> found = new EnumMap<>(Curve.class);
            for (ExactBoundary.Root r : boundary.roots(from, to, gridPoints)) {
                found.computeIfAbsent(r.curve(), k -> new ArrayList<>()).add(r.lambda());
            }
            for (Curve curve : boundary.curves()) {
                List<List<double[]>> next = attach(found.getOrDefault(curve, List.of()), row.y(),
                        open.getOrDefault(curve, List.of()), maxJump,
                        branches.computeIfAbsent(curve, k -> new ArrayList<>()));
                open.put(curve, next);
            }
        }
        branches.values().removeIf(List::isEmpty);
        return branches;
    }
}
