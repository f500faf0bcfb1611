package org.probstab.stability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.probstab.special.RunningMoments;

/**
 * Phase fractions over an ensemble of finite datasets (DESIGN §2, §6): at each value of a grouping axis (N), the
 * fraction of a dataset's cells in each phase, averaged over the datasets (one per {@code data_seed}), with the
 * standard error across datasets, SE = s/√k (s the sample standard deviation of the k per-dataset fractions; a
 * dataset without a phase counts as fraction 0).
 *
 * <p>Two views of the same cells:
 * <ul>
 *   <li><b>absolute</b> — the table's phases, relative to the population's sign of correlation (μ &gt; 0: phase I is
 *       correct learning, II learning the wrong sign, w → −u);</li>
 *   <li><b>relative</b> — relative to the dataset's own mean curvature χ̄ = (1/N) Σ χ_i ({@code chi_mean}): a dataset
 *       with χ̄ &lt; 0 is itself negatively correlated, and its empirical risk is minimised at w = −u, so there phases
 *       I and II trade places ({@link #relative}). What remains in II is genuine wrong-sign learning: against the
 *       data's own sign.</li>
 * </ul>
 * Phases Ia and Ib are reported together as I in both views (the mean-square split does not carry over to the
 * exchanged modes).
 */
public final class PhaseFractions {

    /** The merged label of phases Ia and Ib. */
    public static final String I = "I";

    /**
     * One count: cells of one dataset at one group value in one phase.
     *
     * @param group    the grouping value (e.g. N; +∞ for N = ∞)
     * @param dataset  the dataset (its data seed)
     * @param absolute the cell's phase with Ia, Ib merged ({@link #merged})
     * @param relative its phase relative to the dataset's sign ({@link #relative})
     * @param cells    how many cells
     */
    public record Count(double group, double dataset, String absolute, String relative, long cells) {
    }

    /**
     * One line of the result.
     *
     * @param group       the grouping value
     * @param phase       the phase
     * @param datasets    k, the datasets at this group value
     * @param fraction    mean over datasets of the fraction of cells in this phase (absolute view)
     * @param fractionSe  its standard error across datasets (NaN for k = 1)
     * @param relative    the same in the relative view
     * @param relativeSe  its standard error
     */
    public record Fraction(double group, String phase, int datasets, double fraction, double fractionSe,
                           double relative, double relativeSe) {
    }

    private PhaseFractions() {
    }

    /** Ia and Ib as I; other labels unchanged. */
    public static String merged(String phase) {
        return phase.equals(Phase.IA.label()) || phase.equals(Phase.IB.label()) ? I : phase;
    }

    /**
     * The phase relative to the dataset's sign of correlation: with χ̄ &lt; 0, I (Ia, Ib) and II exchange; otherwise
     * (χ̄ ≥ 0, or NaN at N = ∞, where the population's sign is the data's) the merged phase.
     */
    public static String relative(String phase, double chiMean) {
        String m = merged(phase);
        if (!(chiMean < 0)) {
            return m;
        }
        return m.equals(I) ? Phase.II.label() : m.equals(Phase.II.label()) ? I : m;
    }

    /** Fractions per group and phase, groups ascending, phases in label order. */
    public static List<Fraction> of(List<Count> counts) {
        // group -> dataset -> phase -> {absolute, relative} cells; and totals
        Map<Double, Map<Double, Map<String, long[]>>> byGroup = new TreeMap<>();
        Map<Double, Map<Double, Long>> totals = new TreeMap<>();
        TreeSet<String> phases = new TreeSet<>();
        for (Count c : counts) {
            if (c.cells() < 0) {
                throw new IllegalArgumentException("negative count " + c);
            }
            Map<String, long[]> m = byGroup.computeIfAbsent(c.group(), g -> new TreeMap<>())
                    .computeIfAbsent(c.dataset(), d -> new TreeMap<>());
            m.computeIfAbsent(c.absolute(), p -> new long[2])[0] += c.cells();
            m.computeIfAbsent(c.relative(), p -> new long[2])[1] += c.cells();
            totals.computeIfAbsent(c.group(), g -> new TreeMap<>()).merge(c.dataset(), c.cells(), Long::sum);
            phases.add(c.absolute());
            phases.add(c.relative());
        }
        List<Fraction> out = new ArrayList<>();
        for (Map.Entry<Double, Map<Double, Map<String, long[]>>> g : byGroup.entrySet()) {
            Map<Double, Long> total = totals.get(g.getKey());
            int k = g.getValue().size();
            for (String phase : phases) {
                double[] abs = new double[k];
                double[] rel = new double[k];
                int i = 0;
                for (Map.Entry<Double, Map<String, long[]>> d : g.getValue().entrySet()) {
                    long[] n = d.getValue().getOrDefault(phase, new long[2]);
                    double t = total.get(d.getKey());
                    abs[i] = n[0] / t;
                    rel[i] = n[1] / t;
                    i++;
                }
                out.add(new Fraction(g.getKey(), phase, k, mean(abs), standardError(abs), mean(rel),
                        standardError(rel)));
            }
        }
        return out;
    }

    static double mean(double[] v) {
        return RunningMoments.mean(v);
    }

    /** s/√k with the sample standard deviation s; NaN for k &lt; 2. */
    static double standardError(double[] v) {
        int k = v.length;
        if (k < 2) {
            return Double.NaN;
        }
        return Math.sqrt(RunningMoments.sumOfSquaredDeviations(v, mean(v)) / (k - 1) / k);
    }
}
