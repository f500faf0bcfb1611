package org.probstab.net.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probstab.net.Activation;
import org.probstab.net.BatchShape;
import org.probstab.net.NetBatch;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetStreams;
import org.probstab.net.NetWeights;
import org.probstab.net.OptimiserSpec;

/**
 * Bit-for-bit reproducibility of the cpu backend: a cell trained inside a batch of other cells (different λ, μ,
 * σ, streams) equals the same cell trained alone, whatever the thread count, and T calls of {@code step()} equal
 * one {@code run(T)}. Exact equality of every float (no tolerance): a cell's arithmetic must not depend on its
 * neighbours or on scheduling.
 */
class BatchEquivalenceTest {

    private static final long SEED = 42;
    private static final int STEPS = 60;

    private static List<NetCellSpec> cells(Activation act, OptimiserSpec opt, boolean bias) {
        List<NetCellSpec> cells = new ArrayList<>();
        double[] lambdas = opt.kind() == OptimiserSpec.Kind.ADAM ? new double[] {1e-3, 3e-3, 1e-2, 2e-3, 5e-3}
                : new double[] {0.05, 0.2, 0.1, 0.3, 0.02};
        for (int c = 0; c < lambdas.length; c++) {
            cells.add(NetCellSpec.builder().dims(7, 5).activation(act).bias(bias).optimiser(opt).lambda(lambdas[c])
                    .mu(0.1 + 0.2 * c).sigma(1 + c).batchSize(3).steps(STEPS).build());
        }
        return cells;
    }

    private static List<NetStreams> streams(int n, int firstId) {
        List<NetStreams> s = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            s.add(NetStreams.of(SEED, firstId + c));
        }
        return s;
    }

    @Test
    void aCellInABatchEqualsTheCellAloneBitForBitForAnyThreadCount() {
        for (Activation act : Activation.values()) {
            for (OptimiserSpec opt : new OptimiserSpec[] {OptimiserSpec.sgd(), OptimiserSpec.adam()}) {
                boolean bias = act.ordinal() % 2 == 0;
                List<NetCellSpec> specs = cells(act, opt, bias);
                BatchShape shape = BatchShape.of(specs.get(0));
                List<NetStreams> streams = streams(specs.size(), 10);
                for (int threads : new int[] {1, 2, 3}) {
                    try (CpuBackend backend = new CpuBackend(threads);
                         CpuBackend single = new CpuBackend(1)) {
                        NetBatch batch = backend.open(shape, specs, streams, 1L << 30);
                        batch.run(STEPS);
                        for (int c = 0; c < specs.size(); c++) {
                            NetBatch alone = single.open(shape, List.of(specs.get(c)), List.of(streams.get(c)),
                                    1L << 30);
                            alone.run(STEPS);
                            assertSame(act + " " + opt.kind() + " threads=" + threads + " cell " + c,
                                    batch.weights(c), alone.weights(0));
                            assertThat(batch.divergedAt(c)).isEqualTo(alone.divergedAt(0));
                        }
                    }
                }
            }
        }
    }

    @Test
    void stepByStepEqualsRunAndTheTwoLayoutsOfW2StayTransposes() {
        List<NetCellSpec> specs = cells(Activation.TANH, OptimiserSpec.adam(), true);
        BatchShape shape = BatchShape.of(specs.get(0));
        List<NetStreams> streams = streams(specs.size(), 0);
        try (CpuBackend backend = new CpuBackend(2)) {
            CpuBatch stepped = (CpuBatch) backend.open(shape, specs, streams, 1L << 30);
            for (int t = 0; t < STEPS; t++) {
                stepped.step();
            }
            NetBatch run = backend.open(shape, specs, streams, 1L << 30);
            run.run(STEPS);
            assertThat(stepped.stepsDone()).isEqualTo(STEPS);
            for (int c = 0; c < specs.size(); c++) {
                assertSame("cell " + c, stepped.weights(c), run.weights(c));
                NetWeights w = stepped.weights(c);
                float[] w2 = stepped.secondLayerCopy(c);
                int d = shape.inputDim();
                int h = shape.hiddenDim();
                for (int k = 0; k < h; k++) {
                    for (int j = 0; j < d; j++) {
                        assertThat(w2[j * h + k]).isEqualTo(w.w2t()[k * d + j]);
                    }
                }
            }
        }
    }

    private static void assertSame(String what, NetWeights a, NetWeights b) {
        assertThat(a.w1t()).as(what + " W1").containsExactly(b.w1t());
        assertThat(a.b1()).as(what + " b1").containsExactly(b.b1());
        assertThat(a.w2t()).as(what + " W2").containsExactly(b.w2t());
        assertThat(a.b2()).as(what + " b2").containsExactly(b.b2());
    }
}
