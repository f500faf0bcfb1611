package org.probstab.lyapunov;

import java.util.random.RandomGenerator;
import org.probstab.law.MatrixSampler;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.random.RunStreams;
import org.probstab.random.StreamSeeds;
import org.probstab.random.Xoshiro256Plus;
import org.probstab.special.Constants;
import org.probstab.special.RunningMoments;

/**
 * The reference the trajectory engine and the estimators on it are tested against, bit for bit: the plain loops the
 * estimators were before they ran on the engine — one run after the other, one generator object per run
 * ({@code StreamSeeds.fromSeed} or {@link Xoshiro256Plus#fromSeed} of {@code RunStreams.runSeed(streamSeed, r)}), one
 * sampler call per step, the state of one run in scalars — with the rules their javadoc states: the scalar product
 * as a mantissa times 2^E, a step that would leave [2⁻⁵⁰⁰, 2⁵⁰⁰] taking the factor's binary exponent out first, a
 * factor 0 collapsing the run, a renormalisation every k steps; the d×d product rescaled by the power of two of
 * max|v_i|; the cut-off protocol unnormalised; the QR spectrum by modified Gram–Schmidt twice per column. The only
 * change from the old estimators is the one the engine brings: the QR frame's W is rescaled by a power of two
 * before its QR when an entry leaves [2⁻⁵⁰⁰, 2⁵⁰⁰], so that no column norm overflows.
 */
public final class PlainLoops {

    static final double SAFE_MAX = 0x1p500;
    static final double SAFE_MIN = 0x1p-500;
    private static final long EXPONENT_MASK = 0x7FF0_0000_0000_0000L;
    private static final long UNIT_EXPONENT_BITS = 0x3FF0_0000_0000_0000L;
    private static final long COLLAPSED = Long.MIN_VALUE;

    private PlainLoops() {
    }

    /** Run r's generator: a fresh object of the algorithm, seeded with {@code RunStreams.runSeed(streamSeed, r)}. */
    public static RandomGenerator generator(RunStreams.Algorithm algorithm, long streamSeed, int r) {
        long seed = RunStreams.runSeed(streamSeed, r);
        return algorithm == RunStreams.Algorithm.XOSHIRO256_PLUS ? Xoshiro256Plus.fromSeed(seed)
                : StreamSeeds.fromSeed(seed);
    }

    /**
     * log|z_T| of every run of z_{t+1} = (1 − λχ_t) z_t, z_0 = 1; the block sums of log|factor| (blocks of
     * min(100, T) steps) are added to {@code blockSums}, run by run.
     */
    public static double[] scalarLogNorms(ScalarBatchSampler sampler, double lambda, int runs, long steps,
                                          int renormEvery, RunStreams.Algorithm algorithm, long streamSeed,
                                          RunningMoments blockSums) {
        long block = Math.min(RenormalisedProduct.VARIANCE_BLOCK, steps);
        double[] logNorms = new double[runs];
        for (int r = 0; r < runs; r++) {
            logNorms[r] = scalarRun(sampler, lambda, generator(algorithm, streamSeed, r), steps, renormEvery, block,
                    blockSums);
        }
        return logNorms;
    }

    /** {@link RenormalisedProduct#scalar} as the plain loop computes it. */
    public static TrajectoryResult scalar(ScalarBatchSampler sampler, double lambda, TrajectorySettings s,
                                          RunStreams.Algorithm algorithm, long streamSeed) {
        RunningMoments blockSums = new RunningMoments();
        double[] logNorms = scalarLogNorms(sampler, lambda, s.runs(), s.steps(), s.renormEvery(), algorithm,
                streamSeed, blockSums);
        boolean collapsed = false;
        for (double l : logNorms) {
            collapsed |= l == Double.NEGATIVE_INFINITY;
        }
        long block = Math.min(RenormalisedProduct.VARIANCE_BLOCK, s.steps());
        double logVariance = collapsed ? Double.POSITIVE_INFINITY
                : blockSums.weight() < 2 ? Double.NaN : blockSums.sampleVariance() / block;
        return TrajectoryResult.fromLogNorms(logNorms, s.steps(), s.epsilon(), logVariance);
    }

    /** log‖θ_T‖ of every run of the d×d product, after the burn-in. */
    public static double[] matrixLogNorms(MatrixSampler sampler, double lambda, TrajectorySettings s,
                                          RunStreams.Algorithm algorithm, long streamSeed) {
        int d = sampler.dimension();
        double[] hessian = new double[d * d];
        double[] v = new double[d];
        double[] hv = new double[d];
        double[] logNorms = new double[s.runs()];
        for (int r = 0; r < s.runs(); r++) {
            RandomGenerator rng = generator(algorithm, streamSeed, r);
            randomUnitVector(rng, v);
            long exponent = propagate(sampler, lambda, rng, hessian, v, hv, s.burnIn(), s.renormEvery());
            if (exponent == COLLAPSED) {
                logNorms[r] = Double.NEGATIVE_INFINITY;
                continue;
            }
            scale(v, 1.0 / norm(v));
            exponent = propagate(sampler, lambda, rng, hessian, v, hv, s.steps(), s.renormEvery());
            logNorms[r] = exponent == COLLAPSED ? Double.NEGATIVE_INFINITY
                    : exponent * Constants.LN2 + StrictMath.log(norm(v));
        }
        return logNorms;
    }

