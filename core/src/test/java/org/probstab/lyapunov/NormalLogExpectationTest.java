package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link NormalLogExpectation} against 30-digit values from
 * {@code src/test/resources/reference/quadrature_reference.py} (rows "inner" of quadrature_reference.csv):
 * E log|c+Z| from the closed form (c²/2)·₂F₂(1,1;3/2,2;−c²/2) − (γ+ln 2)/2 and Var log|c+Z| from direct numerical
 * integration — both independent of the Poisson-mixture sums the class is built from.
 */
class NormalLogExpectationTest {

    private static final double EULER_GAMMA = 0.57721566490153286060651209;

    /**
     * Tolerance 1e-14·max(1, |value|): the Chebyshev tables are built in double precision from sums of ≤ ~150
     * positive terms (relative rounding ~1e-16 each, observed worst 1.1e-15 absolute), and above |c| = 10 the value
     * is log|c| plus a small correction, so only the rounding of log|c| (a few ulps) remains.
     */
    private static double tolerance(double value) {
        return 1e-14 * Math.max(1.0, Math.abs(value));
    }

    @Test
    void matchesTheHighPrecisionReference() throws IOException {
        List<double[]> rows = innerRows();
        assertThat(rows).hasSizeGreaterThan(100);
        for (double[] row : rows) {
            double c = row[0];
            assertThat(NormalLogExpectation.expectedLogAbs(c)).as("E log|c+Z| at c = %s", c)
                    .isCloseTo(row[1], within(tolerance(row[1])));
            assertThat(NormalLogExpectation.varianceLogAbs(c)).as("Var log|c+Z| at c = %s", c)
                    .isCloseTo(row[2], within(tolerance(row[2])));
        }
    }

    @Test
    void knownValuesAtZero() {
        // E log|Z| = −(γ + ln 2)/2, Var log|Z| = π²/8 (log Z² = log χ²₁: mean ψ(½) + ln 2, variance ψ'(½) = π²/2)
        assertThat(NormalLogExpectation.expectedLogAbs(0.0))
                .isCloseTo(-(EULER_GAMMA + Math.log(2)) / 2, within(1e-15));
        assertThat(NormalLogExpectation.varianceLogAbs(0.0)).isCloseTo(Math.PI * Math.PI / 8, within(2e-15));
    }

    @Test
    void evenInC() {
        for (double c = 0.01; c < 40; c *= 1.37) {
            assertThat(NormalLogExpectation.expectedLogAbs(-c)).isEqualTo(NormalLogExpectation.expectedLogAbs(c));
            assertThat(NormalLogExpectation.varianceLogAbs(-c)).isEqualTo(NormalLogExpectation.varianceLogAbs(c));
        }
    }

    @Test
    void continuousWhereTheMethodChanges() {
        // Chebyshev intervals meet at the multiples of 1/PER_UNIT, the asymptotic series takes over at 10
        int ends = (int) NormalLogExpectation.ASYMPTOTIC_FROM * NormalLogExpectation.PER_UNIT;
        for (int k = 1; k <= ends; k++) {
            double above = (double) k / NormalLogExpectation.PER_UNIT;
            double below = Math.nextDown(above);
            assertThat(NormalLogExpectation.expectedLogAbs(above))
                    .isCloseTo(NormalLogExpectation.expectedLogAbs(below), within(1e-14));
            assertThat(NormalLogExpectation.varianceLogAbs(above))
                    .isCloseTo(NormalLogExpectation.varianceLogAbs(below), within(1e-14));
        }
    }

    @Test
    void batchesGiveTheBitsOfTheOnePointMethods() {
        // evaluateAll interleaves the Clenshaw recurrences of many points; each must still be the one-point value
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(13);
        int capacity = 48;
        var batch = new NormalLogExpectation.Batch(capacity);
        double[] t = new double[capacity];
        double[] f = new double[capacity];
        double[] v = new double[capacity];
        double[] edges = {0, Math.nextDown(0.25), 0.25, 1, Math.nextDown(10.0), 10, 1e100, Double.MIN_VALUE};
        for (int round = 0; round < 400; round++) {
            int count = 1 + random.nextInt(capacity);
            for (int i = 0; i < count; i++) {
                t[i] = random.nextInt(8) == 0 ? edges[random.nextInt(edges.length)] : 14 * random.nextDouble();
            }
            boolean withVariance = round % 2 == 0;
            NormalLogExpectation.evaluateAll(t, count, f, v, withVariance, batch);
            for (int i = 0; i < count; i++) {
                double expected = t[i] < NormalLogExpectation.ASYMPTOTIC_FROM
                        ? NormalLogExpectation.expectedLogAbsSmall(t[i])
                        : NormalLogExpectation.logCorrection(t[i]);
                assertThat(Double.doubleToRawLongBits(f[i])).as("F at t = %s", t[i])
                        .isEqualTo(Double.doubleToRawLongBits(expected));
                if (withVariance) {
                    assertThat(Double.doubleToRawLongBits(v[i])).as("V at t = %s", t[i])
                            .isEqualTo(Double.doubleToRawLongBits(NormalLogExpectation.varianceLogAbs(t[i])));
                }
            }
        }
    }

