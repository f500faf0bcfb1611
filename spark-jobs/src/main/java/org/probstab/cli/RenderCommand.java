package org.probstab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.probstab.config.InvalidInputException;
import org.probstab.render.Charts;
import org.probstab.render.Renderer;
import org.probstab.spark.Sessions;
import org.probstab.spark.TableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code probstab render TABLE --png FILE}: a phase map (categorical, fixed colour per phase), a continuous map of a
 * numeric column (diverging scale centred at {@code --center}), or — for 1-D sweeps — a line plot with SE bars;
 * exact phase boundaries drawn over maps with {@code --overlay boundaries}. A refined table is drawn with each cell
 * at its own size, a boundary table as curves with its stripes marked, a fractal-statistics table as the
 * box-counting plot with local slopes; {@code --window} zooms into any map. The table is read with local Spark and
 * drawn on the driver (headless AWT, XChart).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Draw a phase table as a PNG: phase map, continuous map or line plot, with theory overlays.")
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;


    @Mixin
    TableArgument input = new TableArgument();

    @Mixin
    MasterOption master = new MasterOption();

    @Option(names = "--png", required = true, paramLabel = "FILE", description = "the PNG to write")
    Path png;

    @Option(names = "--x", defaultValue = "lambda", paramLabel = "AXIS", description = "x axis (default: ${DEFAULT-VALUE})")
    String x;

    @Option(names = "--y", paramLabel = "AXIS", description = "y axis of a map (default: the table's other axis;"
            + " none: a line plot)")
    String y;

    @Option(names = "--column", split = ",", paramLabel = "COL", description = "phase (default for maps) or numeric"
            + " column(s), e.g. exp_minus; line plots take several")
    List<String> columns = List.of();

    @Option(names = "--overlay", split = ",", paramLabel = "KIND", description = "theory curves over a map:"
            + " boundaries (exact roots of Λ₋, Λ₊, L2 along λ), gd (λ_GD and λ_GD/N), none")
    List<String> overlays = List.of();


    @Option(names = "--title", paramLabel = "TEXT", description = "chart title (default: the sweep's name)")
    String title;

    @Option(names = "--center", defaultValue = "0", paramLabel = "C", description = "centre of the diverging colour"
            + " scale (default: ${DEFAULT-VALUE}; 1 suits ms_growth)")
    double center;

    @Option(names = "--overlay-rows", defaultValue = "60", paramLabel = "N", description = "rows that get exact"
            + " boundaries (default: ${DEFAULT-VALUE})")
    int overlayRows;

    @Option(names = "--window", paramLabel = "AXIS=LO:HI,...", description = "zoom: draw only what lies in the"
            + " window, e.g. lambda=1.2:1.2001,mu=0.4:0.5")
    String window;

    @Option(names = "--size", defaultValue = "1000x720", paramLabel = "WxH", description = "image size in pixels"
            + " (default: ${DEFAULT-VALUE})")
    String size;


    @Override
    public Integer call() {
        Charts.headless();
        int[] wh = parseSize(size);
        if (overlayRows < 2) {
            throw InvalidInputException.outOfRange("--overlay-rows", overlayRows, "integers >= 2");
        }
        if (!Double.isFinite(center)) {
            throw InvalidInputException.outOfRange("--center", center, "finite numbers");
        }
        input.checkLocal();
        String table = input.table;
        String where = input.where;
        if (java.nio.file.Files.isDirectory(png)) {
            throw InvalidInputException.of("--png", "--png '" + png + "' is a directory: allowed a file name, e.g."
                    + " phases.png");
        }
        Renderer.Request request = new Renderer.Request(table, png, x, y, columns, overlays, where, title, center,
                overlayRows, wh[0], wh[1], org.probstab.render.Window.parse(window));
        Renderer.check(request);
        SparkSession spark = Sessions.create("probstab render", master.or("local[1]"),
                Map.of("spark.ui.enabled", "false"));
        try {
            Renderer.Result r = Renderer.render(TableReader.read(spark, table, where), request);
            spec.commandLine().getOut().printf("render: %s of %d cells -> %s%n", r.kind(), r.cells(), r.png());
            spec.commandLine().getOut().flush();
        } finally {
            spark.stop();
        }
        return 0;
    }

    static int[] parseSize(String size) {
        String[] parts = size.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            int w = Integer.parseInt(parts[0].trim());
            int h = Integer.parseInt(parts[1].trim());
            if (parts.length == 2 && w >= 300 && h >= 200 && w <= 8000 && h <= 8000) {
                return new int[] {w, h};
            }
        } catch (RuntimeException e) {
            // fall through to the error below
        }
        throw InvalidInputException.outOfRange("--size", size, "WxH with 300 <= W <= 8000 and 200 <= H <= 8000");
    }
}