    /** {@link RenormalisedProduct#matrix} as the plain loop computes it. */
    public static TrajectoryResult matrix(MatrixSampler sampler, double lambda, TrajectorySettings s,
                                          RunStreams.Algorithm algorithm, long streamSeed) {
        return TrajectoryResult.fromLogNorms(matrixLogNorms(sampler, lambda, s, algorithm, streamSeed), s.steps(),
                s.epsilon(), Double.NaN);
    }

    /** The per-run exponents x_r = log|z_t|/t of the scalar cut-off protocol. */
    public static double[] paperScalarPerRun(ScalarBatchSampler sampler, double lambda, PaperProtocol.Settings s,
                                             RunStreams.Algorithm algorithm, long streamSeed) {
        double[] perRun = new double[s.runs()];
        for (int r = 0; r < s.runs(); r++) {
            RandomGenerator rng = generator(algorithm, streamSeed, r);
            double z = 1.0;
            long t = 0;
            double magnitude = 1.0;
            while (t < s.maxSteps()) {
                z *= 1.0 - lambda * sampler.sample(rng);
                t++;
                magnitude = Math.abs(z);
                if (!(magnitude < s.upperCutoff() && magnitude > s.lowerCutoff())) {
                    break;
                }
            }
            perRun[r] = StrictMath.log(magnitude) / t;
        }
        return perRun;
    }

    /** The per-run exponents of the d×d cut-off protocol. */
    public static double[] paperMatrixPerRun(MatrixSampler sampler, double lambda, PaperProtocol.Settings s,
                                             RunStreams.Algorithm algorithm, long streamSeed) {
        int d = sampler.dimension();
        double[] hessian = new double[d * d];
        double[] v = new double[d];
        double[] hv = new double[d];
        double[] perRun = new double[s.runs()];
        for (int r = 0; r < s.runs(); r++) {
            RandomGenerator rng = generator(algorithm, streamSeed, r);
            randomUnitVector(rng, v);
            long t = 0;
            double norm = 1.0;
            while (t < s.maxSteps()) {
                sampler.sample(rng, hessian);
                for (int i = 0; i < d; i++) {
                    double sum = 0;
                    int row = i * d;
                    for (int j = 0; j < d; j++) {
                        sum += hessian[row + j] * v[j];
                    }
                    hv[i] = sum;
                }
                for (int i = 0; i < d; i++) {
                    v[i] -= lambda * hv[i];
                }
                t++;
                norm = scaledNorm(v);
                if (!(norm < s.upperCutoff() && norm > s.lowerCutoff())) {
                    break;
                }
            }
            perRun[r] = StrictMath.log(norm) / t;
        }
        return perRun;
    }

    /** The protocol's estimate from per-run exponents (mean, SE), as {@link PaperProtocol} summarises them. */
    public static ExponentEstimate paper(double[] perRun, PaperProtocol.Settings s) {
        double mean = TrajectoryResult.mean(perRun);
        return new ExponentEstimate(mean, TrajectoryResult.standardError(perRun, mean), Double.NaN,
                Method.PAPER_PROTOCOL, s.runs(), s.maxSteps());
    }

    /** {@link QrLyapunovSpectrum#estimate} as the plain loop computes it. */
    public static SpectrumResult qr(MatrixSampler sampler, double lambda, TrajectorySettings s,
                                    RunStreams.Algorithm algorithm, long streamSeed) {
        Frame frame = new Frame(sampler.dimension());
        int d = frame.d;
        double[] perRun = new double[s.runs() * d];
        for (int r = 0; r < s.runs(); r++) {
            RandomGenerator rng = generator(algorithm, streamSeed, r);
            for (int k = 0; k < d * d; k++) {
                frame.w[k] = rng.nextGaussian();
            }
            frame.orthonormalise();
            frame.propagate(sampler, lambda, rng, s.burnIn(), s.renormEvery());
            frame.resetLogs();
            frame.propagate(sampler, lambda, rng, s.steps(), s.renormEvery());
            for (int i = 0; i < d; i++) {
                perRun[r * d + i] = frame.logGrowth(i) / s.steps();
            }
        }
        return SpectrumResult.fromRuns(perRun, s.runs(), d, s.steps());
    }

