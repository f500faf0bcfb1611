package org.probstab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * Kryo with {@code spark.kryo.registrationRequired=true} (DESIGN §5): what our jobs serialize survives a real
 * shuffle, and an unregistered class is refused — so the setting is on.
 */
class KryoRegistrationTest {

    /** A class nobody registered. */
    record Unregistered(double x) implements Serializable {
    }

    /** What a sweep puts through Kryo: chunk ids out to the tasks, (chunk, attempt) pairs back. */
    @Test
    void whatJobsShuffleSurvivesWithRegistrationRequired() {
        SparkSession spark = TestSpark.local2();
        assertThat(spark.sparkContext().getConf().get("spark.kryo.registrationRequired")).isEqualTo("true");
        assertThat(spark.sparkContext().getConf().get("spark.serializer")).endsWith("KryoSerializer");
        List<Tuple2<Long, long[]>> pairs = new ArrayList<>();
        for (long i = 0; i < 40; i++) {
            pairs.add(new Tuple2<>(i, new long[] {i, Long.MAX_VALUE - i}));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // partitionBy forces a shuffle: every record is written and read by the Kryo serializer.
        List<Tuple2<Long, long[]>> back = JavaPairRDD.fromJavaRDD(jsc.parallelize(pairs, 3))
                .partitionBy(new org.apache.spark.HashPartitioner(4))
                .sortByKey()
                .collect();
        assertThat(back).hasSize(40);
        for (Tuple2<Long, long[]> t : back) {
            assertThat(t._2()).containsExactly(t._1(), Long.MAX_VALUE - t._1());
        }
    }

    @Test
    void anUnregisteredClassIsRefused() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(TestSpark.local2().sparkContext());
        List<Tuple2<Integer, Unregistered>> data = List.of(new Tuple2<>(1, new Unregistered(1)),
                new Tuple2<>(2, new Unregistered(2)));
        assertThatThrownBy(() -> JavaPairRDD.fromJavaRDD(jsc.parallelize(data, 2))
                .partitionBy(new org.apache.spark.HashPartitioner(2)).collect())
                .hasStackTraceContaining("Class is not registered");
    }
}
