package org.probstab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.apache.spark.sql.Row;

/**
 * The notes' {@code %spark.sql} paragraphs on the project's Spark (3.5.6), with the text Zeppelin would send (forms
 * resolved, table paths interpolated), against the same freshly produced tables: together with
 * {@link NotesOnZeppelinTest} (Spark 3.1), SQL that only one of the two versions accepts fails the build.
 */
class NotesOnProjectSparkTest {

    /** Each note's run on the test tables, once (several tests read the same run). */
    private static final Map<String, NoteRun> RUNS = new HashMap<>();

    @AfterAll
    static void stop() {
        ProjectSpark.stop();
    }

    static synchronized NoteRun onTestTables(String file) {
        return RUNS.computeIfAbsent(file, f -> {
            Note note = Note.read(NotebookPaths.notebooks().resolve(f));
            return ProjectSpark.run(note, TestTables.formValues(note));
        });
    }

    @TestFactory
    Stream<DynamicTest> everySqlParagraphRunsOnSpark35() {
        return Note.all().stream().map(note -> DynamicTest.dynamicTest(note.file(), () -> {
            NoteRun run = onTestTables(note.file());
            run.assertEveryParagraphFinished();
            assertThat(run.outcomes()).as("SQL paragraphs of %s", note.file())
                    .hasSize((int) note.paragraphs().stream().filter(Note.Paragraph::isSql).count());
            for (NoteRun.Outcome o : run.outcomes()) {
                assertChartColumnsExist(note, o);
            }
        }));
    }

    /** A chart names result columns by name and index: both must match the paragraph's result header. */
    static void assertChartColumnsExist(Note note, NoteRun.Outcome o) {
        List<NoteRun.Message> tables = o.messages().stream().filter(m -> m.type().equals("TABLE")).toList();
        JsonNode graph = note.json().path("paragraphs").get(o.paragraph().number() - 1).path("config")
                .path("results").path("0").path("graph");
        if (graph.isMissingNode() || tables.isEmpty()) {
            return;
        }
        List<String> header = List.of(tables.get(tables.size() - 1).data().lines().findFirst().orElse("").split("\t"));
        List<JsonNode> named = new ArrayList<>();
        for (String role : List.of("keys", "groups", "values")) {
            graph.path(role).forEach(named::add);
        }
        graph.path("setting").path("scatterChart").forEach(named::add);
        for (JsonNode c : named) {
            int index = c.path("index").asInt(-1);
            assertThat(index).as("%s: chart column %s", note.label(o.paragraph()), c).isBetween(0, header.size() - 1);
            assertThat(header.get(index)).as("%s: chart column %s of %s", note.label(o.paragraph()), c, header)
                    .isEqualTo(c.path("name").asText());
        }
    }

    @Test
    void aWrongColumnNameFailsNamingTheNoteTheParagraphAndTheColumn() {
        Note broken = BrokenNotes.wrongColumn();
        NoteRun run = ProjectSpark.run(broken, TestTables.formValues(broken));
        assertThatThrownBy(run::assertEveryParagraphFinished)
                .hasMessageContaining("note 'probstab/phase-map' (phase-map.zpln), paragraph " + BrokenNotes.PARAGRAPH
                        + " 'Phase map'")
                .hasMessageContaining(BrokenNotes.WRONG);
        // The paragraphs before the broken one ran.
        assertThat(run.outcome(2).finishedWithResult()).isTrue();
    }

    @Test
    void aSweepComparedWithItselfHasNoChangeAndNoDifference() {
        Note compare = Note.read(NotebookPaths.notebooks().resolve("compare-sweeps.zpln"));
        String a = TestTables.location(TestTables.path(NoteTables.LAMBDA_MU_NINF));
        NoteRun run = ProjectSpark.run(compare, Map.of("sweep_a", a, "sweep_b", a));
        run.assertEveryParagraphFinished();
        // Cell by cell: 300 pairs, all at the same point with the same phase.
        assertThat(run.outcome(3).text()).contains("300\t300\t300\tsame grid");
        // Changed labels: only diagonal rows (changed = false).
        assertThat(run.outcome(4).text().lines().skip(1).filter(l -> !l.isBlank()))
                .allSatisfy(l -> assertThat(l.split("\t")[2]).isEqualTo("false"));
        // Differences: mean and max |d| are exactly 0 for both exponents, none beyond 3 SE.
        List<String> rows = run.outcome(6).text().lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertThat(rows).hasSize(2).allSatisfy(l -> {
            String[] f = l.split("\t");
            assertThat(f[1]).isEqualTo("300");
            assertThat(f[2]).isEqualTo("0");
            assertThat(Double.parseDouble(f[3])).isZero();
            assertThat(Double.parseDouble(f[4])).isZero();
            assertThat(f[5]).isEqualTo("0");
        });
    }

