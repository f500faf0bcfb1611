package org.probstab.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.probstab.config.InvalidInputException;
import org.probstab.render.Charts;
import org.probstab.figures.Figures;
import org.probstab.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code probstab figures [--quick] [--out DIR]}: sweeps every figure config ({@code conf/fig-*.conf}) in one
 * SparkSession and draws the papers' Lyapunov figures into one folder with an {@code index.md}.
 */
@Command(name = "figures", mixinStandardHelpOptions = true,
        description = "Run every figure config and draw the PNGs with an index.md.")
final class FiguresCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MasterOption master = new MasterOption();

    @Option(names = "--quick", description = "small grids (seconds per figure), for a check of the whole pipeline")
    boolean quick;

    @Option(names = "--out", defaultValue = "out/figures", paramLabel = "DIR", description = "output folder"
            + " (default: ${DEFAULT-VALUE}); tables go to DIR/tables")
    Path out;

    @Option(names = "--conf", paramLabel = "DIR", description = "where the fig-*.conf files are (default: conf/ of"
            + " the installation)")
    Path conf;


    @Override
    public Integer call() throws Exception {
        Charts.headless();
        Path confDir = conf != null ? conf : Path.of(System.getProperty("probstab.home", "."), "conf");
        for (String c : Figures.configs()) {
            if (!java.nio.file.Files.isRegularFile(confDir.resolve(c))) {
                throw InvalidInputException.of("--conf", "--conf '" + confDir + "' has no " + c
                        + ": allowed the conf/ directory of probstab");
            }
        }
        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            throw InvalidInputException.of("--out", "--out '" + out + "' is a file: allowed a directory");
        }
        SparkSession spark = Sessions.create("probstab figures", master.or(null), Map.of());
        try {
            Figures.Summary s = Figures.run(spark, confDir, out, quick);
            spec.commandLine().getOut().printf("figures: %d PNGs in %.1f s%nindex: %s%n", s.pngs().size(),
                    s.seconds(), s.index());
            spec.commandLine().getOut().flush();
        } finally {
            spark.stop();
        }
        return 0;
    }
}
