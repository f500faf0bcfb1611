package org.probstab.lyapunov;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.probstab.law.FiniteDataset;
import org.probstab.law.MatrixSampler;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.random.StreamSeeds;
import org.probstab.special.Constants;
import org.probstab.special.RunningMoments;

/**
 * The top Lyapunov exponent by renormalised random products (DESIGN §2, "Monte-Carlo trajectories"; 000 eq. 8 and
 * Thm 3; 002 Lemma 1):
 * <pre>
 *   θ_{t+1} = (I − λĤ_t) θ_t,   ‖θ_0‖ = 1,   Λ̂ = (1/R) Σ_r (1/T) log‖θ_T^{(r)}‖,   SE = sd_r / √R.
 * </pre>
 * No overflow cut-offs and no stopping rule, hence no bias from them (unlike {@link PaperProtocol}): the state is
 * kept as a mantissa times 2^E with the binary exponent E in a {@code long}. Every k steps ({@link
 * TrajectorySettings#renormEvery()}), and earlier whenever the magnitude leaves [2^−500, 2^500], the state is
 * rescaled by an exact power of two. Rescaling by a power of two commutes with every floating-point operation of
 * the step (absent under- and overflow), so the result does not depend on k, and log‖θ_T‖ = E·ln 2 + log‖mantissa‖
 * needs a single logarithm per run. Logarithms are {@link StrictMath#log} (fdlibm, specified to the bit), so that
 * this class's own arithmetic does not depend on the CPU or the JIT (DESIGN §3); they are rare enough to cost
 * nothing. (Gaussian draws are the JDK's {@code nextGaussian}.)
 *
 * <p>Run r draws from its own generator {@code StreamSeeds.fromSeed(StreamSeeds.mix(streamSeed + r))}, so results
 * are a function of (sampler, λ, settings, streamSeed) only, whatever the threading of callers. Pass a mixed
 * stream seed ({@link StreamSeeds#streamSeed}): two calls whose seeds differ by less than R share runs.
 *
 * <p>A factor exactly 0 (e.g. λ = 1/χ_i for a finite dataset, DESIGN §2) makes log|θ_T| = −∞ for that run. That is
 * legal: the mean is then −∞ with SE 0, P(‖θ_T‖ &lt; ε) counts the run, and the scalar log variance is +∞ (log|1 − λχ|
 * is −∞ with positive probability).
 */
public final class RenormalisedProduct {

    /** Variance blocks for s² in the scalar case: block sums of this many log-factors (or T if smaller). */
    static final int VARIANCE_BLOCK = 100;

    static final double SAFE_MAX = 0x1p500;
    static final double SAFE_MIN = 0x1p-500;

    private static final long EXPONENT_MASK = 0x7FF0_0000_0000_0000L;
    private static final long UNIT_EXPONENT_BITS = 0x3FF0_0000_0000_0000L;
    /** Sentinel binary exponent of a state that became exactly 0. */
    private static final long COLLAPSED = Long.MIN_VALUE;

    private RenormalisedProduct() {
    }