    @Test
    void sweepsOverDifferentGridsStopTheComparisonWithAClearError() {
        Note compare = Note.read(NotebookPaths.notebooks().resolve("compare-sweeps.zpln"));
        NoteRun run = ProjectSpark.run(compare, Map.of(
                "sweep_a", TestTables.location(TestTables.path(NoteTables.LAMBDA_MU_NINF)),
                "sweep_b", TestTables.location(TestTables.path(NoteTables.FINITE_N_DATASETS))));
        assertThat(run.outcome(3).status()).isEqualTo("ERROR");
        assertThat(run.outcome(3).error()).contains("sweeps A and B are not over the same grid");
    }

    /** One cell of the finite-n table, as the reference computations below read it. */
    private record Cell(String n, double dataSeed, String phase, double chiReference) {

        /** +1 learning w → u (phase Ia, Ib), −1 learning w → −u (II), 0 otherwise. */
        int learned() {
            return switch (phase) {
                case "Ia", "Ib" -> 1;
                case "II" -> -1;
                default -> 0;
            };
        }
    }

    private static List<Cell> finiteNCells() {
        List<Cell> cells = new ArrayList<>();
        String table = TestTables.location(TestTables.path(NoteTables.FINITE_N_DATASETS));
        for (Row r : ProjectSpark.session().read().parquet(table)
                .selectExpr("CAST(n AS STRING)", "params['data_seed']", "phase", "chi_mean", "mu").collectAsList()) {
            cells.add(new Cell(r.getString(0), r.getDouble(1), r.getString(2), r.isNullAt(3) ? r.getDouble(4)
                    : r.getDouble(3)));
        }
        return cells;
    }

    /** Per key: the mean of the values and its standard error stddev / √k (sample stddev, k − 1). */
    private static double[] meanAndSe(List<Double> x) {
        int k = x.size();
        double mean = x.stream().mapToDouble(Double::doubleValue).sum() / k;
        double var = x.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (k - 1);
        return new double[] {mean, Math.sqrt(var / k)};
    }

    /** The note rounds to 4 decimals: |rounded − exact| ≤ 5e-5, plus 1e-12 for the double arithmetic. */
    private static final org.assertj.core.data.Offset<Double> ROUNDED = org.assertj.core.data.Offset.offset(5e-5 + 1e-12);

    /**
     * The finite-n fractions against a second computation from the table's rows in plain Java: per dataset the share
     * of cells in each phase (0 where absent), per N the mean over datasets and stddev / √k.
     */
    @Test
    void finiteNFractionsAgreeWithADirectComputationFromTheRows() {
        NoteRun run = onTestTables("finite-n.zpln");
        run.assertEveryParagraphFinished();
        List<Cell> cells = finiteNCells();
        Set<String> phases = new TreeSet<>();
        cells.forEach(c -> phases.add(c.phase()));
        // (n, data_seed) → cells
        Map<String, List<Cell>> datasets = new TreeMap<>();
        cells.forEach(c -> datasets.computeIfAbsent(c.n() + "/" + c.dataSeed(), k -> new ArrayList<>()).add(c));
        Map<String, List<Double>> fractions = new TreeMap<>();
        datasets.forEach((key, inDataset) -> {
            for (String phase : phases) {
                long hits = inDataset.stream().filter(c -> c.phase().equals(phase)).count();
                fractions.computeIfAbsent(inDataset.get(0).n() + "/" + phase, k -> new ArrayList<>())
                        .add(hits / (double) inDataset.size());
            }
        });

        List<String> rows = run.outcome(3).messages().get(0).data().lines().skip(1).filter(l -> !l.isBlank())
                .toList();
        assertThat(rows).hasSize(fractions.size());
        for (String line : rows) {
            String[] f = line.split("\\t"); // N, S, phase, datasets, mean_fraction, se
            List<Double> x = fractions.get(f[0] + "/" + f[2]);
            assertThat(x).as(line).isNotNull();
            double[] m = meanAndSe(x);
            assertThat(Integer.parseInt(f[3])).isEqualTo(x.size());
            assertThat(Double.parseDouble(f[4])).as(line).isCloseTo(m[0], ROUNDED);
            assertThat(Double.parseDouble(f[5])).as(line).isCloseTo(m[1], ROUNDED);
        }
    }

