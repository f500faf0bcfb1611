package org.probstab.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.probstab.spark.FractalJob;
import org.probstab.spark.Sessions;
import org.probstab.spark.TableOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code probstab fractal TABLE}: fractal statistics of the phase boundary of a boundary table or a refined table
 * ({@link FractalJob}): the box-counting curve with its fitted dimension over a stated range and the local slope per
 * octave, the uncertainty exponent, the basin entropies with the ln 2 criterion; printed (or as one JSON object with
 * {@code --json}) and written as a fractal-statistics table (default: TABLE with {@code -fractal}).
 */
@Command(name = "fractal", mixinStandardHelpOptions = true,
        description = "Box-counting dimension, uncertainty exponent and basin entropy of a table's phase boundary.")
final class FractalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TableArgument input = new TableArgument();

    @Mixin
    MasterOption master = new MasterOption();

    @Option(names = "--json", description = "print one JSON object: box_dimension, box_dimension_se, fit_range,"
            + " local_slopes, uncertainty_exponent, basin_entropy, boundary_basin_entropy, fractal_by_ln2, levels")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "where the fractal-statistics table goes (default:"
            + " TABLE-fractal)")
    String out;

    @Option(names = "--overwrite", description = "replace an existing fractal-statistics table at --out")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        input.checkLocal();
        String target = out != null ? out : input.table.replaceAll("/+$", "") + "-fractal";
        java.nio.file.Path local = java.nio.file.Path.of(new org.apache.hadoop.fs.Path(target).toUri().getPath());
        if (!overwrite && java.nio.file.Files.exists(local.resolve(TableOutput.MANIFEST))) {
            throw org.probstab.config.InvalidInputException.of("--out", "--out '" + target + "' already holds"
                    + " fractal statistics: allowed --overwrite (replace them) or another --out");
        }
        TableOutput.checkLocal(target, "--out", false, true);
        SparkSession spark = Sessions.create("probstab fractal", master.or("local[2]"),
                Map.of("spark.ui.enabled", "false"));
        PrintWriter w = spec.commandLine().getOut();
        try {
            FractalJob.Result r = FractalJob.analyse(spark, input.table, input.where);
            String written = FractalJob.write(spark, r, target, overwrite);
            if (json) {
                w.println(FractalJob.json(r).toString());
            } else {
                FractalJob.summary(r).forEach(w::println);
                w.println("table: " + written);
            }
            w.flush();
        } finally {
            spark.stop();
        }
        return 0;
    }
}
