package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.spark.ml.linalg.DenseVector;
import org.junit.jupiter.api.Test;
import org.probstab.estimator.EstimatorKind;
import org.probstab.law.MatrixSampler;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.model.ModelRegistry;
import org.probstab.random.StreamSeeds;
import org.probstab.table.PhaseTable;
import org.probstab.table.Row;

/**
 * References: an independent plain Monte-Carlo of E log|det(I − λĤ)| over i.i.d. draws (the sum of the spectrum),
 * {@link RenormalisedProduct#matrix} (the top exponent) and, for a diagonal Ĥ with independent entries, the exact
 * per-coordinate exponents E log|1 − λh_i| over finite sets. Tolerances are z = 4 combined standard errors.
 */
class QrLyapunovSpectrumTest {

    private static final double Z = 4.0;
    private static final long SEED = StreamSeeds.streamSeed(20_240_602L, 0, StreamSeeds.Purpose.TRAJECTORY_MINUS);
    private static final long OTHER_SEED = StreamSeeds.streamSeed(20_240_602L, 1, StreamSeeds.Purpose.TRAJECTORY_MINUS);

    /** |det A| of a row-major d×d matrix by Gaussian elimination with partial pivoting (d ≤ 3 here). */
    private static double absDeterminant(double[] a, int d) {
        double[] m = a.clone();
        double det = 1;
        for (int c = 0; c < d; c++) {
            int pivot = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(m[r * d + c]) > Math.abs(m[pivot * d + c])) {
                    pivot = r;
                }
            }
            if (m[pivot * d + c] == 0) {
                return 0;
            }
            for (int k = 0; k < d; k++) {
                double t = m[c * d + k];
                m[c * d + k] = m[pivot * d + k];
                m[pivot * d + k] = t;
            }
            det *= m[c * d + c];
            for (int r = c + 1; r < d; r++) {
                double f = m[r * d + c] / m[c * d + c];
                for (int k = c; k < d; k++) {
                    m[r * d + k] -= f * m[c * d + k];
                }
            }
        }
        return Math.abs(det);
    }

    /**
     * Σ Λ_i = E log|det(I − λĤ)| (Π R_ii = |det|). The reference is the mean of log|det(I − λĤ)| over 400 000 i.i.d.
     * draws with SE = sd/√M. The SE of the estimated sum is bounded by Σ SE_i (sd of a sum ≤ sum of sds), so the
     * tolerance 4·√((Σ SE_i)² + SE_ref²) is conservative.
     */
    @Test
    void sumOfExponentsIsTheMeanLogDeterminant() {
        RandomSymmetricLaw[] laws = {
            RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0),
            RandomSymmetricLaw.diagonal(new double[] {0.3, 0.0, -0.2}, 0.5),
        };
        double[] lambdas = {0.2, 0.3};
        for (int c = 0; c < laws.length; c++) {
            RandomSymmetricLaw law = laws[c];
            double lambda = lambdas[c];
            int d = law.dimension();
            RandomGenerator rng = StreamSeeds.stream(9, c, StreamSeeds.Purpose.BATCHES);
            double[] h = new double[d * d];
            int draws = 400_000;
            double sum = 0;
            double sumSquares = 0;
            for (int m = 0; m < draws; m++) {
                law.sample(rng, h);
                for (int k = 0; k < d * d; k++) {
                    h[k] = (k % (d + 1) == 0 ? 1 : 0) - lambda * h[k];
                }
                double log = Math.log(absDeterminant(h, d));
                sum += log;
                sumSquares += log * log;
            }
            double reference = sum / draws;
            double referenceSe = Math.sqrt((sumSquares / draws - reference * reference) / (draws - 1));

            SpectrumResult spectrum = QrLyapunovSpectrum.estimate(law, lambda,
                    new TrajectorySettings(32, 3_000, 100, 1, 1e-3), SEED);
            double seSum = Arrays.stream(spectrum.standardErrors()).sum();
            assertThat(Math.abs(spectrum.sum() - reference)).as("d=%d", d)
                    .isLessThanOrEqualTo(Z * Math.hypot(seSum, referenceSe));
        }
    }

    /** The top exponent equals {@link RenormalisedProduct#matrix} on independent streams: 4 combined SE. */
    @Test
    void topExponentAgreesWithTheRenormalisedProduct() {
        RandomSymmetricLaw law = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
        TrajectorySettings settings = new TrajectorySettings(48, 3_000, 100, 1, 1e-3);
        for (double lambda : new double[] {0.2, 0.5}) {
            SpectrumResult spectrum = QrLyapunovSpectrum.estimate(law, lambda, settings, SEED);
            ExponentEstimate top = RenormalisedProduct.matrix(law, lambda, settings, OTHER_SEED).exponent();
            assertThat(spectrum.exponents()[0]).isGreaterThan(spectrum.exponents()[1]);
            assertThat(Math.abs(spectrum.exponents()[0] - top.value())).as("lambda=%s", lambda)
                    .isLessThanOrEqualTo(Z * Math.hypot(spectrum.standardErrors()[0], top.standardError()));
        }
    }

    /**
     * Ĥ = diag(h₁, h₂, h₃) with independent h_i uniform on small sets: the product is diagonal, so the spectrum is
     * {E log|1 − λh_i|} exactly (computed here), sorted descending. The frame starts Haar-random and aligns with the
     * axes at rate e^{−gap·t}; the smallest gap is 0.37, so after the burn-in of 100 steps the bias is ≪ SE. 4 SE.
     */
    @Test
    void commutingDiagonalProductGivesThePerCoordinateExponents() {
        double lambda = 0.5;
        double[][] values = {{-1.0, 0.5}, {1.0, 2.5, 3.0}, {0.2, 0.8}};
        double[] exact = new double[3];
        for (int i = 0; i < 3; i++) {
            for (double h : values[i]) {
                exact[i] += Math.log(Math.abs(1 - lambda * h)) / values[i].length;
            }
        }
        double[] sorted = exact.clone();
        Arrays.sort(sorted);
        double[] descending = {sorted[2], sorted[1], sorted[0]};

        SpectrumResult spectrum = QrLyapunovSpectrum.estimate(diagonalSampler(values), lambda,
                new TrajectorySettings(32, 3_000, 100, 1, 1e-3), SEED);
        for (int i = 0; i < 3; i++) {
            assertThat(Math.abs(spectrum.exponents()[i] - descending[i])).as("exponent %d", i)
                    .isLessThanOrEqualTo(Z * spectrum.standardErrors()[i]);
        }
    }

    /**
     * h₁ ∈ {1, 3} at λ = 1 has a factor exactly 0: that direction collapses (−∞, SE 0) while the other coordinate
     * (h₂ ∈ {0.5, −0.5}: ½ log(0.5·1.5)) is unaffected: 4 SE.
     */
    @Test
    void aCollapsingDirectionGivesMinusInfinityAndLeavesTheOthers() {
        SpectrumResult spectrum = QrLyapunovSpectrum.estimate(diagonalSampler(new double[][] {{1, 3}, {0.5, -0.5}}),
                1.0, new TrajectorySettings(16, 2_000, 20, 1, 1e-3), SEED);
        double survivor = 0.5 * Math.log(0.5 * 1.5);
        assertThat(Math.abs(spectrum.exponents()[0] - survivor))
                .isLessThanOrEqualTo(Z * spectrum.standardErrors()[0]);
        assertThat(spectrum.exponents()[1]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(spectrum.standardErrors()[1]).isZero();
        assertThat(spectrum.sum()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void sameSeedIsBitIdenticalAndOtherSeedsDiffer() {
        RandomSymmetricLaw law = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
        TrajectorySettings settings = new TrajectorySettings(8, 500, 20, 1, 1e-3);
        SpectrumResult first = QrLyapunovSpectrum.estimate(law, 0.4, settings, SEED);
        assertThat(QrLyapunovSpectrum.estimate(law, 0.4, settings, SEED)).isEqualTo(first);
        SpectrumResult other = QrLyapunovSpectrum.estimate(law, 0.4, settings, OTHER_SEED);
        assertThat(other.exponents()[0]).isNotEqualTo(first.exponents()[0]);
        assertThat(other.exponents()[1]).isNotEqualTo(first.exponents()[1]);
        assertThat(first.runs()).isEqualTo(8);
        assertThat(first.steps()).isEqualTo(500);
    }

    /** A QR every k = 5 steps estimates the same spectrum (well-conditioned 2×2 case): 4 combined SE. */
    @Test
    void lessFrequentReorthonormalisationEstimatesTheSameSpectrum() {
        RandomSymmetricLaw law = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
        TrajectorySettings settings = new TrajectorySettings(32, 2_000, 100, 1, 1e-3);
        SpectrumResult every = QrLyapunovSpectrum.estimate(law, 0.3, settings, SEED);
        SpectrumResult fifth = QrLyapunovSpectrum.estimate(law, 0.3, settings.withRenormEvery(5), OTHER_SEED);
        for (int i = 0; i < 2; i++) {
            assertThat(Math.abs(every.exponents()[i] - fifth.exponents()[i]))
                    .isLessThanOrEqualTo(Z * Math.hypot(every.standardErrors()[i], fifth.standardErrors()[i]));
        }
    }

    /**
     * Enormous learning rates with a QR only every 64 steps: at λ = 1e100 one step multiplies the frame by
     * λ‖Ĥ‖ ~ 1e100, so between two QRs its entries pass 2^500 after two steps, and without a rescaling the squared
     * column norms of the next QR would overflow (the top exponent came out −∞). Now every exponent is finite and
     * the spectrum agrees within z = 4 combined SE with the one re-orthonormalised every step (k = 1, another stream),
     * the top exponent also with the renormalised single-vector product. For d = 1 the exponent is known:
     * Λ = E log|(1 − λm) − 2λνZ| ({@link NormalLogExpectation}), and the QR estimate agrees within 4 SE. (Each run's
     * exponent is ln λ + O(1) ≈ 230; its sd over runs is O(1/√T) as at small λ.)
     */
    @Test
    void enormousLearningRatesDoNotOverflowBetweenReorthonormalisations() {
        RandomSymmetricLaw law = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
        TrajectorySettings rare = new TrajectorySettings(32, 2_000, 10, 64, 1e-3);
        double lambda = 1e100;
        SpectrumResult sixtyFour = QrLyapunovSpectrum.estimate(law, lambda, rare, SEED);
        SpectrumResult every = QrLyapunovSpectrum.estimate(law, lambda, rare.withRenormEvery(1), OTHER_SEED);
        ExponentEstimate vector = RenormalisedProduct.matrix(law, lambda, rare, OTHER_SEED).exponent();
        for (int i = 0; i < 2; i++) {
            assertThat(sixtyFour.exponents()[i]).as("exponent %d", i).isFinite();
            assertThat(Math.abs(sixtyFour.exponents()[i] - every.exponents()[i])).as("exponent %d", i)
                    .isLessThanOrEqualTo(Z * Math.hypot(sixtyFour.standardErrors()[i], every.standardErrors()[i]));
        }
        assertThat(sixtyFour.exponents()[0]).isGreaterThan(Math.log(lambda) - 5);
        assertThat(Math.abs(sixtyFour.exponents()[0] - vector.value()))
                .isLessThanOrEqualTo(Z * Math.hypot(sixtyFour.standardErrors()[0], vector.standardError()));

        // The cell that showed it: eval --model random-sym --param lambda=1e100 --param renorm_every=64 --param
        // runs=2 --param steps=200.
        Row cell = ModelRegistry.evaluate("random-sym", Map.of("lambda", 1e100, "renorm_every", 64, "runs", 2,
                "steps", 200), EstimatorKind.AUTO, 1, 0);
        assertThat(cell.get(PhaseTable.EXP_TOP)).isFinite().isGreaterThan(Math.log(lambda) - 5);
        for (double e : cell.get(PhaseTable.SPECTRUM)) {
            assertThat(e).isFinite();
        }

        RandomSymmetricLaw one = RandomSymmetricLaw.diagonal(new double[] {0.1}, 1.0);
        SpectrumResult d1 = QrLyapunovSpectrum.estimate(one, lambda, rare, SEED);
        double exact = NormalLogExpectation.expectedLogAbs(1 - lambda * 0.1, 2 * lambda * 1.0);
        assertThat(Math.abs(d1.exponents()[0] - exact)).isLessThanOrEqualTo(Z * d1.standardErrors()[0]);
    }

    @Test
    void spectrumIsAvailableAsAnMllibVector() {
        RandomSymmetricLaw law = RandomSymmetricLaw.diagonal(new double[] {0.1, -0.1}, 1.0);
        TrajectorySettings settings = new TrajectorySettings(4, 200, 10, 1, 1e-3);
        SpectrumResult spectrum = QrLyapunovSpectrum.estimate(law, 0.4, settings, SEED);
        DenseVector vector = QrLyapunovSpectrum.estimateVector(law, 0.4, settings, SEED);
        assertThat(vector.values()).containsExactly(spectrum.exponents());
        assertThat(spectrum.exponentsVector().values()).containsExactly(spectrum.exponents());
        assertThat(spectrum.standardErrorsVector().values()).containsExactly(spectrum.standardErrors());
    }

    @Test
    void spectrumResultIsValidated() {
        assertThatThrownBy(() -> new SpectrumResult(new double[] {-1, 0}, new double[] {0, 0}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("exponents must be sorted");
        assertThatThrownBy(() -> new SpectrumResult(new double[] {0}, new double[] {-1}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("standard error 0 must be >= 0, got -1.0");
        double[] exponents = {1, 0};
        SpectrumResult result = new SpectrumResult(exponents, new double[] {0, 0}, 1, 1);
        exponents[0] = 5;
        assertThat(result.exponents()[0]).isEqualTo(1.0);
    }

    /** Ĥ = diag(h_1 … h_d), h_i uniform on values[i], independent. */
    private static MatrixSampler diagonalSampler(double[][] values) {
        int d = values.length;
        return new MatrixSampler() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public void sample(RandomGenerator rng, double[] out) {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        out[i * d + j] = i == j ? values[i][rng.nextInt(values[i].length)] : 0.0;
                    }
                }
            }
        };
    }
}