    /**
     * Wrong-sign learning against the same direct computation: per dataset the share of cells in phase II, of cells
     * learning the sign opposite to chi_mean's (μ's at N = ∞), of cells with chi_mean < 0; per N mean and SE.
     */
    @Test
    void wrongSignLearningAgreesWithADirectComputationFromTheRows() {
        NoteRun run = onTestTables("finite-n.zpln");
        run.assertEveryParagraphFinished();
        Map<String, List<Cell>> datasets = new TreeMap<>();
        finiteNCells().forEach(c -> datasets.computeIfAbsent(c.n() + "/" + c.dataSeed(), k -> new ArrayList<>())
                .add(c));
        // n → per-dataset shares {phase II, wrong sign, negative chi_mean}
        Map<String, List<double[]>> perN = new TreeMap<>();
        boolean anyNegative = false;
        for (List<Cell> d : datasets.values()) {
            double ii = d.stream().filter(c -> c.phase().equals("II")).count() / (double) d.size();
            double wrong = d.stream().filter(c -> c.learned() != 0 && c.learned() == -Math.signum(c.chiReference()))
                    .count() / (double) d.size();
            double negative = d.stream().filter(c -> c.chiReference() < 0).count() / (double) d.size();
            anyNegative |= negative > 0;
            perN.computeIfAbsent(d.get(0).n(), k -> new ArrayList<>()).add(new double[] {ii, wrong, negative});
        }
        // The small test datasets include some whose own correlation is negative, so the reference sign matters.
        assertThat(anyNegative).isTrue();

        List<String> rows = run.outcome(5).messages().get(0).data().lines().skip(1).filter(l -> !l.isBlank())
                .toList();
        assertThat(rows).hasSize(perN.size());
        for (String line : rows) {
            // N, datasets, phase_ii, se_phase_ii, wrong_sign, se_wrong_sign, negative_chi_mean, se_negative
            String[] f = line.split("\\t");
            List<double[]> shares = perN.get(f[0]);
            assertThat(shares).as(line).isNotNull();
            assertThat(Integer.parseInt(f[1])).isEqualTo(shares.size());
            for (int q = 0; q < 3; q++) {
                final int column = q;
                double[] m = meanAndSe(shares.stream().map(v -> v[column]).toList());
                assertThat(Double.parseDouble(f[2 + 2 * q])).as("%s column %d", line, 2 + 2 * q).isCloseTo(m[0], ROUNDED);
                assertThat(Double.parseDouble(f[3 + 2 * q])).as("%s column %d", line, 3 + 2 * q).isCloseTo(m[1], ROUNDED);
            }
        }
    }

