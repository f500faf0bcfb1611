package org.probstab.lyapunov;

import org.probstab.law.FiniteDataset;
import org.probstab.special.RunningMoments;

/**
 * The exact exponent of a finite dataset with batch size S by enumerating every minibatch with its probability
 * (000 §5.3 Prop. 1 with a finite dataset; DESIGN §2 "Exact evaluation"):
 * <pre>
 *   Λ(λ) = Σ_B P(B) log|1 − λχ_B|,   s² = Σ_B P(B) (log|1 − λχ_B| − Λ)²,   χ_B = (1/S) Σ_{j∈B} χ_j.
 * </pre>
 * <ul>
 *   <li><b>With replacement</b> (S i.i.d. uniform indices): B ranges over the C(N+S−1, S) multisets of size S,
 *       a multiset with multiplicities k_1 … k_N having probability S!/(Π k_i!) / N^S (multinomial).</li>
 *   <li><b>Without replacement</b> (a uniform S-subset): B ranges over the C(N, S) subsets, each with
 *       probability 1/C(N, S).</li>
 * </ul>
 * The enumeration is iterative, in lexicographic order of the sorted index tuple; the prefix sums Σχ and prefix
 * probabilities of the tuple are kept per position, so moving to the next batch recomputes only the positions
 * after the one that changed (O(1) amortised per batch). Probabilities are built as products of the per-position
 * factors (j+1)/(run length · N) with a binary rescaling, so they neither overflow nor underflow prematurely
 * for large S (tested at N = 2, S = 3000). The mean and variance are accumulated with West's weighted update
 * (CACM 22 (1979); {@link RunningMoments#addWest}).
 *
 * <p>Zero factors and overflow follow {@link ExactFiniteSum}: a batch with 1 − λχ_B = 0 exactly gives Λ = −∞,
 * with s² = +∞ if some other batch has a non-zero factor, 0 otherwise.
 *
 * <p>The cost is linear in the number of batches (the README, Performance, has the measured rate). Callers compare
 * {@link #batchCount} with their budget first; beyond {@value #HARD_CAP} batches {@link #exponent} refuses with an
 * {@link IllegalArgumentException} rather than appear hung.
 */
public final class BatchEnumeration {

    /** The most batches {@link #exponent} will enumerate: 2³⁰. */
    public static final long HARD_CAP = 1L << 30;

    /** Prefix probabilities are kept as w · 2^(−500·scale) with w in [2⁻⁵⁰⁰, 2⁵⁰⁰]. */
    private static final double RESCALE = 0x1p500;
    private static final double RESCALE_BELOW = 0x1p-500;

    private BatchEnumeration() {
    }

    /**
     * The number of distinct minibatches: C(N+S−1, S) multisets with replacement, C(N, S) subsets without
     * (0 when S &gt; N); {@link Long#MAX_VALUE} when it does not fit in a long.
     *
     * @param n N ≥ 1
     * @param s S ≥ 1
     */
    public static long batchCount(int n, int s, boolean withReplacement) {
        if (n < 1) {
            throw new IllegalArgumentException("N must be >= 1, got " + n);
        }
        if (s < 1) {
            throw new IllegalArgumentException("S must be >= 1, got " + s);
        }
        if (withReplacement) {
            return binomial((long) n + s - 1, s);
        }
        return s > n ? 0 : binomial(n, s);
    }