    private static double scalarRun(ScalarBatchSampler sampler, double lambda, RandomGenerator rng, long steps,
                                    int renormEvery, long block, RunningMoments blockSums) {
        double mantissa = 1.0;
        long exponent = 0;
        double blockStartLog = 0.0;
        long fullBlocks = steps / block;
        for (long b = 0; b <= fullBlocks; b++) {
            long length = b < fullBlocks ? block : steps - fullBlocks * block;
            int sinceRenorm = 0;
            for (long i = 0; i < length; i++) {
                double factor = 1.0 - lambda * sampler.sample(rng);
                double next = mantissa * factor;
                double magnitude = Math.abs(next);
                if (magnitude < SAFE_MAX && magnitude > SAFE_MIN) {
                    mantissa = next;
                } else {
                    if (factor == 0.0) {
                        return Double.NEGATIVE_INFINITY;
                    }
                    if (!Double.isFinite(factor)) {
                        throw new IllegalArgumentException("factor 1 - lambda*chi must be finite, got " + factor);
                    }
                    exponent += Math.getExponent(factor);
                    mantissa *= unitExponent(factor);
                }
                if (++sinceRenorm == renormEvery) {
                    exponent += Math.getExponent(mantissa);
                    mantissa = unitExponent(mantissa);
                    sinceRenorm = 0;
                }
            }
            exponent += Math.getExponent(mantissa);
            mantissa = unitExponent(mantissa);
            if (b < fullBlocks) {
                double logNow = exponent * Constants.LN2 + StrictMath.log(Math.abs(mantissa));
                blockSums.add(logNow - blockStartLog);
                blockStartLog = logNow;
            }
        }
        return exponent * Constants.LN2 + StrictMath.log(Math.abs(mantissa));
    }

    private static long propagate(MatrixSampler sampler, double lambda, RandomGenerator rng, double[] hessian,
                                  double[] v, double[] hv, long steps, int renormEvery) {
        int d = v.length;
        long exponent = 0;
        int sinceRenorm = 0;
        for (long t = 0; t < steps; t++) {
            sampler.sample(rng, hessian);
            for (int i = 0; i < d; i++) {
                double sum = 0;
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    sum += hessian[row + j] * v[j];
                }
                hv[i] = sum;
            }
            double max = 0;
            for (int i = 0; i < d; i++) {
                v[i] -= lambda * hv[i];
                max = Math.max(max, Math.abs(v[i]));
            }
            if (++sinceRenorm == renormEvery || !(max > SAFE_MIN && max < SAFE_MAX)) {
                if (max == 0.0) {
                    return COLLAPSED;
                }
                if (!(max < Double.POSITIVE_INFINITY)) {
                    throw new ArithmeticException("overflow at lambda = " + lambda);
                }
                int e = Math.getExponent(max);
                scale(v, powerOfTwo(-e));
                exponent += e;
                sinceRenorm = 0;
            }
        }
        if (sinceRenorm != 0) {
            double max = 0;
            for (double x : v) {
                max = Math.max(max, Math.abs(x));
            }
            if (max == 0.0) {
                return COLLAPSED;
            }
            int e = Math.getExponent(max);
            scale(v, powerOfTwo(-e));
            exponent += e;
        }
        return exponent;
    }

    static void randomUnitVector(RandomGenerator rng, double[] v) {
        double n;
        do {
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextGaussian();
            }
            n = norm(v);
        } while (n == 0.0);
        scale(v, 1.0 / n);
    }

    static double unitExponent(double x) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(x) & ~EXPONENT_MASK) | UNIT_EXPONENT_BITS);
    }

    static double powerOfTwo(int e) {
        return Double.longBitsToDouble((long) (e + 1023) << 52);
    }

    static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    static void scale(double[] v, double factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }

    private static double scaledNorm(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        if (max == 0.0 || !(max < Double.POSITIVE_INFINITY)) {
            return max;
        }
        int e = Math.getExponent(max);
        double sum = 0;
        for (double x : v) {
            double y = Math.scalb(x, -e);
            sum += y * y;
        }
        return Math.scalb(Math.sqrt(sum), e);
    }

    /** The QR frame of the old estimator, with the power-of-two rescaling of W before an out-of-range QR. */
    private static final class Frame {
        final int d;
        final double[] q;
        final double[] w;
        final double[] hessian;
        final double[] scratch;
        final double[] mantissa;
        final long[] exponent;
        final double[] extraLog;
        final boolean[] collapsed;

        Frame(int d) {
            this.d = d;
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

        void propagate(MatrixSampler sampler, double lambda, RandomGenerator rng, long steps, int renormEvery) {
            int sinceQr = 0;
            for (long t = 0; t < steps; t++) {
                sampler.sample(rng, hessian);
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
                    throw new ArithmeticException("overflow at lambda = " + lambda);
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

        /** W ← 2^−e W with e the binary exponent of max|W_ij| when max is outside the safe range; logs += e ln 2. */
        void rescale(double max) {
            if (max > SAFE_MIN && max < SAFE_MAX || max == 0.0) {
                return;
            }
            int e = Math.getExponent(max);
            double f = powerOfTwo(-e);
            for (int k = 0; k < d * d; k++) {
                w[k] *= f;
            }
            for (int j = 0; j < d; j++) {
                exponent[j] += e;
            }
        }

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
                mantissa[j] = unitExponent(m);
            } else {
                extraLog[j] += StrictMath.log(norm);
            }
        }

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
