package org.probstab.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.probstab.spark.ChunkParquet;
import org.probstab.spark.NioLocalFileSystem;
import org.probstab.spark.SweepJob;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;

/**
 * One chunk of the phase table computed and written as one Parquet file, as a Spark task does it
 * ({@link ChunkParquet#writeChunk}: each cell evaluated, then streamed column by column into parquet-mr, Snappy), to
 * the local file system through {@link NioLocalFileSystem} (what local sweeps use), without Spark running. The chunk
 * is a 64 × 64 grid of {@value #CELLS} cells of
 * <ul>
 *   <li>{@code mf-two-point}: closed-form exponents, so nearly all the time is the writing;</li>
 *   <li>{@code mf-gaussian}: exact sums at N = 100, S = 1 (the cells of {@code conf/bench-exact-n100.conf}).</li>
 * </ul>
 * The score is in cells per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParquetChunkBenchmark {

    static final int CELLS = 4096;

    @Param({"mf-two-point", "mf-gaussian"})
    String model;

    private Path dir;
    private Path file;
    private SweepPlan plan;
    private Configuration conf;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("probstab-bench-parquet");
        String axes = model.equals("mf-two-point")
                ? "params { S = 1 }\n axes { lambda { from = 0.01, to = 3.0, steps = 64 },"
                        + " a { from = -2, to = 2, steps = 64 } }"
                : "params { S = 1, N = 100, sigma = 2.0 }\n axes { lambda { from = 0.003, to = 3.0, steps = 64 },"
                        + " mu { from = 0.001, to = 1.0, steps = 64 } }";
        String text = "sweep { name = bench-chunk, model = " + model + ", seed = 1\n " + axes + "\n}\n"
                + "output { path = \"" + dir.resolve("table") + "\", chunk_cells = " + CELLS + " }\n";
        plan = new SweepPlan(SweepSpec.from(SweepConfig.parse(text, List.of()), "bench-chunk"));
        if (plan.chunkCount() != 1 || plan.cellCount() != CELLS) {
            throw new IllegalStateException("expected one chunk of " + CELLS + " cells, got " + plan.chunkCount()
                    + " chunks of " + plan.cellCount() + " cells");
        }
        conf = new Configuration();
        conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
        file = dir.resolve("chunk.parquet");
    }

    @Setup(Level.Invocation)
    public void removeFile() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve(".chunk.parquet.crc"));
    }

    @Benchmark
    @OperationsPerInvocation(CELLS)
    public long writeChunk() throws IOException {
        ChunkParquet.writeChunk(plan, 0, SweepJob.GRID_LEVEL, new org.apache.hadoop.fs.Path(file.toUri()), conf,
                () -> { });
        return Files.size(file);
    }

    @TearDown
    public void tearDown() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
