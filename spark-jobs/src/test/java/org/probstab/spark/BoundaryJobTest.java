package org.probstab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.boundary.ExactBoundary;
import org.probstab.sweep.BoundaryPlan;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepSpec;

/**
 * The boundary table through the job path (plan → Spark tasks → Parquet → reader): every root of the mpmath reference
 * ({@code core/src/test/resources/reference/finite_boundary_expected.csv}, written by
 * {@code finite_boundary_reference.py} at 60–130 digits from the model's own datasets: N = 10 and 100 at μ = 0.1, 0.5,
 * 0.9, S = 1; N = 10, S = 2; N = 100, μ = 0.5 over (0, 30]) with the tolerances of {@code FiniteBoundaryReferenceTest}
 * (roots 1e-12 relative, poles 1 ulp, ln half-widths 1e-11: the same numbers, so the same justification); the N = ∞
 * roots against {@link ExactBoundary}'s bisection; and the table does not depend on the partitioning or a resume.
 */
class BoundaryJobTest {

    /** Every (N, μ, S) of the reference at data seed 1 (the sweep seed), σ = 2; λ from --range. */
    static final String REFERENCE = """
            sweep {
              name = reference
              model = mf-gaussian
              seed = 1
              params { sigma = 2.0 }
              axes { lambda = [1, 2], N = [10, 100], mu = [0.1, 0.5, 0.9], S = [1, 2] }
              axis_order = [N, mu, S, lambda]
            }
            """;

    static final double ROOT_TOLERANCE = 1e-12;
    static final double LOG_HALF_WIDTH_TOLERANCE = 1e-11;

    @TempDir
    static Path tmp;

    @AfterAll
    static void done() {
        TestSpark.stop();
    }

    static BoundaryPlan plan(String text, Path out, double[] range, String... overrides) {
        SweepSpec spec = SweepSpec.from(SweepConfig.parse(text, List.of(overrides)), "x")
                .withOutputPath(out.toString());
        return new BoundaryPlan(spec, "lambda", range, 0, 0);
    }

    static BoundaryJob.Summary run(BoundaryPlan plan, boolean resume, int partitions) throws IOException {
        return BoundaryJob.run(TestSpark.local2(), plan, new SweepJob.Options(resume, false, partitions,
                Duration.ofSeconds(60)));
    }

    record Expected(double root, String kind, double pole, double logHalfWidth, boolean rising) {
    }

