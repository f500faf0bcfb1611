package org.probstab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.boundary.BoundaryExponent;
import org.probstab.boundary.BoundaryRoot;
import org.probstab.boundary.RootKind;
import org.probstab.boundary.RowBoundary;
import org.probstab.sweep.RefinementPlan;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepSpec;

/**
 * Refinement of the exact N = 100, S = 1 model against the exact row boundaries ({@link RowBoundary}: every root of
 * Λ₋, Λ₊ and L2, stripes included) on every row of the finest grid, with and without pole seeding:
 * <ul>
 *   <li>every evaluated cell has, for each function, the sign the exact roots give at its λ — the refined table and
 *       the exact boundaries agree wherever the refinement looked;</li>
 *   <li>a <i>visible</i> boundary interval is one between two neighbouring finest points whose exact signs differ (what
 *       a uniform grid of the finest level would see); the refinement <i>found</i> it when it evaluated both points.
 *       Missed intervals are classified by what lies in them (a stripe root or a crossing); intervals holding roots but
 *       no sign change (a stripe narrower than the spacing, inside one interval) no grid can see;</li>
 *   <li>pole seeding only adds boxes, so it finds a superset, and it recovers intervals near poles that the refinement
 *       alone misses (stripe roots, and crossings of a function close to its poles).</li>
 * </ul>
 * The sizes are small for the test (9 × 9 points, 3 levels: a 65 × 65 finest grid); the numbers of the README come
 * from the same code at 17 × 17 and 6 levels ({@code -Dprobstab.compare.steps=17 -Dprobstab.compare.levels=6}).
 */
class RefinementVsExactTest {

    static final int STEPS = Integer.getInteger("probstab.compare.steps", 9);
    static final int LEVELS = Integer.getInteger("probstab.compare.levels", 3);

    static final String CONFIG = """
            sweep {
              name = exact-n100
              model = mf-gaussian
              seed = 1
              params { S = 1, N = 100, sigma = 2.0 }
              axes {
                lambda { from = 0.0029296875, to = 3.0, steps = %d }
                mu     { from = 0.0009765625, to = 1.0, steps = %d }
              }
              axis_order = [lambda, mu]
            }
            """.formatted(STEPS, STEPS);

    @TempDir
    static Path tmp;

    @AfterAll
    static void done() {
        TestSpark.stop();
    }

    /** What the refinement saw of the exact boundary. */
    record Comparison(long visible, long found, long missedCrossings, long missedStripes, long invisibleIntervals,
                      long cells, long checkedSigns, java.util.Set<Long> foundEdges) {
    }

    static RefinementPlan plan(Path out, boolean seeding) {
        SweepSpec spec = SweepSpec.from(SweepConfig.parse(CONFIG, List.of()), "x").withOutputPath(out.toString());
        return new RefinementPlan(spec, List.of(), LEVELS, true, seeding);
    }

