package org.probstab.spark.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep the cluster tests run, in one place: the real command line ({@code org.probstab.cli.ProbstabCli
 * sweep}), its config and arguments. Small — 32 random-sym trajectory cells in 16 chunks of 2, published in 4
 * waves of 4 chunks — but slow enough that killing a process "mid-sweep" is real: a cell (8 runs x 80 000 steps of
 * a 2 x 2 random product) takes ~100-200 ms in a warm executor with the C1 JIT on the 2-core machine, so a chunk a
 * few hundred ms and a wave 1-2 s, and every executor JVM first spends ~10 s warming Spark up.
 */
final class ClusterSweep {

    static final String MAIN_CLASS = "org.probstab.cli.ProbstabCli";
    static final long CELLS = 32;
    static final long CHUNK_CELLS = 2;
    static final long WAVE_CHUNKS = 4;

    private final Path conf;

    private ClusterSweep(Path conf) {
        this.conf = conf;
    }

    /** Writes the config under {@code dir}. */
    static ClusterSweep write(Path dir) throws IOException {
        Path conf = dir.resolve("cluster-test.conf");
        Files.createDirectories(dir);
        Files.writeString(conf, """
                sweep {
                  name = "cluster-test"
                  model = random-sym
                  seed = 7
                  params { d = 2, noise = 1.0 }
                  axes { lambda { from = 0.1, to = 1.0, steps = %d } }
                  estimator { kind = trajectory, runs = 8, steps = 80000 }
                }
                output { path = "out/cluster-test", chunk_cells = %d, wave_chunks = %d }
                """.formatted(CELLS, CHUNK_CELLS, WAVE_CHUNKS));
        return new ClusterSweep(conf);
    }

    String mainClass() {
        return MAIN_CLASS;
    }

    long cellCount() {
        return CELLS;
    }

    long chunkCount() {
        return (CELLS + CHUNK_CELLS - 1) / CHUNK_CELLS;
    }

    /** The application's arguments for output {@code out}. */
    List<String> args(String out, boolean resume) {
        List<String> args = new ArrayList<>(List.of("sweep", conf.toString(), "--out", out));
        if (resume) {
            args.add("--resume");
        }
        return args;
    }
}
