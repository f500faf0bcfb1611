package org.probstab.render;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.probstab.spark.Sessions;

/**
 * One small SparkSession for every Spark test of this module (STYLE 12): local[2], UI off, loopback; rebuilt if a
 * test stopped it. {@code Sessions.create} ends in {@code getOrCreate}, so other test helpers share the same one.
 */
final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null || session.sparkContext().isStopped()) {
            session = Sessions.create("probstab tests", "local[2]", Map.of("spark.ui.enabled", "false",
                    "spark.sql.shuffle.partitions", "4"));
        }
        return session;
    }
}