    /** C(m, k) for 0 ≤ k ≤ m, saturating at Long.MAX_VALUE. */
    static long binomial(long m, long k) {
        k = Math.min(k, m - k);
        long c = 1;
        for (long j = 1; j <= k; j++) {
            // c = C(m−k+j−1, j−1); C(m−k+j, j) = c·(m−k+j)/j, and j divides c·(m−k+j).
            long g = gcd(c, j);
            long factor = (m - k + j) / (j / g);
            try {
                c = Math.multiplyExact(c / g, factor);
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE; // C(m−k+j, j) increases with j up to k ≤ m/2
            }
        }
        return c;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * Receives the minibatches of an enumeration, one call per distinct index multiset (with replacement) or
     * subset (without), in the enumeration order of the class comment.
     */
    @FunctionalInterface
    public interface BatchConsumer {
        /**
         * @param weight    the batch's probability with replacement (multinomial, as in the class comment); the
         *                  constant 1 without replacement (every subset is equally likely: divide by the count)
         * @param batchMean χ_B = (1/S) Σ_{j∈B} χ_j, computed as the running prefix sum times 1/S
         */
        void accept(double weight, double batchMean);
    }

    /**
     * Λ(λ) = E_B log|1 − λχ_B| over all minibatches, as {@link Method#ENUMERATION} (SE 0, logVariance exact,
     * samples = number of batches).
     *
     * @param s      S ≥ 1 (≤ N without replacement)
     * @param lambda the signed step (pass −λ for Λ₊); must be finite
     * @throws IllegalArgumentException if the batch count exceeds {@link #HARD_CAP}
     */
    public static ExponentEstimate exponent(FiniteDataset data, int s, boolean withReplacement, double lambda) {
        ExactFiniteSum.checkLambda(lambda);
        Accumulator acc = new Accumulator(lambda);
        long count = forEachBatch(data, s, withReplacement, acc);
        return acc.estimate(count);
    }

    /**
     * Every minibatch with its weight and batch mean (see {@link BatchConsumer}): the enumeration behind
     * {@link #exponent}, for callers that need the batch law itself (its atoms χ_B and their probabilities).
     *
     * @param s S ≥ 1 (≤ N without replacement)
     * @return the number of batches visited, {@link #batchCount}
     * @throws IllegalArgumentException if S &gt; N without replacement or the count exceeds {@link #HARD_CAP}
     */
    public static long forEachBatch(FiniteDataset data, int s, boolean withReplacement, BatchConsumer consumer) {
        int n = data.size();
        long count = batchCount(n, s, withReplacement);
        if (count == 0) {
            throw new IllegalArgumentException("S must be <= N = " + n + " without replacement, got " + s);
        }
        if (count > HARD_CAP) {
            throw new IllegalArgumentException("enumeration of " + (count == Long.MAX_VALUE ? "> 2^63" : count)
                    + " batches (N = " + n + ", S = " + s + ") exceeds the hard cap of " + HARD_CAP
                    + "; use BatchMonteCarlo");
        }
        double[] chi = data.values();
        if (withReplacement) {
            enumerateMultisets(chi, s, consumer);
        } else {
            enumerateSubsets(chi, s, consumer);
        }
        return count;
    }

    private static void enumerateMultisets(double[] chi, int s, BatchConsumer consumer) {
        int n = chi.length;
        int[] index = new int[s];
        int[] run = new int[s];           // length of the run of equal indices ending at position j
        double[] sum = new double[s];     // Σ_{l ≤ j} χ_{index[l]}
        double[] weight = new double[s];  // P(prefix) · 2^(500·scale[j]), within [2^-500, 2^500]
        int[] scale = new int[s];
        double inverseS = 1.0 / s;
        int from = 0;                     // first position whose prefix data is stale
        while (true) {
            for (int j = from; j < s; j++) {
                double previousSum = j == 0 ? 0 : sum[j - 1];
                double previousWeight = j == 0 ? 1 : weight[j - 1];
                int previousScale = j == 0 ? 0 : scale[j - 1];
                run[j] = j > 0 && index[j] == index[j - 1] ? run[j - 1] + 1 : 1;
                sum[j] = previousSum + chi[index[j]];
                double w = previousWeight * ((j + 1.0) / ((double) run[j] * n));
                if (w < RESCALE_BELOW) {
                    w *= RESCALE;
                    previousScale++;
                } else if (w > RESCALE) {
                    w *= RESCALE_BELOW;
                    previousScale--;
                }
                weight[j] = w;
                scale[j] = previousScale;
            }
            double probability = scale[s - 1] == 0 ? weight[s - 1] : Math.scalb(weight[s - 1], -500 * scale[s - 1]);
            consumer.accept(probability, sum[s - 1] * inverseS);
            // Next non-decreasing tuple: bump the rightmost position below N−1, copy it to the right.
            int j = s - 1;
            while (j >= 0 && index[j] == n - 1) {
                j--;
            }
            if (j < 0) {
                return;
            }
            index[j]++;
            for (int l = j + 1; l < s; l++) {
                index[l] = index[j];
            }
            from = j;
        }
    }

    private static void enumerateSubsets(double[] chi, int s, BatchConsumer consumer) {
        int n = chi.length;
        int[] index = new int[s];
        double[] sum = new double[s];
        for (int j = 0; j < s; j++) {
            index[j] = j;
        }
        double inverseS = 1.0 / s;
        int from = 0;
        while (true) {
            for (int j = from; j < s; j++) {
                sum[j] = (j == 0 ? 0 : sum[j - 1]) + chi[index[j]];
            }
            consumer.accept(1.0, sum[s - 1] * inverseS);
            // Next increasing tuple: bump the rightmost position below its maximum N − S + j.
            int j = s - 1;
            while (j >= 0 && index[j] == n - s + j) {
                j--;
            }
            if (j < 0) {
                return;
            }
            index[j]++;
            for (int l = j + 1; l < s; l++) {
                index[l] = index[l - 1] + 1;
            }
            from = j;
        }
    }

    /** West's weighted mean and variance of the finite logs; −∞ terms are flagged, not averaged. */
    private static final class Accumulator extends RunningMoments implements BatchConsumer {
        private final double lambda;
        private boolean zeroFactor;
        private boolean finiteTerm;

        Accumulator(double lambda) {
            this.lambda = lambda;
        }

        @Override
        public void accept(double weight, double batchMean) {
            double log = ExactFiniteSum.logFactor(lambda, batchMean);
            if (log == Double.NEGATIVE_INFINITY) {
                zeroFactor = true;
                return;
            }
            finiteTerm = true;
            if (weight == 0) {
                return; // probability below 2^-1074: no effect on the sums
            }
            addWest(log, weight);
        }

        ExponentEstimate estimate(long batches) {
            if (zeroFactor) {
                return ExponentEstimate.exact(Double.NEGATIVE_INFINITY,
                        finiteTerm ? Double.POSITIVE_INFINITY : 0.0, Method.ENUMERATION, batches);
            }
            return ExponentEstimate.exact(mean(), Math.max(0.0, populationVariance()), Method.ENUMERATION, batches);
        }
    }
}
