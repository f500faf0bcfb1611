package org.probstab.lyapunov;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.probstab.law.FiniteDataset;
import org.probstab.special.FastLog;

/**
 * {@link BatchEnumeration}'s exponents at many learning rates: the minibatches of a finite dataset enumerated once,
 * then Λ(λ) = Σ_B P(B) log|1 − λχ_B| and s² for each λ, both signs in one pass ({@link #exponentPair}:
 * Λ₋ = Λ(λ), Λ₊ = Λ(−λ)).
 *
 * <p>A batch is a sorted index tuple (i_1 ≤ … ≤ i_S with replacement, &lt; without); in the enumeration order the
 * last index runs over its range fastest, so the batches come in <i>runs</i> that share the first S − 1 indices:
 * <pre>  χ_B = (P + χ_t)·(1/S),   P = χ_{i_1} + … + χ_{i_{S−1}} (prefix sum, left to right),   t = i_{S−1} … N − 1</pre>
 * (t from i_{S−1} + 1 without replacement). The runs' prefix sums P and first indices are kept (C(N+S−2, S−1) of
 * them with replacement: N at S = 2), and χ_B is formed in the loop that uses it, by the same two operations as
 * {@link BatchEnumeration} forms it; a run of a dataset is N times smaller than its batch means would be, and
 * costs no more to recompute for each λ than stored means cost to read.
 *
 * <p>West's update (CACM 22 (1979); {@code RunningMoments#addWest}) of the k-th batch, of weight w_k,
 * <pre>  W_k = W_{k−1} + w_k,   R = (x_k − x̄)·(w_k/W_k),   x̄ += R,   M₂ += W_{k−1}·(x_k − x̄_old)·R,</pre>
 * uses the weights only through W_{k−1} and w_k/W_k, which depend on N, S and the replacement mode but neither on
 * the data nor on λ: they are computed once per (N, S, replacement) and shared. Each λ then costs, per batch, two
 * logarithms ({@link FastLog#log}) and a multiply–add recurrence per sign, with no division, in one loop: the
 * recurrences are serial, the logarithms independent of them, so the processor computes the next batches'
 * logarithms while a recurrence waits (a separate bulk pass, {@link FastLog#logAll}, then the recurrences measured
 * slower). The operations and their order are those of {@link BatchEnumeration#exponent}, so the results are the
 * same to the bit (a test checks it); an enumeration with a batch of probability below 2⁻¹⁰⁷⁴ (weight 0, which
 * {@code exponent} skips) is not represented here ({@link #of} returns null).
 *
 * <p>Zero factors and overflow follow {@link ExactFiniteSum}: a run of batches with a zero or infinite factor is
 * redone batch by batch with {@link ExactFiniteSum#logFactor}, a zero factor giving Λ = −∞.
 */
public final class EnumeratedBatches {

    /** The λ- and data-free part of an enumeration, per (N, S, replacement); bounded, emptied when full. */
    private static final Map<WeightKey, Weights> WEIGHTS = new ConcurrentHashMap<>();
    private static final int MAX_WEIGHT_TABLES = 64;

    private record WeightKey(int n, int s, boolean withReplacement) {
    }

    /** W_{k−1} and w_k/W_k per batch, and the total weight W; null marks an enumeration with a weight-0 batch. */
    private record Weights(double[] previous, double[] ratios, double total) {
    }

    /** χ_1 … χ_N. */
    private final double[] chi;
    /** Per run: the prefix sum P of its first S − 1 values (0 at S = 1). */
    private final double[] prefixSums;
    /** Per run: the first value of its last index t (it runs to N − 1). */
    private final int[] firstLast;
    private final double inverseS;
    private final Weights weights;
    private final long count;

    private EnumeratedBatches(double[] chi, double[] prefixSums, int[] firstLast, int s, Weights weights, long count) {
        this.chi = chi;
        this.prefixSums = prefixSums;
        this.firstLast = firstLast;
        this.inverseS = 1.0 / s;
        this.weights = weights;
        this.count = count;
    }

