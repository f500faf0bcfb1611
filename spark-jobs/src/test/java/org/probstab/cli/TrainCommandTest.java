package org.probstab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.cli.SweepCommandTest.Outcome;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.ModelRegistry;
import org.probstab.render.OverlayLine;
import org.probstab.render.Overlays;
import org.probstab.spark.TableReader;
import org.probstab.spark.TestSpark;
import org.probstab.table.NetCellTable;
import org.probstab.table.PhaseTable;
import org.probstab.table.TableData;

/**
 * {@code probstab train} as a user runs it: a net sweep trained through Spark with its chunks trained together equals,
 * bit for bit, the same cells evaluated one by one ({@code sweep}'s cell-by-cell path, i.e. each cell trained alone),
 * whatever the chunk size and partitions; {@code export} and {@code render} read the net table; the README's join with
 * a theory sweep runs in Spark SQL; every bad input exits with 2, one line, nothing written.
 */
class TrainCommandTest {

    /** 2 activations × 2 optimisers × 3 λ × 2 μ = 24 small cells (d = 6, h = 5, T = 300). */
    static final String NETS = """
            sweep {
              name = "nets"
              model = net-two-layer
              params { d = 6, h = 5, S = 1, sigma = 2.0, steps = 300 }
              axes {
                activation = [linear, swish]
                optimizer = [sgd, adam]
                lambda = [0.05, 0.2, 0.4]
                mu = [0.05, 0.1]
              }
              axis_order = [activation, optimizer, mu, lambda]
            }
            """;

    /** The theory sweep on the same (λ, μ, S, σ) grid. */
    static final String THEORY = """
            sweep {
              name = "theory"
              model = mf-gaussian
              params { S = 1, N = inf, sigma = 2.0 }
              axes { lambda = [0.05, 0.2, 0.4], mu = [0.05, 0.1] }
              estimator { kind = exact }
            }
            """;

    @TempDir
    static Path tmp;

    static Path nets;
    static Path chunked;
    static Path oneChunk;
    static Path alone;

    static Outcome run(String... args) {
        return SweepCommandTest.run(args);
    }

