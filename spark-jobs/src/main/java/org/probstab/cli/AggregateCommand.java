package org.probstab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.probstab.spark.AggregateJob;
import org.probstab.spark.Sessions;
import org.probstab.stability.PhaseFractions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code probstab aggregate TABLE --by n}: phase fractions per value of an axis over an ensemble of datasets (a
 * {@code data_seed} axis), with the standard error across datasets, both for the table's phases and relative to each
 * dataset's own sign of {@code chi_mean} ({@link PhaseFractions}).
 */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = "Phase fractions per N (or another axis) over datasets, with standard errors across datasets.")
final class AggregateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TableArgument input = new TableArgument();

    @Mixin
    MasterOption master = new MasterOption();

    @Option(names = "--by", defaultValue = "n", paramLabel = "AXIS", description = "the grouping: n, batch_size, mu,"
            + " lambda or a params key (default: ${DEFAULT-VALUE})")
    String by;

    @Option(names = "--csv", description = "CSV output")
    boolean csv;

    @Override
    public Integer call() {
        input.checkLocal();
        SparkSession spark = Sessions.create("probstab aggregate", master.or("local[2]"),
                Map.of("spark.ui.enabled", "false"));
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<PhaseFractions.Fraction> rows = AggregateJob.run(spark, input.table, by, input.where);
            if (csv) {
                out.println(by + ",phase,datasets,fraction,fraction_se,relative_fraction,relative_fraction_se");
                for (PhaseFractions.Fraction f : rows) {
                    out.println(String.join(",", value(f.group()), f.phase(), Integer.toString(f.datasets()),
                            number(f.fraction()), number(f.fractionSe()), number(f.relative()),
                            number(f.relativeSe())));
                }
            } else {
                out.printf(Locale.ROOT, "%-10s %-13s %8s  %-20s %-20s%n", by, "phase", "datasets", "fraction ± SE",
                        "relative to chi_mean");
                for (PhaseFractions.Fraction f : rows) {
                    out.printf(Locale.ROOT, "%-10s %-13s %8d  %-20s %-20s%n", value(f.group()), f.phase(),
                            f.datasets(), pm(f.fraction(), f.fractionSe()), pm(f.relative(), f.relativeSe()));
                }
            }
            out.flush();
        } finally {
            spark.stop();
        }
        return 0;
    }

    static String value(double v) {
        return Double.isInfinite(v) ? "inf" : v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : Double.toString(v);
    }

    static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static String pm(double v, double se) {
        return Double.isNaN(se) ? String.format(Locale.ROOT, "%.4f", v)
                : String.format(Locale.ROOT, "%.4f ± %.4f", v, se);
    }
}
