package org.probstab.figures;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.probstab.lyapunov.TrajectorySample;
import org.probstab.model.ModelRegistry;
import org.probstab.random.StreamSeeds;
import org.probstab.render.Charts;
import org.probstab.render.LineChart;
import org.probstab.render.OverlayLine;
import org.probstab.render.RenderLabels;
import org.probstab.render.TrajectoryChart;
import org.probstab.stability.LogNormalClt;
import org.probstab.table.DataRow;
import org.probstab.table.TableData;

/**
 * Typical against mean-square behaviour (001 Fig. 6, 002 eq. 40–41) for a commuting model swept along λ: the per-step
 * factors e^{2Λ} and E(1 − λh)² against λ, and at the second and the last λ of the sweep, simulated runs of
 * w_{t+1} = (1 − λh_t) w_t from the cell's own law with the typical e^{2Λt}, the mean square (E(1 − λh)²)^t and the
 * CLT 10–90 % band of log w_t² (002 eq. 41) over them.
 *
 * @param runs       simulated runs per trajectory chart
 * @param steps      steps per run
 * @param quickRuns  runs with {@code --quick}
 * @param quickSteps steps with {@code --quick}
 */
public record TrajectoriesFigure(String id, String paper, List<String> configs, String lookFor,
                                 int runs, int steps, int quickRuns, int quickSteps) implements Figure {

    public TrajectoriesFigure {
        configs = List.copyOf(configs);
    }

    @Override
    public List<Path> draw(List<TableData> tables, Path out, boolean quickSize, List<String> notes) {
        TableData table = tables.get(0);
        List<DataRow> cells = new ArrayList<>(table.rows());
        cells.sort(Comparator.comparingDouble(c -> c.get("lambda")));
        double[] lambda = cells.stream().mapToDouble(c -> c.get("lambda")).toArray();
        double[] typical = cells.stream().mapToDouble(c -> Math.exp(2 * c.get("exp_minus"))).toArray();
        double[] meanSquare = cells.stream().mapToDouble(c -> c.get("ms_growth")).toArray();
        List<Path> made = new ArrayList<>();
        Path rates = out.resolve(id + "-rates.png");
        Charts.savePng(LineChart.build(table.manifest().description() + ": per-step growth factors",
                RenderLabels.axis("lambda"), "per-step factor", List.of(
                        new LineChart.Series("typical e^{2Λ}, Λ = E log|1 − λh|", lambda, typical, null),
                        new LineChart.Series("mean square E(1 − λh)²", lambda, meanSquare, null)), 1.0, false,
                1000, 720), rates);
        made.add(rates);
        int r = quickSize ? quickRuns : runs;
        int t = quickSize ? quickSteps : steps;
        for (int index : new int[] {1, cells.size() - 1}) {
            DataRow c = cells.get(index);
            double l = c.get("lambda");
            Path png = out.resolve(String.format(Locale.ROOT, "%s-lambda%.2f.png", id, l));
            made.add(png);
            TrajectorySample sample = TrajectorySample.simulate(ModelRegistry.scalarLaw(table.model(),
                    table.parameters(c), table.manifest().seed()).sampler(), l, r, t,
                    StreamSeeds.streamSeed(table.manifest().seed(), index, StreamSeeds.Purpose.SIMULATION));
            Charts.savePng(chart(sample, c, notes), png);
        }
        return made;
    }

    private static org.knowm.xchart.XYChart chart(TrajectorySample sample, DataRow c, List<String> notes) {
        double lambda = sample.lambda();
        double exponent = c.get("exp_minus");
        double logVariance = c.get("log_var");
        double ms = c.get("ms_growth");
        int steps = sample.steps();
        double[] typ = new double[steps + 1];
        double[] msq = new double[steps + 1];
        double[] lo = new double[steps + 1];
        double[] hi = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            typ[t] = 2 * exponent * t;
            msq[t] = t * Math.log(ms);
            lo[t] = 2 * LogNormalClt.quantile(0.1, t, exponent, logVariance);
            hi[t] = 2 * LogNormalClt.quantile(0.9, t, exponent, logVariance);
        }
        notes.add(String.format(Locale.ROOT, "λ = %.2f, t = %d: median w_t² %.3g vs e^{2Λt} %.3g; mean of %d runs"
                + " %.3g vs (E(1−λh)²)^t %.3g; %.0f %% of runs inside the CLT 10–90 %% band", lambda, steps,
                sample.medianFinalSquare(), Math.exp(typ[steps]), sample.runs(), sample.meanFinalSquare(),
                Math.exp(msq[steps]), 100 * sample.fractionWithin(lo[steps], hi[steps])));
        return TrajectoryChart.build(String.format(Locale.ROOT, "λ = %.2f: %d trajectories w_t² (w_0 = 1)", lambda,
                sample.runs()), sample, List.of(
                        new TrajectoryChart.Curve("typical e^{2Λt}", typ, Color.BLACK, OverlayLine.solid(2.5f)),
                        new TrajectoryChart.Curve("mean square (E(1−λh)²)^t", msq, new Color(0xD55E00),
                                OverlayLine.solid(2.5f)),
                        new TrajectoryChart.Curve("CLT 10 % quantile (002 eq. 41)", lo, new Color(0x0072B2),
                                OverlayLine.dashed(2f)),
                        new TrajectoryChart.Curve("CLT 90 % quantile", hi, new Color(0x0072B2),
                                OverlayLine.dotted(2.4f))), 1000, 720);
    }
}
