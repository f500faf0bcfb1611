package org.probstab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.refine.FractalStatistics;
import org.probstab.table.BoundaryTable;

/**
 * The fractal command's table path on a synthetic boundary of known dimension: a boundary table whose 1025 rows all
 * carry the roots of the same Cantor-type dust along λ (keep the first and third quarter of every interval, 6
 * generations: 64 points, D_C = ln 2/ln 4 = ½), so the boundary is dust × interval with box dimension 3/2. In
 * dyadic boxes the dust's count doubles every second octave (2^⌈k/2⌉ boxes at k), a log-periodic oscillation the fit's
 * SE carries; the dimension is asserted within z = 3 of it.
 */
class FractalJobTest {

    @TempDir
    static Path tmp;

    @AfterAll
    static void done() {
        TestSpark.stop();
    }

    static double[] dust(int generations) {
        List<Double> points = new ArrayList<>();
        points.add(0.0);
        double length = 1;
        for (int g = 0; g < generations; g++) {
            length /= 4;
            List<Double> next = new ArrayList<>();
            for (double p : points) {
                next.add(p);
                next.add(p + 2 * length);
            }
            points = next;
        }
        // Each point sits a sixteenth of its finest interval in, clear of the dyadic box edges.
        double offset = length / 16;
        return points.stream().mapToDouble(p -> p + offset).sorted().toArray();
    }

    @Test
    void aCantorDustBoundaryTableHasItsDimensionThroughTheTablePath() throws IOException {
        SparkSession spark = TestSpark.local2();
        int rows = 1025;
        double[] x = dust(6);
        Path dir = tmp.resolve("dust");
        BoundaryTable kind = BoundaryTable.of(List.of("mu"), Map.of("mu", false));
        Path file = dir.resolve("sweep_id=dust-0/chunk=0/part-00000.snappy.parquet");
        ChunkParquet.writeRows(kind.kind(), new org.apache.hadoop.fs.Path(file.toUri()), new Configuration(), out -> {
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < x.length; i++) {
                    out.accept(kind.kind().newRow().set((org.probstab.table.Column.Real) kind.axes().get(0).column(),
                            r / (rows - 1.0)).set(kind.exponent, "minus").set(kind.root, 2 * x[i])
                            .set(kind.bracketLo, 2 * x[i]).set(kind.bracketHi, 2 * x[i]).set(kind.rootKind,
                                    "crossing").set(kind.rising, i % 2 == 0).build());
                }
            }
        }, () -> { });
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = json.createObjectNode();
        m.put("format", kind.kind().format()).put("status", "complete").put("sweep_id", "dust-0").put("model", "");
        m.putObject("boundary").put("lambda_lo", 0.0).put("lambda_hi", 2.0);
        m.putObject("axes").putArray("lambda").add("0").add("2");
        var mu = ((ObjectNode) m.get("axes")).putArray("mu");
        for (int r = 0; r < rows; r++) {
            mu.add(Double.toString(r / (rows - 1.0)));
        }
        json.writeValue(dir.resolve("_manifest.json").toFile(), m);

        FractalJob.Result result = FractalJob.analyse(spark, dir.toString(), null);
        assertThat(result.rows()).isEqualTo(rows);
        FractalStatistics plane = result.statistics().get(0);
        assertThat(plane.boundary()).isEqualTo("phase");
        assertThat(plane.fitRange()).containsExactly(Math.scalb(1.0, -8), Math.scalb(1.0, -3));
        assertThat(Math.abs(plane.dimension() - 1.5)).as(plane.curve().toString())
                .isLessThanOrEqualTo(3 * plane.dimensionSe());
        assertThat(plane.dimensionSe()).isLessThan(0.1);
        // Along the rows: 64 points each, resolved from 2^-12 on: the count stops at 64 per row, slope 0.
        FractalStatistics along = result.statistics().get(1);
        long[] counts = along.curve().counts();
        assertThat(counts[counts.length - 1]).isEqualTo(64L * rows);

        String written = FractalJob.write(spark, result, tmp.resolve("dust-fractal").toString(), false);
        List<Row> back = spark.read().parquet(written).orderBy("boundary", "counting").collectAsList();
        // phase and minus (the one function), each counted in boxes and along rows.
        assertThat(back).hasSize(4);
        Row first = back.get(0);
        assertThat(first.getString(first.fieldIndex("boundary"))).isEqualTo("minus");
        assertThat(first.getDouble(first.fieldIndex("box_dimension"))).isEqualTo(plane.dimension());
        assertThat(Files.exists(tmp.resolve("dust-fractal/_manifest.json"))).isTrue();
    }
}
