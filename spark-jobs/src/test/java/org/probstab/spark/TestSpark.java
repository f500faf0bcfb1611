package org.probstab.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * One local Spark for all tests of a JVM (a SparkContext costs seconds), rebuilt if a command under test stopped
 * it. Kryo with registration required is on, as in production ({@link Sessions}).
 */
public final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession local2() {
        if (session == null || session.sparkContext().isStopped()) {
            session = Sessions.create("probstab-tests", "local[2]", Map.of("spark.ui.enabled", "false",
                    "spark.sql.shuffle.partitions", "4"));
        }
        return session;
    }

    /** Stops the shared session (before a test needs another master). */
    public static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }

    /**
     * A table as sorted lines, every column except the timing ones, ordered by (sweep_id, cell_id): two runs of a
     * sweep are the same table iff these lists are equal. Doubles print in shortest round-trip form, so equal
     * lines mean bit-identical values.
     */
    public static List<String> canonical(SparkSession spark, String dir) {
        Dataset<Row> df = spark.read().parquet(dir);
        List<String> cols = new ArrayList<>(Arrays.asList(df.columns()));
        cols.removeAll(SparkTables.timingColumns(org.probstab.table.PhaseTable.KIND));
        cols.sort(null);
        List<String> out = new ArrayList<>();
        for (Row r : df.orderBy("sweep_id", "cell_id").select(cols.stream().map(functions::col)
                .toArray(Column[]::new)).collectAsList()) {
            out.add(r.toString());
        }
        return out;
    }
}
