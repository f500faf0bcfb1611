package org.probstab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probstab.config.InvalidInputException;
import org.probstab.net.cpu.CpuBackend;

/** Bad input: one one-line {@link InvalidInputException} per case, naming the key, the value and the range. */
class NetCellSpecTest {

    private static void assertOneLine(Throwable e, String key, String value) {
        assertThat(e).isInstanceOf(InvalidInputException.class);
        assertThat(e.getMessage()).contains("'" + key + "'").contains(value).doesNotContain("\n");
        assertThat(((InvalidInputException) e).key()).isEqualTo(key);
    }

    @Test
    void unknownActivation() {
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> Activation.parse("activation", "gelu"));
        assertOneLine(e, "activation", "'gelu'");
        assertThat(e.getMessage()).contains("linear|tanh|relu|swish");
        assertThat(Activation.parse("activation", "swish")).isEqualTo(Activation.SWISH);
    }

    @Test
    void unknownOptimiser() {
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> OptimiserSpec.parse("optimiser", "rmsprop"));
        assertOneLine(e, "optimiser", "'rmsprop'");
        assertThat(e.getMessage()).contains("sgd|adam");
        assertThat(OptimiserSpec.parse("optimiser", "adam")).isEqualTo(OptimiserSpec.adam());
    }

    @Test
    void widthsBelowOne() {
        assertOneLine(org.assertj.core.api.Assertions.catchThrowable(
                () -> NetCellSpec.builder().dims(0, 4).build()), "d", "0");
        assertOneLine(org.assertj.core.api.Assertions.catchThrowable(
                () -> NetCellSpec.builder().dims(4, 0).build()), "h", "0");
        assertOneLine(org.assertj.core.api.Assertions.catchThrowable(
                () -> NetCellSpec.builder().dims(-3, 4).build()), "d", "-3");
    }

    @Test
    void rankToleranceOutsideTheOpenUnitInterval() {
        for (double bad : new double[] {0, 1, -1e-3, 2, Double.NaN}) {
            Throwable e = org.assertj.core.api.Assertions.catchThrowable(
                    () -> NetCellSpec.builder().rankTolerance(bad).build());
            assertOneLine(e, "rank_tolerance", String.valueOf(bad));
            assertThat(e.getMessage()).contains("(0, 1)");
        }
        assertThat(NetCellSpec.builder().rankTolerance(1e-6).build().rankTolerance()).isEqualTo(1e-6);
    }

    @Test
    void otherRanges() {
        assertOneLine(org.assertj.core.api.Assertions.catchThrowable(
                () -> NetCellSpec.builder().lambda(0).build()), "lambda", "0.0");
        assertOneLine(org.assertj.core.api.Assertions.catchThrowable(
                () -> NetCellSpec.builder().mu(1.5).build()), "mu", "1.5");
        assertOneLine(org.assertj.core.api.Assertions.catchThrowable(
                () -> NetCellSpec.builder().sigma(0).build()), "sigma", "0.0");
        assertOneLine(org.assertj.core.api.Assertions.catchThrowable(
                () -> NetCellSpec.builder().batchSize(0).build()), "S", "0");
        assertOneLine(org.assertj.core.api.Assertions.catchThrowable(
                () -> NetCellSpec.builder().steps(0).build()), "steps", "0");
        assertOneLine(org.assertj.core.api.Assertions.catchThrowable(
                () -> OptimiserSpec.adam(1.0, 0.999, 1e-8)), "adam_beta1", "1.0");
        assertOneLine(org.assertj.core.api.Assertions.catchThrowable(
                () -> NetData.parse("data", "mnist")), "data", "'mnist'");
    }

    @Test
    void aBatchTooLargeForTheMemoryBudget() {
        // d = h = 200 with Adam: 3·(3dh + h + d)·4 bytes ≈ 1.45 MB per cell; 64 cells need ≈ 93 MB.
        NetCellSpec spec = NetCellSpec.builder().dims(200, 200).optimiser(OptimiserSpec.adam()).batchSize(32).build();
        BatchShape shape = BatchShape.of(spec);
        try (CpuBackend backend = new CpuBackend(1)) {
            long perCell = backend.bytesFor(shape, 2) - backend.bytesFor(shape, 1);
            assertThat(perCell).isEqualTo(4L * 3 * (3 * 200 * 200 + 400) + 512);
            long needed = backend.bytesFor(shape, 64);
            List<NetCellSpec> cells = java.util.Collections.nCopies(64, spec);
            List<NetStreams> streams = new java.util.ArrayList<>();
            for (int c = 0; c < 64; c++) {
                streams.add(NetStreams.of(1, c));
            }
            Throwable e = org.assertj.core.api.Assertions.catchThrowable(
                    () -> backend.open(shape, cells, streams, 50L << 20));
            assertOneLine(e, "memory_mb", "50");
            assertThat(e.getMessage()).contains("a batch of 64 cells").contains("needs "
                    + org.probstab.net.MemoryBudget.mib(needed) + " MiB").contains("allowed memory_mb >= ");
            assertThat(backend.open(shape, cells.subList(0, 2), streams.subList(0, 2), needed)).isNotNull();
        }
    }
}