    /**
     * The scalar (rank-1 / commuting) product z_{t+1} = (1 − λχ_B) z_t (000 Thm 1; DESIGN §2), z_0 = 1.
     *
     * <p>Besides Λ̂ it estimates s² = Var log|1 − λχ_B| (002 Lemma 1) without a logarithm per step: the measured
     * steps of each run are cut into blocks of b = min(100, T) steps; the block sums of log|factor| are i.i.d. with
     * variance b·s², so s² = (pooled sample variance of the R·⌊T/b⌋ block sums)/b. Each block sum costs one
     * logarithm. NaN when there are fewer than 2 blocks; +∞ when a run collapsed.
     *
     * <p>The scalar product has no transient (i.i.d. factors, a one-dimensional state), so the burn-in is ignored.
     * A {@link FiniteDataset} sampler runs as fast through this loop as a specialised one would, also when the
     * sampler call site has seen several sampler classes; so there is no specialised loop for datasets.
     *
     * @param lambda λ, any finite real (pass −λ for the exponent Λ₊ of 1 + λχ_B)
     * @throws IllegalArgumentException if λ is not finite or the sampler yields a non-finite factor
     */
    public static TrajectoryResult scalar(ScalarBatchSampler sampler, double lambda, TrajectorySettings s,
                                          long streamSeed) {
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(s, "settings");
        checkLambda(lambda);
        long steps = s.steps();
        long block = Math.min(VARIANCE_BLOCK, steps);
        RunningMoments blockSums = new RunningMoments();
        double[] logNorms = new double[s.runs()];
        boolean collapsed = false;
        for (int r = 0; r < s.runs(); r++) {
            RandomGenerator rng = runGenerator(streamSeed, r);
            logNorms[r] = scalarRun(sampler, lambda, rng, steps, s.renormEvery(), block, blockSums);
            collapsed |= logNorms[r] == Double.NEGATIVE_INFINITY;
        }
        double logVariance;
        if (collapsed) {
            logVariance = Double.POSITIVE_INFINITY;
        } else if (blockSums.weight() < 2) {
            logVariance = Double.NaN;
        } else {
            logVariance = blockSums.sampleVariance() / block;
        }
        return TrajectoryResult.fromLogNorms(logNorms, steps, s.epsilon(), logVariance);
    }

    /**
     * The top exponent of the d×d product v_{t+1} = (I − λĤ_t) v_t with v_0 uniform on the unit sphere (d standard
     * normals, normalised, from the run's generator), a burn-in, then T measured steps from ‖v‖ = 1.
     * The log variance is NaN (the log-norm increments of a matrix product are not i.i.d.).
     *
     * @throws IllegalArgumentException if λ is not finite
     * @throws ArithmeticException      if one step overflows (‖I − λĤ‖ &gt; 2^500) or produces NaN
     */
    public static TrajectoryResult matrix(MatrixSampler sampler, double lambda, TrajectorySettings s,
                                          long streamSeed) {
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(s, "settings");
        checkLambda(lambda);
        int d = sampler.dimension();
        double[] hessian = new double[d * d];
        double[] v = new double[d];
        double[] hv = new double[d];
        double[] logNorms = new double[s.runs()];
        for (int r = 0; r < s.runs(); r++) {
            RandomGenerator rng = runGenerator(streamSeed, r);
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
        return TrajectoryResult.fromLogNorms(logNorms, s.steps(), s.epsilon(), Double.NaN);
    }

    /**
     * One scalar run: returns log|z_T|, adds its block sums of log|factor| to {@code blockSums} (Welford). The state
     * is z = m·2^E with |m| ∈ [1, 2) after each renormalisation.
     */
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
                        throw new IllegalArgumentException("factor 1 - lambda*chi must be finite, got " + factor
                                + " at lambda = " + lambda);
                    }
                    // |factor| is normal (it is 0 or >= 2^-53), so this moves its exponent out exactly.
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

    /**
     * {@code steps} steps v ← v − λĤv in place; returns the binary exponent moved out of v by the exact
     * power-of-two rescalings, or {@link #COLLAPSED} if v became exactly 0.
     */
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
                    throw new ArithmeticException("one step of (I - lambda*H) overflowed or gave NaN at lambda = "
                            + lambda);
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

    /** The generator of run r: {@code StreamSeeds.fromSeed(StreamSeeds.mix(streamSeed + r))}. */
    static RandomGenerator runGenerator(long streamSeed, int run) {
        return StreamSeeds.fromSeed(StreamSeeds.mix(streamSeed + run));
    }

    /** Fills v with a uniform point of the unit sphere: standard normals, normalised (redrawn if all 0). */
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

    /** x with its binary exponent set to 0 (|result| ∈ [1, 2), sign kept): exact for normal x. */
    static double unitExponent(double x) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(x) & ~EXPONENT_MASK) | UNIT_EXPONENT_BITS);
    }

    /** 2^e for e ∈ [−1022, 1023], exactly. */
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

    static void checkLambda(double lambda) {
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite, got " + lambda);
        }
    }
}
