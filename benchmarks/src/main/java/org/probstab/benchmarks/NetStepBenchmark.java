package org.probstab.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.probstab.net.Activation;
import org.probstab.net.BackendChoice;
import org.probstab.net.BatchShape;
import org.probstab.net.NetBackend;
import org.probstab.net.NetBatch;
import org.probstab.net.NetCellSpec;
import org.probstab.net.NetStreams;
import org.probstab.net.train.NetTrainer;

/**
 * One training step of a batch of C two-layer nets d → h → d (d = h, tanh, SGD, λ = 0.01, μ = 0.5): the operation
 * is {@code NetBatch.step()}, which advances all C cells, so cell-steps/s = ops/s × C. {@code backend}: {@code cpu1}
 * and {@code cpu2} are the cpu backend on 1 and 2 threads (threads work on different cells, so C = 1 uses one),
 * {@code djl} is PyTorch on the CPU with one intra-op thread. GFLOP/s = cell-steps/s × 10·S·d·h (forward 4Sdh,
 * backward 6Sdh). Run: {@code java -Dai.djl.offline=true -jar benchmarks/target/benchmarks.jar NetStep}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
        "-Dai.djl.pytorch.num_interop_threads=1"})
public class NetStepBenchmark {

    @Param({"32", "200"})
    int d;

    @Param({"1", "32"})
    int s;

    @Param({"1", "64"})
    int cells;

    @Param({"cpu1", "cpu2", "djl"})
    String backend;

    private NetBackend open;
    private NetBatch batch;

    @Setup(Level.Trial)
    public void setUp() {
        BackendChoice choice = switch (backend) {
            case "cpu1" -> BackendChoice.cpu(1);
            case "cpu2" -> BackendChoice.cpu(2);
            default -> BackendChoice.djl(BackendChoice.DeviceRequest.CPU);
        };
        open = NetTrainer.open(choice);
        NetCellSpec spec = NetCellSpec.builder().dims(d, d).activation(Activation.TANH).lambda(0.01).mu(0.5)
                .batchSize(s).steps(1_000_000).build();
        List<NetCellSpec> specs = new ArrayList<>();
        List<NetStreams> streams = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            specs.add(spec);
            streams.add(NetStreams.of(1, c));
        }
        batch = open.open(BatchShape.of(spec), specs, streams, 1L << 34);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        batch.close();
        open.close();
    }

    @Benchmark
    public int step() {
        batch.step();
        return batch.stepsDone();
    }
}
