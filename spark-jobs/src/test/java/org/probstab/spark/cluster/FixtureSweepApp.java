package org.probstab.spark.cluster;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * TEMPORARY harness fixture until {@code org.probstab.spark.SweepJob} is merged: a Spark application with the
 * sweep's command-line shape ({@code sweep CONF --out DIR [--resume]}) and output layout (Parquet partitioned by
 * {@code sweep_id} and {@code chunk}, one row per {@code cell_id}, an {@code elapsed_ns} that differs between
 * runs), whose cells are a deterministic function of (seed, cell id) and take {@code cell_millis} each. A chunk
 * is complete when its directory has {@code _SUCCESS}; {@code --resume} recomputes only the others.
 */
public final class FixtureSweepApp {

    private FixtureSweepApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || !args[0].equals("sweep") || !args[2].equals("--out")) {
            throw new IllegalArgumentException("usage: sweep CONF --out DIR [--resume]");
        }
        Properties conf = new Properties();
        conf.load(new StringReader(Files.readString(Path.of(args[1]))));
        String out = args[3];
        boolean resume = List.of(args).contains("--resume");
        long cells = Long.parseLong(conf.getProperty("cells"));
        long chunkCells = Long.parseLong(conf.getProperty("chunk_cells"));
        long cellMillis = Long.parseLong(conf.getProperty("cell_millis"));
        long seed = Long.parseLong(conf.getProperty("seed"));
        String sweepId = conf.getProperty("sweep_id");

        SparkSession spark = SparkSession.builder().appName("fixture-sweep").getOrCreate();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(out, "sweep_id=" + sweepId);
            FileSystem fs = root.getFileSystem(jsc.hadoopConfiguration());
            if (fs.exists(root) && !resume) {
                throw new IllegalStateException(out + " exists; use --resume");
            }
            StructType schema = new StructType()
                    .add("cell_id", DataTypes.LongType, false)
                    .add("lambda", DataTypes.DoubleType, false)
                    .add("n", DataTypes.LongType, true)
                    .add("params", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), false)
                    .add("exp_top", DataTypes.DoubleType, false)
                    .add("spectrum", DataTypes.createArrayType(DataTypes.DoubleType), false)
                    .add("phase", DataTypes.StringType, false)
                    .add("elapsed_ns", DataTypes.LongType, false);
            long chunks = (cells + chunkCells - 1) / chunkCells;
            AtomicInteger done = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "fixture-chunk");
                t.setDaemon(true);
                return t;
            });
            List<Future<?>> futures = new ArrayList<>();
            for (long chunk = 0; chunk < chunks; chunk++) {
                org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(root, "chunk=" + chunk);
                if (fs.exists(new org.apache.hadoop.fs.Path(dir, "_SUCCESS"))) {
                    done.incrementAndGet();
                    continue;
                }
                fs.delete(dir, true);
                long first = chunk * chunkCells;
                long end = Math.min(cells, first + chunkCells);
                futures.add(pool.submit(() -> {
                    List<Long> ids = LongStream.range(first, end).boxed().toList();
                    JavaRDD<Row> rows = jsc.parallelize(ids, 1).map(id -> cell(id, seed, cellMillis));
                    spark.createDataFrame(rows, schema).write().parquet(dir.toString());
                    System.err.println("fixture: chunk done, " + done.incrementAndGet() + "/" + chunks);
                    return null;
                }));
            }
            try {
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            spark.stop();
        }
    }

    static Row cell(long id, long seed, long millis) throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(millis);
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
        double lambda = rng.nextDouble();
        double top = rng.nextGaussian();
        double second = top - rng.nextDouble();
        Long n = id % 3 == 0 ? null : 10L + id;
        // Map.of has no order; a TreeMap keeps the written map identical from run to run.
        Map<String, Double> params = new java.util.TreeMap<>(Map.of("d", 2.0, "noise", rng.nextDouble()));
        return RowFactory.create(id, lambda, n, scala.jdk.javaapi.CollectionConverters.asScala(params), top, new double[] {top, second},
                top < 0 ? "collapse" : "divergence", System.nanoTime() - start);
    }

    /** The config file for {@code cells} cells in chunks of {@code chunkCells}, {@code cellMillis} each. */
    static Path writeConf(Path file, String sweepId, long cells, long chunkCells, long cellMillis, long seed)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "sweep_id=" + sweepId + "\ncells=" + cells + "\nchunk_cells=" + chunkCells
                + "\ncell_millis=" + cellMillis + "\nseed=" + seed + "\n");
        return file;
    }
}
