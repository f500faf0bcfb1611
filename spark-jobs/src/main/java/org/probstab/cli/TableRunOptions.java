package org.probstab.cli;

import java.time.Duration;
import org.probstab.spark.SweepJob;
import picocli.CommandLine.Option;

/**
 * Where a computing command writes its table and how it treats an existing one: {@code --out}, {@code --resume},
 * {@code --overwrite}, plus {@code --partitions} and {@code --progress-seconds}. Shared by every command that writes
 * a table of cells.
 */
final class TableRunOptions {

    @Option(names = "--out", paramLabel = "DIR", description = "output directory or URI (default: output.path of the"
            + " config)")
    String out;

    @Option(names = "--resume", description = "finish an interrupted run: compute only what is missing")
    boolean resume;

    @Option(names = "--overwrite", description = "replace an existing probstab table at the output")
    boolean overwrite;

    @Option(names = "--partitions", defaultValue = "0", description = "tasks per wave (default 0: 4 per core)")
    int partitions;

    @Option(names = "--progress-seconds", defaultValue = "5", description = "seconds between progress lines"
            + " (default: ${DEFAULT-VALUE})")
    double progressSeconds;

    /** The key a bad output path is reported under. */
    String outputKey() {
        return out != null ? "--out" : "output.path";
    }

    SweepJob.Options options() {
        return new SweepJob.Options(resume, overwrite, partitions,
                Duration.ofMillis((long) (1000 * Math.max(0.1, progressSeconds))));
    }
}
