package org.probstab.spark;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.WaveSizing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wave engine shared by every job that writes a table in chunks (DESIGN §5): the chunks still missing, taken in
 * {@link SweepPlan#spreadOrder}, are computed in waves sized by time ({@link WaveSizing}); each wave is one Spark job
 * whose tasks write whole chunks as attempt-private Parquet files ({@link #writeChunks}), and after the job the driver
 * publishes the chunks of the successful attempts ({@link TableOutput#publish}). The driver logs units done / total,
 * units per second and the ETA ("units" are cells for sweeps and refinement levels, rows of other axes for
 * boundaries).
 *
 * <p>What a chunk holds is the caller's: {@link Launch} turns a wave's chunk ids into the RDD whose tasks write them.
 */
final class ChunkWaves {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkWaves.class);

    /** Builds the job of one wave: an RDD whose tasks write the given chunks and report (chunk, attempt) pairs. */
    interface Launch {
        JavaRDD<long[]> wave(List<Long> chunks, int tasks, String stagedDir, LongAccumulator unitsDone);
    }

    /** Writes one chunk into a new Parquet file (task side). */
    @FunctionalInterface
    interface ChunkWriter<T> {
        void write(T chunk, Path file, Configuration conf, Runnable onUnit) throws IOException;
    }

    private ChunkWaves() {
    }

    /**
     * Computes and publishes {@code missing} chunks of table {@code sweepId} in waves.
     *
     * @param label         what the log lines call the run ({@code sweep ID}, {@code refine ID level 3}, …)
     * @param missing       the chunks to compute, in any order (they are spread)
     * @param units         what they hold in total (for progress)
     * @param waveChunks    configured chunks per wave (0: sized by time)
     * @param partitions    tasks per wave
     * @param progressEvery how often to log progress
     */
    static void run(JavaSparkContext jsc, TableOutput out, String sweepId, String label, List<Long> missing,
                    long units, long waveChunks, int partitions, Duration progressEvery, Launch launch)
            throws IOException {
        List<Long> order = SweepPlan.spreadOrder(missing);
        LongAccumulator done = jsc.sc().longAccumulator("probstab " + label);
        Progress progress = new Progress(label, units, done);
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "probstab-progress");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, progressEvery.toMillis());
        reporter.scheduleAtFixedRate(progress::log, every, every, TimeUnit.MILLISECONDS);
        long t00 = System.nanoTime();
        try {
            jsc.setJobGroup("probstab-" + sweepId, "probstab " + label, false);
            double secondsPerChunk = Double.NaN;
            for (int w = 0, next = 0; next < order.size(); w++) {
                int size = WaveSizing.next(waveChunks, partitions, order.size() - next, secondsPerChunk);
                List<Long> chunks = List.copyOf(order.subList(next, next + size));
                next += size;
                long t0 = System.nanoTime();
                Path staged = out.stagingFor(w);
                List<long[]> written = launch.wave(chunks, Math.min(partitions, chunks.size()), staged.toString(),
                        done).collect();
                out.publish(staged, sweepId, chunks, written);
                secondsPerChunk = (System.nanoTime() - t0) * 1e-9 / size;
                LOG.info("{}: wave {} published ({} chunks, {} to go)", label, w + 1, size, order.size() - next);
            }
        } finally {
            reporter.shutdownNow();
            jsc.clearJobGroup();
        }
        progress.finish((System.nanoTime() - t00) * 1e-9);
    }

    /**
     * A task: writes each of its chunks as one Parquet file under a directory of its own attempt,
     * {@code staged/attempt-A/chunk=K/part-K.snappy.parquet}, under a hidden name until the file is closed, and
     * reports (chunk, attempt) for each; the driver publishes exactly the directories of the attempts Spark reports as
     * successful, so a failed or killed attempt's partial files are never published.
     *
     * @param chunkOf the chunk number of an element
     */
    static <T> Iterator<long[]> writeChunks(Iterator<T> chunks, java.util.function.ToLongFunction<T> chunkOf,
                                            ChunkWriter<T> writer, String staged,
                                            Broadcast<SerializableConfiguration> hadoop, LongAccumulator counter)
            throws IOException {
        long attempt = TaskContext.get().taskAttemptId();
        Path attemptDir = TableOutput.attemptDir(new Path(staged), attempt);
        Configuration conf = hadoop.value().value();
        FileSystem fs = attemptDir.getFileSystem(conf);
        List<long[]> written = new ArrayList<>();
        while (chunks.hasNext()) {
            T element = chunks.next();
            long chunk = chunkOf.applyAsLong(element);
            Path dir = new Path(attemptDir, "chunk=" + chunk);
            Path file = new Path(dir, TableOutput.chunkFileName(chunk));
            Path partial = new Path(dir, "." + file.getName() + ".inprogress");
            writer.write(element, partial, conf, () -> counter.add(1));
            if (!fs.rename(partial, file)) {
                throw new IOException("cannot rename " + partial + " to " + file);
            }
            written.add(new long[] {chunk, attempt});
        }
        return written.iterator();
    }

    /** Driver-side progress: units done / total, units per second, ETA. */
    static final class Progress {
        private final String label;
        private final long total;
        private final LongAccumulator done;
        private final long t0 = System.nanoTime();

        Progress(String label, long total, LongAccumulator done) {
            this.label = label;
            this.total = total;
            this.done = done;
        }

        void log() {
            long n = done.value();
            double seconds = (System.nanoTime() - t0) * 1e-9;
            double rate = n / Math.max(seconds, 1e-9);
            String eta = n == 0 ? "?" : formatSeconds((total - n) / rate);
            LOG.info("{}: {}/{} ({}%), {}/s, ETA {}", label, n, total,
                    String.format(Locale.ROOT, "%.1f", 100.0 * n / Math.max(1, total)),
                    String.format(Locale.ROOT, "%.0f", rate), eta);
        }

        void finish(double seconds) {
            // Evaluations exceed the units only when Spark re-ran tasks (a lost executor, a failed attempt).
            LOG.info("{}: {} computed in {} ({}/s; {} evaluations incl. retried tasks)", label, total,
                    formatSeconds(seconds), String.format(Locale.ROOT, "%.0f", total / Math.max(seconds, 1e-9)),
                    done.value());
        }

        static String formatSeconds(double s) {
            long t = Math.round(s);
            return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, (t % 3600) / 60)
                    : t >= 60 ? String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60)
                    : String.format(Locale.ROOT, "%.1fs", s);
        }
    }
}
