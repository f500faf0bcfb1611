package org.probstab.spark;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.ModelRegistry;
import org.probstab.refine.BoundaryRows;
import org.probstab.refine.FractalAnalysis;
import org.probstab.refine.FractalStatistics;
import org.probstab.refine.RefinedLabels;
import org.probstab.sweep.Axis;
import org.probstab.sweep.RefinementPlan;
import org.probstab.sweep.SweepSpec;
import org.probstab.table.BoundaryTable;
import org.probstab.table.FractalTable;
import org.probstab.table.PhaseTable;

/**
 * Fractal statistics of the boundary in a boundary table or a refined-cell table ({@link FractalAnalysis}): the table
 * is read with Spark (its roots, or the boxes and cells of its levels), analysed on the driver, and written as a small
 * fractal-statistics table with a manifest. The analysed sets are what the table holds (roots, or boundary boxes and
 * leaf boxes), far smaller than the cells behind them.
 */
public final class FractalJob {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Function bits of the labels of a boundary table. */
    static final List<String> FUNCTIONS = List.of("minus", "plus", "l2");

    /**
     * What was analysed.
     *
     * @param source        the table's path
     * @param sourceSweepId its sweep_id
     * @param kind          {@code boundary} or {@code refined}
     * @param rows          boundary tables: rows analysed; refined tables: cells evaluated
     * @param statistics    one per boundary and counting; the first is the phase boundary counted in boxes
     */
    public record Result(String source, String sourceSweepId, String kind, long rows,
                         List<FractalStatistics> statistics) {
    }

    private FractalJob() {
    }

    /** Reads and analyses the table at {@code dir} (a {@code --where} condition picks a slice of a boundary table). */
    public static Result analyse(SparkSession spark, String dir, String where) throws IOException {
        JsonNode manifest = manifest(spark, dir);
        String format = manifest.path("format").asText("");
        if (format.startsWith("probstab-boundary-table/")) {
            return boundary(spark, dir, where, manifest);
        }
        if (format.startsWith("probstab-refined-table/")) {
            if (where != null) {
                throw InvalidInputException.of("--where", "--where selects rows of a boundary table: allowed without"
                        + " --where for a refined table");
            }
            return refined(spark, dir, manifest);
        }
        throw InvalidInputException.of("TABLE", "TABLE '" + dir + "' is a " + (format.isEmpty() ? "directory without a"
                + " probstab manifest" : format) + ": allowed a boundary table (probstab boundary) or a refined table"
                + " (probstab refine)");
    }

