package org.probstab.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.probstab.config.InvalidInputException;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;

/**
 * Draws one table (read into memory, after any {@code where} filter) as one PNG: a 2-D map when it varies along a
 * second axis, else a line plot of the column(s) against x with SE bars. The decisions and checks of {@code probstab render}
 * live here so that {@code probstab figures} draws exactly the same pictures.
 */
public final class Renderer {

    /** Rows of a map that get exact boundaries by default (each row costs one root search along λ). */
    public static final int DEFAULT_OVERLAY_ROWS = 60;

    /**
     * What to draw.
     *
     * @param table       the table directory
     * @param png         the output file
     * @param x           x axis (default λ)
     * @param y           y axis, or null to take the table's other varying axis (none: a line plot)
     * @param columns     "phase" or numeric columns (maps take one; line plots one or more); empty = default
     * @param overlays    theory curves ({@link Overlays#NAMES})
     * @param where       Spark SQL filter, or null
     * @param title       chart title, or null for the manifest's name
     * @param center      centre of the diverging scale of continuous maps
     * @param overlayRows at most this many rows get exact boundaries
     * @param width       pixels
     * @param height      pixels
     * @param window      the zoom window ({@link Window#NONE}: everything)
     */
    public record Request(String table, Path png, String x, String y, List<String> columns, List<String> overlays,
                          String where, String title, double center, int overlayRows, int width, int height,
                          Window window) {

        public Request {
            columns = columns == null ? List.of() : List.copyOf(columns);
            overlays = overlays == null ? List.of() : List.copyOf(overlays);
            x = x == null ? "lambda" : x;
            window = window == null ? Window.NONE : window;
        }

        /** A request without a window. */
        public Request(String table, Path png, String x, String y, List<String> columns, List<String> overlays,
                       String where, String title, double center, int overlayRows, int width, int height) {
            this(table, png, x, y, columns, overlays, where, title, center, overlayRows, width, height, Window.NONE);
        }

        public Request withWindow(Window newWindow) {
            return new Request(table, png, x, y, columns, overlays, where, title, center, overlayRows, width, height,
                    newWindow);
        }

        /** The defaults of the command line for a table and an output file. */
        public static Request of(String table, Path png) {
            return new Request(table, png, "lambda", null, List.of(), List.of(), null, null, 0.0,
                    DEFAULT_OVERLAY_ROWS, 1000, 720);
        }

        public Request withY(String newY) {
            return new Request(table, png, x, newY, columns, overlays, where, title, center, overlayRows, width,
                    height, window);
        }

        public Request withColumns(List<String> newColumns) {
            return new Request(table, png, x, y, newColumns, overlays, where, title, center, overlayRows, width,
                    height, window);
        }

        public Request withOverlays(List<String> newOverlays) {
            return new Request(table, png, x, y, columns, newOverlays, where, title, center, overlayRows, width,
                    height, window);
        }

        public Request withWhere(String newWhere, String newTitle) {
            return new Request(table, png, x, y, columns, overlays, newWhere, newTitle, center, overlayRows, width,
                    height, window);
        }

        public Request withX(String newX) {
            return new Request(table, png, newX, y, columns, overlays, where, title, center, overlayRows, width,
                    height, window);
        }
    }

    /** What was drawn. */
    public record Result(Path png, String kind, int cells, List<OverlayLine> overlays) {
    }

    private Renderer() {
    }

    /** Checks the request's own options, before any table is read. */
    public static void check(Request r) {
        for (String o : r.overlays()) {
            if (!Overlays.NAMES.contains(o)) {
                throw InvalidInputException.outOfRange("--overlay", o, String.join("|", Overlays.NAMES));
            }
        }
    }

