package org.probstab.boundary;

import java.util.Arrays;
import org.probstab.config.InvalidInputException;
import org.probstab.law.FiniteDataset;
import org.probstab.lyapunov.BatchEnumeration;

/**
 * The atoms of a finite batch law: the values χ_B a minibatch mean can take and their probabilities, the input of
 * the exact finite-N boundaries (DESIGN §6). Λ₋(λ) = Σ_B w_B log|1 − λχ_B| and Λ₊(λ) = Σ_B w_B log|1 + λχ_B|.
 * <ul>
 *   <li>S = 1: the N values χ_i, each with weight 1/N ({@link #ofSamples}).</li>
 *   <li>S &gt; 1: one atom per distinct index multiset (with replacement; multinomial probability) or subset
 *       (without; probability 1/C(N, S)), with χ_B computed exactly as {@link BatchEnumeration} computes it for
 *       the phase table's exponents ({@link #ofDataset}). Equal values of distinct batches stay separate atoms
 *       here; the boundary code treats equal values as one pole of summed weight.</li>
 * </ul>
 * Weights need only be proportional to probabilities: the roots and stripe widths of Λ± do not change when all
 * weights are scaled by one factor. Atoms with χ_B = 0 are legal (their terms are 0 for every λ).
 *
 * <p>The arrays are copied on construction; {@link #values()} and {@link #weights()} return copies.
 */
public final class BatchAtoms {

    private final double[] values;
    private final double[] weights;

    /**
     * @param values  χ_B, finite
     * @param weights the atoms' probabilities (or any common multiple), finite and &gt; 0, as many as values
     */
    public BatchAtoms(double[] values, double[] weights) {
        this(values.clone(), weights.clone(), true);
    }

    /** Takes the arrays without copying ({@code owned}: the caller gives them up). */
    private BatchAtoms(double[] values, double[] weights, boolean owned) {
        if (values.length == 0 || values.length != weights.length) {
            throw new IllegalArgumentException("atoms need as many weights as values (at least one), got "
                    + values.length + " values and " + weights.length + " weights");
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("atom values must be finite, got " + values[k]);
            }
            if (!(weights[k] > 0) || weights[k] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("atom weights must be in (0, inf), got " + weights[k]);
            }
        }
        this.values = values;
        this.weights = weights;
    }

    /** S = 1: the samples χ_i, each with weight 1/N (as {@link BatchEnumeration} weighs a batch of one). */
    public static BatchAtoms ofSamples(double[] chi) {
        double[] w = new double[chi.length];
        Arrays.fill(w, 1.0 / chi.length);
        return new BatchAtoms(chi.clone(), w, true);
    }

    /**
     * The batch law of a finite dataset with batch size S, by {@link BatchEnumeration#forEachBatch}.
     *
     * @param budget the most batches to enumerate (the {@code enum_budget} of an estimator)
     * @throws InvalidInputException when S &gt; N without replacement or the batch count exceeds the budget
     */
    public static BatchAtoms ofDataset(FiniteDataset data, int batchSize, boolean withReplacement, long budget) {
        if (batchSize < 1) {
            throw InvalidInputException.outOfRange("S", batchSize, "integers >= 1");
        }
        long count = BatchEnumeration.batchCount(data.size(), batchSize, withReplacement);
        if (count == 0) {
            throw InvalidInputException.outOfRange("S", batchSize, "1 to N = " + data.size()
                    + " without replacement");
        }
        if (count > budget || count > Integer.MAX_VALUE - 8) {
            throw InvalidInputException.outOfRange("enum_budget", budget, "at least the " + count
                    + " batches of N = " + data.size() + ", S = " + batchSize + " for exact boundaries");
        }
        double[] values = new double[(int) count];
        double[] weights = new double[(int) count];
        double scale = withReplacement ? 1.0 : 1.0 / count;
        int[] next = {0};
        BatchEnumeration.forEachBatch(data, batchSize, withReplacement, (weight, mean) -> {
            values[next[0]] = mean;
            weights[next[0]] = weight * scale;
            next[0]++;
        });
        // A multinomial probability below 2^-1074 is 0 in double; it cannot move a root: drop it.
        int kept = 0;
        for (int k = 0; k < values.length; k++) {
            if (weights[k] > 0) {
                values[kept] = values[k];
                weights[kept] = weights[k];
                kept++;
            }
        }
        return new BatchAtoms(Arrays.copyOf(values, kept), Arrays.copyOf(weights, kept), true);
    }

    /** The number of atoms. */
    public int size() {
        return values.length;
    }

    /** χ_B of atom k. */
    public double value(int k) {
        return values[k];
    }

    /** The weight of atom k. */
    public double weight(int k) {
        return weights[k];
    }

    /** The values themselves, for this package's hot loops (never modified). */
    double[] valuesArray() {
        return values;
    }

    /** The weights themselves, for this package's hot loops (never modified). */
    double[] weightsArray() {
        return weights;
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** A copy of the weights. */
    public double[] weights() {
        return weights.clone();
    }

    /** E χ_B = Σ w χ_B / Σ w. */
    public double mean() {
        double m = 0;
        double total = 0;
        for (int k = 0; k < values.length; k++) {
            m += weights[k] * values[k];
            total += weights[k];
        }
        return m / total;
    }

    /** E χ_B² = Σ w χ_B² / Σ w. */
    public double secondMoment() {
        double m = 0;
        double total = 0;
        for (int k = 0; k < values.length; k++) {
            m += weights[k] * values[k] * values[k];
            total += weights[k];
        }
        return m / total;
    }

    @Override
    public String toString() {
        return "BatchAtoms[" + values.length + " atoms]";
    }
}
