package org.probstab.net.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;
import org.probstab.config.InvalidInputException;
import org.probstab.net.BackendChoice.DeviceRequest;
import org.probstab.net.BatchShape;
import org.probstab.net.MemoryBudget;
import org.probstab.net.NetBackend;
import org.probstab.net.NetBatch;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetStreams;
import org.probstab.net.OptimiserSpec;

/**
 * The DJL backend: batches of cells as batched PyTorch tensors (DJL {@value #DJL_VERSION}, PyTorch
 * {@value #PYTORCH_VERSION}), on the first GPU or on the CPU ({@link DjlBatch}).
 *
 * <p><b>Runtime set-up.</b> Before the engine first loads, unless already set: {@code ai.djl.offline=true} (DJL
 * must not download anything: the native library comes from the {@code pytorch-native-cpu} or
 * {@code pytorch-native-cu124} jar on the class path and is unpacked under {@code DJL_CACHE_DIR}, default
 * {@code ~/.djl.ai}), and {@code ai.djl.pytorch.num_threads=1}, {@code ai.djl.pytorch.num_interop_threads=1}: one
 * intra-op thread, so every op runs on the calling (task) thread and concurrent tasks of an executor do not
 * contend. The device: {@code gpu} asks for GPU 0 and is refused when PyTorch sees none; {@code auto} takes GPU 0
 * when there is one, else the CPU; {@code cpu} the CPU.
 *
 * <p><b>Memory</b> ({@link #bytesFor}, device memory): per cell 4 bytes × (parameters 2dh + h + d; with Adam three
 * times that; plus the tensors of one step: samples and outputs 6Sd, hidden activations and their gradients 6Sh,
 * gradients 2dh + h + d, and as much again for the temporaries of the update); plus the host staging buffers of the
 * samples (2CSd floats, on the heap).
 */
public final class DjlBackend implements NetBackend {

    static final String DJL_VERSION = "0.32.0";
    static final String PYTORCH_VERSION = "2.5.1";

    private final Device device;
    private final String deviceLabel;

    private DjlBackend(Device device, String deviceLabel) {
        this.device = device;
        this.deviceLabel = deviceLabel;
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The PyTorch engine, loaded offline with one intra-op thread; a one-line error when it cannot load. */
    static Engine engine() {
        setDefault("ai.djl.offline", "true");
        setDefault("ai.djl.pytorch.num_threads", "1");
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
        try {
            return Engine.getEngine("PyTorch");
        } catch (RuntimeException | LinkageError e) {
            throw InvalidInputException.of("backend", "backend djl: the PyTorch engine does not load ("
                    + InvalidInputException.oneLine(String.valueOf(e.getMessage()))
                    + "): allowed backend cpu, or a class path with pytorch-native-cpu or -cu124 " + PYTORCH_VERSION);
        }
    }

    /** Opens the backend on the requested device. */
    public static DjlBackend open(DeviceRequest request) {
        Engine engine = engine();
        int gpus = engine.getGpuCount();
        return switch (request) {
            case CPU -> new DjlBackend(Device.cpu(), "cpu");
            case AUTO -> gpus > 0 ? new DjlBackend(Device.gpu(0), "gpu(0)") : new DjlBackend(Device.cpu(), "cpu");
            case GPU -> {
                if (gpus == 0) {
                    throw InvalidInputException.of("device", "parameter 'device' = gpu is out of range: PyTorch "
                            + engine.getVersion() + " sees no GPU on this machine; allowed auto|cpu");
                }
                yield new DjlBackend(Device.gpu(0), "gpu(0)");
            }
        };
    }

    @Override
    public String name() {
        return "djl";
    }

    @Override
    public String device() {
        return deviceLabel;
    }

    @Override
    public long bytesFor(BatchShape shape, int cells) {
        long d = shape.inputDim();
        long h = shape.hiddenDim();
        long s = shape.batchSize();
        long params = 2 * d * h + h + d;
        long state = shape.optimiser() == OptimiserSpec.Kind.ADAM ? 3 * params : params;
        long step = 6 * s * d + 6 * s * h + 2 * params;
        long device = MemoryBudget.floats(state + step);
        long host = MemoryBudget.floats(2 * s * d);
        return cells * (device + host);
    }

    @Override
    public NetBatch open(BatchShape shape, List<NetCellSpec> cells, List<NetStreams> streams,
                         long memoryBudgetBytes) {
        shape.checkCells(cells, streams);
        MemoryBudget.check(bytesFor(shape, cells.size()), memoryBudgetBytes, cells.size(), shape);
        return new DjlBatch(shape, cells, streams, device);
    }

    @Override
    public void close() {
        // Batches own their native memory; the engine stays loaded for the JVM.
    }
}