    @Test
    void largeArgumentsApproachLogC() {
        // F(c) = log c − 1/(2c²) − 3/(4c⁴) − …, V(c) = 1/c² + 5/(2c⁴) + …
        for (double c : new double[] {1e3, 1e8, 1e150, 1e300}) {
            double correction = -0.5 / (c * c) - 0.75 / (c * c * c * c);
            assertThat(NormalLogExpectation.expectedLogAbs(c)).isCloseTo(Math.log(c) + correction,
                    within(2 * Math.ulp(Math.log(c))));
            assertThat(NormalLogExpectation.varianceLogAbs(c))
                    .isCloseTo(1 / (c * c) + 2.5 / (c * c * c * c), within(1e-9 / (c * c)));
        }
        assertThat(NormalLogExpectation.expectedLogAbs(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(NormalLogExpectation.varianceLogAbs(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(NormalLogExpectation.expectedLogAbs(Double.NaN)).isNaN();
    }

    @Test
    void scaledFormIsLogBPlusF() {
        double[][] pairs = {{3, 2}, {-0.5, 4}, {1e-3, 1e-2}, {7, 0.5}, {1, 0.09}, {-2e5, 3e4}};
        for (double[] p : pairs) {
            double a = p[0];
            double b = p[1];
            double expected = Math.log(b) + NormalLogExpectation.expectedLogAbs(a / b);
            assertThat(NormalLogExpectation.expectedLogAbs(a, b)).as("a=%s b=%s", a, b)
                    .isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void tinyNoiseLosesNoDigits() {
        // E log|1 + bZ| = −b²/2 − 3b⁴/4 − 5b⁶/2 − …: a naive log b + log(1/b) would leave only rounding noise
        for (double b : new double[] {1e-3, 1e-6, 1e-9}) {
            double b2 = b * b;
            assertThat(NormalLogExpectation.expectedLogAbs(1.0, b))
                    .isCloseTo(-0.5 * b2 - 0.75 * b2 * b2 - 2.5 * b2 * b2 * b2, within(1e-15 * b2));
        }
        assertThat(NormalLogExpectation.expectedLogAbs(1.0, 1e-300)).isZero();
        assertThat(NormalLogExpectation.expectedLogAbs(-2.0, Double.MIN_VALUE)).isEqualTo(Math.log(2));
    }

    @Test
    void zeroNoiseIsLogAbsA() {
        assertThat(NormalLogExpectation.expectedLogAbs(-3.5, 0.0)).isEqualTo(Math.log(3.5));
        assertThat(NormalLogExpectation.expectedLogAbs(0.0, 0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void rejectsNegativeOrNaNScale() {
        assertThatThrownBy(() -> NormalLogExpectation.expectedLogAbs(1.0, -1e-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b must be in [0, inf)");
        assertThatThrownBy(() -> NormalLogExpectation.expectedLogAbs(1.0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void agreesWithMonteCarlo() {
        // independent of all formulas: mean and variance of log|c + Z| over seeded normal draws, within z = 4 SE
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(20240611L);
        int n = 400_000;
        for (double c : new double[] {0.0, 1.3, 4.0}) {
            double sum = 0;
            double sumSquares = 0;
            double sumFourth = 0;
            double shift = NormalLogExpectation.expectedLogAbs(c);
            for (int i = 0; i < n; i++) {
                double d = Math.log(Math.abs(c + rng.nextGaussian())) - shift;
                sum += d;
                sumSquares += d * d;
                sumFourth += d * d * d * d;
            }
            double mean = sum / n;
            double variance = sumSquares / n - mean * mean;
            double standardError = Math.sqrt(variance / n);
            assertThat(mean).as("mean at c = %s", c).isCloseTo(0.0, within(4 * standardError));
            double varianceError = Math.sqrt((sumFourth / n - variance * variance) / n);
            assertThat(variance).as("variance at c = %s", c)
                    .isCloseTo(NormalLogExpectation.varianceLogAbs(c), within(4 * varianceError));
        }
    }

    /** Rows (c, E log|c+Z|, Var log|c+Z|) of kind "inner" from the reference table. */
    static List<double[]> innerRows() throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String[] fields : referenceTable()) {
            if (fields[0].equals("inner")) {
                rows.add(new double[] {Double.parseDouble(fields[5]), Double.parseDouble(fields[6]),
                        Double.parseDouble(fields[7])});
            }
        }
        return rows;
    }

    /** The CSV fields of quadrature_reference.csv (kind,S,mu,sigma,lambda,c,value,log_variance), header skipped. */
    static List<String[]> referenceTable() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                NormalLogExpectationTest.class.getResourceAsStream("/reference/quadrature_reference.csv"),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("kind,")) {
                    continue;
                }
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }
}