    /**
     * The batches of the dataset at batch size S, or null when some batch has probability 0 in double precision
     * (then use {@link BatchEnumeration#exponent}).
     *
     * @throws IllegalArgumentException as {@link BatchEnumeration#forEachBatch}, and beyond 2³¹ − 1 batches
     */
    public static EnumeratedBatches of(FiniteDataset data, int s, boolean withReplacement) {
        long count = BatchEnumeration.batchCount(data.size(), s, withReplacement);
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(count + " batches do not fit in an array");
        }
        WeightKey key = new WeightKey(data.size(), s, withReplacement);
        Weights w = WEIGHTS.get(key);
        if (w == null) {
            w = weights(data, s, withReplacement, (int) count);
            if (WEIGHTS.size() >= MAX_WEIGHT_TABLES) {
                WEIGHTS.clear();
            }
            WEIGHTS.put(key, w);
        }
        if (w.ratios() == null) {
            return null;
        }
        double[] chi = data.values();
        int n = chi.length;
        if (s == 1) {
            return new EnumeratedBatches(chi, new double[] {0}, new int[] {0}, 1, w, count);
        }
        long runs = withReplacement ? BatchEnumeration.batchCount(n, s - 1, true)
                : BatchEnumeration.batchCount(n - 1, s - 1, false);
        double[] prefixSums = new double[(int) runs];
        int[] firstLast = new int[(int) runs];
        enumerateRuns(chi, s, withReplacement, prefixSums, firstLast);
        return new EnumeratedBatches(chi, prefixSums, firstLast, s, w, count);
    }

    /**
     * The runs in the enumeration order of {@link BatchEnumeration}: the first S − 1 positions enumerated as there
     * (prefix sums over the sorted index tuple), each giving a prefix sum and the first value of the last index.
     */
    private static void enumerateRuns(double[] chi, int s, boolean withReplacement, double[] prefixSums,
                                      int[] firstLast) {
        int n = chi.length;
        int p = s - 1;                    // prefix positions 0 … p − 1
        int[] index = new int[p];
        double[] sum = new double[p];
        if (!withReplacement) {
            for (int j = 0; j < p; j++) {
                index[j] = j;
            }
        }
        int run = 0;
        int from = 0;
        while (true) {
            for (int j = from; j < p; j++) {
                sum[j] = (j == 0 ? 0 : sum[j - 1]) + chi[index[j]];
            }
            prefixSums[run] = sum[p - 1];
            firstLast[run] = withReplacement ? index[p - 1] : index[p - 1] + 1;
            run++;
            int j = p - 1;
            if (withReplacement) {
                while (j >= 0 && index[j] == n - 1) {
                    j--;
                }
                if (j < 0) {
                    return;
                }
                index[j]++;
                for (int l = j + 1; l < p; l++) {
                    index[l] = index[j];
                }
            } else {
                while (j >= 0 && index[j] == n - s + j) {
                    j--;
                }
                if (j < 0) {
                    return;
                }
                index[j]++;
                for (int l = j + 1; l < p; l++) {
                    index[l] = index[l - 1] + 1;
                }
            }
            from = j;
        }
    }

    private static Weights weights(FiniteDataset data, int s, boolean withReplacement, int count) {
        double[] previous = new double[count];
        double[] ratios = new double[count];
        double[] total = {0};
        boolean[] zero = {false};
        int[] k = {0};
        BatchEnumeration.forEachBatch(data, s, withReplacement, (weight, batchMean) -> {
            if (weight == 0) {
                zero[0] = true;
            }
            double t = total[0] + weight;
            previous[k[0]] = total[0];
            ratios[k[0]] = weight / t;
            total[0] = t;
            k[0]++;
        });
        return zero[0] ? new Weights(null, null, 0) : new Weights(previous, ratios, total[0]);
    }

    /** The number of batches. */
    public long count() {
        return count;
    }

    /** {Λ₋ = Λ(λ), Λ₊ = Λ(−λ)}, each bit for bit {@link BatchEnumeration#exponent} at ±λ. */
    public ExponentEstimate[] exponentPair(double lambda) {
        ExactFiniteSum.checkLambda(lambda);
        double[] previous = weights.previous();
        double[] ratios = weights.ratios();
        double[] values = chi;
        double scale = inverseS;
        int n = values.length;
        Sign minus = new Sign();
        Sign plus = new Sign();
        double meanMinus = 0;
        double squaresMinus = 0;
        double meanPlus = 0;
        double squaresPlus = 0;
        int k = 0;
        for (int run = 0; run < prefixSums.length; run++) {
            double prefix = prefixSums[run];
            int first = firstLast[run];
            // One loop: the two logarithms of a batch are independent of the West recurrences, which are serial
            // (three dependent operations per batch and sign), so the processor overlaps them.
            double runMeanMinus = meanMinus;
            double runSquaresMinus = squaresMinus;
            double runMeanPlus = meanPlus;
            double runSquaresPlus = squaresPlus;
            for (int t = first, b = k; t < n; t++, b++) {
                double step = lambda * ((prefix + values[t]) * scale);
                double logMinus = FastLog.log(Math.abs(1 - step));
                double logPlus = FastLog.log(Math.abs(1 + step));
                double p = previous[b];
                double r = ratios[b];
                double deltaMinus = logMinus - runMeanMinus;
                double rMinus = deltaMinus * r;
                runMeanMinus += rMinus;
                runSquaresMinus += p * deltaMinus * rMinus;
                double deltaPlus = logPlus - runMeanPlus;
                double rPlus = deltaPlus * r;
                runMeanPlus += rPlus;
                runSquaresPlus += p * deltaPlus * rPlus;
            }
            // A zero factor (log −∞) or an overflowing one (+∞) leaves a mean that is not finite, and once not
            // finite it stays so (∞ − ∞ and NaN propagate); finite logs of doubles are below 745 in magnitude.
            if (Double.isFinite(runMeanMinus) && Double.isFinite(runMeanPlus)) {
                meanMinus = runMeanMinus;
                squaresMinus = runSquaresMinus;
                meanPlus = runMeanPlus;
                squaresPlus = runSquaresPlus;
                minus.finite = true;
                plus.finite = true;
            } else {
                minus.mean = meanMinus;
                minus.squares = squaresMinus;
                plus.mean = meanPlus;
                plus.squares = squaresPlus;
                for (int t = first, b = k; t < n; t++, b++) {
                    double x = (prefix + values[t]) * scale;
                    minus.add(ExactFiniteSum.logFactor(lambda, x), previous[b], ratios[b]);
                    plus.add(ExactFiniteSum.logFactor(-lambda, x), previous[b], ratios[b]);
                }
                meanMinus = minus.mean;
                squaresMinus = minus.squares;
                meanPlus = plus.mean;
                squaresPlus = plus.squares;
            }
            k += n - first;
        }
        minus.mean = meanMinus;
        minus.squares = squaresMinus;
        plus.mean = meanPlus;
        plus.squares = squaresPlus;
        return new ExponentEstimate[] {minus.estimate(weights.total(), count), plus.estimate(weights.total(), count)};
    }

    /** One sign's West accumulator (as {@code BatchEnumeration}'s), −∞ terms flagged, not averaged. */
    private static final class Sign {
        double mean;
        double squares;
        boolean zeroFactor;
        boolean finite;

        void add(double log, double previous, double ratio) {
            if (log == Double.NEGATIVE_INFINITY) {
                zeroFactor = true;
                return;
            }
            finite = true;
            double delta = log - mean;
            double r = delta * ratio;
            mean += r;
            squares += previous * delta * r;
        }

        ExponentEstimate estimate(double total, long batches) {
            if (zeroFactor) {
                return ExponentEstimate.exact(Double.NEGATIVE_INFINITY, finite ? Double.POSITIVE_INFINITY : 0.0,
                        Method.ENUMERATION, batches);
            }
            return ExponentEstimate.exact(mean, Math.max(0.0, squares / total), Method.ENUMERATION, batches);
        }
    }
}
