package org.probstab.net.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probstab.config.InvalidInputException;
import org.probstab.net.Activation;
import org.probstab.net.BackendChoice.DeviceRequest;
import org.probstab.net.BatchShape;
import org.probstab.net.NetBatch;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetStreams;
import org.probstab.net.NetWeights;
import org.probstab.net.OptimiserSpec;
import org.probstab.net.cpu.CpuBackend;

/**
 * The djl backend on the CPU: it loads offline from the native jar, picks its device as asked, and trains the same
 * cells as the cpu backend to float tolerance.
 */
class DjlBackendTest {

    @Test
    void loadsOfflineFromTheNativeJarWithOneIntraOpThread() throws ReflectiveOperationException {
        Engine engine = DjlBackend.engine();
        assertThat(engine.getEngineName()).isEqualTo("PyTorch");
        assertThat(engine.getVersion()).isEqualTo(DjlBackend.PYTORCH_VERSION);
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("ai.djl.pytorch.num_threads")).isEqualTo("1");
        // What PyTorch itself reports (torch.get_num_threads()), through the engine's JNI class.
        Object intraOp = Class.forName("ai.djl.pytorch.jni.JniUtils").getMethod("getNumThreads").invoke(null);
        assertThat(intraOp).isEqualTo(1);
        // The library was unpacked from the jar into the cache under target/ (surefire's DJL_CACHE_DIR).
        assertThat(java.nio.file.Files.isDirectory(java.nio.file.Path.of(System.getProperty("DJL_CACHE_DIR"),
                "pytorch"))).isTrue();
    }

    @Test
    void deviceIsTheCpuWithoutAGpuAndAskingForAGpuIsAOneLineError() {
        boolean gpu = DjlBackend.engine().getGpuCount() > 0;
        try (DjlBackend auto = DjlBackend.open(DeviceRequest.AUTO)) {
            assertThat(auto.device()).isEqualTo(gpu ? "gpu(0)" : "cpu");
        }
        Throwable e = catchThrowable(() -> DjlBackend.open(DeviceRequest.GPU).close());
        if (gpu) {
            assertThat(e).isNull();
        } else {
            assertThat(e).isInstanceOf(InvalidInputException.class);
            assertThat(e.getMessage()).contains("'device' = gpu").containsPattern("no CUDA GPU|sees 0 GPUs")
                    .contains("auto|cpu").doesNotContain("\n");
        }
        try (DjlBackend cpu = DjlBackend.open(DeviceRequest.CPU)) {
            assertThat(cpu.device()).isEqualTo("cpu");
        }
        // A GPU ordinal beyond what PyTorch sees: auto falls back to the CPU, gpu names the ordinal asked for.
        try (DjlBackend auto = DjlBackend.open(DeviceRequest.AUTO, 64)) {
            assertThat(auto.device()).isEqualTo("cpu");
        }
        assertThat(catchThrowable(() -> DjlBackend.open(DeviceRequest.GPU, 64)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("(asked for GPU 64)");
    }

    /**
     * Both backends over 300 steps of SGD and Adam on the same cells (same initial weights, same samples).
     *
     * <p>Tolerance: |w_djl − w_cpu| ≤ 1e-5 · max|W₂,cpu| for every parameter. Both compute in float32 (unit
     * roundoff 6e-8) but PyTorch sums its products in another order, with other FMA contractions and its own
     * tanh/sigmoid; each step adds relative differences of ~1e-7 per entry, which the (stable, learning) dynamics
     * at these rates carries along without amplifying them. Measured on this machine: at most 1.5e-7 absolute
     * (3e-7 relative, a few ulps) after 300 steps; 1e-5 leaves a 30× margin for other CPUs' kernels, and is four
     * orders below the weights' own change over the run (asserted too, so that the agreement is not that of two
     * nets that did not move).
     */
    @Test
    void bothBackendsAgreeOnTheCpuWithinFloatTolerance() {
        int steps = 300;
        for (Activation act : new Activation[] {Activation.LINEAR, Activation.TANH, Activation.SWISH}) {
            for (OptimiserSpec opt : new OptimiserSpec[] {OptimiserSpec.sgd(), OptimiserSpec.adam()}) {
                List<NetCellSpec> specs = new ArrayList<>();
                List<NetStreams> streams = new ArrayList<>();
                double[] mus = {0.3, 0.6, 0.9};
                for (int c = 0; c < mus.length; c++) {
                    specs.add(NetCellSpec.builder().dims(16, 12).activation(act).bias(act == Activation.TANH)
                            .optimiser(opt).lambda(opt.kind() == OptimiserSpec.Kind.ADAM ? 2e-3 : 0.2).mu(mus[c])
                            .sigma(1.0).batchSize(8).steps(steps).build());
                    streams.add(NetStreams.of(7, c));
                }
                BatchShape shape = BatchShape.of(specs.get(0));
                try (CpuBackend cpu = new CpuBackend(1); DjlBackend djl = DjlBackend.open(DeviceRequest.CPU);
                     NetBatch a = cpu.open(shape, specs, streams, 1L << 30);
                     NetBatch b = djl.open(shape, specs, streams, 1L << 30)) {
                    a.run(steps);
                    b.run(steps);
                    for (int c = 0; c < specs.size(); c++) {
                        NetWeights wa = a.weights(c);
                        NetWeights wb = b.weights(c);
                        NetWeights init = NetWeights.initialise(16, 12, shape.bias(),
                                streams.get(c).initialisationStream());
                        String what = act + " " + opt.kind() + " cell " + c;
                        double scale = maxAbs(wa.w2t());
                        assertThat(maxAbsDifference(wa.w1t(), wb.w1t())).as(what + " W1").isLessThan(1e-5 * scale);
                        assertThat(maxAbsDifference(wa.w2t(), wb.w2t())).as(what + " W2").isLessThan(1e-5 * scale);
                        assertThat(maxAbsDifference(wa.b1(), wb.b1())).as(what + " b1").isLessThan(1e-5 * scale);
                        assertThat(maxAbsDifference(wa.b2(), wb.b2())).as(what + " b2").isLessThan(1e-5 * scale);
                        assertThat(maxAbsDifference(wa.w2t(), init.w2t())).as(what + " moved").isGreaterThan(0.05);
                    }
                }
            }
        }
    }

    static double maxAbs(float[] a) {
        double m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double maxAbsDifference(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs((double) a[i] - b[i]));
        }
        return m;
    }
}
