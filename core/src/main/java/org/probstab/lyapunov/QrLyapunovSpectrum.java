package org.probstab.lyapunov;

import java.util.Objects;
import org.apache.spark.ml.linalg.DenseVector;
import org.probstab.law.MatrixSampler;
import org.probstab.random.RunStreams;
import org.probstab.special.Constants;
import org.probstab.trajectory.MatrixDraws;

/**
 * The full Lyapunov spectrum of θ_{t+1} = (I − λĤ_t) θ_t by QR re-orthonormalisation (Benettin, Galgani, Giorgilli
 * &amp; Strelcyn 1980; Shimada &amp; Nagashima 1979; DESIGN §2 "Spectrum"; 000 eq. 8):
 * <pre>
 *   W = (I − λĤ_t) Q,   W = Q'R (QR, R_ii &gt; 0),   Q ← Q',   Λ_i = lim (1/T) Σ_t log R_ii(t).
 * </pre>
 * Q starts as a Haar-random orthonormal frame (QR of a matrix of standard normals from the run's generator), so
 * that its first column aligns with the top Oseledets direction even when Ĥ commutes with a fixed basis; after the
 * burn-in the sums restart. The QR is taken every k steps ({@link TrajectorySettings#renormEvery()}; between them
 * Q ← W) and earlier when an entry of W leaves [2^−500, 2^500]; before such a QR, W is rescaled by the power of two
 * 2^−e of its largest entry (e is added to every column's log: R of 2^−e W is 2^−e R, exactly), so that no column
 * norm can overflow even when one step multiplies by λ‖Ĥ‖ ~ 1e100 and more. With k &gt; 1 the frame's conditioning
 * degrades like e^{(Λ₁ − Λ_d)k}, hence the default k = 1. The QR is modified Gram–Schmidt applied twice per column ("twice is
 * enough", Giraud, Langou &amp; Rozložník 2005), which keeps Q orthonormal to machine precision for any numerically
 * nonsingular W. log R_ii is accumulated as a mantissa times a power of two, without a logarithm per step.
 *
 * <p>Run r draws from its own stream ({@code mix(streamSeed + r)} of {@link RenormalisedProduct#STREAMS}), the Ĥ of
 * a block of {@value #BLOCK} steps at a time ({@link MatrixDraws}: the random-symmetric law as data, any other law by
 * its sampler), and gives (1/T) Σ_t log R_ii(t) per column i; Λ̂_i and
 * its SE are the mean and sd/√R over runs, sorted descending ({@link SpectrumResult#fromRuns}). Since
 * Π_i R_ii = |det W| = |det(I − λĤ_t)| each step, the sum of the spectrum estimates E log|det(I − λĤ)|.
 *
 * <p>If a column of W is exactly 0 after projection (a singular factor: probability 0 for continuous laws), that
 * column's exponent is −∞ for the run and the frame is completed by the standard basis vector with the largest
 * component orthogonal to the other columns.
 */
public final class QrLyapunovSpectrum {

    /** Steps whose Ĥ one draw call makes. */
    static final int BLOCK = 16;

    static final double SAFE_MAX = 0x1p500;
    static final double SAFE_MIN = 0x1p-500;

    private QrLyapunovSpectrum() {
    }

    /**
     * Λ̂_1 ≥ … ≥ Λ̂_d with standard errors.
     *
     * @throws IllegalArgumentException if λ is not finite
     * @throws ArithmeticException      if one step overflows (‖I − λĤ‖ &gt; 2^500) or produces NaN
     */
    public static SpectrumResult estimate(MatrixSampler sampler, double lambda, TrajectorySettings s,
                                          long streamSeed) {
        Objects.requireNonNull(sampler, "sampler");
        return estimate(MatrixDraws.of(sampler), lambda, s, streamSeed);
    }

    /** {@link #estimate(MatrixSampler, double, TrajectorySettings, long)} of a law given as draws. */
    public static SpectrumResult estimate(MatrixDraws draws, double lambda, TrajectorySettings s, long streamSeed) {
        Objects.requireNonNull(draws, "draws");
        Objects.requireNonNull(s, "settings");
        RenormalisedProduct.checkLambda(lambda);
        Frame frame = new Frame(draws);
        int d = frame.d;
        RunStreams streams = RunStreams.of(RenormalisedProduct.STREAMS, streamSeed, s.runs());
        double[] perRun = new double[s.runs() * d];
        for (int r = 0; r < s.runs(); r++) {
            streams.gaussians(r, frame.w, 0, d * d);
            frame.orthonormalise();
            frame.propagate(streams, r, lambda, s.burnIn(), s.renormEvery());
            frame.resetLogs();
            frame.propagate(streams, r, lambda, s.steps(), s.renormEvery());
            for (int i = 0; i < d; i++) {
                perRun[r * d + i] = frame.logGrowth(i) / s.steps();
            }
        }
        return SpectrumResult.fromRuns(perRun, s.runs(), d, s.steps());
    }

    /** {@link #estimate(MatrixSampler, double, TrajectorySettings, long)} as the MLlib-local interchange vector
     * Λ̂_1 ≥ … ≥ Λ̂_d (DESIGN §1). */
    public static DenseVector estimateVector(MatrixSampler sampler, double lambda, TrajectorySettings s,
                                             long streamSeed) {
        return estimate(sampler, lambda, s, streamSeed).exponentsVector();
    }

    /**
     * The frame Q (column-major: Q_ij = q[j·d + i]), the scratch W and the per-column accumulators
     * Σ log R_ii = exponent_i·ln 2 + log mantissa_i + extraLog_i (−∞ when collapsed_i).
     */
    private static final class Frame {
        final MatrixDraws draws;
        final int d;
        final double[] normals;
        final double[] q;
        final double[] w;
        final double[] hessian;
        final double[] scratch;
        final double[] mantissa;
        final long[] exponent;
        final double[] extraLog;
        final boolean[] collapsed;

