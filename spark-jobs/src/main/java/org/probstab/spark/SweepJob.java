package org.probstab.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;
import org.probstab.random.StreamSeeds;
import org.probstab.sweep.WaveSizing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep on Spark (DESIGN §5): the plan's chunks (ranges of cell ids), taken in {@link SweepPlan#spreadOrder},
 * are evaluated in waves sized by time ({@link WaveSizing}). A wave is one Spark job whose tasks each take a few
 * whole chunks, call {@code core} for every cell and write each chunk as one Parquet file ({@link ChunkParquet});
 * after the job the driver publishes the chunks of the successful attempts into the table ({@link TableOutput}).
 * The driver logs cells done / total, cells per second and the ETA.
 *
 * <p>DESIGN §5 asks for Spark's commit protocol. Spark SQL's writer, which would bring it, converts every row into
 * Spark's internal format first, and for our 26-column rows that cost two to three times the cell itself; so the
 * job does the same two-phase commit itself: attempt-private output, published only for the attempts Spark reports
 * as successful, by atomic directory renames.
 *
 * <p>Every row is a pure function of (spec, cell id), so the table does not depend on the number of partitions or
 * executors, on task retries, or on how many runs a resumed sweep took.
 */
public final class SweepJob {

    private static final Logger LOG = LoggerFactory.getLogger(SweepJob.class);

    /** Refinement level of a plain grid sweep (DESIGN §4 {@code level}). */
    public static final int GRID_LEVEL = 0;

    /** How a run treats existing output and how it spreads work. */
    public record Options(boolean resume, boolean overwrite, int partitions, Duration progressEvery) {

        public Options {
            if (resume && overwrite) {
                throw org.probstab.config.InvalidInputException.of("--resume", "--resume and --overwrite exclude"
                        + " each other: allowed one of them");
            }
            if (partitions < 0) {
                throw org.probstab.config.InvalidInputException.outOfRange("--partitions", partitions,
                        "integers >= 0 (0 = 4 per core)");
            }
        }

        public static Options defaults() {
            return new Options(false, false, 0, Duration.ofSeconds(5));
        }
    }

    /** What a run did. */
    public record Summary(String output, String sweepId, long cells, long chunks, long computedChunks,
                          long computedCells, double seconds) {
    }

    private SweepJob() {
    }

    public static Summary run(SparkSession spark, SweepPlan plan, Options options) throws IOException {
        return run(spark, plan, options, ChunkEvaluator.CELL_BY_CELL);
    }

    /** Runs a sweep whose chunks {@code evaluator} computes (e.g. deep-net cells trained together). */
    public static Summary run(SparkSession spark, SweepPlan plan, Options options, ChunkEvaluator evaluator)
            throws IOException {
        SweepSpec spec = plan.spec();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        TableOutput out = new TableOutput(spec.outputPath(), jsc.hadoopConfiguration());
        ObjectNode previous = out.prepare(spec.hash(), options.resume(), options.overwrite());

        Instant start = Instant.now();
        String sweepId = spec.sweepId();
        ObjectNode manifest = Manifest.of(plan, spark, previous, start);
        out.writeManifest(manifest);
        out.clearStaging();

        Set<Long> done = out.completeChunks(sweepId);
        List<Long> missing = new ArrayList<>();
        for (long c = 0; c < plan.chunkCount(); c++) {
            if (!done.contains(c)) {
                missing.add(c);
            }
        }
        long missingCells = 0;
        for (long c : missing) {
            missingCells += plan.chunkEnd(c) - plan.chunkStart(c);
        }
        int partitions = partitions(jsc, options);
        LOG.info("sweep {}: {} cells in {} chunks of {}; {} to compute ({} chunks) in {} on {} ({} tasks per wave)",
                sweepId, plan.cellCount(), plan.chunkCount(), plan.chunkCells(), missingCells, missing.size(),
                spec.waveChunks() > 0 ? "waves of " + spec.waveChunks() + " chunks"
                        : String.format(java.util.Locale.ROOT, "waves of ~%.0f s", WaveSizing.TARGET_SECONDS),
                spark.sparkContext().master(), partitions);

        // The Hadoop client's configuration (file system, credentials), shipped once per run rather than per task.
        Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(
                new SerializableConfiguration(jsc.hadoopConfiguration()));
        try {
            ChunkWaves.run(jsc, out, sweepId, "sweep " + sweepId, missing, missingCells, spec.waveChunks(),
                    partitions, options.progressEvery(), (chunks, tasks, staged, counter) ->
                            jsc.parallelize(chunks, tasks).mapPartitions(it -> writeChunks(plan, evaluator, it,
                                    staged, hadoop, counter)));
        } finally {
            hadoop.destroy();
        }
        out.clearStaging();
        Instant end = Instant.now();
        double seconds = Duration.between(start, end).toNanos() * 1e-9;
        Manifest.complete(manifest, end, missingCells, seconds);
        out.writeManifest(manifest);
        return new Summary(out.root().toString(), sweepId, plan.cellCount(), plan.chunkCount(), missing.size(),
                missingCells, seconds);
    }