    /** Draws {@code table} (the rows of {@code r.table()} that {@code r.where()} keeps) as {@code r.png()}. */
    public static Result render(TableData table, Request r) {
        Charts.headless();
        check(r);
        List<DataRow> cells = table.rows();
        if (cells.isEmpty()) {
            throw InvalidInputException.of("--where", "no rows to draw in '" + r.table() + "'"
                    + (r.where() == null ? "" : " with --where '" + r.where() + "'") + ": allowed a non-empty table");
        }
        String format = table.manifest().format();
        if (format.startsWith("probstab-fractal-table/") || format.startsWith("probstab-boundary-table/")
                || format.startsWith("probstab-refined-table/")) {
            return renderDerived(table, r, format);
        }
        if (!r.window().isNone()) {
            List<DataRow> inside = new ArrayList<>();
            for (DataRow c : cells) {
                boolean in = true;
                for (String axis : r.window().ranges().keySet()) {
                    in &= r.window().contains(axis, c.get(axis));
                }
                if (in) {
                    inside.add(c);
                }
            }
            if (inside.isEmpty()) {
                throw InvalidInputException.of("--window", "--window: no cell of '" + r.table() + "' lies in the window: allowed"
                        + " a window inside the map");
            }
            cells = inside;
            table = table.withRows(inside);
        }
        List<String> axesAllowed = new ArrayList<>(table.axes());
        table.numericColumns().stream().filter(c -> !axesAllowed.contains(c)).forEach(axesAllowed::add);
        checkName("--x", r.x(), cells, axesAllowed);
        String y = r.y();
        if (y != null) {
            checkName("--y", y, cells, axesAllowed);
            if (y.equals(r.x())) {
                throw InvalidInputException.of("--y", "--y " + y + " equals --x: allowed another of "
                        + String.join(", ", axesAllowed));
            }
        } else {
            for (String a : table.axes()) {
                if (!a.equals(r.x()) && MapChart.distinct(cells, a).length > 1) {
                    y = a;
                    break;
                }
            }
        }
        for (String a : table.axes()) {
            double[] values = MapChart.distinct(cells, a);
            if (!a.equals(r.x()) && !a.equals(y) && values.length > 1) {
                String column = switch (a) {
                    case "N" -> "n";
                    case "S" -> "batch_size";
                    case "lambda", "mu" -> a;
                    default -> "params['" + a + "']";
                };
                throw InvalidInputException.of("--where", "'" + r.table() + "' also varies along " + a + " ("
                        + values.length + " values): pick one slice, e.g. --where \"" + column + " = "
                        + AxisScale.format(values[0]) + "\"");
            }
        }
        String title = r.title() != null ? r.title()
                : (table.manifest().description().isEmpty() ? table.name() : table.manifest().description())
                + (r.where() == null ? "" : "  (" + r.where() + ")");
        XYChart chart;
        String kind;
        List<OverlayLine> overlays = List.of();
        if (y != null) {
            // A table without phases (trained nets) maps its rank by default.
            boolean phases = !cells.get(0).phase().isEmpty();
            String column = !r.columns().isEmpty() ? r.columns().get(0)
                    : phases || !table.numericColumns().contains("rank") ? "phase" : "rank";
            if (r.columns().size() > 1) {
                throw InvalidInputException.of("--column", "a map shows one column, got " + r.columns()
                        + ": allowed one of phase, " + String.join(", ", table.numericColumns()));
            }
            if (column.equals("phase") && !phases) {
                throw InvalidInputException.outOfRange("--column", "phase", String.join(", ",
                        table.numericColumns()) + " (this table has no phase column)");
            }
            if (!column.equals("phase") && !table.numericColumns().contains(column)) {
                throw InvalidInputException.outOfRange("--column", column, "phase, "
                        + String.join(", ", table.numericColumns()));
            }
            overlays = Overlays.compute(r.overlays(), table, r.x(), y, r.overlayRows(), 200);
            chart = MapChart.build(cells, new MapChart.Spec(r.x(), y, column, r.center(), title, r.width(),
                    r.height()), overlays);
            kind = column.equals("phase") ? "phase map" : "map of " + column;
        } else {
            if (r.overlays().stream().anyMatch(o -> !o.equals("none"))) {
                throw InvalidInputException.of("--overlay", "--overlay " + String.join(",", r.overlays()) + " needs"
                        + " a map, but '" + r.table() + "' varies along " + r.x() + " only: allowed --overlay none");
            }
            List<String> columns = r.columns().isEmpty() ? defaultLineColumns(table) : r.columns();
            List<LineChart.Series> series = new ArrayList<>();
            for (String c : columns) {
                if (!table.numericColumns().contains(c)) {
                    throw InvalidInputException.outOfRange("--column", c, String.join(", ",
                            table.numericColumns()));
                }
                series.add(series(cells, r.x(), c, RenderLabels.axis(c)));
            }
            chart = LineChart.build(title, RenderLabels.axis(r.x()), columns.size() == 1
                    ? RenderLabels.axis(columns.get(0)) : "exponent", series, r.center(),
                    AxisScale.of(MapChart.distinct(cells, r.x())).kind() == AxisScale.Kind.LOG, r.width(), r.height());
            kind = "line plot of " + String.join(", ", columns);
        }
        Charts.savePng(chart, r.png());
        return new Result(r.png(), kind, cells.size(), overlays);
    }

