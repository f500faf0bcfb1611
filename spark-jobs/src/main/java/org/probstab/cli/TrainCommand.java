package org.probstab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.probstab.config.InvalidInputException;
import org.probstab.model.ModelRegistry;
import org.probstab.net.djl.DjlBackend;
import org.probstab.net.model.NetCellModel;
import org.probstab.spark.NetChunkEvaluator;
import org.probstab.spark.Sessions;
import org.probstab.spark.SweepJob;
import org.probstab.spark.TableOutput;
import org.probstab.sweep.Axis;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code probstab train CONF}: trains the net cells of a sweep config ({@code model = net-two-layer},
 * {@code mf-linear-50}) on Spark through {@link SweepJob} — the same waves, staging, publishing, resume, manifest
 * and progress as {@code sweep} — with each task training its chunk's cells together ({@link NetChunkEvaluator}).
 * Everything the user wrote is validated before Spark starts (every cell parameter at the axes' extremes, the
 * memory a cell needs, and with a local master whether a GPU asked for exists); bad input exits with 2 and writes
 * nothing. {@code --quick} takes the config's {@code quick} block.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the net cells of a sweep config and write their net-cell table.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONF", description = "the sweep config (HOCON) of a net model, e.g."
            + " conf/fig-mlp-rank-linear-tanh.conf")
    Path config;

    @Option(names = "--quick", description = "the config's quick size (its quick { ... } block), for a check in"
            + " seconds")
    boolean quick;

    @Mixin
    TableRunOptions run = new TableRunOptions();

    @Mixin
    ConfigOverrides set = new ConfigOverrides();

    @Mixin
    MasterOption master = new MasterOption();

    @Override
    public Integer call() throws Exception {
        SweepSpec sweep = set.sweep(config, quick);
        if (!NetChunkEvaluator.isNet(sweep.model())) {
            throw InvalidInputException.outOfRange("sweep.model", "'" + sweep.model() + "'", String.join("|",
                    netModels()) + " (probstab sweep runs the other models)");
        }
        if (run.out != null) {
            sweep = sweep.withOutputPath(run.out);
        }
        SweepJob.Options options = run.options();
        SweepPlan plan = new SweepPlan(sweep);
        TableOutput.checkLocal(sweep.outputPath(), run.outputKey(), run.resume, run.overwrite);
        String masterUrl = master.or(null);
        boolean local = (masterUrl != null ? masterUrl : System.getProperty("spark.master", "local[*]"))
                .startsWith("local");
        checkDevices(sweep, local);
        SparkSession spark = Sessions.create("probstab train " + sweep.name(), masterUrl, Map.of());
        try {
            SweepJob.Summary s = SweepJob.run(spark, plan, options, NetChunkEvaluator.of(plan));
            spec.commandLine().getOut().printf("train %s: %d cells (%d trained now) in %.1f s%ntable: %s%n",
                    s.sweepId(), s.cells(), s.computedCells(), s.seconds(), s.output());
            spec.commandLine().getOut().flush();
        } finally {
            spark.stop();
        }
        return 0;
    }

    /** The net models of the catalogue. */
    static List<String> netModels() {
        return ModelRegistry.names().stream().filter(NetChunkEvaluator::isNet).toList();
    }

    /**
     * Refuses {@code backend = djl, device = gpu} on a local master whose machine has no GPU, before Spark starts.
     * On a cluster the executors' GPUs decide (the driver may have none): a task given no GPU where none exists
     * refuses there with the same one-line error. The device actually used is logged once per executor JVM.
     */
    static void checkDevices(SweepSpec sweep, boolean local) {
        if (!local) {
            return;
        }
        for (Object backend : values(sweep, NetCellModel.BACKEND, "cpu")) {
            for (Object device : values(sweep, NetCellModel.DEVICE, "auto")) {
                if (backend.equals("djl") && device.equals("gpu")) {
                    DjlBackend.checkGpuPresent(0);
                }
            }
        }
    }

    private static List<Object> values(SweepSpec sweep, String key, String defaultValue) {
        for (Axis a : sweep.axes()) {
            if (a.name().equals(key)) {
                return a.values();
            }
        }
        List<Object> one = new ArrayList<>();
        one.add(sweep.fixed().getOrDefault(key, defaultValue));
        return one;
    }
}
