package org.probstab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.cli.ProbstabCli;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.ModelRegistry;
import org.probstab.stability.PhaseFractions;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;
import org.probstab.table.PhaseTable;

/**
 * Ensembles over datasets (DESIGN §2): {@code data_seed} as a sweep axis gives one independent dataset per seed (the
 * seed of the sweep being the default one), and {@code aggregate --by n} gives each phase's fraction per N averaged over
 * the datasets with its standard error — checked against the same fractions computed here cell by cell from the
 * model — in both views, the table's phases and those relative to each dataset's own sign of χ̄.
 */
class AggregateJobTest {

    /** 8 datasets each of N = 10, 24, 100 at small μ, where some datasets are themselves negatively correlated. */
    static final String ENSEMBLE = """
            sweep {
              name = ensemble
              model = mf-gaussian
              seed = 1
              params { S = 1, sigma = 2.0 }
              axes {
                N = [10, 24, 100]
                data_seed = [1, 2, 3, 4, 5, 6, 7, 8]
                lambda { from = 0.1, to = 2.5, steps = 8 }
                mu { from = 0.02, to = 0.3, steps = 8 }
              }
              axis_order = [N, data_seed, lambda, mu]
            }
            """;

    @TempDir
    static Path tmp;

    static Path table;
    static SweepSpec spec;

    @BeforeAll
    static void sweep() throws IOException {
        table = tmp.resolve("ensemble");
        spec = SweepSpec.from(SweepConfig.parse(ENSEMBLE, List.of()), "x").withOutputPath(table.toString());
        SweepJob.run(TestSpark.local2(), new SweepPlan(spec), SweepJob.Options.defaults());
    }

    @AfterAll
    static void done() {
        TestSpark.stop();
    }

    @Test
    void dataSeedIsAnAxisOfIndependentDatasetsAndTheSweepSeedIsTheDefault() {
        SparkSession spark = TestSpark.local2();
        // χ̄ = (1/N) Σ x_i(μx_i + (1 − μ)σε_i): one value per (N, data seed, μ), the (x, ε) draws fixed per (seed, N).
        Map<String, Double> chiMean = new TreeMap<>();
        for (Row r : spark.read().parquet(table.toString()).selectExpr("n", "params['data_seed']", "mu", "chi_mean")
                .distinct().collectAsList()) {
            String key = r.getLong(0) + "/" + r.getDouble(1) + "/" + r.getDouble(2);
            assertThat(chiMean.put(key, r.getDouble(3))).as("one dataset per (N, data_seed): " + key).isNull();
        }
        assertThat(chiMean).hasSize(3 * 8 * 8);
        // Different seeds, different data.
        assertThat(chiMean.values().stream().distinct().count()).isEqualTo(3 * 8 * 8);
        // data_seed = 1 is the sweep seed's dataset: the same cell without the axis is identical, another seed not.
        Map<String, Object> p = new HashMap<>(Map.of("lambda", 0.7, "mu", 0.1, "S", 1, "N", 24, "sigma", 2.0));
        org.probstab.table.Row implicit = ModelRegistry.evaluate("mf-gaussian", p, EstimatorKind.AUTO, 1, 0);
        p.put("data_seed", 1);
        org.probstab.table.Row explicit = ModelRegistry.evaluate("mf-gaussian", p, EstimatorKind.AUTO, 1, 0);
        p.put("data_seed", 2);
        org.probstab.table.Row other = ModelRegistry.evaluate("mf-gaussian", p, EstimatorKind.AUTO, 1, 0);
        assertThat(explicit.get(PhaseTable.CHI_MEAN)).isEqualTo(implicit.get(PhaseTable.CHI_MEAN))
                .isNotEqualTo(other.get(PhaseTable.CHI_MEAN));
        assertThat(explicit.get(PhaseTable.EXP_MINUS)).isEqualTo(implicit.get(PhaseTable.EXP_MINUS));
        // Some datasets are negatively correlated at these μ (their own χ̄ < 0), so the two views differ.
        assertThat(chiMean.values().stream().filter(v -> v < 0).count()).isPositive();
    }

    @Test
    void fractionsPerNAreDatasetAveragesWithTheirStandardErrorInBothViews() {
        List<PhaseFractions.Fraction> got = AggregateJob.run(TestSpark.local2(), table.toString(), "n", null);
        // The reference: every cell again from the model, fractions per dataset, mean and s/√k.
        SweepPlan plan = new SweepPlan(spec);
        Map<String, double[]> perDataset = new TreeMap<>(); // "N|phase|view" -> fraction per dataset
        Map<String, Integer> cells = new HashMap<>();
        for (long id = 0; id < plan.cellCount(); id++) {
            org.probstab.table.Row r = plan.evaluate(id);
            int dataset = (int) (double) r.get(org.probstab.table.CellTable.PARAMS).get("data_seed") - 1;
            long n = (long) r.get(org.probstab.table.CellTable.N);
            String absolute = PhaseFractions.merged(r.get(PhaseTable.PHASE));
            String relative = PhaseFractions.relative(r.get(PhaseTable.PHASE), r.get(PhaseTable.CHI_MEAN));
            perDataset.computeIfAbsent(n + "|" + absolute + "|a", k -> new double[8])[dataset] += 1;
            perDataset.computeIfAbsent(n + "|" + relative + "|r", k -> new double[8])[dataset] += 1;
            cells.merge(n + "|" + dataset, 1, Integer::sum);
        }
        assertThat(cells.values()).allMatch(c -> c == 64);
        int compared = 0;
        for (PhaseFractions.Fraction f : got) {
            assertThat(f.datasets()).isEqualTo(8);
            long n = (long) f.group();
            for (String view : List.of("a", "r")) {
                double[] counts = perDataset.getOrDefault(n + "|" + f.phase() + "|" + view, new double[8]);
                double mean = 0;
                for (double c : counts) {
                    mean += c / 64 / 8;
                }
                double ss = 0;
                for (double c : counts) {
                    ss += (c / 64 - mean) * (c / 64 - mean);
                }
                double se = Math.sqrt(ss / 7 / 8);
                // Sums of 8 fractions in another order: equal to a few ulps.
                assertThat(view.equals("a") ? f.fraction() : f.relative()).isCloseTo(mean, offset(1e-14));
                assertThat(view.equals("a") ? f.fractionSe() : f.relativeSe()).isCloseTo(se, offset(1e-14));
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(3 * 3 * 2);
        // Where datasets are negatively correlated, part of phase II is their own correct learning.
        boolean differ = got.stream().anyMatch(f -> f.phase().equals("II") && f.relative() < f.fraction());
        assertThat(differ).isTrue();
    }

    @Test
    void theCommandPrintsTheFractionsAsCsv() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProbstabCli.run(new PrintWriter(out), new PrintWriter(err), "aggregate", table.toString(), "--by",
                "n", "--csv", "--master", "local[2]");
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = new ArrayList<>(out.toString().lines().toList());
        assertThat(lines.get(0)).isEqualTo("n,phase,datasets,fraction,fraction_se,relative_fraction,"
                + "relative_fraction_se");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.split(",", -1).length == 7)
                .anyMatch(l -> l.startsWith("100,II,8,"));
        StringWriter bad = new StringWriter();
        assertThat(ProbstabCli.run(new PrintWriter(new StringWriter()), new PrintWriter(bad), "aggregate",
                table.toString(), "--by", "colour")).isEqualTo(ProbstabCli.BAD_INPUT);
        assertThat(bad.toString().strip()).doesNotContain("\n").contains("--by");
    }
}
