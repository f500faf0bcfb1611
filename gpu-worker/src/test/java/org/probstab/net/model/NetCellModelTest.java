package org.probstab.net.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.Model;
import org.probstab.model.ModelRegistry;
import org.probstab.model.TheoryCell;
import org.probstab.net.Activation;
import org.probstab.net.BackendChoice;
import org.probstab.net.NetCellResult;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetData;
import org.probstab.net.OptimiserSpec;
import org.probstab.net.train.NetTrainer;
import org.probstab.net.train.TrainingRequest;
import org.probstab.param.CellParameters;
import org.probstab.table.NetCellTable;
import org.probstab.table.PhaseTable;
import org.probstab.table.Row;

/** The net models through the catalogue: discovery, validation of every bad input, and rows against the trainer. */
class NetCellModelTest {

    private static Map<String, Object> small(Object... kv) {
        Map<String, Object> p = new HashMap<>(Map.of("lambda", 0.1, "mu", 0.3, "d", 6, "h", 5, "steps", 200));
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return p;
    }

    private static InvalidInputException refused(String model, Map<String, Object> raw) {
        Throwable e = catchThrowable(() -> ModelRegistry.resolve(ModelRegistry.get(model), raw, EstimatorKind.AUTO));
        assertThat(e).isInstanceOf(InvalidInputException.class);
        assertThat(e.getMessage()).doesNotContain("\n");
        return (InvalidInputException) e;
    }

    @Test
    void theCatalogueFindsBothNetModelsThroughTheServiceFile() {
        assertThat(ModelRegistry.names()).contains(TwoLayerNetModel.NAME, MaskedLinearNetModel.NAME);
        for (String name : List.of(TwoLayerNetModel.NAME, MaskedLinearNetModel.NAME)) {
            Model m = ModelRegistry.get(name);
            assertThat(m).isInstanceOf(NetCellModel.class);
            assertThat(m.kind()).isSameAs(NetCellTable.KIND);
        }
    }

    @Test
    void everyBadInputIsOneLineNamingTheKeyAndTheAllowedRange() {
        String net = TwoLayerNetModel.NAME;
        InvalidInputException e = refused(net, small("activation", "gelu"));
        assertThat(e.key()).isEqualTo("activation");
        assertThat(e.getMessage()).contains("'gelu'").contains("linear|tanh|relu|swish");
        e = refused(net, small("optimizer", "rmsprop"));
        assertThat(e.key()).isEqualTo("optimizer");
        assertThat(e.getMessage()).contains("'rmsprop'").contains("sgd|adam");
        for (String dim : List.of("d", "h")) {
            e = refused(net, small(dim, 0));
            assertThat(e.key()).isEqualTo(dim);
            assertThat(e.getMessage()).contains("= 0").contains("[1, 8192]");
        }
        for (double tolerance : new double[] {0, -0.1, 1, 1.5}) {
            e = refused(net, small("rank_tolerance", tolerance));
            assertThat(e.key()).isEqualTo("rank_tolerance");
            assertThat(e.getMessage()).contains("(0, 1)");
        }
        e = refused(MaskedLinearNetModel.NAME, Map.of("lambda", 1, "mu", 0.1, "rank_tolerance", 1));
        assertThat(e.key()).isEqualTo("rank_tolerance");
        e = refused(net, small("backend", "tpu"));
        assertThat(e.key()).isEqualTo("backend");
        assertThat(e.getMessage()).contains("cpu|djl");
        e = refused(net, small("device", "gpu"));
        assertThat(e.key()).isEqualTo("device");
        assertThat(e.getMessage()).contains("backend djl");
        e = refused(net, small("adam_beta1", 1.0, "optimizer", "adam"));
        assertThat(e.key()).isEqualTo("adam_beta1");
        Throwable estimator = catchThrowable(() -> ModelRegistry.resolve(ModelRegistry.get(net), small(),
                EstimatorKind.EXACT));
        assertThat(estimator).isInstanceOf(InvalidInputException.class).hasMessageContaining("auto");
    }