    static JsonNode manifest(SparkSession spark, String dir) throws IOException {
        Path p = new Path(dir, TableOutput.MANIFEST);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(p)) {
            throw InvalidInputException.of("TABLE", "TABLE '" + dir + "' has no " + TableOutput.MANIFEST + ": allowed"
                    + " a boundary or refined table");
        }
        try (InputStream in = fs.open(p)) {
            JsonNode m = JSON.readTree(in);
            if (!"complete".equals(m.path("status").asText())) {
                throw InvalidInputException.of("TABLE", "TABLE '" + dir + "' is not complete (status "
                        + m.path("status").asText() + "): finish it with --resume first");
            }
            return m;
        }
    }

    // ------------------------------------------------------------------------------------------------ boundary

    private static Result boundary(SparkSession spark, String dir, String where, JsonNode manifest) {
        double lo = manifest.path("boundary").path("lambda_lo").asDouble();
        double hi = manifest.path("boundary").path("lambda_hi").asDouble();
        List<String> axes = new ArrayList<>();
        manifest.path("axes").fieldNames().forEachRemaining(a -> {
            if (!a.equals("lambda")) {
                axes.add(a);
            }
        });
        Dataset<Row> df = spark.read().parquet(dir);
        df = TableReader.where(df, where);
        List<String> columns = axes.stream().map(BoundaryTable::columnName).toList();
        List<String> varying = new ArrayList<>();
        for (String c : columns) {
            if (df.select(c).distinct().count() > 1) {
                varying.add(c);
            }
        }
        if (varying.size() > 1) {
            throw InvalidInputException.of("--where", "'" + dir + "' varies along " + varying + ": pick one row axis,"
                    + " e.g. --where \"" + varying.get(0) + " = ...\" (allowed one varying axis besides lambda)");
        }
        List<String> select = new ArrayList<>(columns);
        select.addAll(List.of("exponent", "root", "rising"));
        List<Row> roots = df.select(select.stream().map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
        if (roots.isEmpty()) {
            throw InvalidInputException.of("--where", "no roots in '" + dir + "'" + (where == null ? ""
                    : " with --where '" + where + "'") + ": the boundaries do not meet the map");
        }
        String rowAxis = varying.isEmpty() ? null : varying.get(0);
        int rowColumn = rowAxis == null ? -1 : columns.indexOf(rowAxis);
        // Row values, ascending; the other axes' values are constant.
        TreeMap<Double, Integer> rowIndex = new TreeMap<>();
        for (Row r : roots) {
            rowIndex.putIfAbsent(rowColumn < 0 ? 0.0 : number(r, rowColumn), 0);
        }
        // Also rows that exist in the config but have no root at all count as rows.
        if (rowAxis != null) {
            String axisName = axes.get(rowColumn);
            for (JsonNode v : manifest.path("axes").path(axisName)) {
                double x = v.asText().equals("inf") ? Double.POSITIVE_INFINITY : v.asDouble();
                if (where == null) {
                    rowIndex.putIfAbsent(x, 0);
                }
            }
        }
        int next = 0;
        for (Map.Entry<Double, Integer> e : rowIndex.entrySet()) {
            e.setValue(next++);
        }
        int rows = rowIndex.size();
        double yMin = rowIndex.firstKey();
        double yMax = rowIndex.lastKey();
        List<List<List<Double>>> byRow = new ArrayList<>();
        boolean[][] firstRising = new boolean[rows][FUNCTIONS.size()];
        boolean[][] seen = new boolean[rows][FUNCTIONS.size()];
        Row[] example = new Row[rows];
        double[][] firstRoot = new double[rows][FUNCTIONS.size()];
        for (int i = 0; i < rows; i++) {
            List<List<Double>> fs = new ArrayList<>();
            for (int f = 0; f < FUNCTIONS.size(); f++) {
                fs.add(new ArrayList<>());
                firstRoot[i][f] = Double.POSITIVE_INFINITY;
            }
            byRow.add(fs);
        }
        int at = columns.size();
        for (Row r : roots) {
            int i = rowIndex.get(rowColumn < 0 ? 0.0 : number(r, rowColumn));
            int f = FUNCTIONS.indexOf(r.getString(at));
            double x = Math.min(1, Math.max(0, (r.getDouble(at + 1) - lo) / (hi - lo)));
            byRow.get(i).get(f).add(x);
            example[i] = r;
            if (x < firstRoot[i][f]) {
                firstRoot[i][f] = x;
                firstRising[i][f] = r.getBoolean(at + 2);
            }
            seen[i][f] = true;
        }
        // The start sign of a function on a row: before its first root the sign is the opposite of the direction it
        // crosses; with no root on the row, the sign of the model's exact exponent at lambda_hi.
        String model = manifest.path("model").asText("");
        Map<String, Object> fixed = fixedParameters(manifest);
        int[] start = new int[rows];
        double[] y = new double[rows];
        List<Double> keys = new ArrayList<>(rowIndex.keySet());
        for (int i = 0; i < rows; i++) {
            y[i] = yMax > yMin ? (keys.get(i) - yMin) / (yMax - yMin) : 0;
            int label = 0;
            for (int f = 0; f < FUNCTIONS.size(); f++) {
                boolean positive;
                if (seen[i][f]) {
                    positive = !firstRising[i][f];
                } else {
                    Boolean sign = signAt(model, fixed, axes, columns, example[i] != null ? example[i]
                            : example[firstSeen(example)], rowColumn, keys.get(i), f, hi, manifest.path("seed")
                            .asLong(1));
                    if (sign == null) {
                        label = -1;
                        break;
                    }
                    positive = sign;
                }
                label |= positive ? 1 << f : 0;
            }
            start[i] = label;
        }
        List<FractalStatistics> stats = new ArrayList<>();
        stats.addAll(FractalAnalysis.ofRows("phase", rows(byRow, y, start, -1)));
        for (int f = 0; f < FUNCTIONS.size(); f++) {
            int ff = f;
            boolean any = byRow.stream().anyMatch(l -> !l.get(ff).isEmpty());
            if (any) {
                int[] single = Arrays.stream(start).map(s -> s < 0 ? -1 : (s >> ff) & 1).toArray();
                stats.addAll(FractalAnalysis.ofRows(FUNCTIONS.get(f), rows(byRow, y, single, f)));
            }
        }
        return new Result(dir, manifest.path("sweep_id").asText(""), "boundary", rows, stats);
    }

    private static int firstSeen(Row[] example) {
        for (int i = 0; i < example.length; i++) {
            if (example[i] != null) {
                return i;
            }
        }
        throw new IllegalStateException("no roots");
    }

    private static BoundaryRows rows(List<List<List<Double>>> byRow, double[] y, int[] start, int only) {
        double[][][] roots = new double[byRow.size()][][];
        for (int i = 0; i < roots.length; i++) {
            List<List<Double>> fs = byRow.get(i);
            if (only >= 0) {
                roots[i] = new double[][] {fs.get(only).stream().mapToDouble(Double::doubleValue).toArray()};
            } else {
                roots[i] = new double[fs.size()][];
                for (int f = 0; f < fs.size(); f++) {
                    roots[i][f] = fs.get(f).stream().mapToDouble(Double::doubleValue).toArray();
                }
            }
        }
        return new BoundaryRows(y, roots, start);
    }

    private static double number(Row r, int i) {
        Object v = r.get(i);
        return v == null ? Double.POSITIVE_INFINITY : ((Number) v).doubleValue();
    }

    /** The sign of function f at λ on a row without its roots, from the model's exact cell; null when unknown. */
    private static Boolean signAt(String model, Map<String, Object> fixed, List<String> axes, List<String> columns,
                                  Row like, int rowColumn, double rowValue, int f, double lambda, long seed) {
        if (model.isEmpty()) {
            return null;
        }
        Map<String, Object> p = new HashMap<>(fixed);
        for (int k = 0; k < axes.size(); k++) {
            Object v = k == rowColumn ? (Object) rowValue : like.get(k);
            p.put(axes.get(k), v == null ? "inf" : v instanceof Number n ? (Object) n.doubleValue()
                    : (Object) v.toString());
        }
        p.put("lambda", lambda);
        try {
            org.probstab.table.Row cell = ModelRegistry.evaluate(model, p, EstimatorKind.EXACT, seed, 0);
            double v = switch (f) {
                case 0 -> cell.get(PhaseTable.EXP_MINUS);
                case 1 -> cell.get(PhaseTable.EXP_PLUS);
                default -> cell.get(PhaseTable.MS_GROWTH) - 1;
            };
            return Double.isNaN(v) ? null : v > 0;
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static Map<String, Object> fixedParameters(JsonNode manifest) {
        Map<String, Object> fixed = new HashMap<>();
        manifest.path("config").path("params").fields().forEachRemaining(e -> fixed.put(e.getKey(),
                e.getValue().isNumber() ? (Object) e.getValue().asDouble() : e.getValue().asText()));
        manifest.path("config").path("estimator").fields().forEachRemaining(e -> {
            if (!e.getKey().equals("kind")) {
                fixed.put(e.getKey(), e.getValue().isNumber() ? (Object) e.getValue().asDouble()
                        : e.getValue().asText());
            }
        });
        return fixed;
    }

    // ------------------------------------------------------------------------------------------------ refined

    /** The refinement plan of a refined table, rebuilt from its manifest. */
    static RefinementPlan plan(JsonNode manifest, String dir) {
        JsonNode refine = manifest.path("refine");
        SweepSpec spec = SweepSpec.from(ConfigFactory.parseString("{\"sweep\": " + manifest.path("config")
                .toString() + "}"), manifest.path("name").asText("x")).withOutputPath(dir);
        List<String> axes = new ArrayList<>();
        refine.path("axes").forEach(a -> axes.add(a.asText()));
        return new RefinementPlan(spec, axes, refine.path("levels").asInt(), refine.path("halo").asBoolean(),
                refine.path("pole_seeding").asBoolean());
    }

    private static Result refined(SparkSession spark, String dir, JsonNode manifest) {
        RefinementPlan plan = plan(manifest, dir);
        int levels = plan.levels();
        List<Axis> axes = plan.spec().axes();
        int[] refinedAxes = new int[plan.refinedAxes().size()];
        for (int k = 0, r = 0; k < axes.size(); k++) {
            if (plan.refinedIndex(k) >= 0) {
                refinedAxes[r++] = k;
            } else if (axes.get(k).size() > 1) {
                throw InvalidInputException.of("TABLE", "TABLE '" + dir + "' also varies along " + axes.get(k).name()
                        + ", which was not refined: allowed refined tables whose other axes have one value");
            }
        }
        int d = refinedAxes.length;
        TableOutput out = new TableOutput(dir, spark.sparkContext().hadoopConfiguration());
        List<Row> boundary = RefineJob.readBoxes(spark, out, levels).where(col("disagree")).select("corner")
                .collectAsList();
        long[][] lower = new long[d][boundary.size()];
        for (int i = 0; i < boundary.size(); i++) {
            long[] idx = plan.indices(boundary.get(i).getLong(0));
            for (int r = 0; r < d; r++) {
                lower[r][i] = idx[refinedAxes[r]];
            }
        }
        long[] sizes = new long[d];
        for (int r = 0; r < d; r++) {
            sizes[r] = plan.finestSize(refinedAxes[r]);
        }
        int[][] labels = null;
        if (d == 2) {
            labels = labels(spark, plan, out, refinedAxes, sizes);
        }
        long cells = spark.read().parquet(dir).count();
        FractalStatistics s = FractalAnalysis.ofRefined(lower, sizes, levels, labels);
        return new Result(dir, manifest.path("sweep_id").asText(""), "refined", cells, List.of(s));
    }

    /** The finest uniform sub-grid's labels: leaf boxes of every level painted, then the evaluated cells. */
    private static int[][] labels(SparkSession spark, RefinementPlan plan, TableOutput out, int[] refinedAxes,
                                  long[] sizes) {
        long stride = RefinedLabels.stride(sizes, FractalAnalysis.MAX_ENTROPY_SIDE + 1);
        RefinedLabels grid = new RefinedLabels(sizes, stride);
        Map<String, Integer> codes = new TreeMap<>();
        for (int level = 0; level <= plan.levels(); level++) {
            // Leaves: boxes not split (every box of the last level has no children), whose corners agree.
            String leaf = level < plan.levels() ? "not refine" : "not disagree";
            for (Row b : RefineJob.readBoxes(spark, out, level).where(leaf)
                    .select("corner", "w", "phase").collectAsList()) {
                long[] box = RefineJob.box(b);
                long[] idx = plan.indices(box[0]);
                grid.leaf(idx[refinedAxes[0]], idx[refinedAxes[1]], box[1], box[2],
                        codes.computeIfAbsent(b.getString(2), k -> codes.size()));
            }
        }
        for (Row c : spark.read().parquet(out.root().toString()).select("cell_id", "phase").collectAsList()) {
            long[] idx = plan.indices(c.getLong(0));
            grid.point(idx[refinedAxes[0]], idx[refinedAxes[1]], codes.computeIfAbsent(c.getString(1),
                    k -> codes.size()));
        }
        if (grid.unpainted() > 0) {
            throw new IllegalStateException(grid.unpainted() + " points of the sub-grid have no label in "
                    + out.root());
        }
        return grid.labels();
    }

    // ------------------------------------------------------------------------------------------------ output

    /** The statistics as rows of the fractal-statistics table. */
    public static List<org.probstab.table.Row> rows(Result result) {
        List<org.probstab.table.Row> out = new ArrayList<>();
        for (FractalStatistics s : result.statistics()) {
            var b = FractalTable.KIND.newRow().set(FractalTable.SOURCE, result.source())
                    .set(FractalTable.SOURCE_SWEEP_ID, result.sourceSweepId())
                    .set(FractalTable.BOUNDARY, s.boundary()).set(FractalTable.COUNTING, s.counting())
                    .set(FractalTable.LEVELS, s.levels()).set(FractalTable.EPSILONS, s.curve().epsilons())
                    .set(FractalTable.BOX_COUNTS, s.curve().counts())
                    .set(FractalTable.BOX_DIMENSION, s.dimension())
                    .set(FractalTable.BOX_DIMENSION_SE, s.dimensionSe())
                    .set(FractalTable.FIT_RANGE, s.fitRange())
                    .set(FractalTable.LOCAL_SLOPES, s.curve().localSlopes());
            if (s.uncertainty() != null) {
                b.set(FractalTable.UNCERTAINTY_EXPONENT, s.uncertainty().alpha())
                        .set(FractalTable.UNCERTAINTY_EXPONENT_SE, s.uncertainty().alphaSe());
            }
            if (s.entropy() != null) {
                b.set(FractalTable.BASIN_ENTROPY, s.entropy().basinEntropy())
                        .set(FractalTable.BOUNDARY_BASIN_ENTROPY, s.entropy().boundaryBasinEntropy())
                        .set(FractalTable.FRACTAL_BY_LN2, s.entropy().fractalByLn2());
            }
            out.add(b.build());
        }
        return out;
    }

    /** Writes the fractal-statistics table (one Parquet file and a manifest) at {@code path}. */
    public static String write(SparkSession spark, Result result, String path, boolean overwrite)
            throws IOException {
        TableOutput out = new TableOutput(path, spark.sparkContext().hadoopConfiguration());
        String hash = sha(result.source());
        out.prepare(hash, false, overwrite);
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FractalTable.KIND.format());
        m.put("source", result.source());
        m.put("source_sweep_id", result.sourceSweepId());
        m.put("source_kind", result.kind());
        m.put("config_hash", hash);
        m.put("code_version", BuildInfo.version());
        m.put("status", "running");
        m.put("started", Instant.now().toString());
        out.writeManifest(m);
        Path file = new Path(out.root(), "part-00000.snappy.parquet");
        List<org.probstab.table.Row> rows = rows(result);
        ChunkParquet.writeRows(FractalTable.KIND, file, spark.sparkContext().hadoopConfiguration(),
                sink -> rows.forEach(sink), () -> { });
        m.put("status", "complete");
        m.put("finished", Instant.now().toString());
        m.put("row_count", rows.size());
        out.writeManifest(m);
        return out.root().toString();
    }

    private static String sha(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("fractal " + s).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one JSON object of {@code fractal --json}: the phase boundary counted in boxes. */
    public static ObjectNode json(Result result) {
        FractalStatistics s = result.statistics().get(0);
        ObjectNode o = JSON.createObjectNode();
        number(o, "box_dimension", s.dimension());
        number(o, "box_dimension_se", s.dimensionSe());
        ArrayNode range = o.putArray("fit_range");
        Arrays.stream(s.fitRange()).forEach(range::add);
        ArrayNode slopes = o.putArray("local_slopes");
        Arrays.stream(s.curve().localSlopes()).forEach(slopes::add);
        number(o, "uncertainty_exponent", s.uncertainty() == null ? Double.NaN : s.uncertainty().alpha());
        number(o, "basin_entropy", s.entropy() == null ? Double.NaN : s.entropy().basinEntropy());
        number(o, "boundary_basin_entropy", s.entropy() == null ? Double.NaN
                : s.entropy().boundaryBasinEntropy());
        if (s.entropy() == null) {
            o.putNull("fractal_by_ln2");
        } else {
            o.put("fractal_by_ln2", s.entropy().fractalByLn2());
        }
        o.put("levels", s.levels());
        return o;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** A readable summary, one block per boundary and counting. */
    public static List<String> summary(Result result) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "fractal statistics of %s (%s table, %d %s)", result.source(),
                result.kind(), result.rows(), result.kind().equals("boundary") ? "rows" : "cells"));
        for (FractalStatistics s : result.statistics()) {
            double[] r = s.fitRange();
            lines.add(String.format(java.util.Locale.ROOT, "%s, %s: D = %.4f ± %.4f over eps %.3g .. %.3g%s",
                    s.boundary(), s.counting(), s.dimension(), s.dimensionSe(), r[0], r[1],
                    s.counting().equals(FractalStatistics.ROWS) ? " (1 + slope along lambda)" : ""));
            StringBuilder counts = new StringBuilder("  N(2^-k): ");
            int[] k = s.curve().exponents();
            long[] n = s.curve().counts();
            for (int i = 0; i < k.length; i++) {
                counts.append(i == 0 ? "" : ", ").append(k[i]).append(':').append(n[i]);
            }
            lines.add(counts.toString());
            StringBuilder slopes = new StringBuilder("  local slopes: ");
            double[] ls = s.curve().localSlopes();
            for (int i = 0; i < ls.length; i++) {
                slopes.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.3f", ls[i]));
            }
            lines.add(slopes.toString());
            if (s.counting().equals(FractalStatistics.BOXES)) {
                lines.add(String.format(java.util.Locale.ROOT, "  uncertainty exponent %s; basin entropy S_b = %s,"
                        + " S_bb = %s, S_bb > ln 2: %s",
                        s.uncertainty() == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f ± %.4f",
                                s.uncertainty().alpha(), s.uncertainty().alphaSe()),
                        s.entropy() == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f",
                                s.entropy().basinEntropy()),
                        s.entropy() == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f",
                                s.entropy().boundaryBasinEntropy()),
                        s.entropy() == null ? "-" : s.entropy().fractalByLn2()));
            }
        }
        return lines;
    }
}
