package org.probstab.notebooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.probstab.sgd.EscapeStatistics;
import org.probstab.sgd.LinearisedTheory;
import org.probstab.sgd.Optimizer;
import org.probstab.sgd.ParameterHistogram;
import org.probstab.sgd.SimulationOutcome;
import org.probstab.sgd.TwoPointLoss;
import org.probstab.sgd.TwoPointSaddleSimulation;
import org.probstab.spark.ChunkParquet;
import org.probstab.table.CellTable;
import org.probstab.table.Row;
import org.probstab.table.SimulationTable;

/**
 * A simulation-outcome table written without the command line, for the {@code escape} note while the simulators are
 * not models of this tree's catalogue ({@code probstab sweep} cannot run {@code sgd-two-point} here). The rows are
 * real: SGD on the two-point saddle (002 §6.2) simulated by {@link TwoPointSaddleSimulation} with its linearised theory,
 * on the grid of {@code conf/fig-sgd-two-point-escape-rate.conf} at its quick size (a ∈ {−1, −0.5, −0.25}, 9 λ from
 * 0.04 to 1.5, 1000 runs of 50 steps, escape window [0, 50]), filled into the columns {@link SimulationTable} declares
 * and written by the project's Parquet writer ({@link ChunkParquet#writeRows}) in the table layout
 * ({@code sweep_id=…/chunk=0/}) with a {@code _manifest.json} of format {@code probstab-simulation-table/1}. Stream
 * seed of a cell: its cell id + 1.
 */
final class SimulationStandIn {

    static final String CONFIG = "fig-sgd-two-point-escape-rate.conf";
    static final List<Double> A = List.of(-1.0, -0.5, -0.25);
    static final double LAMBDA_FROM = 0.04;
    static final double LAMBDA_TO = 1.5;
    static final int LAMBDA_STEPS = 9;
    static final int RUNS = 1000;
    static final long STEPS = 50;

    private SimulationStandIn() {
    }

    /** Writes the table into {@code dir} (a new directory). */
    static void write(Path dir) {
        String sweepId = "fig-sgd-two-point-escape-rate-standin";
        Path file = dir.resolve("sweep_id=" + sweepId).resolve("chunk=0").resolve("part-00000.parquet");
        try {
            Files.createDirectories(file.getParent());
            long rows = ChunkParquet.writeRows(SimulationTable.KIND, new org.apache.hadoop.fs.Path(file.toUri()),
                    new Configuration(), out -> {
                        long cellId = 0;
                        for (double a : A) {
                            for (int i = 0; i < LAMBDA_STEPS; i++) {
                                double lambda = LAMBDA_FROM + (LAMBDA_TO - LAMBDA_FROM) * i / (LAMBDA_STEPS - 1);
                                out.accept(row(cellId, a, lambda));
                                cellId++;
                            }
                        }
                    }, () -> { });
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode m = json.createObjectNode();
            m.put("format", SimulationTable.KIND.format());
            m.put("sweep_id", sweepId);
            m.put("name", "fig-sgd-two-point-escape-rate");
            m.put("model", TwoPointSaddleSimulation.NAME);
            m.put("status", "complete");
            m.put("cell_count", rows);
            m.put("rng_algorithm", "xoshiro256+");
            Files.writeString(dir.resolve("_manifest.json"), json.writeValueAsString(m));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(long cellId, double a, double lambda) {
        long start = System.nanoTime();
        TwoPointSaddleSimulation.Settings s = TwoPointSaddleSimulation.Settings
                .of(a, TwoPointLoss.QUADRATIC, Optimizer.sgd(lambda)).withRunsAndSteps(RUNS, STEPS).withWindow(0, STEPS);
        SimulationOutcome o = TwoPointSaddleSimulation.outcome(s, TwoPointSaddleSimulation.run(s, cellId + 1));
        EscapeStatistics e = o.escape();
        ParameterHistogram h = o.histogram();
        LinearisedTheory t = o.theory();
        Row.Builder b = SimulationTable.KIND.newRow()
                .set(CellTable.CELL_ID, cellId).set(CellTable.LEVEL, 0).set(CellTable.MODEL, o.simulator())
                .set(CellTable.LAMBDA, lambda).set(CellTable.BATCH_SIZE, 1).set(CellTable.PARAMS, Map.of("a", a))
                .set(SimulationTable.OPTIMIZER, "sgd").set(SimulationTable.LOSS, TwoPointLoss.QUADRATIC.label())
                .set(SimulationTable.START, "uniform").set(SimulationTable.RUNS, o.runs())
                .set(SimulationTable.STEPS, o.steps()).set(SimulationTable.ESCAPE_PROBABILITY, e.probability())
                .set(SimulationTable.ESCAPE_RATE, e.rate()).set(SimulationTable.ESCAPE_RATE_SE, e.rateSe())
                .set(SimulationTable.ESCAPE_WINDOW, new double[] {e.windowStart(), e.windowStart() + e.windowLength()})
                .set(SimulationTable.HISTOGRAM_EDGES, h.edges()).set(SimulationTable.HISTOGRAM_COUNTS, h.counts())
                .set(SimulationTable.EXP_MINUS, t.expMinus()).set(SimulationTable.THEORY_METHOD, t.method());
        return b.set(SimulationTable.ELAPSED_NS, System.nanoTime() - start).build();
    }
}
