package org.probstab.net.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
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

    /** Opens the backend on the requested device, GPU 0 when a GPU is used. */
    public static DjlBackend open(DeviceRequest request) {
        return open(request, 0);
    }

    /**
     * Opens the backend on the requested device: {@code cpu}; {@code gpu} — GPU {@code gpu}, refused when PyTorch does
     * not see it; {@code auto} — GPU {@code gpu} when PyTorch sees it, else the CPU.
     *
     * @param gpu the GPU ordinal to use (a Spark task passes the address its resource profile assigned)
     */
    public static DjlBackend open(DeviceRequest request, int gpu) {
        if (request == DeviceRequest.GPU) {
            checkGpuPresent(gpu);
        }
        if (request == DeviceRequest.CPU) {
            engine();
            return new DjlBackend(Device.cpu(), "cpu");
        }
        Engine engine = engine();
        int gpus = engine.getGpuCount();
        if (gpu < gpus) {
            return new DjlBackend(Device.gpu(gpu), "gpu(" + gpu + ")");
        }
        if (request == DeviceRequest.GPU) {
            throw noGpu(gpu, "PyTorch " + engine.getVersion() + " sees " + gpus + " GPU" + (gpus == 1 ? "" : "s"));
        }
        return new DjlBackend(Device.cpu(), "cpu");
    }

    /**
     * Refuses {@code device = gpu} early when the machine has no CUDA device at all (CUDA's own count, through DJL's
     * {@code CudaUtils}, without loading PyTorch); a machine with one still needs {@link #open} to know whether the
     * PyTorch build on the class path can use it.
     */
    public static void checkGpuPresent(int gpu) {
        int cuda = CudaUtils.hasCuda() ? CudaUtils.getGpuCount() : 0;
        if (gpu >= cuda) {
            throw noGpu(gpu, cuda == 0 ? "this machine has no CUDA GPU" : "CUDA sees " + cuda + " GPU"
                    + (cuda == 1 ? "" : "s"));
        }
    }

    private static InvalidInputException noGpu(int gpu, String why) {
        return InvalidInputException.of("device", "parameter 'device' = gpu is out of range: " + why
                + (gpu > 0 ? " (asked for GPU " + gpu + ")" : "") + "; allowed auto|cpu");
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
        return footprint(shape, cells);
    }

    /** The memory a batch of {@code cells} cells needs (device and host staging, see the class comment). */
    public static long footprint(BatchShape shape, int cells) {
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
        MemoryBudget.check(bytesFor(shape, cells.size()), memoryBudgetBytes, cells.size(), shape, name());
        return new DjlBatch(shape, cells, streams, device);
    }

    @Override
    public void close() {
        // Batches own their native memory; the engine stays loaded for the JVM.
    }
}
