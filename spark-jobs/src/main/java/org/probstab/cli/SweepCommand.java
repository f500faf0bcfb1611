package org.probstab.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.probstab.spark.Sessions;
import org.probstab.spark.SweepJob;
import org.probstab.spark.TableOutput;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Mixin
    TableRunOptions run = new TableRunOptions();

    @Mixin
    ConfigOverrides set = new ConfigOverrides();

    @Mixin
    MasterOption master = new MasterOption();

    @picocli.CommandLine.Option(names = "--quick", description = "the config's quick size (its quick { ... } block)")
    boolean quick;








    @Override
    public Integer call() throws Exception {
        SweepSpec sweep = set.sweep(config, quick);
        if (run.out != null) {
            sweep = sweep.withOutputPath(run.out);
        }
        SweepJob.Options options = run.options();
        SweepPlan plan = new SweepPlan(sweep);
        TableOutput.checkLocal(sweep.outputPath(), run.outputKey(), run.resume, run.overwrite);
        SparkSession spark = Sessions.create("probstab sweep " + sweep.name(), master.or(null), Map.of());
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