    @Test
    void thePhaseMapCountsEveryCellOnce() {
        NoteRun run = onTestTables("phase-map.zpln");
        run.assertEveryParagraphFinished();
        // Paragraph 4 (phase fractions): the cells column sums to the grid, 20 × 15, and the fractions to 1.
        String[] lines = run.outcome(4).messages().get(0).data().strip().split("\n");
        assertThat(lines[0]).isEqualTo("S\tN\tphase\tcells\tfraction");
        long cells = 0;
        double fractions = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            cells += Long.parseLong(f[3]);
            fractions += Double.parseDouble(f[4]);
        }
        assertThat(cells).isEqualTo(300);
        // Each fraction is rounded to 4 decimals: at most 5e-5 off each, and there are at most 6 labels.
        assertThat(fractions).isCloseTo(1.0, org.assertj.core.data.Offset.offset(6 * 5e-5));
    }

    /**
     * Rank collapse against phase III, against a direct computation from the net table's rows: a cell is compared when
     * it did not diverge and its theory phase is III (predicts rank &lt; min(d, h)) or Ia/Ib (predicts full rank).
     */
    @Test
    void netAgreementAgreesWithADirectComputationFromTheRows() {
        NoteRun run = onTestTables("nets-vs-theory.zpln");
        run.assertEveryParagraphFinished();
        String table = TestTables.location(TestTables.path(NoteTables.NETS));
        // activation/optimizer → {cells, compared, agree}
        Map<String, int[]> expected = new TreeMap<>();
        for (Row r : ProjectSpark.session().read().parquet(table)
                .selectExpr("activation", "optimizer", "diverged", "rank", "width", "hidden", "theory_phase")
                .collectAsList()) {
            int[] c = expected.computeIfAbsent(r.getString(0) + "/" + r.getString(1), k -> new int[3]);
            c[0]++;
            String phase = r.isNullAt(6) ? "" : r.getString(6);
            boolean predictsCollapse = phase.equals("III");
            boolean predictsLearning = phase.equals("Ia") || phase.equals("Ib");
            if (r.getBoolean(2) || !(predictsCollapse || predictsLearning)) {
                continue;
            }
            c[1]++;
            boolean collapsed = r.getInt(3) < Math.min(r.getInt(4), r.getInt(5));
            if (collapsed == predictsCollapse) {
                c[2]++;
            }
        }
        List<String> rows = run.outcome(3).messages().get(0).data().lines().skip(1).filter(l -> !l.isBlank())
                .toList();
        assertThat(rows).hasSize(expected.size());
        int compared = 0;
        for (String line : rows) {
            // activation, optimizer, rank_tolerance, cells, compared, agree, agreement, ...
            String[] f = line.split("\t");
            int[] c = expected.get(f[0] + "/" + f[1]);
            assertThat(c).as(line).isNotNull();
            assertThat(new int[] {Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5])}).as(line)
                    .containsExactly(c);
            compared += c[1];
        }
        assertThat(compared).as("cells in phase III or Ia/Ib").isPositive();
    }

    /** The separate theory table joins every net cell and repeats its theory columns to the bit. */
    @Test
    void theTheoryTableJoinsEveryNetCellWithTheSamePhaseAndExponents() {
        NoteRun run = onTestTables("nets-vs-theory.zpln");
        run.assertEveryParagraphFinished();
        long cells = ProjectSpark.session().read().parquet(TestTables.location(TestTables.path(NoteTables.NETS)))
                .count();
        List<String> rows = run.outcome(6).messages().get(0).data().lines().skip(1).filter(l -> !l.isBlank())
                .toList();
        long seen = 0;
        for (String line : rows) {
            // activation, optimizer, net_cells, joined, same_phase, max_diff_exp_minus, max_diff_exp_plus
            String[] f = line.split("\t");
            assertThat(f[3]).as(line).isEqualTo(f[2]);
            assertThat(f[4]).as(line).isEqualTo(f[2]);
            assertThat(Double.parseDouble(f[5])).as(line).isZero();
            assertThat(Double.parseDouble(f[6])).as(line).isZero();
            seen += Long.parseLong(f[2]);
        }
        assertThat(seen).isEqualTo(cells).isEqualTo(12);
    }

    /**
     * λ_c(μ) against the boundary table's rows: per μ row and function the smallest root, the roots and the stripes
     * (pairs of stripe roots around one pole); the test table has stripes, so the stripe paragraphs show some.
     */
    @Test
    void lambdaCIsTheFirstRootOfEachRowAndStripesComeInPairs() {
        NoteRun run = onTestTables("boundaries.zpln");
        run.assertEveryParagraphFinished();
        // "mu/exponent" → {first root, roots, stripe roots}
        Map<String, double[]> expected = new TreeMap<>();
        Map<String, Long> rootsPerPole = new TreeMap<>();
        for (Row r : ProjectSpark.session().read()
                .parquet(TestTables.location(TestTables.path(NoteTables.BOUNDARY)))
                .selectExpr("mu", "exponent", "root", "kind", "pole").collectAsList()) {
            String key = r.getDouble(0) + "/" + r.getString(1);
            double[] e = expected.computeIfAbsent(key, k -> new double[] {Double.POSITIVE_INFINITY, 0, 0});
            e[0] = Math.min(e[0], r.getDouble(2));
            e[1]++;
            if (r.getString(3).equals("stripe")) {
                e[2]++;
                rootsPerPole.merge(key + "/" + r.getDouble(4), 1L, Long::sum);
            }
        }
        assertThat(rootsPerPole).as("stripes in the test table").isNotEmpty();
        assertThat(rootsPerPole.values()).as("roots around each pole").containsOnly(2L);
        List<String> rows = run.outcome(3).messages().get(0).data().lines().skip(1).filter(l -> !l.isBlank())
                .toList();
        assertThat(rows).hasSize(expected.size());
        for (String line : rows) {
            // mu, exponent, lambda_c, roots_in_row, stripes_in_row
            String[] f = line.split("\\t");
            double[] e = expected.get(Double.parseDouble(f[0]) + "/" + f[1]);
            assertThat(e).as(line).isNotNull();
            assertThat(Double.parseDouble(f[2])).as(line).isEqualTo(e[0]);
            assertThat(Long.parseLong(f[3])).as(line).isEqualTo((long) e[1]);
            assertThat(Double.parseDouble(f[4])).as(line).isEqualTo(e[2] / 2);
        }
        long stripeRows = run.outcome(5).messages().get(0).data().lines().skip(1).filter(l -> !l.isBlank()).count();
        assertThat(stripeRows).isEqualTo(rootsPerPole.size());
    }

    @Test
    void theBoxCountingCurveAndLocalSlopesOfABoundaryTableAreThoseOfItsCounts() {
        assertCurvesFollowTheCounts(onTestTables("fractal.zpln"), NoteTables.BOUNDARY_FRACTAL);
    }

    /**
     * The note's curve is log₂ N(ε) at k = log₂(1/ε) for every scale of every row, its local slopes are
     * log₂(N(ε/2)/N(ε)) from consecutive counts (plus 1 along rows): both to the note's 6 decimals.
     */
    private static void assertCurvesFollowTheCounts(NoteRun run, TestTable table) {
        run.assertEveryParagraphFinished();
        // "boundary, counting" → (epsilons, counts)
        Map<String, List<double[]>> curves = new TreeMap<>();
        for (Row r : ProjectSpark.session().read().parquet(TestTables.location(TestTables.path(table)))
                .selectExpr("concat(boundary, ', ', counting)", "epsilons", "box_counts").collectAsList()) {
            List<Double> eps = r.getList(1);
            List<Long> counts = r.getList(2);
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < eps.size(); i++) {
                points.add(new double[] {eps.get(i), counts.get(i)});
            }
            curves.put(r.getString(0), points);
        }
        org.assertj.core.data.Offset<Double> sixDecimals = org.assertj.core.data.Offset.offset(5e-7 + 1e-12);
        Map<String, Integer> seen = new TreeMap<>();
        for (String line : run.outcome(3).text().lines().skip(1).filter(l -> !l.isBlank()).toList()) {
            // k, curve, log2_boxes, epsilon, boxes, in_fit
            String[] f = line.split("\\t");
            List<double[]> points = curves.get(f[1]);
            assertThat(points).as(line).isNotNull();
            int i = seen.merge(f[1], 1, Integer::sum) - 1;
            double[] p = points.get(i);
            assertThat(Double.parseDouble(f[3])).as(line).isEqualTo(p[0]);
            assertThat(Double.parseDouble(f[0])).as(line).isCloseTo(-Math.log(p[0]) / Math.log(2), sixDecimals);
            assertThat(Double.parseDouble(f[2])).as(line).isCloseTo(Math.log(p[1]) / Math.log(2), sixDecimals);
        }
        curves.forEach((curve, points) -> assertThat(seen.get(curve)).as(curve).isEqualTo(points.size()));
        Map<String, Integer> octaves = new TreeMap<>();
        for (String line : run.outcome(4).text().lines().skip(1).filter(l -> !l.isBlank()).toList()) {
            // k_mid, curve, local_dimension, local_slope, eps_from, eps_to, box_dimension
            String[] f = line.split("\\t");
            List<double[]> points = curves.get(f[1]);
            int i = octaves.merge(f[1], 1, Integer::sum) - 1;
            assertThat(Double.parseDouble(f[4])).as(line).isEqualTo(points.get(i)[0]);
            assertThat(Double.parseDouble(f[5])).as(line).isEqualTo(points.get(i + 1)[0]);
            double slope = Math.log(points.get(i + 1)[1] / points.get(i)[1]) / Math.log(2);
            assertThat(Double.parseDouble(f[3])).as(line).isCloseTo(slope, org.assertj.core.data.Offset.offset(1e-12));
            double along = f[1].endsWith(", rows") ? 1 : 0;
            assertThat(Double.parseDouble(f[2])).as(line).isCloseTo(slope + along, sixDecimals);
        }
        curves.forEach((curve, points) -> assertThat(octaves.get(curve)).as(curve).isEqualTo(points.size() - 1));
    }

    /**
     * The escape rate against the linearised theory, from the rows: for the quadratic loss w_{t+1} = (1 − λx_t) w_t
     * exactly, so each run's ln|w_τ/w_0|/τ is a mean of τ draws of ln|1 − λx| and the rate, a mean over runs, estimates
     * exp_minus without bias; with 27 cells, |z| ≤ 4 (a chance of about 27 × 6e-5 that one exceeds it). The note's
     * differences and z are those of the rows, and the sign counts follow.
     */
    @Test
    void theEscapeRateOfTheQuadraticSaddleIsItsLinearisedExponentWithinFourStandardErrors() {
        NoteRun run = onTestTables("escape.zpln");
        run.assertEveryParagraphFinished();
        // lambda/a → {rate, se, exp_minus}
        Map<String, double[]> cells = new TreeMap<>();
        for (Row r : ProjectSpark.session().read().parquet(TestTables.location(TestTables.path(NoteTables.ESCAPE)))
                .selectExpr("lambda", "params['a']", "escape_rate", "escape_rate_se", "exp_minus").collectAsList()) {
            cells.put(r.getDouble(0) + "/" + r.getDouble(1), new double[] {r.getDouble(2), r.getDouble(3),
                r.getDouble(4)});
        }
        assertThat(cells).hasSize(27);
        int sameSign = 0;
        for (double[] c : cells.values()) {
            assertThat(Math.abs(c[0] - c[2])).as("|rate - exp_minus| <= 4 SE").isLessThanOrEqualTo(4 * c[1]);
            sameSign += (c[0] > 0) == (c[2] > 0) ? 1 : 0;
        }
        List<String> rows = run.outcome(3).text().lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertThat(rows).hasSize(cells.size());
        for (String line : rows) {
            // lambda, series, gamma, exp_minus, gamma_se, difference, z, escape_window
            String[] f = line.split("\\t");
            String a = f[1].substring(f[1].indexOf(" a=") + 3);
            double[] c = cells.get(Double.parseDouble(f[0]) + "/" + Double.parseDouble(a));
            assertThat(c).as(line).isNotNull();
            assertThat(Double.parseDouble(f[2])).as(line).isEqualTo(c[0]);
            assertThat(Double.parseDouble(f[5])).as(line).isCloseTo(c[0] - c[2], org.assertj.core.data.Offset.offset(5e-7 + 1e-12));
            assertThat(Double.parseDouble(f[6])).as(line).isCloseTo((c[0] - c[2]) / c[1], org.assertj.core.data.Offset.offset(5e-4 + 1e-9));
        }
        long noteSameSign = 0;
        long within = 0;
        for (String line : run.outcome(4).text().lines().skip(1).filter(l -> !l.isBlank()).toList()) {
            // series, cells, theory_escapes, simulation_escapes, same_sign, within_3_se, max_abs_z, ...
            String[] f = line.split("\\t");
            noteSameSign += Long.parseLong(f[4]);
            within += Long.parseLong(f[5]);
            assertThat(Double.parseDouble(f[6])).as(line).isLessThanOrEqualTo(4.0);
        }
        assertThat(noteSameSign).isEqualTo(sameSign);
        assertThat(within).isBetween(0L, (long) cells.size());
    }
}