    /**
     * One cell of d = h = 2000 with Adam holds 4 B × 3 × (3·2000² + 4000) + 512 B of parameters and moments
     * (137.38 MiB) on the cpu backend, plus one step's workspace, 4 B × (S(3d + 3h) + 3dh + h + d) (45.84 MiB):
     * 192 112 512 B = 183.21 MiB, printed rounded up to 183.3; a 64 MiB budget cannot hold it, the message says
     * what would (184, the next whole MiB), and 200 MiB is enough.
     */
    @Test
    void aCellTooLargeForTheMemoryBudgetIsRefusedBeforeTraining() {
        Map<String, Object> big = small("d", 2000, "h", 2000, "optimizer", "adam", "memory_mb", 64);
        InvalidInputException e = refused(TwoLayerNetModel.NAME, big);
        assertThat(e.key()).isEqualTo("memory_mb");
        assertThat(e.getMessage()).contains("'memory_mb' = 64 is too small: one cell with d = 2000, h = 2000")
                .contains("needs 183.3 MiB on backend cpu; allowed memory_mb >= 184");
        big.put("memory_mb", 200);
        ModelRegistry.resolve(ModelRegistry.get(TwoLayerNetModel.NAME), big, EstimatorKind.AUTO);
        big.put("backend", "djl");
        big.put("memory_mb", 64);
        assertThat(refused(TwoLayerNetModel.NAME, big).getMessage()).contains("on backend djl");
    }

    @Test
    void evalOfOneCellIsTheTrainerOnThatCellAlone() {
        Map<String, Object> raw = small("activation", "tanh", "S", 2, "sigma", 1.5);
        Row row = ModelRegistry.evaluate(TwoLayerNetModel.NAME, raw, EstimatorKind.AUTO, 7, 11);
        NetCellSpec spec = NetCellSpec.builder().dims(6, 5).activation(Activation.TANH).lambda(0.1).mu(0.3)
                .sigma(1.5).batchSize(2).steps(200).build();
        NetCellResult alone = NetTrainer.train(new TrainingRequest(List.of(spec), new long[] {11}, 7,
                BackendChoice.cpu(1), 1L << 30)).get(0);
        assertThat(row.get(NetCellTable.RANK)).isEqualTo(alone.rank());
        assertThat(row.get(NetCellTable.SINGULAR_VALUES)).containsExactly(alone.singularValues());
        assertThat(row.get(NetCellTable.FINAL_LOSS)).isEqualTo(alone.finalLoss());
        assertThat(row.get(NetCellTable.THEORY_PHASE)).isEqualTo(alone.theoryPhase());
        assertThat(row.get(NetCellTable.THEORY_EXP_MINUS)).isEqualTo(alone.theoryExponentMinus());
        assertThat(row.get(NetCellTable.THEORY_LAMBDA)).isEqualTo(0.1);
        assertThat(row.get(NetCellTable.STEPS)).isEqualTo(200);
        assertThat(row.get(NetCellTable.WIDTH)).isEqualTo(6);
        assertThat(row.get(NetCellTable.HIDDEN)).isEqualTo(5);
        assertThat(row.get(NetCellTable.ACTIVATION)).isEqualTo("tanh");
        assertThat(row.get(NetCellTable.DATA)).isEqualTo("gaussian");
        assertThat(row.get(NetCellTable.BACKEND)).isEqualTo("cpu");
        assertThat(row.get(NetCellTable.DEVICE)).isEqualTo("cpu");
        assertThat(row.get(org.probstab.table.CellTable.PARAMS)).containsExactly(Map.entry("sigma", 1.5));
        assertThat(row.has(NetCellTable.THEORY_RANK)).isFalse();
        assertThat(row.has(org.probstab.table.CellTable.N)).isFalse();
    }

