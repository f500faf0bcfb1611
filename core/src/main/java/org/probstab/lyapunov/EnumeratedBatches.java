package org.probstab.lyapunov;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.probstab.law.FiniteDataset;
import org.probstab.special.FastLog;

/**
 * {@link BatchEnumeration}'s exponents at many learning rates: the minibatches of a finite dataset enumerated once,
 * then Λ(λ) = Σ_B P(B) log|1 − λχ_B| and s² for each λ from the stored batch means χ_B, both signs in one pass
 * ({@link #exponentPair}: Λ₋ = Λ(λ), Λ₊ = Λ(−λ)).
 *
 * <p>West's update (CACM 22 (1979); {@code RunningMoments#addWest}) of the k-th batch, of weight w_k,
 * <pre>  W_k = W_{k−1} + w_k,   R = (x_k − x̄)·(w_k/W_k),   x̄ += R,   M₂ += W_{k−1}·(x_k − x̄_old)·R,</pre>
 * uses the weights only through W_{k−1} and w_k/W_k, which depend on N, S and the replacement mode but neither on
 * the data nor on λ: they are computed once per (N, S, replacement) and shared. Each λ then costs, per batch, two
 * logarithms ({@link FastLog#log}) and a multiply–add recurrence per sign, with no division, in one loop: the
 * recurrences are serial, the logarithms independent of them, so the processor computes the next batches'
 * logarithms while a recurrence waits (a separate bulk pass, {@link FastLog#logAll}, then the recurrences measured
 * slower). The operations and
 * their order are those of {@link BatchEnumeration#exponent}, so the results are the same to the bit (a test
 * checks it); an enumeration with a batch of probability below 2⁻¹⁰⁷⁴ (weight 0, which {@code exponent} skips)
 * is not represented here ({@link #of} returns null).
 *
 * <p>Zero factors and overflow follow {@link ExactFiniteSum}: a block of batches with a zero or infinite factor is
 * redone batch by batch with {@link ExactFiniteSum#logFactor}, a zero factor giving Λ = −∞.
 */
public final class EnumeratedBatches {

    /** Batches per block: a block with a zero or infinite factor is redone batch by batch. */
    private static final int BLOCK = 256;

    /** The λ- and data-free part of an enumeration, per (N, S, replacement); bounded, emptied when full. */
    private static final Map<WeightKey, Weights> WEIGHTS = new ConcurrentHashMap<>();
    private static final int MAX_WEIGHT_TABLES = 64;

    private record WeightKey(int n, int s, boolean withReplacement) {
    }

    /** W_{k−1} and w_k/W_k per batch, and the total weight W; null marks an enumeration with a weight-0 batch. */
    private record Weights(double[] previous, double[] ratios, double total) {
    }

    private final double[] means;
    private final Weights weights;
    private final long count;

    private EnumeratedBatches(double[] means, Weights weights) {
        this.means = means;
        this.weights = weights;
        this.count = means.length;
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
        return new EnumeratedBatches(means(data.values(), s, withReplacement, (int) count), w);
    }

    /**
     * The batch means χ_B in the enumeration order of {@link BatchEnumeration}, computed as it computes them
     * (prefix sums over the sorted index tuple, times 1/S) but without the weights, which {@link Weights} holds.
     * The first S − 1 positions are enumerated as there; the last one runs over its range in a tight loop.
     */
    private static double[] means(double[] chi, int s, boolean withReplacement, int count) {
        int n = chi.length;
        double[] means = new double[count];
        double inverseS = 1.0 / s;
        int k = 0;
        if (s == 1) {
            for (int t = 0; t < n; t++) {
                means[k++] = (0 + chi[t]) * inverseS;
            }
            return means;
        }
        int p = s - 1;                    // prefix positions 0 … p − 1
        int[] index = new int[p];
        double[] sum = new double[p];
        if (!withReplacement) {
            for (int j = 0; j < p; j++) {
                index[j] = j;
            }
        }
        int from = 0;
        while (true) {
            for (int j = from; j < p; j++) {
                sum[j] = (j == 0 ? 0 : sum[j - 1]) + chi[index[j]];
            }
            double prefix = sum[p - 1];
            for (int t = withReplacement ? index[p - 1] : index[p - 1] + 1; t < n; t++) {
                means[k++] = (prefix + chi[t]) * inverseS;
            }
            int j = p - 1;
            if (withReplacement) {
                while (j >= 0 && index[j] == n - 1) {
                    j--;
                }
                if (j < 0) {
                    return means;
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
                    return means;
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
        Sign minus = new Sign();
        Sign plus = new Sign();
        double meanMinus = 0;
        double squaresMinus = 0;
        double meanPlus = 0;
        double squaresPlus = 0;
        int n = means.length;
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(start + BLOCK, n);
            // One loop: the two logarithms of a batch are independent of the West recurrences, which are serial
            // (three dependent operations per batch and sign), so the processor overlaps them.
            double blockMeanMinus = meanMinus;
            double blockSquaresMinus = squaresMinus;
            double blockMeanPlus = meanPlus;
            double blockSquaresPlus = squaresPlus;
            for (int k = start; k < end; k++) {
                double step = lambda * means[k];
                double logMinus = FastLog.log(Math.abs(1 - step));
                double logPlus = FastLog.log(Math.abs(1 + step));
                double p = previous[k];
                double r = ratios[k];
                double deltaMinus = logMinus - blockMeanMinus;
                double rMinus = deltaMinus * r;
                blockMeanMinus += rMinus;
                blockSquaresMinus += p * deltaMinus * rMinus;
                double deltaPlus = logPlus - blockMeanPlus;
                double rPlus = deltaPlus * r;
                blockMeanPlus += rPlus;
                blockSquaresPlus += p * deltaPlus * rPlus;
            }
            // A zero factor (log −∞) or an overflowing one (+∞) leaves a mean that is not finite, and once not
            // finite it stays so (∞ − ∞ and NaN propagate); finite logs of doubles are below 745 in magnitude.
            if (Double.isFinite(blockMeanMinus) && Double.isFinite(blockMeanPlus)) {
                meanMinus = blockMeanMinus;
                squaresMinus = blockSquaresMinus;
                meanPlus = blockMeanPlus;
                squaresPlus = blockSquaresPlus;
                minus.finite = true;
                plus.finite = true;
            } else {
                minus.mean = meanMinus;
                minus.squares = squaresMinus;
                plus.mean = meanPlus;
                plus.squares = squaresPlus;
                for (int k = start; k < end; k++) {
                    double x = means[k];
                    minus.add(ExactFiniteSum.logFactor(lambda, x), previous[k], ratios[k]);
                    plus.add(ExactFiniteSum.logFactor(-lambda, x), previous[k], ratios[k]);
                }
                meanMinus = minus.mean;
                squaresMinus = minus.squares;
                meanPlus = plus.mean;
                squaresPlus = plus.squares;
            }
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
