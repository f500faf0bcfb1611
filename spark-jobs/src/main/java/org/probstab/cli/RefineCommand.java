package org.probstab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.probstab.spark.RefineJob;
import org.probstab.spark.Sessions;
import org.probstab.spark.TableOutput;
import org.probstab.sweep.RefinementPlan;
import org.probstab.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code probstab refine CONF}: adaptive refinement of the config's grid ({@link RefinementPlan}, {@link RefineJob}):
 * level by level, only the boxes whose corners or neighbours disagree in phase (or that a stability-stripe pole curve
 * crosses, for exact finite-N models) are subdivided and their new points evaluated on Spark, into one refined-cell
 * table (default: the config's output path with {@code -refined}). Everything is validated before Spark starts.
 */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = "Adaptive refinement of a sweep's grid where the phase changes, into a refined-cell table.")
final class RefineCommand implements Callable<Integer> {

    /** Default most new cells per level. */
    static final long DEFAULT_BUDGET = 10_000_000L;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONF", description = "the sweep config (HOCON): its grid is level 0")
    Path config;

    @Option(names = "--levels", defaultValue = "4", paramLabel = "L", description = "levels of subdivision, 1 to 40"
            + " (default: ${DEFAULT-VALUE})")
    int levels;

    @Option(names = "--axes", split = ",", paramLabel = "AXIS", description = "axes to refine (default: every"
            + " from/to/steps axis with two or more points)")
    List<String> axes = List.of();

    @Option(names = "--budget", defaultValue = "10000000", paramLabel = "CELLS", description = "most new cells one"
            + " level may evaluate (default: ${DEFAULT-VALUE})")
    long budget;

    @Option(names = "--no-halo", description = "refine only boxes whose own corners disagree, not their neighbours")
    boolean noHalo;

    @Option(names = "--no-pole-seeding", description = "do not refine boxes crossed by stripe-carrying pole curves"
            + " (exact finite-N models)")
    boolean noPoleSeeding;

    @Mixin
    TableRunOptions run = new TableRunOptions();

    @Mixin
    ConfigOverrides set = new ConfigOverrides();

    @Mixin
    MasterOption master = new MasterOption();

    @Override
    public Integer call() throws Exception {
        SweepSpec sweep = set.sweep(config, false);
        sweep = sweep.withOutputPath(run.out != null ? run.out : sweep.outputPath() + "-refined");
        RefinementPlan plan = new RefinementPlan(sweep, axes, levels, !noHalo, !noPoleSeeding);
        RefineJob.Options options = new RefineJob.Options(run.options(), budget);
        RefineJob.checkBudget(plan, budget);
        TableOutput.checkLocal(sweep.outputPath(), run.outputKey(), run.resume, run.overwrite);
        SparkSession spark = Sessions.create("probstab refine " + sweep.name(), master.or(null), Map.of());
        PrintWriter out = spec.commandLine().getOut();
        try {
            RefineJob.Summary s = RefineJob.run(spark, plan, options);
            for (RefineJob.Level l : s.levels()) {
                out.printf("level %d: %d new cells, %d boxes, %d refined (%d disagree, %d pole-seeded, %d halo)%n",
                        l.level(), l.cells(), l.boxes(), l.refinedBoxes(), l.disagreeing(), l.seeded(), l.halo());
            }
            out.printf("refine %s: %d cells evaluated, %d in the uniform finest grid (%.1fx fewer) in %.1f s%n"
                    + "table: %s%n", s.sweepId(), s.cells(), s.finestCells(), (double) s.finestCells() / s.cells(),
                    s.seconds(), s.output());
            out.flush();
        } finally {
            spark.stop();
        }
        return 0;
    }
}