    /**
     * Cells of three shapes (two activations, an Adam cell) and a masked cell trained together, on 2 threads, in a
     * scrambled order: every row equals, column for column and bit for bit, the row {@code eval} gives for the same
     * cell alone — but the wall time.
     */
    @Test
    void cellsTrainedTogetherEqualEachCellEvaluatedAlone() {
        List<Map<String, Object>> raws = new ArrayList<>();
        raws.add(small("lambda", 0.05));
        raws.add(small("activation", "swish", "lambda", 0.2));
        raws.add(small("optimizer", "adam", "lambda", 0.01));
        raws.add(small("lambda", 0.3, "mu", 0.1));
        raws.add(small("activation", "swish", "lambda", 0.1, "bias", "true"));
        raws.add(small("data", "masked", "lambda", 2.0));
        long[] ids = {9, 3, 4, 0, 7, 5};
        NetCellModel model = (NetCellModel) ModelRegistry.get(TwoLayerNetModel.NAME);
        List<CellParameters> cells = new ArrayList<>();
        for (Map<String, Object> raw : raws) {
            cells.add(ModelRegistry.resolve(model, raw, EstimatorKind.AUTO));
        }
        List<Row> together = model.train(cells, ids, 3, 2, new TaskResources(2, List.of(), 1L << 30));
        for (int i = 0; i < raws.size(); i++) {
            Row alone = ModelRegistry.evaluate(TwoLayerNetModel.NAME, raws.get(i), EstimatorKind.AUTO, 3, ids[i], 2);
            assertThat(NetCellTable.KIND.comparableValues(together.get(i)))
                    .as("cell " + ids[i]).isEqualTo(NetCellTable.KIND.comparableValues(alone));
        }
        assertThat(together.get(2).get(org.probstab.table.CellTable.PARAMS)).containsKeys("adam_beta1", "adam_beta2", "adam_epsilon");
        assertThat(together.get(5).has(NetCellTable.THEORY_RANK)).isTrue();
        assertThat(together.get(5).has(NetCellTable.THEORY_PHASE)).isFalse();
    }

    @Test
    void aDivergedCellHasNullRankLossAndSingularValues() {
        Row row = ModelRegistry.evaluate(TwoLayerNetModel.NAME, small("lambda", 200.0, "mu", 0.0), EstimatorKind.AUTO,
                1, 0);
        assertThat(row.get(NetCellTable.DIVERGED)).isTrue();
        assertThat(row.has(NetCellTable.RANK)).isFalse();
        assertThat(row.has(NetCellTable.FINAL_LOSS)).isFalse();
        assertThat(row.has(NetCellTable.SINGULAR_VALUES)).isFalse();
        assertThat(row.get(NetCellTable.STEPS)).isLessThan(200);
        assertThat(row.get(NetCellTable.THEORY_PHASE)).isNotNull();
    }

    /**
     * The theory cell is mf-gaussian at (c₀λ, μ, S, σ, N = ∞) with c₀ = σ'(0) (½ for swish), and evaluating it gives
     * exactly the theory columns of the row; masked data have no single saddle.
     */
    @Test
    void theTheoryCellIsTheScaledScalarSaddle() {
        TheoryCell swish = ModelRegistry.theory(TwoLayerNetModel.NAME, small("activation", "swish", "lambda", 0.3,
                "S", 4)).orElseThrow();
        assertThat(swish.model()).isEqualTo("mf-gaussian");
        assertThat(swish.lambdaScale()).isEqualTo(0.5);
        assertThat(swish.parameters()).containsEntry("lambda", 0.15).containsEntry("mu", 0.3)
                .containsEntry("S", 4).containsEntry("sigma", 2.0).containsEntry("N", Double.POSITIVE_INFINITY);
        Row theory = ModelRegistry.evaluate(swish.model(), swish.parameters(), EstimatorKind.EXACT, 1, 0);
        Row net = ModelRegistry.evaluate(TwoLayerNetModel.NAME, small("activation", "swish", "lambda", 0.3, "S", 4,
                "steps", 20), EstimatorKind.AUTO, 1, 0);
        assertThat(net.get(NetCellTable.THEORY_EXP_PLUS)).isEqualTo(theory.get(PhaseTable.EXP_PLUS));
        assertThat(net.get(NetCellTable.THEORY_PHASE)).isEqualTo(theory.get(PhaseTable.PHASE));
        assertThat(ModelRegistry.theory(MaskedLinearNetModel.NAME, Map.of("lambda", 1, "mu", 0.1))).isEmpty();
        assertThat(ModelRegistry.theory("mf-gaussian", Map.of("lambda", 1, "mu", 0.1))).isEmpty();
    }

