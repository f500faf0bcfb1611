package org.probstab.special;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FastLog} against {@link StrictMath#log} (fdlibm, error &lt; 1 ulp). Tolerance: 2 ulp of the result — the
 * table entry log c (≤ 1 ulp of log c), the product k·ln 2 and the two final additions each contribute at most
 * half an ulp of the result, and the polynomial's truncation is below 2⁻⁶⁸.
 */
class FastLogTest {

    private static final int SAMPLES = 600_000;

    @Test
    void agreesWithStrictMathWithinTwoUlpOverTheWholeRange() {
        SplittableRandom random = new SplittableRandom(20240611L);
        double[] x = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            switch (i % 4) {
                case 0 -> x[i] = Double.longBitsToDouble(random.nextLong(0x0010000000000000L, 0x7FF0000000000000L));
                case 1 -> x[i] = 1 + (random.nextDouble() - 0.5) * 0x1p-8;      // around 1, where log ≈ 0
                case 2 -> x[i] = Math.exp((random.nextDouble() - 0.5) * 8);     // the factors' usual range
                default -> x[i] = Double.longBitsToDouble(random.nextLong(1, 0x0010000000000000L)); // subnormal
            }
        }
        double worst = 0;
        for (double v : x) {
            double reference = StrictMath.log(v);
            worst = Math.max(worst, Math.abs(FastLog.log(v) - reference) / Math.ulp(reference));
        }
        assertThat(worst).isLessThanOrEqualTo(2.0);
    }

    @Test
    void isExactAtOneAndKeepsRelativeAccuracyNextToIt() {
        assertThat(FastLog.log(1.0)).isEqualTo(0.0);
        for (double x : new double[] {Math.nextUp(1.0), Math.nextDown(1.0), 1 + 0x1p-30, 1 - 0x1p-30, 1 + 1e-5}) {
            double reference = StrictMath.log(x);
            assertThat(Math.abs(FastLog.log(x) - reference)).isLessThanOrEqualTo(Math.ulp(reference));
        }
    }

    @Test
    void specialValuesAreThoseOfMathLog() {
        assertThat(FastLog.log(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FastLog.log(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FastLog.log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FastLog.log(-1.0)).isNaN();
        assertThat(FastLog.log(Double.NaN)).isNaN();
        assertThat(FastLog.log(Double.MIN_VALUE)).isCloseTo(StrictMath.log(Double.MIN_VALUE),
                org.assertj.core.data.Offset.offset(2 * Math.ulp(745.0)));
    }

    @Test
    void bulkLogsAreBitIdenticalAndFlagNonNormalInputs() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 1000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.exp((random.nextDouble() - 0.5) * 60);
        }
        double[] out = new double[n];
        double[] scratch = new double[n];
        assertThat(FastLog.logAll(x, 0, n, out, scratch)).isTrue();
        for (int i = 0; i < n; i++) {
            assertThat(out[i]).isEqualTo(FastLog.log(x[i]));
        }
        for (double bad : new double[] {0.0, -0.0, Double.MIN_VALUE, Double.POSITIVE_INFINITY, -2.0, Double.NaN}) {
            double[] y = x.clone();
            y[500] = bad;
            assertThat(FastLog.logAll(y, 0, n, out, scratch)).as("flags %s", bad).isFalse();
            assertThat(FastLog.logAll(y, 0, 500, out, scratch)).as("range excludes %s", bad).isTrue();
        }
    }
}
