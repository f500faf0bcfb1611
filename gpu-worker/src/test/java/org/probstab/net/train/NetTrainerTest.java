package org.probstab.net.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.ModelRegistry;
import org.probstab.net.Activation;
import org.probstab.net.BackendChoice;
import org.probstab.net.NetCellResult;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetData;
import org.probstab.net.OptimiserSpec;
import org.probstab.stability.DiagonalApproximation;
import org.probstab.table.PhaseTable;
import org.probstab.table.Row;

/** The entry point: grouping, batching by memory, results in order, divergence, theory columns, log and errors. */
class NetTrainerTest {

    private static List<NetCellSpec> mixedCells() {
        List<NetCellSpec> cells = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            NetCellSpec.Builder b = NetCellSpec.builder().dims(6, 5).lambda(0.05 + 0.05 * c).mu(0.2 + 0.1 * c)
                    .batchSize(2).steps(40);
            // Alternate two shapes so that the groups interleave in the input list.
            cells.add(c % 2 == 0 ? b.activation(Activation.TANH).build()
                    : b.activation(Activation.RELU).optimiser(OptimiserSpec.adam()).lambda(1e-3 * (c + 1)).build());
        }
        return cells;
    }

    private static long[] ids(int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 100 + 3L * i;
        }
        return ids;
    }

    @Test
    void resultsComeBackInOrderAndDoNotDependOnHowTheBudgetCutsTheBatches() {
        List<NetCellSpec> cells = mixedCells();
        List<NetCellResult> big = NetTrainer.train(new TrainingRequest(cells, ids(6), 9, BackendChoice.cpu(2),
                1L << 30));
        // Room for one cell of the larger (Adam) shape per batch only.
        long oneCell;
        try (org.probstab.net.cpu.CpuBackend probe = new org.probstab.net.cpu.CpuBackend(1)) {
            org.probstab.net.BatchShape adam = org.probstab.net.BatchShape.of(cells.get(1));
            oneCell = probe.bytesFor(adam, 1);
            assertThat(probe.bytesFor(adam, 2)).isGreaterThan(oneCell);
            assertThat(probe.bytesFor(org.probstab.net.BatchShape.of(cells.get(0)), 2)).isGreaterThan(oneCell);
        }
        List<NetCellResult> small = NetTrainer.train(new TrainingRequest(cells, ids(6), 9, BackendChoice.cpu(1),
                oneCell));
        assertThat(big).hasSize(6);
        for (int i = 0; i < 6; i++) {
            NetCellResult a = big.get(i);
            NetCellResult b = small.get(i);
            assertThat(a.cellId()).isEqualTo(100 + 3L * i);
            assertThat(a.spec()).isEqualTo(cells.get(i));
            assertThat(a.singularValues()).containsExactly(b.singularValues());
            assertThat(a.rank()).isEqualTo(b.rank());
            assertThat(a.finalLoss()).isEqualTo(b.finalLoss());
            assertThat(a.steps()).isEqualTo(40);
            assertThat(a.diverged()).isFalse();
            assertThat(a.singularValues()).hasSize(5);
            assertThat(a.backend()).isEqualTo("cpu");
        }
    }

    @Test
    void aDivergingCellIsReportedAndDoesNotDisturbItsNeighbours() {
        NetCellSpec calm = NetCellSpec.builder().dims(8, 8).lambda(0.1).mu(0.5).batchSize(4).steps(200).build();
        NetCellSpec wild = calm.toBuilder().lambda(400).build();
        List<NetCellResult> both = NetTrainer.train(new TrainingRequest(List.of(calm, wild), new long[] {1, 2}, 3,
                BackendChoice.cpu(1), 1L << 30));
        List<NetCellResult> alone = NetTrainer.train(new TrainingRequest(List.of(calm), new long[] {1}, 3,
                BackendChoice.cpu(1), 1L << 30));
        NetCellResult w = both.get(1);
        assertThat(w.diverged()).isTrue();
        assertThat(w.rank()).isEqualTo(-1);
        assertThat(w.singularValues()).isEmpty();
        assertThat(w.finalLoss()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(w.steps()).isBetween(1L, 199L);
        assertThat(both.get(0).singularValues()).containsExactly(alone.get(0).singularValues());
        assertThat(both.get(0).diverged()).isFalse();
    }

    @Test
    void theoryColumnsAreCoresExactTheoryAtTheStatedRate() {
        NetCellSpec linear = NetCellSpec.builder().dims(4, 4).lambda(0.3).mu(0.05).sigma(2).batchSize(2).steps(5)
                .build();
        NetCellSpec swish = linear.toBuilder().activation(Activation.SWISH).build();
        NetCellSpec masked = linear.toBuilder().dims(50, 50).data(NetData.MASKED).lambda(8.0).mu(0.15)
                .sigma(Math.sqrt(2)).batchSize(1).build();
        List<NetCellResult> r = NetTrainer.train(new TrainingRequest(List.of(linear, swish, masked),
                new long[] {0, 1, 2}, 5, BackendChoice.cpu(1), 1L << 30));
        Row exact = ModelRegistry.evaluate("mf-gaussian", Map.of("lambda", 0.3, "mu", 0.05, "S", 2, "N",
                "inf", "sigma", 2.0), EstimatorKind.EXACT, 5, 0);
        assertThat(r.get(0).theoryLambda()).isEqualTo(0.3);
        assertThat(r.get(0).theoryPhase()).isEqualTo(exact.get(PhaseTable.PHASE)).isEqualTo("III");
        assertThat(r.get(0).theoryExponentMinus()).isEqualTo(exact.get(PhaseTable.EXP_MINUS));
        assertThat(r.get(0).theoryExponentPlus()).isEqualTo(exact.get(PhaseTable.EXP_PLUS));
        assertThat(r.get(0).theoryRank()).isEqualTo(-1);
        // swish: c₀ = σ'(0) = ½.
        Row half = ModelRegistry.evaluate("mf-gaussian", Map.of("lambda", 0.15, "mu", 0.05, "S", 2, "N",
                "inf", "sigma", 2.0), EstimatorKind.EXACT, 5, 1);
        assertThat(r.get(1).theoryLambda()).isEqualTo(0.15);
        assertThat(r.get(1).theoryExponentPlus()).isEqualTo(half.get(PhaseTable.EXP_PLUS));
        // Masked data: the diagonal approximation at λ/d with variances σ²·v_k.
        double[] v = DiagonalApproximation.appendixNoiseVariances(50, Math.sqrt(2) * Math.sqrt(2));
        int predicted = DiagonalApproximation.masked(0.15, v, 1).predictedRank(8.0 / 50);
        assertThat(r.get(2).theoryLambda()).isEqualTo(8.0 / 50);
        assertThat(r.get(2).theoryRank()).isEqualTo(predicted).isBetween(1, 49);
        assertThat(r.get(2).theoryPhase()).isNull();
        assertThat(r.get(2).theoryExponentPlus()).isNaN();
    }

    @Test
    void oneLogLineNamesBackendAndDevice() {
        NetCellSpec cell = NetCellSpec.builder().dims(3, 3).steps(3).build();
        for (BackendChoice choice : new BackendChoice[] {BackendChoice.cpu(2),
                BackendChoice.djl(BackendChoice.DeviceRequest.AUTO)}) {
            NetTrainer.forgetAnnouncements();
            String log = capturingStandardError(() -> NetTrainer.train(new TrainingRequest(List.of(cell),
                    new long[] {0}, 1, choice, 1L << 30)));
            List<String> ours = Arrays.stream(log.split("\\R")).filter(l -> l.contains("net cells:")).toList();
            assertThat(ours).as(log).hasSize(1);
            String again = capturingStandardError(() -> NetTrainer.train(new TrainingRequest(List.of(cell),
                    new long[] {1}, 1, choice, 1L << 30)));
            assertThat(again).as("the same backend and device are announced once per JVM").doesNotContain("net cells:");
            String device = choice.kind() == BackendChoice.Kind.CPU ? "cpu" : ours.get(0).contains("gpu(0)")
                    ? "gpu(0)" : "cpu";
            assertThat(ours.get(0)).contains("backend " + choice.kind().label() + ", device " + device);
        }
    }

    @Test
    void askingForAGpuWithoutOneIsAOneLineErrorAndCpuBackendRefusesGpu() {
        boolean gpu = ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount() > 0;
        NetCellSpec cell = NetCellSpec.builder().dims(3, 3).steps(3).build();
        Throwable e = catchThrowable(() -> NetTrainer.train(new TrainingRequest(List.of(cell), new long[] {0}, 1,
                BackendChoice.djl(BackendChoice.DeviceRequest.GPU), 1L << 30)));
        if (gpu) {
            assertThat(e).isNull();
        } else {
            assertThat(e).isInstanceOf(InvalidInputException.class);
            assertThat(e.getMessage()).doesNotContain("\n").contains("'device' = gpu");
        }
        Throwable cpuGpu = catchThrowable(() -> BackendChoice.parse("cpu", "gpu", 1));
        assertThat(cpuGpu).isInstanceOf(InvalidInputException.class);
        assertThat(cpuGpu.getMessage()).contains("'device'").contains("backend djl");
        assertThat(catchThrowable(() -> BackendChoice.parse("tpu", "auto", 1)).getMessage())
                .contains("'backend'").contains("cpu|djl");
    }

    @Test
    void aBudgetBelowOneCellIsRefused() {
        NetCellSpec cell = NetCellSpec.builder().dims(200, 200).batchSize(32).build();
        Throwable e = catchThrowable(() -> NetTrainer.train(new TrainingRequest(List.of(cell), new long[] {0}, 1,
                BackendChoice.cpu(1), 100_000)));
        // 100 000 bytes = 0.095 MiB, printed rounded up to one decimal.
        assertThat(e).isInstanceOf(InvalidInputException.class);
        assertThat(e.getMessage()).contains("'memory_mb' = 0.1 is too small: one cell with d = 200")
                .doesNotContain("\n");
    }

    private static String capturingStandardError(Runnable r) {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