    @Test
    void theTasksCoresAndGpusChooseTheThreadsAndTheDevice() {
        Model model = ModelRegistry.get(TwoLayerNetModel.NAME);
        TaskResources task = new TaskResources(3, List.of(2, 5), 1L << 30);
        BackendChoice cpu = NetCellModel.backend(ModelRegistry.resolve(model, small(), EstimatorKind.AUTO), task);
        assertThat(cpu.kind()).isEqualTo(BackendChoice.Kind.CPU);
        assertThat(cpu.threads()).isEqualTo(3);
        BackendChoice djl = NetCellModel.backend(ModelRegistry.resolve(model, small("backend", "djl"),
                EstimatorKind.AUTO), task);
        assertThat(djl.kind()).isEqualTo(BackendChoice.Kind.DJL);
        assertThat(djl.device()).isEqualTo(BackendChoice.DeviceRequest.AUTO);
        assertThat(djl.gpu()).as("the first GPU address of the task").isEqualTo(2);
        assertThat(djl.threads()).isEqualTo(1);
        assertThat(TaskResources.gpuOrdinals(new String[] {"1", " 3"})).containsExactly(1, 3);
        Throwable e = catchThrowable(() -> TaskResources.gpuOrdinals(new String[] {"gpu-a"}));
        assertThat(e).isInstanceOf(InvalidInputException.class).hasMessageContaining("'gpu-a'");
    }

    /** The task's share caps memory_mb: a share below one cell names the executor memory, not memory_mb alone. */
    @Test
    void aTaskShareBelowOneCellIsRefusedNamingTheExecutorMemory() {
        NetCellModel model = (NetCellModel) ModelRegistry.get(TwoLayerNetModel.NAME);
        CellParameters big = ModelRegistry.resolve(model, small("d", 2000, "h", 2000, "optimizer", "adam"),
                EstimatorKind.AUTO);
        Throwable e = catchThrowable(() -> model.train(List.of(big), new long[] {0}, 1, 0,
                new TaskResources(1, List.of(), 64L << 20)));
        assertThat(e).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) e).key()).isEqualTo("memory_mb");
        assertThat(e.getMessage()).contains("'memory_mb' = 512 is above this task's share").contains("(64 MiB)")
                .contains("183.3 MiB").contains("spark.executor.memory").doesNotContain("\n");
    }

    @Test
    void mfLinear50IsTheMaskedLinearNetOfTheAppendix() {
        NetCellModel model = (NetCellModel) ModelRegistry.get(MaskedLinearNetModel.NAME);
        NetCellSpec spec = model.spec(ModelRegistry.resolve(model, Map.of("lambda", 2, "mu", 0.05),
                EstimatorKind.AUTO));
        assertThat(spec).isEqualTo(NetCellSpec.builder().dims(50, 50).activation(Activation.LINEAR).bias(false)
                .optimiser(OptimiserSpec.sgd()).lambda(2).mu(0.05).sigma(Math.sqrt(2)).batchSize(1).steps(10000)
                .data(NetData.MASKED).build());
    }
}
