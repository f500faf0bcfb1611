package org.probstab.special;

/**
 * Mean and variance of a stream of values, unweighted or weighted, in one pass and mergeable: the accumulator
 * holds the total weight W (the count n when unweighted), the mean x̄ and the sum of squared deviations
 * <pre>
 *   M₂ = Σ_i w_i (x_i − x̄)²,   population variance M₂/W,   sample variance M₂/(n − 1).
 * </pre>
 * Updates (δ = x − x̄ before the update, W' = W + w, x̄' the mean after it):
 * <ul>
 *   <li>{@link #add(double)}, Welford (Technometrics 4 (1962)): x̄' = x̄ + δ/n', M₂' = M₂ + δ(x − x̄');</li>
 *   <li>{@link #addWeighted}, its weighted form: x̄' = x̄ + δ·(w/W'), M₂' = M₂ + w·δ·(x − x̄');</li>
 *   <li>{@link #addWest}, West (CACM 22 (1979)) as printed: R = δ·(w/W'), x̄' = x̄ + R, M₂' = M₂ + W·δ·R;</li>
 *   <li>{@link #merge}, a partial result (W_b, x̄_b, M₂_b) (Chan, Golub &amp; LeVeque, Am. Stat. 37 (1983)):
 *       δ = x̄_b − x̄, x̄' = x̄ + δ·(W_b/W'), M₂' = M₂ + (M₂_b + δ²·(W·W_b/W'));</li>
 *   <li>{@link #addChunk}: a chunk's mean and corrected sum of squares in two passes, then merged.</li>
 * </ul>
 * The weighted forms are algebraically equal (w·δ·(x − x̄') = W·δ·R) but round differently; both are kept because
 * the estimators built on them are pinned to the bit by golden-value tests (a form is part of a result's
 * definition). For fixed arrays there are also the plain two-pass forms {@link #mean(double[])} and
 * {@link #sumOfSquaredDeviations}.
 *
 * <p>Three primitive fields, no allocation per value, every method final: the JIT binds and inlines the updates into
 * the callers' loops. A caller whose loop needs more state can extend the class (the fields then live in one object,
 * with no indirection per update; e.g. {@code BatchEnumeration}'s accumulator, which is also the enumeration's
 * consumer). Not thread-safe (one per loop). Non-finite inputs propagate as IEEE arithmetic does (callers
 * that give −∞ a meaning, such as an exact zero factor, count it themselves).
 */
public class RunningMoments {

    private double weight;
    private double mean;
    private double squares;

    /** An empty accumulator (W = 0, x̄ = 0, M₂ = 0). */
    public RunningMoments() {
    }

    /** Adds x with weight 1 (Welford). */
    public final void add(double x) {
        double count = weight + 1;
        double delta = x - mean;
        weight = count;
        mean += delta / count;
        squares += delta * (x - mean);
    }

    /** Adds x with weight w &gt; 0: x̄ += δ·(w/W'), M₂ += w·δ·(x − x̄'). */
    public final void addWeighted(double x, double w) {
        weight += w;
        double delta = x - mean;
        mean += delta * (w / weight);
        squares += w * delta * (x - mean);
    }

    /** Adds x with weight w &gt; 0 by West's update: R = δ·(w/W'), x̄ += R, M₂ += W·δ·R. */
    public final void addWest(double x, double w) {
        double total = weight + w;
        double delta = x - mean;
        double r = delta * (w / total);
        mean += r;
        squares += weight * delta * r;
        weight = total;
    }

    /** Merges a partial result of weight (or count) {@code otherWeight}, mean and M₂ (Chan, Golub &amp; LeVeque). */
    public final void merge(double otherWeight, double otherMean, double otherSquares) {
        double total = weight + otherWeight;
        double delta = otherMean - mean;
        mean += delta * (otherWeight / total);
        squares += otherSquares + delta * delta * (weight * otherWeight / total);
        weight = total;
    }

    /** Merges another accumulator's values into this one (the other is unchanged). */
    public final void merge(RunningMoments other) {
        merge(other.weight, other.mean, other.squares);
    }

    /**
     * Adds x[from … from + m) (m ≥ 1, unweighted): the chunk's mean from two interleaved partial sums, its M₂ as
     * the corrected two-pass sum Σ d² − (Σ d)²/m with d = x − mean (Chan, Golub &amp; LeVeque's "corrected"
     * algorithm), then {@link #merge}.
     */
    public final void addChunk(double[] x, int from, int m) {
        int pairs = m & ~1;
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < pairs; i += 2) {
            s0 += x[from + i];
            s1 += x[from + i + 1];
        }
        if (pairs < m) {
            s0 += x[from + pairs];
        }
        double chunkMean = (s0 + s1) / m;
        double squaresOfChunk = 0;
        double residual = 0;
        for (int i = 0; i < m; i++) {
            double d = x[from + i] - chunkMean;
            squaresOfChunk += d * d;
            residual += d;
        }
        merge(m, chunkMean, squaresOfChunk - residual * residual / m);
    }

    /**
     * {@code first.addChunk(x, 0, m); second.addChunk(x, m, m)} with the two chunks' loops interleaved: the same
     * operations in the same order for each, so the same bits, with half the loop overhead.
     */
    public static void addChunks(RunningMoments first, RunningMoments second, double[] x, int m) {
        int pairs = m & ~1;
        double a0 = 0;
        double a1 = 0;
        double b0 = 0;
        double b1 = 0;
        for (int i = 0; i < pairs; i += 2) {
            a0 += x[i];
            a1 += x[i + 1];
            b0 += x[m + i];
            b1 += x[m + i + 1];
        }
        if (pairs < m) {
            a0 += x[pairs];
            b0 += x[m + pairs];
        }
        double meanFirst = (a0 + a1) / m;
        double meanSecond = (b0 + b1) / m;
        double squaresFirst = 0;
        double residualFirst = 0;
        double squaresSecond = 0;
        double residualSecond = 0;
        for (int i = 0; i < m; i++) {
            double d = x[i] - meanFirst;
            squaresFirst += d * d;
            residualFirst += d;
            double e = x[m + i] - meanSecond;
            squaresSecond += e * e;
            residualSecond += e;
        }
        first.merge(m, meanFirst, squaresFirst - residualFirst * residualFirst / m);
        second.merge(m, meanSecond, squaresSecond - residualSecond * residualSecond / m);
    }

    /** W, the total weight (the count when unweighted). */
    public final double weight() {
        return weight;
    }

    /** x̄, the (weighted) mean; 0 when empty. */
    public final double mean() {
        return mean;
    }

    /** M₂ = Σ w (x − x̄)². */
    public final double squares() {
        return squares;
    }

    /** M₂/W (NaN when empty). */
    public final double populationVariance() {
        return squares / weight;
    }

    /** M₂/(n − 1), for unit weights (NaN or ±∞ for n ≤ 1). */
    public final double sampleVariance() {
        return squares / (weight - 1);
    }

    /** (1/n) Σ x_i, summed from left to right; −∞ as soon as one x_i is −∞ (n ≥ 1). */
    public static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** Σ (x_i − mean)², summed from left to right: the second pass of the two-pass variance. */
    public static double sumOfSquaredDeviations(double[] x, double mean) {
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss;
    }
}
