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
                List<List<double[]>> unused = new ArrayList<>(open.getOrDefault(curve, List.of()));
                List<List<double[]>> next = new ArrayList<>();
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
                    best.add(new double[] {lambda, row.y()});
                    next.add(best);
                }
                open.put(curve, next);
            }
        }
        return branches;
    }
}