    /** Fractal statistics (box-counting plot), boundary tables (curves) and refined tables (cells at their size). */
    private static Result renderDerived(TableData table, Request r, String format) {
        List<DataRow> rows = table.rows();
        String title = r.title() != null ? r.title() : table.name() + (r.where() == null ? "" : "  (" + r.where()
                + ")");
        XYChart chart;
        String kind;
        if (format.startsWith("probstab-fractal-table/")) {
            List<DataRow> phase = rows.stream().filter(d -> d.text("boundary").equals("phase")).toList();
            chart = BoxCountingChart.build(phase.isEmpty() ? rows : phase, title, r.width(), r.height());
            kind = "box-counting plot";
        } else if (format.startsWith("probstab-boundary-table/")) {
            String y = r.y();
            if (y == null) {
                for (String a : table.axes()) {
                    String column = org.probstab.table.BoundaryTable.columnName(a);
                    if (!a.equals("lambda") && MapChart.distinct(rows, column).length > 1) {
                        y = column;
                        break;
                    }
                }
            }
            if (y == null || MapChart.distinct(rows, y).length == 0) {
                throw InvalidInputException.of("--y", "a boundary table is drawn against its row axis: '" + r.table()
                        + "' has none that varies" + (r.y() == null ? "" : " named " + r.y()));
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (String v : table.manifest().axes().getOrDefault("lambda", List.of())) {
                lo = Math.min(lo, Double.parseDouble(v));
                hi = Math.max(hi, Double.parseDouble(v));
            }
            for (DataRow d : rows) {
                lo = Math.min(lo, d.get("root"));
                hi = Math.max(hi, d.get("root"));
            }
            chart = BoundaryChart.build(rows, y, new double[] {lo, hi}, r.window(), title, r.width(), r.height());
            kind = "boundary curves";
        } else {
            List<String> refined = new ArrayList<>();
            for (String a : table.axes()) {
                if (rows.get(0).has("cell_size." + a)) {
                    refined.add(a);
                }
            }
            String y = r.y() != null ? r.y() : refined.stream().filter(a -> !a.equals(r.x())).findFirst()
                    .orElse(null);
            if (!refined.contains(r.x()) || y == null || !refined.contains(y)) {
                throw InvalidInputException.outOfRange("--x/--y", r.x() + "/" + y, "two refined axes of the table: "
                        + refined);
            }
            if (!r.columns().isEmpty() && !r.columns().equals(List.of("phase"))) {
                throw InvalidInputException.outOfRange("--column", r.columns(), "phase (a refined map shows phases)");
            }
            boolean logX = scale(table, r.x()) == AxisScale.Kind.LOG;
            boolean logY = scale(table, y) == AxisScale.Kind.LOG;
            chart = RefinedMapChart.build(rows, new RefinedMapChart.Spec(r.x(), y, logX, logY, r.window(), title,
                    r.width(), r.height()));
            kind = "refined phase map";
        }
        Charts.savePng(chart, r.png());
        return new Result(r.png(), kind, rows.size(), List.of());
    }

    /** How the config's axis was spaced (its level-0 values in the manifest). */
    private static AxisScale.Kind scale(TableData table, String axis) {
        List<String> values = table.manifest().axes().getOrDefault(axis, List.of());
        double[] v = values.stream().mapToDouble(Double::parseDouble).sorted().toArray();
        return v.length == 0 ? AxisScale.Kind.LINEAR : AxisScale.of(v).kind();
    }

    /** A line series of a column against x, with the column's {@code _se} as error bars when it exists. */
    public static LineChart.Series series(List<DataRow> cells, String x, String column, String label) {
        List<DataRow> sorted = new ArrayList<>(cells);
        sorted.sort((a, b) -> Double.compare(a.get(x), b.get(x)));
        double[] xs = sorted.stream().mapToDouble(c -> c.get(x)).toArray();
        double[] ys = sorted.stream().mapToDouble(c -> c.get(column)).toArray();
        double[] se = sorted.get(0).has(column + "_se")
                ? sorted.stream().mapToDouble(c -> c.get(column + "_se")).toArray() : null;
        return new LineChart.Series(label, xs, ys, se);
    }

    static List<String> defaultLineColumns(TableData table) {
        DataRow first = table.rows().get(0);
        if (!table.numericColumns().contains("exp_minus") && table.numericColumns().contains("rank")) {
            return List.of("rank");
        }
        if (!Double.isNaN(first.get("exp_plus"))) {
            return List.of("exp_minus", "exp_plus");
        }
        return Double.isNaN(first.get("exp_minus")) ? List.of("exp_top") : List.of("exp_minus");
    }

    private static void checkName(String option, String name, List<DataRow> cells, List<String> allowed) {
        if (!allowed.contains(name) || MapChart.distinct(cells, name).length == 0) {
            throw InvalidInputException.outOfRange(option, name, String.join(", ", allowed));
        }
    }
}