    @BeforeAll
    static void trainTheSameCellsThreeWays() throws IOException {
        nets = tmp.resolve("nets.conf");
        Files.writeString(nets, NETS);
        chunked = tmp.resolve("chunked");
        oneChunk = tmp.resolve("one-chunk");
        alone = tmp.resolve("alone");
        Outcome a = run("train", nets.toString(), "--out", chunked.toString(), "--set", "output.chunk_cells=5",
                "--partitions", "1", "--master", "local[2]");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).contains("train nets-").contains("24 cells (24 trained now)");
        Outcome b = run("train", nets.toString(), "--out", oneChunk.toString(), "--set", "output.chunk_cells=24",
                "--partitions", "3", "--master", "local[2]");
        assertThat(b.code()).as(b.err()).isZero();
        Outcome c = run("sweep", nets.toString(), "--out", alone.toString(), "--set", "output.chunk_cells=7",
                "--partitions", "3", "--master", "local[2]");
        assertThat(c.code()).as(c.err()).isZero();
    }

    @AfterAll
    static void done() {
        TestSpark.stop();
    }

    /** Every column but the sweep id and chunk (which name the chunk size) and the wall time, by cell id. */
    static List<String> content(SparkSession spark, Path table) {
        List<String> cols = new ArrayList<>(NetCellTable.KIND.columnNames());
        cols.remove("elapsed_ns");
        List<String> out = new ArrayList<>();
        for (Row r : spark.read().parquet(table.toString()).orderBy("cell_id")
                .select(cols.stream().map(functions::col).toArray(Column[]::new)).collectAsList()) {
            out.add(r.toString());
        }
        return out;
    }

    @Test
    void cellsTrainedTogetherOnSparkEqualEachCellTrainedAloneWhateverTheChunks() throws IOException {
        SparkSession spark = TestSpark.local2();
        List<String> reference = content(spark, alone);
        assertThat(reference).hasSize(24);
        assertThat(content(spark, chunked)).isEqualTo(reference);
        assertThat(content(spark, oneChunk)).isEqualTo(reference);
        String manifest = Files.readString(chunked.resolve("_manifest.json"));
        assertThat(manifest).containsPattern("\"format\"\\s*:\\s*\"probstab-net-table/1\"")
                .containsPattern("\"status\"\\s*:\\s*\"complete\"");
        List<Row> rows = spark.read().parquet(chunked.toString()).select("backend", "device", "diverged", "rank")
                .distinct().collectAsList();
        assertThat(rows).allMatch(r -> r.getString(0).equals("cpu") && r.getString(1).equals("cpu"));
        // The sweep's cells are (activation, optimizer, mu, lambda) in mixed radix: cell 13 is swish, sgd, μ = 0.05,
        // λ = 0.2 — the same as eval of that cell alone.
        var eval = ModelRegistry.evaluate("net-two-layer", Map.of("d", 6, "h", 5, "S", 1, "sigma", 2.0, "steps",
                300, "activation", "swish", "optimizer", "sgd", "lambda", 0.2, "mu", 0.05), EstimatorKind.AUTO, 1, 13);
        Row thirteen = spark.read().parquet(chunked.toString()).where("cell_id = 13").collectAsList().get(0);
        assertThat(thirteen.<Double>getAs("final_loss")).isEqualTo(eval.get(NetCellTable.FINAL_LOSS));
        assertThat(thirteen.<Integer>getAs("rank")).isEqualTo(eval.get(NetCellTable.RANK));
    }

    @Test
    void resumeOfACompleteTableTrainsNothingAndAnExistingTableIsRefused() {
        Outcome again = run("train", nets.toString(), "--out", chunked.toString(), "--set", "output.chunk_cells=5",
                "--resume", "--master", "local[2]");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("24 cells (0 trained now)");
        Outcome refused = run("train", nets.toString(), "--out", chunked.toString(), "--set", "output.chunk_cells=5",
                "--master", "local[2]");
        assertThat(refused.code()).isEqualTo(ProbstabCli.BAD_INPUT);
        assertThat(refused.err().strip().lines()).hasSize(1);
    }

    @Test
    void exportFollowsTheNetKindAndRenderDrawsTheRankMap() throws IOException {
        Outcome csv = run("export", chunked.toString(), "--csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        List<String> expected = new ArrayList<>(NetCellTable.KIND.tableColumnNames());
        expected.remove("chunk");
        assertThat(lines.get(0)).isEqualTo(String.join(",", expected));
        assertThat(lines).hasSize(25);
        assertThat(csv.out()).doesNotContain("NaN");
        Path png = tmp.resolve("rank.png");
        Outcome render = run("render", chunked.toString(), "--png", png.toString(), "--column", "rank", "--where",
                "activation = 'linear' and optimizer = 'sgd'", "--overlay", "boundaries", "--center", "5");
        assertThat(render.code()).as(render.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        // Without --column a net table maps its rank; it has no phase to map.
        Path plain = tmp.resolve("rank-default.png");
        Outcome byDefault = run("render", chunked.toString(), "--png", plain.toString(), "--where",
                "activation = 'swish' and optimizer = 'adam'");
        assertThat(byDefault.code()).as(byDefault.err()).isZero();
        assertThat(byDefault.out()).contains("map of rank");
        Outcome phase = run("render", chunked.toString(), "--png", tmp.resolve("phase.png").toString(), "--column",
                "phase", "--where", "activation = 'swish' and optimizer = 'adam'");
        assertThat(phase.code()).isEqualTo(ProbstabCli.BAD_INPUT);
        assertThat(phase.err()).contains("--column").contains("no phase column");
        assertThat(tmp.resolve("phase.png")).doesNotExist();
    }

    /**
     * The overlay on a swish net's map is the theory saddle's boundary at c₀λ with c₀ = ½: every root λ* drawn on the
     * map is a sign change of the exact Λ₋ or Λ₊ of mf-gaussian at ½λ* — checked on a bracket λ*(1 ± 1e-6), far
     * wider than the overlay's bisection to 1e-10 and far narrower than the λ grid.
     */
    @Test
    void theOverlayOnANetMapIsTheTheorySaddlesBoundaryAtTheScaledRate() {
        SparkSession spark = TestSpark.local2();
        TableData swish = TableReader.read(spark, chunked.toString(), "activation = 'swish' and optimizer = 'sgd'");
        List<OverlayLine> lines = Overlays.compute(List.of("boundaries"), swish, "lambda", "mu", 10, 200);
        int checked = 0;
        for (OverlayLine line : lines) {
            boolean minus = line.label().startsWith("Λ₋");
            boolean plus = line.label().startsWith("Λ₊");
            if (!minus && !plus) {
                continue;
            }
            for (List<double[]> branch : line.branches()) {
                for (double[] point : branch) {
                    double lo = theory(point[0] * (1 - 1e-6) / 2, point[1], minus);
                    double hi = theory(point[0] * (1 + 1e-6) / 2, point[1], minus);
                    assertThat(Math.signum(lo)).as(line.label() + " at " + Arrays.toString(point))
                            .isEqualTo(-Math.signum(hi));
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    private static double theory(double lambda, double mu, boolean minus) {
        var r = ModelRegistry.evaluate("mf-gaussian", Map.of("lambda", lambda, "mu", mu, "S", 1, "N", "inf",
                "sigma", 2.0), EstimatorKind.EXACT, 1, 0);
        return r.get(minus ? PhaseTable.EXP_MINUS : PhaseTable.EXP_PLUS);
    }

    /** The README's query: net cells beside the theory sweep's row of the same (λ, μ, S). */
    @Test
    void theReadmeJoinWithATheorySweepMatchesTheTheoryColumns() throws IOException {
        Path theoryConf = tmp.resolve("theory.conf");
        Files.writeString(theoryConf, THEORY);
        Path theory = tmp.resolve("theory");
        Outcome t = run("sweep", theoryConf.toString(), "--out", theory.toString(), "--master", "local[2]");
        assertThat(t.code()).as(t.err()).isZero();
        SparkSession spark = TestSpark.local2();
        spark.read().parquet(chunked.toString()).createOrReplaceTempView("net");
        spark.read().parquet(theory.toString()).createOrReplaceTempView("theory");
        List<Row> joined = spark.sql("""
                SELECT n.cell_id, n.activation, n.rank, n.theory_phase, t.phase,
                       n.theory_exp_minus, t.exp_minus, n.theory_exp_plus, t.exp_plus
                FROM net n JOIN theory t
                  ON n.theory_lambda = t.lambda AND n.mu = t.mu AND n.batch_size = t.batch_size
                     AND n.params['sigma'] = t.params['sigma']
                ORDER BY n.cell_id""").collectAsList();
        // Linear nets (c₀ = 1) meet the theory grid at every cell; swish nets (theory at λ/2) at λ = 0.4 only.
        assertThat(joined).hasSize(12 + 4);
        for (Row r : joined) {
            assertThat(r.getString(3)).isEqualTo(r.getString(4));
            assertThat(r.getDouble(5)).isEqualTo(r.getDouble(6));
            assertThat(r.getDouble(7)).isEqualTo(r.getDouble(8));
        }
    }

    @Test
    void theQuickAgreementConfigTrains() {
        Path out = tmp.resolve("agreement-quick");
        Outcome o = run("train", SweepCommandTest.conf("net-theory-agreement-d32.conf").toString(), "--quick",
                "--out", out.toString(), "--master", "local[2]");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("4 cells (4 trained now)");
    }

    @Test
    void everyBadInputIsOneLineWithExitTwoAndWritesNothing() throws IOException {
        String conf = nets.toString();
        List<List<String>> bad = List.of(
                List.of("--set", "sweep.axes.activation=[linear, gelu]"),
                List.of("--set", "sweep.axes.optimizer=[sgd, rmsprop]"),
                List.of("--set", "sweep.params.d=0"),
                List.of("--set", "sweep.params.h=0"),
                List.of("--set", "sweep.params.rank_tolerance=0"),
                List.of("--set", "sweep.params.rank_tolerance=1"),
                List.of("--set", "sweep.params.rank_tolerance=1.5"),
                List.of("--set", "sweep.params.d=2000", "--set", "sweep.params.h=2000", "--set",
                        "sweep.params.memory_mb=64"),
                List.of("--set", "sweep.params.device=gpu"),
                List.of("--quick"));
        List<String> keys = List.of("activation", "optimizer", "sweep.params.d", "sweep.params.h", "rank_tolerance",
                "rank_tolerance", "rank_tolerance", "memory_mb", "device", "--quick");
        for (int i = 0; i < bad.size(); i++) {
            Path out = tmp.resolve("bad-" + i);
            List<String> args = new ArrayList<>(List.of("train", conf, "--out", out.toString(), "--master",
                    "local[2]"));
            args.addAll(bad.get(i));
            Outcome o = run(args.toArray(String[]::new));
            assertThat(o.code()).as(bad.get(i) + ": " + o.err()).isEqualTo(ProbstabCli.BAD_INPUT);
            assertThat(o.err().strip().lines()).as(o.err()).hasSize(1);
            assertThat(o.err()).contains(keys.get(i));
            assertThat(out).doesNotExist();
        }
        // No GPU on this machine: backend djl with device gpu is refused before Spark starts.
        if (!(ai.djl.util.cuda.CudaUtils.hasCuda() && ai.djl.util.cuda.CudaUtils.getGpuCount() > 0)) {
            Path out = tmp.resolve("bad-gpu");
            Outcome o = run("train", conf, "--out", out.toString(), "--master", "local[2]", "--set",
                    "sweep.params.backend=djl", "--set", "sweep.params.device=gpu");
            assertThat(o.code()).as(o.err()).isEqualTo(ProbstabCli.BAD_INPUT);
            assertThat(o.err().strip().lines()).hasSize(1);
            assertThat(o.err()).contains("'device' = gpu").contains("no CUDA GPU").contains("allowed auto|cpu");
            assertThat(out).doesNotExist();
            Outcome eval = run("eval", "--model", "net-two-layer", "--param", "lambda=0.1", "--param", "mu=0.1",
                    "--param", "d=4", "--param", "h=4", "--param", "backend=djl", "--param", "device=gpu");
            assertThat(eval.code()).isEqualTo(ProbstabCli.BAD_INPUT);
            assertThat(eval.err().strip().lines()).hasSize(1);
        }
        Outcome notNet = run("train", SweepCommandTest.conf("lambda-mu-ninf.conf").toString(), "--out",
                tmp.resolve("bad-model").toString());
        assertThat(notNet.code()).isEqualTo(ProbstabCli.BAD_INPUT);
        assertThat(notNet.err()).contains("sweep.model").contains("net-two-layer|mf-linear-50");
        assertThat(tmp.resolve("bad-model")).doesNotExist();
    }
}
