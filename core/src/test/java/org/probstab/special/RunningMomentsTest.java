package org.probstab.special;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RunningMoments} against the exact mean and sum of squared deviations of the same doubles, computed in
 * 60-digit decimal arithmetic (BigDecimal: every double is a finite decimal, so only the divisions round, at 1e-60).
 *
 * <p>Tolerances. For n values with condition number κ = √(1 + x̄²/s²) (s² = M₂/W), the updating and merging
 * algorithms have a relative error of M₂ of order n·κ·ε and the corrected two-pass chunk algorithm of order
 * n·ε + (n·κ·ε)² (Chan, Golub &amp; LeVeque, Am. Stat. 37 (1983), Table 1); the means are within n·ε·(mean |x|).
 * The test data (n = 1000, x̄ = 3, s = 1, κ ≈ 3.2; weights in (0, 1]) get the bound 4nκε on M₂ and 2nε·mean|x|
 * on the mean: a wrong update is off by far more, a correct one is well inside.
 */
class RunningMomentsTest {

    private static final double EPS = Math.ulp(1.0);
    private static final MathContext MC = new MathContext(60);
    private static final int N = 1000;

    @Test
    void welfordMatchesTheExactMoments() {
        double[] x = data(1);
        RunningMoments m = new RunningMoments();
        for (double v : x) {
            m.add(v);
        }
        assertMoments(m, x, null);
        assertThat(m.weight()).isEqualTo(N);
        assertThat(m.sampleVariance()).isEqualTo(m.squares() / (N - 1));
        assertThat(m.populationVariance()).isEqualTo(m.squares() / N);
    }

    @Test
    void bothWeightedFormsMatchTheExactWeightedMoments() {
        double[] x = data(2);
        double[] w = weights(3);
        RunningMoments welford = new RunningMoments();
        RunningMoments west = new RunningMoments();
        for (int i = 0; i < N; i++) {
            welford.addWeighted(x[i], w[i]);
            west.addWest(x[i], w[i]);
        }
        assertMoments(welford, x, w);
        assertMoments(west, x, w);
        // algebraically equal, differently rounded: they agree to the same bound, not to the bit
        assertThat(west.squares()).isCloseTo(welford.squares(), within(bound(x, w) * welford.squares()));
    }

    @Test
    void mergedPartsMatchTheWhole() {
        double[] x = data(4);
        RunningMoments whole = new RunningMoments();
        RunningMoments merged = new RunningMoments();
        RunningMoments part = new RunningMoments();
        for (int i = 0; i < N; i++) {
            whole.add(x[i]);
            part.add(x[i]);
            if (i % 137 == 136 || i == N - 1) { // uneven parts, the last one shorter
                merged.merge(part);
                part = new RunningMoments();
            }
        }
        assertMoments(merged, x, null);
        assertThat(merged.weight()).isEqualTo(whole.weight());
        // merging an empty accumulator changes nothing
        RunningMoments before = new RunningMoments();
        before.merge(merged);
        before.merge(new RunningMoments());
        assertThat(before.mean()).isEqualTo(merged.mean());
        assertThat(before.squares()).isEqualTo(merged.squares());
    }

    @Test
    void chunksMatchTheExactMomentsAndThePairedFormIsBitIdentical() {
        double[] x = data(5);
        RunningMoments chunked = new RunningMoments();
        for (int from = 0; from < N; from += 256) {
            chunked.addChunk(x, from, Math.min(256, N - from));
        }
        assertMoments(chunked, x, null);
        for (int m : new int[] {1, 2, 7, 256}) {
            double[] two = data(6 + m);
            RunningMoments first = new RunningMoments();
            RunningMoments second = new RunningMoments();
            first.add(0.5); // a non-empty start, so that the merge is exercised too
            second.add(-0.5);
            RunningMoments firstAlone = new RunningMoments();
            RunningMoments secondAlone = new RunningMoments();
            firstAlone.add(0.5);
            secondAlone.add(-0.5);
            RunningMoments.addChunks(first, second, two, m);
            firstAlone.addChunk(two, 0, m);
            secondAlone.addChunk(two, m, m);
            assertThat(first.mean()).isEqualTo(firstAlone.mean());
            assertThat(first.squares()).isEqualTo(firstAlone.squares());
            assertThat(second.mean()).isEqualTo(secondAlone.mean());
            assertThat(second.squares()).isEqualTo(secondAlone.squares());
            assertThat(second.weight()).isEqualTo(m + 1);
        }
    }