    /** Tasks per wave: as given, else 4 per core of the cluster. */
    static int partitions(JavaSparkContext jsc, Options options) {
        return options.partitions() > 0 ? options.partitions() : 4 * Math.max(1, jsc.defaultParallelism());
    }

    /**
     * A task: computes its chunks one cell at a time and writes each chunk as one Parquet file of its own attempt
     * ({@link ChunkWaves#writeChunks}).
     */
    static Iterator<long[]> writeChunks(SweepPlan plan, ChunkEvaluator evaluator, Iterator<Long> chunks,
                                        String staged, Broadcast<SerializableConfiguration> hadoop,
                                        LongAccumulator counter)
            throws IOException {
        return ChunkWaves.writeChunks(chunks, Long::longValue, (chunk, file, conf, onCell) ->
                ChunkParquet.writeChunk(plan, evaluator, chunk, GRID_LEVEL, file, conf, onCell), staged, hadoop,
                counter);
    }

    /** The {@code _manifest.json} beside the table (DESIGN §4). */
    static final class Manifest {
        private static final ObjectMapper JSON = new ObjectMapper();

        static ObjectNode of(SweepPlan plan, SparkSession spark, ObjectNode previous, Instant now)
                throws IOException {
            ObjectNode m = describe(plan.spec(), plan.kind(), JSON.createObjectNode());
            m.put("cell_count", plan.cellCount());
            m.put("chunk_cells", plan.chunkCells());
            m.put("chunk_count", plan.chunkCount());
            return run(m, plan.kind(), spark, previous, now);
        }

        /** What the sweep is: format, ids, the config and its axes. */
        static ObjectNode describe(SweepSpec spec, org.probstab.table.TableKind kind, ObjectNode m)
                throws IOException {
            m.put("format", kind.format());
            m.put("sweep_id", spec.sweepId());
            m.put("name", spec.name());
            m.put("description", spec.description());
            m.put("model", spec.model());
            m.put("estimator", spec.estimator().label());
            m.put("seed", spec.seed());
            m.put("config_hash", spec.hash());
            m.set("config", JSON.readTree(spec.canonical()));
            m.set("axes", JSON.valueToTree(spec.axisSummary()));
            return m;
        }

        /** How it is run: code, JDK, Spark, generator, partitioning, runs and status. */
        static ObjectNode run(ObjectNode m, org.probstab.table.TableKind kind, SparkSession spark,
                              ObjectNode previous, Instant now) {
            m.put("code_version", BuildInfo.version());
            m.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
            m.put("spark_version", spark.version());
            m.put("rng_algorithm", StreamSeeds.ALGORITHM);
            m.put("partition_columns", String.join(",", kind.partitions().stream()
                    .map(org.probstab.table.TableKind.PartitionColumn::name).toList()));
            m.put("started", previous != null ? previous.path("started").asText(now.toString()) : now.toString());
            m.put("runs", previous != null ? previous.path("runs").asInt(1) + 1 : 1);
            m.put("last_run_started", now.toString());
            m.put("master", spark.sparkContext().master());
            m.put("status", "running");
            return m;
        }

        static void complete(ObjectNode m, Instant end, long computedCells, double seconds) {
            m.put("status", "complete");
            m.put("finished", end.toString());
            m.put("last_run_cells", computedCells);
            m.put("last_run_seconds", seconds);
        }
    }
}
