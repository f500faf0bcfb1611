package org.probstab.spark.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep the cluster tests run, in one place: which application, which config, which arguments. Small (a few
 * dozen cells) but slow enough per chunk that killing a process "mid-sweep" is real.
 */
final class ClusterSweep {

    static final long CELLS = 32;
    static final long CHUNK_CELLS = 2;
    static final long CELL_MILLIS = 300;

    private final Path conf;

    private ClusterSweep(Path conf) {
        this.conf = conf;
    }

    static ClusterSweep write(Path dir) throws IOException {
        return new ClusterSweep(FixtureSweepApp.writeConf(dir.resolve("cluster-sweep.properties"),
                "cluster-test", CELLS, CHUNK_CELLS, CELL_MILLIS, 20240607L));
    }

    String mainClass() {
        return FixtureSweepApp.class.getName();
    }

    /** Extra class directories the application jar needs (the fixture lives in test classes). */
    List<Path> extraClasses() {
        return List.of(Path.of(FixtureSweepApp.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath()));
    }

    long cellCount() {
        return CELLS;
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