    @Test
    void twoPassArrayFormsMatchTheExactMoments() {
        double[] x = data(8);
        BigDecimal[] exact = exact(x, null);
        double mean = RunningMoments.mean(x);
        assertThat(ReferenceTable.error(mean, exact[1])).isLessThanOrEqualTo(meanBound(x));
        double squares = RunningMoments.sumOfSquaredDeviations(x, mean);
        assertThat(ReferenceTable.error(squares, exact[2]))
                .isLessThanOrEqualTo(bound(x, null) * exact[2].doubleValue());
        assertThat(RunningMoments.mean(new double[] {1, Double.NEGATIVE_INFINITY, 2}))
                .isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void smallClosedForms() {
        // {1, 2, 3, 4}: mean 5/2, M₂ = 5 exactly (every intermediate is a short binary fraction).
        RunningMoments m = new RunningMoments();
        for (double v : new double[] {1, 2, 3, 4}) {
            m.add(v);
        }
        assertThat(m.mean()).isEqualTo(2.5);
        assertThat(m.squares()).isEqualTo(5.0);
        RunningMoments empty = new RunningMoments();
        assertThat(empty.weight()).isZero();
        assertThat(empty.mean()).isZero();
        assertThat(empty.populationVariance()).isNaN();
        // weight 2 on 1.0 and weight 2 on 3.0: mean 2, M₂ = 4
        RunningMoments w = new RunningMoments();
        w.addWest(1.0, 2.0);
        w.addWest(3.0, 2.0);
        assertThat(w.mean()).isEqualTo(2.0);
        assertThat(w.squares()).isEqualTo(4.0);
        assertThat(w.populationVariance()).isEqualTo(1.0);
    }

    private static void assertMoments(RunningMoments m, double[] x, double[] w) {
        BigDecimal[] exact = exact(x, w);
        assertThat(ReferenceTable.error(m.weight(), exact[0])).isLessThanOrEqualTo(N * EPS * exact[0].doubleValue());
        assertThat(ReferenceTable.error(m.mean(), exact[1])).as("mean").isLessThanOrEqualTo(meanBound(x));
        assertThat(ReferenceTable.error(m.squares(), exact[2])).as("M2")
                .isLessThanOrEqualTo(bound(x, w) * exact[2].doubleValue());
    }

    /** 4nκε, the relative bound on M₂ (class comment). */
    private static double bound(double[] x, double[] w) {
        BigDecimal[] exact = exact(x, w);
        double mean = exact[1].doubleValue();
        double variance = exact[2].doubleValue() / exact[0].doubleValue();
        return 4 * x.length * Math.sqrt(1 + mean * mean / variance) * EPS;
    }

    /** 2nε·mean|x|, the absolute bound on the mean. */
    private static double meanBound(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += Math.abs(v);
        }
        return 2 * x.length * EPS * sum / x.length;
    }

    /** {W, x̄, M₂} in 60-digit decimal arithmetic (unit weights when w is null). */
    private static BigDecimal[] exact(double[] x, double[] w) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            BigDecimal weight = w == null ? BigDecimal.ONE : new BigDecimal(w[i]);
            total = total.add(weight);
            sum = sum.add(weight.multiply(new BigDecimal(x[i])));
        }
        BigDecimal mean = sum.divide(total, MC);
        BigDecimal squares = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            BigDecimal weight = w == null ? BigDecimal.ONE : new BigDecimal(w[i]);
            BigDecimal d = new BigDecimal(x[i]).subtract(mean);
            squares = squares.add(weight.multiply(d).multiply(d), MC);
        }
        return new BigDecimal[] {total, mean, squares};
    }

    /** N values 3 + Z, Z standard normal, from a fixed seed. */
    private static double[] data(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            double u = random.nextDouble();
            double v = random.nextDouble();
            x[i] = 3 + Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
        }
        return x;
    }

    private static double[] weights(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[N];
        for (int i = 0; i < N; i++) {
            w[i] = 1 - random.nextDouble(); // (0, 1]
        }
        return w;
    }
}
