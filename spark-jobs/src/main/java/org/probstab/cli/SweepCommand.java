package org.probstab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.probstab.spark.Sessions;
import org.probstab.spark.SweepJob;
import org.probstab.spark.TableOutput;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code probstab sweep CONF}: validates the sweep config, then runs {@link SweepJob} on local Spark (default), the
 * {@code --master} given, or the cluster {@code spark-submit} chose. Everything the user wrote is validated before
 * Spark starts; bad input exits with 2 and writes nothing.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a sweep config and write its Parquet phase table.")
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONF", description = "the sweep config (HOCON), e.g. conf/lambda-mu-ninf.conf")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory or URI (default: output.path of the"
            + " config)")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else"
            + " local[*])")
    String master;

    @Option(names = "--resume", description = "finish an interrupted sweep: compute only the missing chunks")
    boolean resume;

    @Option(names = "--overwrite", description = "replace an existing probstab table at the output")
    boolean overwrite;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key (repeatable), e.g."
            + " --set sweep.axes.lambda.steps=400")
    List<String> overrides = List.of();

    @Option(names = "--partitions", defaultValue = "0", description = "tasks per wave (default 0: 4 per core)")
    int partitions;

    @Option(names = "--progress-seconds", defaultValue = "5", description = "seconds between progress lines"
            + " (default: ${DEFAULT-VALUE})")
    double progressSeconds;

    @Override
    public Integer call() throws Exception {
        String fileName = config.getFileName().toString();
        String defaultName = fileName.endsWith(".conf") ? fileName.substring(0, fileName.length() - 5) : fileName;
        SweepSpec sweep = SweepSpec.from(SweepConfig.load(config, overrides), defaultName);
        if (out != null) {
            sweep = sweep.withOutputPath(out);
        }
        SweepJob.Options options = new SweepJob.Options(resume, overwrite, partitions,
                Duration.ofMillis((long) (1000 * Math.max(0.1, progressSeconds))));
        SweepPlan plan = new SweepPlan(sweep);
        TableOutput.checkLocal(sweep.outputPath(), out != null ? "--out" : "output.path", resume, overwrite);
        SparkSession spark = Sessions.create("probstab sweep " + sweep.name(), master, Map.of());
        try {
            SweepJob.Summary s = SweepJob.run(spark, plan, options);
            spec.commandLine().getOut().printf("sweep %s: %d cells (%d computed now) in %.1f s%ntable: %s%n",
                    s.sweepId(), s.cells(), s.computedCells(), s.seconds(), s.output());
            spec.commandLine().getOut().flush();
        } finally {
            spark.stop();
        }
        return 0;
    }
}
