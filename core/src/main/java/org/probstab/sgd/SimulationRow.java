package org.probstab.sgd;

import java.util.Map;
import java.util.TreeMap;
import org.probstab.param.CellParameters;
import org.probstab.table.CellTable;
import org.probstab.table.Row;
import org.probstab.table.SimulationTable;

/**
 * A {@link SimulationOutcome} as a row of {@link SimulationTable}: the cell columns (λ; batch size 1; the
 * simulator's N; every other numeric parameter but runs and steps in {@code params}), then each part of the outcome
 * in its columns, null where the simulator has no such part. A distance-from-saddle curve with an exponential fit
 * (the ReLU escape) puts its rate, SE and window in the escape-rate columns when there are no escape statistics.
 */
final class SimulationRow {

    private SimulationRow() {
    }

    static void fill(Simulator s, CellParameters p, SimulationOutcome o, Row.Builder out) {
        Map<String, Double> params = new TreeMap<>(p.numbers());
        params.remove(SimulationParameters.LAMBDA);
        params.remove(SimulationParameters.RUNS);
        params.remove(SimulationParameters.STEPS);
        out.set(CellTable.MODEL, s.name())
                .set(CellTable.LAMBDA, p.number(SimulationParameters.LAMBDA))
                .set(CellTable.MU, Double.NaN)
                .set(CellTable.BATCH_SIZE, 1)
                .set(CellTable.N, s.datasetSize())
                .set(CellTable.PARAMS, params)
                .set(SimulationTable.OPTIMIZER, p.text(SimulationParameters.OPTIMIZER))
                .set(SimulationTable.LOSS, s.loss(p))
                .set(SimulationTable.START, p.has(SimulationParameters.START) ? p.text(SimulationParameters.START)
                        : null)
                .set(SimulationTable.RNG_ALGORITHM, o.algorithm())
                .set(SimulationTable.RUNS, o.runs())
                .set(SimulationTable.STEPS, o.steps());
        EscapeStatistics e = o.escape();
        if (e != null) {
            out.set(SimulationTable.ESCAPE_PROBABILITY, e.probability())
                    .set(SimulationTable.ESCAPE_PROBABILITY_SE, e.probabilitySe())
                    .set(SimulationTable.ESCAPE_RATE, e.rate())
                    .set(SimulationTable.ESCAPE_RATE_SE, e.rateSe())
                    .set(SimulationTable.ESCAPE_WINDOW, new double[] {e.windowStart(),
                            e.windowStart() + e.windowLength()});
        }
        ParameterHistogram h = o.histogram();
        if (h != null) {
            out.set(SimulationTable.HISTOGRAM_PARAMETER, h.coordinate())
                    .set(SimulationTable.HISTOGRAM_EDGES, h.edges())
                    .set(SimulationTable.HISTOGRAM_COUNTS, h.counts())
                    .set(SimulationTable.HISTOGRAM_BELOW, h.below())
                    .set(SimulationTable.HISTOGRAM_ABOVE, h.above())
                    .set(SimulationTable.HISTOGRAM_NON_FINITE, h.nonFinite());
        }
        SolutionCensus c = o.solutions();
        if (c != null) {
            Map<String, Double> fractions = new TreeMap<>();
            Map<String, Double> losses = new TreeMap<>();
            double[] f = c.fractions();
            double[] l = c.meanTestLoss();
            for (int i = 0; i < f.length; i++) {
                fractions.put(c.names().get(i), f[i]);
                if (!Double.isNaN(l[i])) {
                    losses.put(c.names().get(i), l[i]);
                }
            }
            out.set(SimulationTable.SOLUTION_FRACTIONS, fractions)
                    .set(SimulationTable.SOLUTION_LOSSES, losses)
                    .set(SimulationTable.GENERALISATION_LOSS, c.overallTestLoss());
        }
        SparsityEstimate sparsity = o.sparsity();
        if (sparsity != null) {
            out.set(SimulationTable.SPARSITY, sparsity.mean()).set(SimulationTable.SPARSITY_SE,
                    sparsity.standardError());
        }
        SaddleEscapeCurve curve = o.saddle();
        if (curve != null) {
            long[] times = curve.times();
            double[] t = new double[times.length];
            double[] values = new double[times.length * curve.levels().length];
            for (int i = 0; i < times.length; i++) {
                t[i] = times[i];
                for (int k = 0; k < curve.levels().length; k++) {
                    values[i * curve.levels().length + k] = curve.quantile(i, k);
                }
            }
            out.set(SimulationTable.QUANTILE_TIMES, t)
                    .set(SimulationTable.QUANTILE_LEVELS, curve.levels())
                    .set(SimulationTable.QUANTILE_VALUES, values);
            if (e == null && !Double.isNaN(curve.rate())) {
                out.set(SimulationTable.ESCAPE_RATE, curve.rate())
                        .set(SimulationTable.ESCAPE_RATE_SE, curve.rateSe())
                        .set(SimulationTable.ESCAPE_WINDOW, new double[] {curve.fitStart(), curve.fitEnd()});
            }
        }
        LinearisedTheory theory = o.theory();
        if (theory != null) {
            out.set(SimulationTable.EXP_MINUS, theory.expMinus())
                    .set(SimulationTable.EXP_MINUS_SE, theory.expMinusSe())
                    .set(SimulationTable.EXP_PLUS, theory.expPlus())
                    .set(SimulationTable.LOG_VAR, theory.logVariance())
                    .set(SimulationTable.MS_GROWTH, theory.meanSquareFactor())
                    .set(SimulationTable.THEORY_METHOD, theory.method());
        }
        Map<String, Double> extras = new TreeMap<>();
        o.extras().forEach((k, v) -> {
            if (!Double.isNaN(v)) {
                extras.put(k, v);
            }
        });
        out.set(SimulationTable.EXTRAS, extras);
    }
}
