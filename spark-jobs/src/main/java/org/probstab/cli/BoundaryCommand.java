package org.probstab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.probstab.config.InvalidInputException;
import org.probstab.spark.BoundaryJob;
import org.probstab.spark.Sessions;
import org.probstab.spark.TableOutput;
import org.probstab.sweep.BoundaryPlan;
import org.probstab.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code probstab boundary CONF --along lambda}: every root along λ of Λ₋, Λ₊ and E(1 − λχ_B)² − 1 for every
 * combination of the config's other axes ({@link BoundaryPlan}), computed on Spark; {@code --out DIR} (default: the
 * config's output path with {@code -boundary}) writes a boundary table with its manifest, {@code --csv} prints it
 * instead. Everything is validated before Spark starts.
 */
@Command(name = "boundary", mixinStandardHelpOptions = true,
        description = "Exact phase boundaries along lambda (stripes included) as a boundary table or CSV.")
final class BoundaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONF", description = "the sweep config (HOCON)")
    Path config;

    @Option(names = "--along", defaultValue = "lambda", paramLabel = "AXIS", description = "the axis roots are"
            + " found along (default: ${DEFAULT-VALUE}, the only one supported)")
    String along;

    @Option(names = "--csv", description = "print the table as CSV instead of writing it")
    boolean csv;

    @Option(names = "--min-width", defaultValue = "0", paramLabel = "W", description = "drop stripes narrower than"
            + " W (default: ${DEFAULT-VALUE}, keep all)")
    double minWidth;

    @Option(names = "--range", paramLabel = "LO:HI", description = "search lambda in (LO, HI] (default: the"
            + " extremes of the config's lambda axis)")
    String range;

    @Option(names = "--grid", defaultValue = "0", paramLabel = "G", description = "bracketing grid at N = inf"
            + " (default: the lambda axis's points, at least 200)")
    int grid;

    @Mixin
    TableRunOptions run = new TableRunOptions();

    @Mixin
    ConfigOverrides set = new ConfigOverrides();

    @Mixin
    MasterOption master = new MasterOption();

    @Override
    public Integer call() throws Exception {
        SweepSpec sweep = set.sweep(config, false);
        if (csv && (run.out != null || run.resume || run.overwrite)) {
            throw InvalidInputException.of("--csv", "--csv prints the table and writes nothing: allowed without"
                    + " --out, --resume and --overwrite");
        }
        sweep = sweep.withOutputPath(run.out != null ? run.out : sweep.outputPath() + "-boundary");
        BoundaryPlan plan = new BoundaryPlan(sweep, along, range == null ? null : parseRange(range), grid, minWidth);
        var options = run.options();
        if (!csv) {
            TableOutput.checkLocal(sweep.outputPath(), run.outputKey(), run.resume, run.overwrite);
        }
        SparkSession spark = Sessions.create("probstab boundary " + sweep.name(), master.or(null), Map.of());
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (csv) {
                BoundaryJob.csv(spark, plan, options).forEach(out::println);
            } else {
                BoundaryJob.Summary s = BoundaryJob.run(spark, plan, options);
                out.printf("boundary %s: %d rows (%d chunks computed now) in %.1f s%ntable: %s%n", s.sweepId(),
                        s.rows(), s.computedChunks(), s.seconds(), s.output());
            }
            out.flush();
        } finally {
            spark.stop();
        }
        return 0;
    }

    static double[] parseRange(String text) {
        String[] p = text.split(":");
        try {
            if (p.length == 2) {
                return new double[] {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim())};
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw InvalidInputException.outOfRange("--range", text, "LO:HI with 0 <= LO < HI <= 1e100, e.g. 0:3");
    }
}
