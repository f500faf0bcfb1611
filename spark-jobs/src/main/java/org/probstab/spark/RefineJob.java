package org.probstab.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.signum;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.probstab.boundary.RowBoundary;
import org.probstab.config.InvalidInputException;
import org.probstab.refine.PoleSeeding;
import org.probstab.sweep.RefinementPlan;
import org.probstab.table.RefinedCellTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Adaptive refinement on Spark (DESIGN §6), level by level into one refined-cell table:
 * <ol>
 *   <li>level 0 evaluates the config's grid; level ℓ + 1 the corners of the children of every box of level ℓ that is
 *       refined ({@link RefinementPlan#children}), less the points already in the table;</li>
 *   <li>the new cells are numbered into chunks (sorted ids, {@link RefinementPlan#chunkCells} per chunk), recorded
 *       under {@code _refine/level=ℓ/cells}, and evaluated in waves exactly like a sweep's chunks
 *       ({@link ChunkWaves}: attempt-private files, published by rename) as table chunks numbered after the previous
 *       levels';</li>
 *   <li>then each box of the level is decided from the table, on Spark: its 2^d corners joined with the table's
 *       rows by cell id, grouped by box — refined when its corners disagree in phase or in the sign of an exponent;
 *       with pole seeding (exact finite-N models) also when a stripe-carrying pole curve crosses it
 *       ({@link PoleSeeding}); with the halo also when an edge neighbour of the same level is refined for either
 *       reason. The boxes and their flags are recorded under {@code _refine/level=ℓ/boxes}.</li>
 * </ol>
 * Nothing of a level's size goes through the driver: ids, boxes and flags are Datasets, joins and aggregations. The
 * manifest records each level (cells, chunks, boxes, refined boxes and why) when it completes; {@code --resume}
 * continues from the last complete level and, within a level, computes the missing chunks. A level that would
 * evaluate more than the budget's new cells stops the run with a one-line error (the levels before it stay complete).
 */
public final class RefineJob {

    private static final Logger LOG = LoggerFactory.getLogger(RefineJob.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String REFINE_DIR = "_refine";

    /** How a refinement runs: the sweep's options and the most new cells one level may evaluate. */
    public record Options(SweepJob.Options run, long budget) {
        public Options {
            if (budget < 1) {
                throw InvalidInputException.outOfRange("--budget", budget, "integers >= 1");
            }
        }
    }

    /**
     * One level.
     *
     * @param level        ℓ
     * @param cells        new cells evaluated at this level
     * @param boxes        boxes of this level
     * @param refinedBoxes boxes refined (split at the next level)
     * @param disagreeing  boxes whose corners disagree
     * @param seeded       boxes refined only because a pole curve crosses them
     * @param halo         boxes refined only as neighbours
     */
    public record Level(int level, long cells, long boxes, long refinedBoxes, long disagreeing, long seeded,
                        long halo) {
    }

    /** What a run did. */
    public record Summary(String output, String sweepId, List<Level> levels, long cells, long finestCells,
                          double seconds) {
    }

    private RefineJob() {
    }

    /** Refuses, before Spark starts, a level-0 grid larger than the budget. */
    public static void checkBudget(RefinementPlan plan, long budget) {
        if (plan.levelZeroCells() > budget) {
            throw overBudget(0, plan.levelZeroCells(), budget);
        }
    }

    private static InvalidInputException overBudget(int level, long cells, long budget) {
        return InvalidInputException.of("--budget", "--budget: level " + level + " needs " + cells + " new cells,"
                + " more than --budget = " + budget + " allows: raise --budget or use fewer --levels"
                + (level > 0 ? " (levels 0 to " + (level - 1) + " are complete: continue with --resume)" : ""));
    }

    public static Summary run(SparkSession spark, RefinementPlan plan, Options options) throws IOException {
        checkBudget(plan, options.budget());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SweepJob.Options run = options.run();
        TableOutput out = new TableOutput(plan.spec().outputPath(), jsc.hadoopConfiguration());
        ObjectNode previous = out.prepare(plan.hash(), run.resume(), run.overwrite());
        Instant start = Instant.now();
        String sweepId = plan.sweepId();
        ObjectNode manifest = SweepJob.Manifest.describe(plan.spec(), RefinedCellTable.KIND,
                JSON.createObjectNode());
        manifest.put("sweep_id", sweepId);
        manifest.put("config_hash", plan.hash());
        manifest.set("refine", JSON.valueToTree(plan.options()));
        manifest.put("budget", options.budget());
        ArrayNode levels = previous != null && previous.has("levels") ? (ArrayNode) previous.get("levels").deepCopy()
                : JSON.createArrayNode();
        manifest.set("levels", levels);
        SweepJob.Manifest.run(manifest, RefinedCellTable.KIND, spark, previous, start);
        out.writeManifest(manifest);
        out.clearStaging();

        Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(
                new SerializableConfiguration(jsc.hadoopConfiguration()));
        long computed = 0;
        String shuffle = spark.conf().get("spark.sql.shuffle.partitions");
        long expectedBoxes = plan.levelZeroBoxes();
        try {
            for (int level = 0; level <= plan.levels(); level++) {
                JsonNode state = levels.size() > level ? levels.get(level) : null;
                Path boxes = levelDir(out, level, "boxes");
                if (state != null && "complete".equals(state.path("status").asText())
                        && done(out.fileSystem(), boxes)) {
                    continue;
                }
                long firstChunk = level == 0 ? 0 : levels.get(level - 1).path("first_chunk").asLong()
                        + levels.get(level - 1).path("chunks").asLong();
                if (level > 0) {
                    expectedBoxes = levels.get(level - 1).path("refined_boxes").asLong()
                            << plan.refinedAxes().size();
                }
                // A level's joins and aggregations: one shuffle partition per ~50 000 boxes, at most 4 per core.
                spark.conf().set("spark.sql.shuffle.partitions", Long.toString(Math.max(1, Math.min(
                        SweepJob.partitions(jsc, run), expectedBoxes / 50_000 + 1))));
                ObjectNode entry = JSON.createObjectNode();
                long t0 = System.nanoTime();
                Path cells = levelDir(out, level, "cells");
                if (!done(out.fileSystem(), cells)) {
                    Dataset<Long> ids = newCells(spark, plan, out, level).persist(StorageLevel.MEMORY_AND_DISK());
                    try {
                        long n = ids.count();
                        if (n > options.budget()) {
                            throw overBudget(level, n, options.budget());
                        }
                        writeCells(spark, ids, n, cells);
                    } finally {
                        ids.unpersist();
                    }
                }
                Dataset<Row> chunked = spark.read().schema(CELLS).parquet(cells.toString());
                // One row per chunk (a level's chunk count, not its cells): their sizes on the driver.
                Map<Long, Long> sizes = new HashMap<>();
                long n = 0;
                for (Row r : chunked.select(col("chunk"), org.apache.spark.sql.functions.size(col("ids")))
                        .collectAsList()) {
                    sizes.put(r.getLong(0) + firstChunk, (long) r.getInt(1));
                    n += r.getInt(1);
                }
                long chunks = sizes.size();
                entry.put("level", level).put("cells", n).put("chunks", chunks).put("first_chunk", firstChunk)
                        .put("status", "running");
                set(levels, level, entry);
                out.writeManifest(manifest);

                long t1 = System.nanoTime();
                computed += evaluate(jsc, plan, out, chunked, level, firstChunk, sizes, run, hadoop);
                long t2 = System.nanoTime();
                Level summary = decide(spark, plan, out, level, boxes);
                LOG.info("refine {} level {}: candidates {} s, cells {} s, decisions {} s", sweepId, level,
                        seconds(t1 - t0), seconds(t2 - t1), seconds(System.nanoTime() - t2));
                entry.put("boxes", summary.boxes()).put("refined_boxes", summary.refinedBoxes())
                        .put("disagreeing", summary.disagreeing()).put("seeded", summary.seeded())
                        .put("halo", summary.halo()).put("status", "complete");
                out.writeManifest(manifest);
                LOG.info("refine {} level {}/{}: {} new cells, {} boxes, {} refined ({} disagree, {} pole-seeded,"
                        + " {} halo)", sweepId, level, plan.levels(), n, summary.boxes(), summary.refinedBoxes(),
                        summary.disagreeing(), summary.seeded(), summary.halo());
            }
        } finally {
            spark.conf().set("spark.sql.shuffle.partitions", shuffle);
            hadoop.destroy();
        }
        out.clearStaging();
        Instant end = Instant.now();
        double seconds = Duration.between(start, end).toNanos() * 1e-9;
        List<Level> result = new ArrayList<>();
        long total = 0;
        for (JsonNode l : levels) {
            total += l.path("cells").asLong();
            result.add(new Level(l.path("level").asInt(), l.path("cells").asLong(), l.path("boxes").asLong(),
                    l.path("refined_boxes").asLong(), l.path("disagreeing").asLong(), l.path("seeded").asLong(),
                    l.path("halo").asLong()));
        }
        manifest.put("cell_count", total);
        SweepJob.Manifest.complete(manifest, end, computed, seconds);
        out.writeManifest(manifest);
        return new Summary(out.root().toString(), sweepId, result, total, plan.finestCells(), seconds);
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos * 1e-9);
    }

    private static void set(ArrayNode levels, int level, ObjectNode entry) {
        while (levels.size() > level) {
            levels.remove(levels.size() - 1);
        }
        levels.add(entry);
    }

    static Path levelDir(TableOutput out, int level, String what) {
        return new Path(new Path(new Path(out.root(), REFINE_DIR), "level=" + level), what);
    }

    private static boolean done(FileSystem fs, Path dir) throws IOException {
        return fs.exists(new Path(dir, "_SUCCESS"));
    }

    // ------------------------------------------------------------------------------------------------ new cells

    /** The ids to evaluate at a level: the config's grid, or the corners of the children of refined boxes. */
    static Dataset<Long> newCells(SparkSession spark, RefinementPlan plan, TableOutput out, int level) {
        if (level == 0) {
            return spark.range(plan.levelZeroCells()).map((org.apache.spark.api.java.function.MapFunction<Long, Long>)
                    plan::levelZeroCell, Encoders.LONG());
        }
        Dataset<Row> children = children(plan, readBoxes(spark, out, level - 1).where(col("refine")));
        Dataset<Long> corners = children.flatMap((FlatMapFunction<Row, Long>) r -> {
            List<Long> ids = new ArrayList<>();
            for (long id : plan.corners(box(r))) {
                ids.add(id);
            }
            return ids.iterator();
        }, Encoders.LONG()).distinct();
        Dataset<Row> known = spark.read().parquet(out.root().toString()).select(col("cell_id"));
        return corners.toDF("cell_id").join(known, new String[] {"cell_id"}, "left_anti").as(Encoders.LONG());
    }

    /** The schema of a box: lower corner id and widths on the refined axes. */
    static final StructType BOX = new StructType().add("corner", DataTypes.LongType, false)
            .add("w", DataTypes.createArrayType(DataTypes.LongType, false), false);
    /** A decided box, as {@code _refine/level=ℓ/boxes} holds it. */
    static final StructType DECIDED = BOX.add("corners", DataTypes.LongType, false)
            .add("phase", DataTypes.StringType, true).add("disagree", DataTypes.BooleanType, false)
            .add("seeded", DataTypes.BooleanType, false).add("halo", DataTypes.BooleanType, false)
            .add("refine", DataTypes.BooleanType, false);
    /** A level's new cells, as {@code _refine/level=ℓ/cells} holds them: one row per chunk. */
    static final StructType CELLS = new StructType().add("chunk", DataTypes.LongType, false)
            .add("ids", DataTypes.createArrayType(DataTypes.LongType, false), false);

    /** The decided boxes of a level. */
    static Dataset<Row> readBoxes(SparkSession spark, TableOutput out, int level) {
        return spark.read().schema(DECIDED).parquet(levelDir(out, level, "boxes").toString());
    }

    /**
     * A box from a row whose first two fields are {@code corner} and {@code w} (an array column; between two typed
     * operations Spark may hand over the {@code long[]} of {@link #boxRow} itself instead of a decoded list).
     */
    static long[] box(Row r) {
        Object w = r.get(1);
        long[] widths;
        if (w instanceof long[] a) {
            widths = a;
        } else {
            List<Long> list = r.getList(1);
            widths = new long[list.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = list.get(i);
            }
        }
        long[] b = new long[1 + widths.length];
        b[0] = r.getLong(0);
        System.arraycopy(widths, 0, b, 1, widths.length);
        return b;
    }

    static Row boxRow(long[] b) {
        return RowFactory.create(b[0], java.util.Arrays.copyOfRange(b, 1, b.length));
    }

    /** The boxes of a level: every box of the config's grid at level 0, else the children of refined boxes. */
    static Dataset<Row> boxes(SparkSession spark, RefinementPlan plan, TableOutput out, int level) {
        if (level == 0) {
            return spark.range(plan.levelZeroBoxes()).map((org.apache.spark.api.java.function.MapFunction<Long, Row>)
                    i -> boxRow(plan.levelZeroBox(i)), Encoders.row(BOX));
        }
        return children(plan, readBoxes(spark, out, level - 1).where(col("refine")));
    }

    private static Dataset<Row> children(RefinementPlan plan, Dataset<Row> refined) {
        return refined.select("corner", "w").flatMap((FlatMapFunction<Row, Row>) r -> {
            List<Row> out = new ArrayList<>();
            for (long[] c : plan.children(box(r))) {
                out.add(boxRow(c));
            }
            return out.iterator();
        }, Encoders.row(BOX));
    }

    /** Sorted ids, numbered into chunks of {@link RefinementPlan#chunkCells}: one row (chunk, ids) per chunk. */
    private static void writeCells(SparkSession spark, Dataset<Long> ids, long n, Path dir) {
        long per = RefinementPlan.chunkCells(n);
        var ranked = ids.toJavaRDD().sortBy(x -> x, true, Math.max(1, (int) Math.min(64, n / 10_000 + 1)))
                .zipWithIndex().map(t -> RowFactory.create(t._2() / per, t._1()));
        StructType schema = new StructType().add("chunk", DataTypes.LongType, false)
                .add("cell_id", DataTypes.LongType, false);
        spark.createDataFrame(ranked, schema).groupBy("chunk")
                .agg(sort_array(collect_list(col("cell_id"))).as("ids"))
                .write().mode(SaveMode.Overwrite).parquet(dir.toString());
    }

    // ------------------------------------------------------------------------------------------------ evaluation

    private static long evaluate(JavaSparkContext jsc, RefinementPlan plan, TableOutput out, Dataset<Row> chunked,
                                 int level, long firstChunk, Map<Long, Long> sizes, SweepJob.Options run,
                                 Broadcast<SerializableConfiguration> hadoop) throws IOException {
        Set<Long> done = out.completeChunks(plan.sweepId());
        List<Long> missing = new ArrayList<>();
        for (long c = firstChunk; c < firstChunk + sizes.size(); c++) {
            if (!done.contains(c)) {
                missing.add(c);
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        long cells = 0;
        for (long c : missing) {
            cells += sizes.get(c);
        }
        int partitions = SweepJob.partitions(jsc, run);
        String label = "refine " + plan.sweepId() + " level " + level;
        ChunkWaves.run(jsc, out, plan.sweepId(), label, missing, cells, plan.spec().waveChunks(), partitions,
                run.progressEvery(), (wave, tasks, staged, counter) -> {
                    Set<Long> local = new HashSet<>();
                    wave.forEach(c -> local.add(c - firstChunk));
                    Dataset<Row> these = chunked.where(col("chunk").isin(local.toArray()));
                    return these.toJavaRDD().map(r -> {
                        List<Long> ids = r.getList(r.fieldIndex("ids"));
                        long[] a = new long[ids.size()];
                        for (int i = 0; i < a.length; i++) {
                            a[i] = ids.get(i);
                        }
                        return new Tuple2<>(r.getLong(r.fieldIndex("chunk")) + firstChunk, a);
                    }).repartition(tasks).mapPartitions(it -> ChunkWaves.writeChunks(it, Tuple2::_1, (chunk, file, conf, onCell) ->
                            ChunkParquet.writeRows(RefinedCellTable.KIND, file, conf, rows -> {
                                for (long id : chunk._2()) {
                                    rows.accept(plan.evaluate(id, level));
                                }
                            }, onCell), staged, hadoop, counter));
                });
        return cells;
    }

    // ------------------------------------------------------------------------------------------------ decisions

    /** Decides every box of a level from the table and writes them with their flags. */
    private static Level decide(SparkSession spark, RefinementPlan plan, TableOutput out, int level, Path dir) {
        Dataset<Row> boxes = boxes(spark, plan, out, level);
        StructType cornerSchema = BOX.add("cell_id", DataTypes.LongType, false);
        Dataset<Row> corners = boxes.flatMap((FlatMapFunction<Row, Row>) r -> {
            List<Row> rows = new ArrayList<>();
            for (long id : plan.corners(box(r))) {
                rows.add(RowFactory.create(r.get(0), r.get(1), id));
            }
            return rows.iterator();
        }, Encoders.row(cornerSchema));
        Dataset<Row> table = spark.read().parquet(out.root().toString()).select(col("cell_id"), col("phase"),
                signum(col("exp_minus")).as("s_minus"), signum(coalesce(col("exp_plus"), lit(0.0))).as("s_plus"));
        Dataset<Row> decided = corners.join(table, "cell_id").groupBy("corner", "w").agg(
                count(lit(1)).as("corners"),
                countDistinct(col("phase")).as("phases"),
                countDistinct(col("s_minus")).as("minus_signs"),
                countDistinct(col("s_plus")).as("plus_signs"),
                first(col("phase")).as("phase"),
                first(col("s_minus")).as("s_minus"),
                first(col("s_plus")).as("s_plus"))
                .withColumn("disagree", col("phases").gt(1).or(col("minus_signs").gt(1))
                        .or(col("plus_signs").gt(1)));
        boolean seeding = plan.poleSeeding() && seedable(plan);
        if (seeding) {
            StructType seeded = decided.schema().add("seeded", DataTypes.BooleanType, false);
            decided = decided.mapPartitions((MapPartitionsFunction<Row, Row>) it -> seed(plan, it),
                    Encoders.row(seeded));
        } else {
            decided = decided.withColumn("seeded", lit(false));
        }
        decided = decided.withColumn("seeded", col("seeded").and(not(col("disagree"))))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> cached = decided;
        if (plan.halo()) {
            Dataset<Row> flagged = decided.where(col("disagree").or(col("seeded"))).select("corner", "w");
            Dataset<Row> neighbours = flagged.flatMap((FlatMapFunction<Row, Row>) r -> {
                long[] b = box(r);
                List<Row> rows = new ArrayList<>();
                for (int axis = 0; axis < b.length - 1; axis++) {
                    for (int direction = -1; direction <= 1; direction += 2) {
                        long corner = plan.neighbour(b, axis, direction);
                        if (corner >= 0) {
                            long[] n = b.clone();
                            n[0] = corner;
                            rows.add(boxRow(n));
                        }
                    }
                }
                return rows.iterator();
            }, Encoders.row(BOX)).distinct().withColumn("near", lit(true));
            decided = decided.join(neighbours, new String[] {"corner", "w"}, "left")
                    .withColumn("halo", coalesce(col("near"), lit(false)).and(not(col("disagree")))
                            .and(not(col("seeded"))))
                    .drop("near");
        } else {
            decided = decided.withColumn("halo", lit(false));
        }
        decided = decided.withColumn("refine", col("disagree").or(col("seeded")).or(col("halo")))
                .select("corner", "w", "corners", "phase", "disagree", "seeded", "halo", "refine");
        decided.write().mode(SaveMode.Overwrite).parquet(dir.toString());
        cached.unpersist();
        Dataset<Row> written = readBoxes(spark, out, level);
        Row c = written.agg(count(lit(1)), sum(when(col("refine"), 1L).otherwise(0L)),
                sum(when(col("disagree"), 1L).otherwise(0L)), sum(when(col("seeded"), 1L).otherwise(0L)),
                sum(when(col("halo"), 1L).otherwise(0L)),
                sum(when(col("corners").notEqual(1L << plan.refinedAxes().size()), 1L).otherwise(0L))).first();
        if (!c.isNullAt(5) && c.getLong(5) > 0) {
            throw new IllegalStateException("level " + level + ": " + c.getLong(5) + " boxes lack corner rows in "
                    + out.root());
        }
        long total = c.getLong(0);
        return new Level(level, 0, total, total == 0 ? 0 : c.getLong(1), total == 0 ? 0 : c.getLong(2),
                total == 0 ? 0 : c.getLong(3), total == 0 ? 0 : c.getLong(4));
    }

    /** Whether pole seeding applies: λ is refined and the model's rows are exact with finite datasets. */
    static boolean seedable(RefinementPlan plan) {
        if (!plan.refinedAxes().contains("lambda")) {
            return false;
        }
        try {
            Map<String, Object> p = plan.parameters(0);
            double lambda = (Double) p.remove("lambda");
            return RowBoundary.law(plan.spec().model(), p, plan.spec().seed(), lambda).finite();
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static Iterator<Row> seed(RefinementPlan plan, Iterator<Row> boxes) {
        int lambdaAxis = plan.spec().axes().stream().map(a -> a.name()).toList().indexOf("lambda");
        int r = plan.refinedIndex(lambdaAxis);
        PoleSeeding seeding = null;
        List<Row> out = new ArrayList<>();
        while (boxes.hasNext()) {
            Row b = boxes.next();
            boolean flag = false;
            String phase = b.getString(b.fieldIndex("phase"));
            if (!b.getBoolean(b.fieldIndex("disagree"))) {
                boolean minus = b.getDouble(b.fieldIndex("s_minus")) > 0;
                boolean plus = b.getDouble(b.fieldIndex("s_plus")) > 0;
                if ((minus || plus) && !"undetermined".equals(phase)) {
                    long[] box = box(b);
                    long[] corners = plan.corners(box);
                    List<Map<String, ?>> rows = new ArrayList<>();
                    for (long id : corners) {
                        Map<String, Object> p = plan.parameters(id);
                        p.remove("lambda");
                        rows.add(p);
                    }
                    long j = plan.indices(box[0])[lambdaAxis];
                    double lo = (Double) plan.value(lambdaAxis, j);
                    double hi = (Double) plan.value(lambdaAxis, j + box[1 + r]);
                    double spacing = (Double) plan.value(lambdaAxis, j + 1) - lo;
                    if (seeding == null) {
                        seeding = new PoleSeeding(plan.spec().model(), plan.spec().seed(), hi);
                    }
                    flag = seeding.crossesStripe(rows, lo, hi, spacing, minus, plus);
                }
            }
            Object[] values = new Object[b.size() + 1];
            for (int i = 0; i < b.size(); i++) {
                values[i] = b.get(i);
            }
            values[b.size()] = flag;
            out.add(RowFactory.create(values));
        }
        return out.iterator();
    }
}
