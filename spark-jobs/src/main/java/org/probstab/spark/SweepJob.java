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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
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
        int parallelism = Math.max(1, jsc.defaultParallelism());
        int partitions = options.partitions() > 0 ? options.partitions() : 4 * parallelism;
        List<Long> order = SweepPlan.spreadOrder(missing);
        LOG.info("sweep {}: {} cells in {} chunks of {}; {} to compute ({} chunks) in {} on {} ({} tasks per wave)",
                sweepId, plan.cellCount(), plan.chunkCount(), plan.chunkCells(), missingCells, missing.size(),
                spec.waveChunks() > 0 ? "waves of " + spec.waveChunks() + " chunks"
                        : String.format(java.util.Locale.ROOT, "waves of ~%.0f s", WaveSizing.TARGET_SECONDS),
                spark.sparkContext().master(), partitions);

        LongAccumulator cellsDone = jsc.sc().longAccumulator("probstab cells");
        Progress progress = new Progress(sweepId, missingCells, cellsDone);
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "probstab-progress");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, options.progressEvery().toMillis());
        reporter.scheduleAtFixedRate(progress::log, every, every, TimeUnit.MILLISECONDS);
        // The Hadoop client's configuration (file system, credentials), shipped once per run rather than per task.
        Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(
                new SerializableConfiguration(jsc.hadoopConfiguration()));
        try {
            jsc.setJobGroup("probstab-" + sweepId, "probstab sweep " + sweepId, false);
            double secondsPerChunk = Double.NaN;
            for (int w = 0, next = 0; next < order.size(); w++) {
                int size = WaveSizing.next(spec.waveChunks(), partitions, order.size() - next, secondsPerChunk);
                List<Long> chunks = List.copyOf(order.subList(next, next + size));
                next += size;
                long t0 = System.nanoTime();
                Path staged = out.stagingFor(w);
                String stagedDir = staged.toString();
                JavaRDD<Long> rdd = jsc.parallelize(chunks, Math.min(partitions, chunks.size()));
                List<long[]> written = rdd.mapPartitions(it -> writeChunks(plan, evaluator, it, stagedDir, hadoop,
                        cellsDone))
                        .collect();
                out.publish(staged, sweepId, chunks, written);
                secondsPerChunk = (System.nanoTime() - t0) * 1e-9 / size;
                LOG.info("sweep {}: wave {} published ({} chunks, {} to go)", sweepId, w + 1, size,
                        order.size() - next);
            }
        } finally {
            hadoop.destroy();
            reporter.shutdownNow();
            jsc.clearJobGroup();
        }
        out.clearStaging();
        Instant end = Instant.now();
        double seconds = Duration.between(start, end).toNanos() * 1e-9;
        progress.finish(seconds);
        Manifest.complete(manifest, end, missingCells, seconds);
        out.writeManifest(manifest);
        return new Summary(out.root().toString(), sweepId, plan.cellCount(), plan.chunkCount(), missing.size(),
                missingCells, seconds);
    }

    /**
     * A task: computes its chunks one cell at a time and writes each chunk as one Parquet file under a directory of
     * its own attempt, {@code staged/attempt-A/chunk=K/part-K.snappy.parquet}. It reports (chunk, attempt) for each
     * chunk; the driver publishes exactly the directories of the attempts Spark reports as successful, so a failed or
     * killed attempt's partial files are never published (they go with the staging directory).
     */
    static Iterator<long[]> writeChunks(SweepPlan plan, ChunkEvaluator evaluator, Iterator<Long> chunks,
                                        String staged, Broadcast<SerializableConfiguration> hadoop,
                                        LongAccumulator counter)
            throws IOException {
        long attempt = TaskContext.get().taskAttemptId();
        Path attemptDir = TableOutput.attemptDir(new Path(staged), attempt);
        Configuration conf = hadoop.value().value();
        FileSystem fs = attemptDir.getFileSystem(conf);
        List<long[]> written = new ArrayList<>();
        while (chunks.hasNext()) {
            long chunk = chunks.next();
            Path dir = new Path(attemptDir, "chunk=" + chunk);
            // Written under a hidden name (ignored by Spark's readers), renamed once closed: a part-* file is whole.
            Path file = new Path(dir, TableOutput.chunkFileName(chunk));
            Path partial = new Path(dir, "." + file.getName() + ".inprogress");
            ChunkParquet.writeChunk(plan, evaluator, chunk, GRID_LEVEL, partial, conf, () -> counter.add(1));
            if (!fs.rename(partial, file)) {
                throw new IOException("cannot rename " + partial + " to " + file);
            }
            written.add(new long[] {chunk, attempt});
        }
        return written.iterator();
    }

    /** Driver-side progress: cells done / total, cells per second, ETA. */
    static final class Progress {
        private final String sweepId;
        private final long total;
        private final LongAccumulator done;
        private final long t0 = System.nanoTime();

        Progress(String sweepId, long total, LongAccumulator done) {
            this.sweepId = sweepId;
            this.total = total;
            this.done = done;
        }

        void log() {
            long n = done.value();
            double seconds = (System.nanoTime() - t0) * 1e-9;
            double rate = n / Math.max(seconds, 1e-9);
            String eta = n == 0 ? "?" : formatSeconds((total - n) / rate);
            LOG.info("sweep {}: {}/{} cells ({}%), {} cells/s, ETA {}", sweepId, n, total,
                    String.format(java.util.Locale.ROOT, "%.1f", 100.0 * n / Math.max(1, total)),
                    String.format(java.util.Locale.ROOT, "%.0f", rate), eta);
        }

        void finish(double seconds) {
            // Evaluations exceed the cells only when Spark re-ran tasks (a lost executor, a failed attempt).
            LOG.info("sweep {}: {} cells computed in {} ({} cells/s; {} evaluations incl. retried tasks)", sweepId,
                    total, formatSeconds(seconds),
                    String.format(java.util.Locale.ROOT, "%.0f", total / Math.max(seconds, 1e-9)), done.value());
        }

        static String formatSeconds(double s) {
            long t = Math.round(s);
            return t >= 3600 ? String.format("%dh%02dm", t / 3600, (t % 3600) / 60)
                    : t >= 60 ? String.format("%dm%02ds", t / 60, t % 60) : String.format(java.util.Locale.ROOT,
                    "%.1fs", s);
        }
    }

    /** The {@code _manifest.json} beside the table (DESIGN §4). */
    static final class Manifest {
        private static final ObjectMapper JSON = new ObjectMapper();

        static ObjectNode of(SweepPlan plan, SparkSession spark, ObjectNode previous, Instant now)
                throws IOException {
            SweepSpec spec = plan.spec();
            ObjectNode m = JSON.createObjectNode();
            m.put("format", plan.kind().format());
            m.put("sweep_id", spec.sweepId());
            m.put("name", spec.name());
            m.put("description", spec.description());
            m.put("model", spec.model());
            m.put("estimator", spec.estimator().label());
            m.put("seed", spec.seed());
            m.put("config_hash", spec.hash());
            m.set("config", JSON.readTree(spec.canonical()));
            m.set("axes", JSON.valueToTree(spec.axisSummary()));
            m.put("cell_count", plan.cellCount());
            m.put("chunk_cells", plan.chunkCells());
            m.put("chunk_count", plan.chunkCount());
            m.put("code_version", BuildInfo.version());
            m.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
            m.put("spark_version", spark.version());
            m.put("rng_algorithm", StreamSeeds.ALGORITHMS);
            m.put("partition_columns", String.join(",", plan.kind().partitions().stream()
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
