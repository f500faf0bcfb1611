package org.probstab.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.probstab.sweep.BoundaryPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an exact boundary table on Spark (DESIGN §6): the rows of a {@link BoundaryPlan} (combinations of the axes
 * other than λ) in chunks of consecutive row ids, spread over tasks in waves by {@link ChunkWaves}; each task computes
 * every root of its rows and writes each chunk as one Parquet file of the plan's boundary kind. The table is a pure
 * function of the plan (config and options), whatever the partitioning; {@code --resume} computes the missing chunks.
 */
public final class BoundaryJob {

    private static final Logger LOG = LoggerFactory.getLogger(BoundaryJob.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run did. */
    public record Summary(String output, String sweepId, long rows, long chunks, long computedChunks, double seconds) {
    }

    private BoundaryJob() {
    }

    /**
     * The table as CSV lines, computed on Spark and nothing written: the header, then every root in row order (the
     * order of the table's chunks). Doubles in shortest round-trip form, null as an empty field.
     */
    public static List<String> csv(SparkSession spark, BoundaryPlan plan, SweepJob.Options options) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Long> chunks = new ArrayList<>();
        for (long c = 0; c < plan.chunkCount(); c++) {
            chunks.add(c);
        }
        int tasks = Math.max(1, Math.min(chunks.size(), SweepJob.partitions(jsc, options)));
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", plan.table().kind().columnNames()));
        lines.addAll(jsc.parallelize(chunks, tasks).flatMap(chunk -> {
            List<String> out = new ArrayList<>();
            for (long r = plan.chunkStart(chunk); r < plan.chunkEnd(chunk); r++) {
                for (org.probstab.table.Row row : plan.rows(r)) {
                    out.add(csvLine(plan.table().kind().values(row)));
                }
            }
            return out.iterator();
        }).collect());
        return lines;
    }

    /** One CSV line of a row's values (text with commas or quotes quoted). */
    static String csvLine(java.util.Map<String, Object> values) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (Object v : values.values()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            String s = v == null ? "" : String.valueOf(v);
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            b.append(s);
        }
        return b.toString();
    }

    public static Summary run(SparkSession spark, BoundaryPlan plan, SweepJob.Options options) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        TableOutput out = new TableOutput(plan.spec().outputPath(), jsc.hadoopConfiguration());
        ObjectNode previous = out.prepare(plan.hash(), options.resume(), options.overwrite());
        Instant start = Instant.now();
        String sweepId = plan.sweepId();
        ObjectNode manifest = SweepJob.Manifest.describe(plan.spec(), plan.table().kind(), JSON.createObjectNode());
        manifest.put("sweep_id", sweepId);
        manifest.put("config_hash", plan.hash());
        manifest.set("boundary", JSON.valueToTree(plan.options()));
        manifest.put("chunk_count", plan.chunkCount());
        SweepJob.Manifest.run(manifest, plan.table().kind(), spark, previous, start);
        out.writeManifest(manifest);
        out.clearStaging();

        Set<Long> done = out.completeChunks(sweepId);
        List<Long> missing = new ArrayList<>();
        long missingRows = 0;
        for (long c = 0; c < plan.chunkCount(); c++) {
            if (!done.contains(c)) {
                missing.add(c);
                missingRows += plan.chunkEnd(c) - plan.chunkStart(c);
            }
        }
        int partitions = SweepJob.partitions(jsc, options);
        LOG.info("boundary {}: {} rows in {} chunks of {}; {} chunks to compute on {}", sweepId, plan.rowCount(),
                plan.chunkCount(), plan.chunkRows(), missing.size(), spark.sparkContext().master());
        Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(
                new SerializableConfiguration(jsc.hadoopConfiguration()));
        try {
            ChunkWaves.run(jsc, out, sweepId, "boundary " + sweepId, missing, missingRows, 0, partitions,
                    options.progressEvery(), (chunks, tasks, staged, counter) ->
                            jsc.parallelize(chunks, tasks).mapPartitions(it -> ChunkWaves.writeChunks(it,
                                    Long::longValue, (chunk, file, conf, onRow) -> ChunkParquet.writeRows(
                                            plan.table().kind(), file, conf, rows -> {
                                                for (long r = plan.chunkStart(chunk); r < plan.chunkEnd(chunk); r++) {
                                                    plan.rows(r).forEach(rows);
                                                    onRow.run();
                                                }
                                            }, () -> { }), staged, hadoop, counter)));
        } finally {
            hadoop.destroy();
        }
        out.clearStaging();
        Instant end = Instant.now();
        double seconds = Duration.between(start, end).toNanos() * 1e-9;
        SweepJob.Manifest.complete(manifest, end, missingRows, seconds);
        out.writeManifest(manifest);
        return new Summary(out.root().toString(), sweepId, plan.rowCount(), plan.chunkCount(), missing.size(),
                seconds);
    }
}