    /** The reference roots by "case|exponent|lo|hi", e.g. "n100-s1-mu0.5|plus|0|3", in file order. */
    static Map<String, List<Expected>> reference() throws IOException {
        Path csv = Path.of(System.getProperty("basedir", "."), "..", "core", "src", "test", "resources",
                "reference", "finite_boundary_expected.csv");
        Map<String, List<Expected>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.startsWith("#") || line.startsWith("case,")) {
                continue;
            }
            String[] p = line.split(",", -1);
            out.computeIfAbsent(p[0] + "|" + p[2] + "|" + p[3] + "|" + p[4], k -> new ArrayList<>()).add(
                    new Expected(Double.parseDouble(p[5]), p[6], p[7].isEmpty() ? Double.NaN
                            : Double.parseDouble(p[7]), p[8].isEmpty() ? Double.NaN : Double.parseDouble(p[8]),
                            Boolean.parseBoolean(p[9])));
        }
        return out;
    }

    /** The table's roots by "case|exponent", each list in table order (ascending λ). */
    static Map<String, List<Row>> table(SparkSession spark, Path dir) {
        Dataset<Row> df = spark.read().parquet(dir.toString()).orderBy("chunk", "n", "mu", "batch_size",
                "exponent", "root");
        Map<String, List<Row>> out = new HashMap<>();
        for (Row r : df.collectAsList()) {
            String key = "n" + r.getLong(r.fieldIndex("n")) + "-s" + r.getInt(r.fieldIndex("batch_size")) + "-mu"
                    + r.getDouble(r.fieldIndex("mu")) + "|" + r.getString(r.fieldIndex("exponent"));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    static int compare(Map<String, List<Row>> got, Map<String, List<Expected>> want, String cases, String range) {
        int compared = 0;
        for (String c : cases.split(",")) {
            for (String e : List.of("minus", "plus", "l2")) {
                List<Expected> w = want.getOrDefault(c + "|" + e + "|" + range, List.of());
                List<Row> g = got.getOrDefault(c + "|" + e, List.of());
                assertThat(g).as(c + " " + e + ": number of roots").hasSize(w.size());
                for (int i = 0; i < w.size(); i++) {
                    Expected x = w.get(i);
                    Row y = g.get(i);
                    String at = c + " " + e + " root " + i + " (" + x.root() + ")";
                    double root = y.getDouble(y.fieldIndex("root"));
                    assertThat(Math.abs(root - x.root())).as(at).isLessThanOrEqualTo(ROOT_TOLERANCE * x.root());
                    assertThat(y.getString(y.fieldIndex("kind"))).as(at).isEqualTo(x.kind());
                    assertThat(y.getBoolean(y.fieldIndex("rising"))).as(at).isEqualTo(x.rising());
                    assertThat(y.getDouble(y.fieldIndex("bracket_lo"))).as(at).isLessThanOrEqualTo(root);
                    assertThat(y.getDouble(y.fieldIndex("bracket_hi"))).as(at).isGreaterThanOrEqualTo(root);
                    if (x.kind().equals("stripe")) {
                        assertThat(Math.abs(y.getDouble(y.fieldIndex("pole")) - x.pole())).as(at)
                                .isLessThanOrEqualTo(Math.ulp(x.pole()));
                        assertThat(Math.abs(y.getDouble(y.fieldIndex("log_half_width")) - x.logHalfWidth()))
                                .as(at).isLessThanOrEqualTo(LOG_HALF_WIDTH_TOLERANCE);
                    } else {
                        // Crossings have no pole or width: null in the table, never NaN.
                        assertThat(y.isNullAt(y.fieldIndex("pole"))).as(at).isTrue();
                        assertThat(y.isNullAt(y.fieldIndex("log_half_width"))).as(at).isTrue();
                    }
                    compared++;
                }
            }
        }
        return compared;
    }

    @Test
    void everyRootOfTheHighPrecisionReferenceIsInTheTableStripesIncluded() throws IOException {
        SparkSession spark = TestSpark.local2();
        Map<String, List<Expected>> want = reference();
        Path out = tmp.resolve("reference");
        BoundaryJob.Summary s = run(plan(REFERENCE, out, new double[] {0, 3}), false, 4);
        assertThat(s.rows()).isEqualTo(12);
        int compared = compare(table(spark, out), want, "n10-s1-mu0.1,n10-s1-mu0.5,n10-s1-mu0.9,n100-s1-mu0.1,"
                + "n100-s1-mu0.5,n100-s1-mu0.9,n10-s2-mu0.5", "0|3");
        Path wide = tmp.resolve("wide");
        run(plan(REFERENCE, wide, new double[] {0, 30}, "sweep.axes.N=[100]", "sweep.axes.mu=[0.5]",
                "sweep.axes.S=[1]"), false, 2);
        compared += compare(table(spark, wide), want, "n100-s1-mu0.5", "0|30");
        assertThat(compared).isEqualTo(want.values().stream().mapToInt(List::size).sum());
        assertThat(compared).isGreaterThan(200);
    }

    @Test
    void atNInfinityTheRootsAreThoseOfExactBoundarysBisection() throws IOException {
        SparkSession spark = TestSpark.local2();
        String config = """
                sweep {
                  name = ninf
                  model = mf-gaussian
                  params { S = 1, N = inf, sigma = 2.0 }
                  axes { lambda { from = 0.015, to = 3.0, steps = 200 }, mu = [0.05, 0.3, 0.5, 0.95] }
                }
                """;
        Path out = tmp.resolve("ninf");
        BoundaryPlan plan = plan(config, out, null);
        run(plan, false, 4);
        Map<String, List<Double>> got = new HashMap<>();
        for (Row r : spark.read().parquet(out.toString()).orderBy("mu", "exponent", "root").collectAsList()) {
            got.computeIfAbsent(r.getDouble(r.fieldIndex("mu")) + "|" + r.getString(r.fieldIndex("exponent")),
                    k -> new ArrayList<>()).add(r.getDouble(r.fieldIndex("root")));
            assertThat(r.getString(r.fieldIndex("kind"))).isEqualTo("crossing");
        }
        int compared = 0;
        for (double mu : new double[] {0.05, 0.3, 0.5, 0.95}) {
            ExactBoundary b = ExactBoundary.of("mf-gaussian", Map.of("S", 1, "N", "inf", "sigma", 2.0, "mu", mu), 1,
                    1.0);
            Map<String, List<Double>> want = new HashMap<>();
            for (ExactBoundary.Root r : b.roots(0.015, 3.0, plan.grid() + 1)) {
                String e = switch (r.curve()) {
                    case EXP_MINUS -> "minus";
                    case EXP_PLUS -> "plus";
                    case MEAN_SQUARE -> "l2";
                };
                want.computeIfAbsent(mu + "|" + e, k -> new ArrayList<>()).add(r.lambda());
            }
            for (String e : List.of("minus", "plus", "l2")) {
                List<Double> w = want.getOrDefault(mu + "|" + e, List.of());
                List<Double> g = got.getOrDefault(mu + "|" + e, List.of());
                assertThat(g).as("mu %s %s", mu, e).hasSameSizeAs(w);
                for (int i = 0; i < w.size(); i++) {
                    // ExactBoundary stops at a bracket of 1e-10 and returns its midpoint; ours is 2^-40 relative.
                    assertThat(Math.abs(g.get(i) - w.get(i))).as("mu %s %s root %d", mu, e, i)
                            .isLessThanOrEqualTo(ExactBoundary.TOLERANCE);
                    compared++;
                }
            }
        }
        // μ = 0.05 has Λ₊ = 0 twice (phase III between) and Λ₋, L2 once; the others Λ₋ and L2.
        assertThat(compared).isGreaterThanOrEqualTo(10);
        assertThat(got.get("0.05|plus")).hasSize(2);
    }

    @Test
    void theTableIsTheSameForAnyPartitioningAndAfterAResume() throws IOException {
        SparkSession spark = TestSpark.local2();
        String config = REFERENCE.replace("N = [10, 100]", "N = [10, 24]").replace("mu = [0.1, 0.5, 0.9]",
                "mu { from = 0.05, to = 0.95, steps = 40 }");
        Path one = tmp.resolve("p1");
        Path many = tmp.resolve("p8");
        BoundaryPlan plan = plan(config, one, new double[] {0, 3});
        run(plan, false, 1);
        BoundaryPlan other = plan(config, many, new double[] {0, 3});
        BoundaryJob.Summary s = run(other, false, 8);
        assertThat(s.chunks()).isGreaterThan(1);
        List<String> reference = canonical(spark, one);
        assertThat(canonical(spark, many)).isEqualTo(reference).hasSizeGreaterThan(100);
        Path chunk = many.resolve("sweep_id=" + other.sweepId() + "/chunk=1");
        try (Stream<Path> files = Files.walk(chunk)) {
            for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
        BoundaryJob.Summary resumed = run(other, true, 3);
        assertThat(resumed.computedChunks()).isEqualTo(1);
        assertThat(canonical(spark, many)).isEqualTo(reference);
    }

    static List<String> canonical(SparkSession spark, Path dir) {
        List<String> out = new ArrayList<>();
        for (Row r : spark.read().parquet(dir.toString()).drop("chunk").orderBy("n", "mu", "batch_size", "exponent",
                "root").collectAsList()) {
            out.add(r.toString());
        }
        return out;
    }
}
