package org.probstab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.probstab.table.CellResult;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.ModelRegistry;
import scala.Tuple2;

/**
 * Kryo with {@code spark.kryo.registrationRequired=true} (DESIGN §5): our types survive a real shuffle, field for
 * field (NaN, −∞, null spectrum and params included), and an unregistered class is refused — so the setting is on.
 */
class KryoRegistrationTest {

    /** A class nobody registered. */
    record Unregistered(double x) implements Serializable {
    }

    @Test
    void cellResultsSurviveAShuffleWithRegistrationRequired() {
        SparkSession spark = TestSpark.local2();
        assertThat(spark.sparkContext().getConf().get("spark.kryo.registrationRequired")).isEqualTo("true");
        assertThat(spark.sparkContext().getConf().get("spark.serializer")).endsWith("KryoSerializer");
        List<CellResult> cells = new ArrayList<>();
        // Quadrature (no SE, spectrum of two), a trajectory cell with a spectrum, a cell with −∞ and NaN columns.
        cells.add(ModelRegistry.evaluate("mf-gaussian", Map.of("lambda", 0.7, "mu", 0.2), EstimatorKind.AUTO, 1, 0));
        cells.add(ModelRegistry.evaluate("random-sym", Map.of("lambda", 0.5, "runs", 4, "steps", 200),
                EstimatorKind.TRAJECTORY, 1, 1));
        cells.add(ModelRegistry.evaluate("mf-two-point", Map.of("lambda", 1.0, "a", -1.0), EstimatorKind.AUTO, 1, 2));
        cells.add(ModelRegistry.evaluate("linreg", Map.of("lambda", 0.3, "N", 8), EstimatorKind.AUTO, 1, 3));
        List<Tuple2<Long, CellResult>> pairs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pairs.add(new Tuple2<>((long) i, cells.get(i % cells.size())));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // partitionBy forces a shuffle: every record is written and read by the Kryo serializer.
        List<Tuple2<Long, CellResult>> back = JavaPairRDD.fromJavaRDD(jsc.parallelize(pairs, 3))
                .partitionBy(new org.apache.spark.HashPartitioner(4))
                .sortByKey()
                .collect();
        assertThat(back).hasSize(40);
        for (Tuple2<Long, CellResult> t : back) {
            CellResult want = cells.get((int) (t._1() % cells.size()));
            assertThat(describe(t._2())).isEqualTo(describe(want));
        }
        assertThat(cells.get(2).exponentMinus()).isEqualTo(Double.NEGATIVE_INFINITY);
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

    static String describe(CellResult r) {
        return r.toString().replaceAll("spectrum=\\[D@[0-9a-f]+", "spectrum=" + java.util.Arrays.toString(r.spectrum()));
    }
}