        Frame(MatrixDraws draws) {
            this.draws = draws;
            this.d = draws.dimension();
            normals = new double[BLOCK * draws.normalsPerStep()];
            q = new double[d * d];
            w = new double[d * d];
            hessian = new double[d * d];
            scratch = new double[d];
            mantissa = new double[d];
            exponent = new long[d];
            extraLog = new double[d];
            collapsed = new boolean[d];
            resetLogs();
        }

        void resetLogs() {
            for (int i = 0; i < d; i++) {
                mantissa[i] = 1.0;
                exponent[i] = 0;
                extraLog[i] = 0.0;
                collapsed[i] = false;
            }
        }

        double logGrowth(int i) {
            return collapsed[i] ? Double.NEGATIVE_INFINITY
                    : exponent[i] * Constants.LN2 + StrictMath.log(mantissa[i]) + extraLog[i];
        }

        /**
         * {@code steps} steps W = Q − λĤQ of run r; QR every k steps, when out of range (after rescaling W), and after
         * the last step.
         */
        void propagate(RunStreams streams, int r, double lambda, long steps, int renormEvery) {
            int sinceQr = 0;
            int inBlock = BLOCK;
            for (long t = 0; t < steps; t++) {
                if (inBlock == BLOCK) {
                    draws.fill(streams, r, normals, (int) Math.min(BLOCK, steps - t));
                    inBlock = 0;
                }
                draws.hessian(normals, inBlock++, hessian);
                double max = 0;
                for (int j = 0; j < d; j++) {
                    int col = j * d;
                    for (int i = 0; i < d; i++) {
                        double sum = 0;
                        int row = i * d;
                        for (int l = 0; l < d; l++) {
                            sum += hessian[row + l] * q[col + l];
                        }
                        double x = q[col + i] - lambda * sum;
                        w[col + i] = x;
                        max = Math.max(max, Math.abs(x));
                    }
                }
                if (!(max < Double.POSITIVE_INFINITY)) {
                    throw new ArithmeticException("one step of (I - lambda*H) Q overflowed or gave NaN at lambda = "
                            + lambda);
                }
                if (++sinceQr == renormEvery || !(max > SAFE_MIN && max < SAFE_MAX)) {
                    rescale(max);
                    orthonormalise();
                    sinceQr = 0;
                } else {
                    System.arraycopy(w, 0, q, 0, d * d);
                }
            }
            if (sinceQr != 0) {
                System.arraycopy(q, 0, w, 0, d * d);
                orthonormalise();
            }
        }

        /**
         * W ← 2^−e W, e the binary exponent of max|W_ij|, when max is outside [2^−500, 2^500]; adds e to every
         * column's exponent (the R of 2^−e W is 2^−e R: exact, as every operation of the QR commutes with it).
         */
        void rescale(double max) {
            if (max > SAFE_MIN && max < SAFE_MAX || max == 0.0) {
                return;
            }
            int e = Math.getExponent(max);
            double f = RenormalisedProduct.powerOfTwo(-e);
            for (int k = 0; k < d * d; k++) {
                w[k] *= f;
            }
            for (int j = 0; j < d; j++) {
                exponent[j] += e;
            }
        }

        /** Q R = W by modified Gram–Schmidt, twice per column; adds log R_jj to the accumulators. */
        void orthonormalise() {
            for (int j = 0; j < d; j++) {
                int col = j * d;
                System.arraycopy(w, col, q, col, d);
                projectOut(q, col, j);
                projectOut(q, col, j);
                double norm = columnNorm(q, col);
                if (norm == 0.0) {
                    collapsed[j] = true;
                    complete(j);
                    continue;
                }
                double inverse = 1.0 / norm;
                for (int i = 0; i < d; i++) {
                    q[col + i] *= inverse;
                }
                addLog(j, norm);
            }
        }

        /** v (column {@code col} of {@code a}) ← v − Σ_{i&lt;j} (q_i·v) q_i, one modified Gram–Schmidt sweep. */
        private void projectOut(double[] a, int col, int j) {
            for (int i = 0; i < j; i++) {
                int qi = i * d;
                double dot = 0;
                for (int l = 0; l < d; l++) {
                    dot += q[qi + l] * a[col + l];
                }
                for (int l = 0; l < d; l++) {
                    a[col + l] -= dot * q[qi + l];
                }
            }
        }

        private void addLog(int j, double norm) {
            if (norm > SAFE_MIN && norm < SAFE_MAX) {
                double m = mantissa[j] * norm;
                exponent[j] += Math.getExponent(m);
                mantissa[j] = RenormalisedProduct.unitExponent(m);
            } else {
                extraLog[j] += StrictMath.log(norm);
            }
        }

        /** Column j ← the unit vector e_c − Σ_{i&lt;j}(q_i·e_c) q_i of largest norm over c (frame completion). */
        private void complete(int j) {
            int col = j * d;
            double best = -1;
            for (int c = 0; c < d; c++) {
                for (int l = 0; l < d; l++) {
                    w[col + l] = l == c ? 1.0 : 0.0;
                }
                projectOut(w, col, j);
                projectOut(w, col, j);
                double norm = columnNorm(w, col);
                if (norm > best) {
                    best = norm;
                    for (int l = 0; l < d; l++) {
                        scratch[l] = w[col + l] / norm;
                    }
                }
            }
            System.arraycopy(scratch, 0, q, col, d);
        }

        private double columnNorm(double[] a, int col) {
            double sum = 0;
            for (int l = 0; l < d; l++) {
                sum += a[col + l] * a[col + l];
            }
            return Math.sqrt(sum);
        }
    }
}