    static Comparison compare(RefinementPlan plan, Path out) throws IOException {
        SparkSession spark = TestSpark.local2();
        RefineJob.run(spark, plan, new RefineJob.Options(new SweepJob.Options(false, false, 0,
                Duration.ofSeconds(60)), 10_000_000));
        int lambdaAxis = 0;
        int muAxis = 1;
        long nl = plan.finestSize(lambdaAxis);
        long nm = plan.finestSize(muAxis);
        // Evaluated cells: signs of Λ₋, Λ₊, E(1 − λχ)² − 1, by (row, column).
        Map<Long, int[]> evaluated = new HashMap<>();
        for (Row r : spark.read().parquet(out.toString()).select("cell_id", "exp_minus", "exp_plus", "ms_growth")
                .collectAsList()) {
            evaluated.put(r.getLong(0), new int[] {sign(r.getDouble(1)), sign(r.getDouble(2)),
                sign(r.getDouble(3) - 1)});
        }
        double lo = (Double) plan.value(lambdaAxis, 0);
        double hi = (Double) plan.value(lambdaAxis, nl - 1);
        long visible = 0;
        long found = 0;
        long missedCrossings = 0;
        long missedStripes = 0;
        long invisible = 0;
        long checked = 0;
        java.util.Set<Long> foundEdges = new java.util.HashSet<>();
        for (long i = 0; i < nm; i++) {
            Map<String, Object> p = plan.parameters(i * plan.stride(muAxis));
            p.remove("lambda");
            // Roots in [λ_0, λ_last]: just below λ_0 so that a root at λ_0 itself counts.
            List<BoundaryRoot> roots = RowBoundary.roots("mf-gaussian", p, 1, Math.nextDown(lo), hi, 2);
            int[][] signs = new int[3][(int) nl];
            for (BoundaryExponent e : BoundaryExponent.values()) {
                List<BoundaryRoot> rs = roots.stream().filter(r -> r.exponent() == e).toList();
                int s = rs.isEmpty() ? evaluatedSignAnywhere(plan, evaluated, i, e.ordinal())
                        : (rs.get(0).rising() ? -1 : 1);
                int next = 0;
                for (long j = 0; j < nl; j++) {
                    double x = (Double) plan.value(lambdaAxis, j);
                    while (next < rs.size() && rs.get(next).root() <= x) {
                        // A root exactly at a grid point: the sign there is 0 in the model, the side after it here.
                        s = -s;
                        next++;
                    }
                    signs[e.ordinal()][(int) j] = s;
                }
            }
            for (long j = 0; j < nl; j++) {
                int[] own = evaluated.get(i * plan.stride(muAxis) + j * plan.stride(lambdaAxis));
                if (own != null) {
                    for (int f = 0; f < 3; f++) {
                        if (own[f] != 0) {
                            assertThat(own[f]).as("row %d col %d function %d", i, j, f).isEqualTo(signs[f][(int) j]);
                            checked++;
                        }
                    }
                }
            }
            for (long j = 0; j + 1 < nl; j++) {
                double a = (Double) plan.value(lambdaAxis, j);
                double b = (Double) plan.value(lambdaAxis, j + 1);
                boolean change = false;
                for (int f = 0; f < 3; f++) {
                    change |= signs[f][(int) j] != signs[f][(int) j + 1];
                }
                List<BoundaryRoot> inside = roots.stream().filter(r -> r.root() > a && r.root() <= b).toList();
                if (!change) {
                    invisible += inside.isEmpty() ? 0 : 1;
                    continue;
                }
                visible++;
                long left = i * plan.stride(muAxis) + j * plan.stride(lambdaAxis);
                if (evaluated.containsKey(left) && evaluated.containsKey(left + plan.stride(lambdaAxis))) {
                    found++;
                    foundEdges.add(left);
                } else if (inside.stream().anyMatch(r -> r.kind() == RootKind.STRIPE)) {
                    missedStripes++;
                } else {
                    missedCrossings++;
                }
            }
        }
        return new Comparison(visible, found, missedCrossings, missedStripes, invisible, evaluated.size(), checked,
                foundEdges);
    }

    /** The sign of a function on a row without roots: that of any evaluated cell of the row (constant on it). */
    static int evaluatedSignAnywhere(RefinementPlan plan, Map<Long, int[]> evaluated, long row, int f) {
        for (long j = 0; j < plan.finestSize(0); j++) {
            int[] own = evaluated.get(row * plan.stride(1) + j * plan.stride(0));
            if (own != null && own[f] != 0) {
                return own[f];
            }
        }
        return 0;
    }

    static int sign(double v) {
        return Double.isNaN(v) ? 0 : v > 0 ? 1 : v < 0 ? -1 : 0;
    }

    @Test
    void refinementAgreesWithTheExactRowBoundariesAndPoleSeedingRecoversStripes() throws IOException {
        Comparison with = compare(plan(tmp.resolve("seeded"), true), tmp.resolve("seeded"));
        Comparison without = compare(plan(tmp.resolve("plain"), false), tmp.resolve("plain"));
        String report = String.format(Locale.ROOT, "%d x %d, %d levels: visible boundary intervals %d; found with"
                + " pole seeding %d (missed %d crossings, %d stripes; %d cells), without %d (missed %d crossings, %d"
                + " stripes; %d cells); intervals with roots but no sign change (stripes inside one finest interval)"
                + " %d", STEPS, STEPS, LEVELS, with.visible(), with.found(), with.missedCrossings(),
                with.missedStripes(), with.cells(), without.found(), without.missedCrossings(),
                without.missedStripes(), without.cells(), with.invisibleIntervals());
        System.out.println("refinement vs exact: " + report);
        assertThat(with.checkedSigns()).as(report).isGreaterThan(3 * with.cells() / 2);
        assertThat(with.visible()).isEqualTo(without.visible());
        // Seeding only adds boxes: everything found without it is found with it, and more stripes.
        assertThat(with.foundEdges()).containsAll(without.foundEdges());
        assertThat(with.cells()).isGreaterThan(without.cells());
        assertThat(with.missedStripes() + with.missedCrossings()).as(report)
                .isLessThan(without.missedStripes() + without.missedCrossings());
        // Most of the visible boundary is found (the rest: features between coarse points whose corners agree).
        assertThat(with.found()).as(report).isGreaterThan(with.visible() / 2);
    }
}
