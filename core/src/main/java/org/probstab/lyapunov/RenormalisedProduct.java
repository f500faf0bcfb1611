package org.probstab.lyapunov;

import java.util.Objects;
import org.probstab.law.MatrixSampler;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.random.RunStreams;
import org.probstab.special.RunningMoments;
import org.probstab.trajectory.CurvatureDraws;
import org.probstab.trajectory.MatrixDraws;
import org.probstab.trajectory.MatrixProductEngine;
import org.probstab.trajectory.ScalarProductEngine;

/**
 * The top Lyapunov exponent by renormalised random products (DESIGN §2, "Monte-Carlo trajectories"; 000 eq. 8 and
 * Thm 3; 002 Lemma 1):
 * <pre>
 *   θ_{t+1} = (I − λĤ_t) θ_t,   ‖θ_0‖ = 1,   Λ̂ = (1/R) Σ_r (1/T) log‖θ_T^{(r)}‖,   SE = sd_r / √R.
 * </pre>
 * No overflow cut-offs and no stopping rule, hence no bias from them (unlike {@link PaperProtocol}): the state is
 * kept as a mantissa times 2^E with the binary exponent E in a {@code long}, rescaled by exact powers of two —
 * every 16 steps in the scalar case, every k steps ({@link TrajectorySettings#renormEvery()}) in the d×d case, and
 * whenever the magnitude leaves [2^−500, 2^500]. Rescaling by a power of two commutes with every floating-point
 * operation of the step (absent under- and overflow), so the result does not depend on k, and log‖θ_T‖ = E·ln 2 +
 * log‖mantissa‖ needs a single logarithm per run. Logarithms are {@link StrictMath#log} (fdlibm, specified to the
 * bit), so that the arithmetic does not depend on the CPU or the JIT (DESIGN §3).
 *
 * <p>The runs advance in lockstep on the trajectory engine ({@link ScalarProductEngine},
 * {@link MatrixProductEngine}); run r draws from its own stream, {@code mix(streamSeed + r)} of
 * {@link #STREAMS} ({@link RunStreams}), so results are a function of (law, λ, settings, streamSeed) only, whatever
 * the threading of callers. Pass a mixed stream seed ({@link org.probstab.random.StreamSeeds#streamSeed}): two calls
 * whose seeds differ by less than R share runs. A commuting law can carry several lanes — signed steps λ_j on the
 * same draws — so that Λ₋ = Λ(λ) and Λ₊ = Λ(−λ) of a matrix-factorisation cell cost one set of draws; each lane's
 * estimate is exactly what a call with that λ alone gives.
 *
 * <p>A factor exactly 0 (e.g. λ = 1/χ_i for a finite dataset, DESIGN §2) makes log|θ_T| = −∞ for that run. That is
 * legal: the mean is then −∞ with SE 0, P(‖θ_T‖ &lt; ε) counts the run, and the scalar log variance is +∞ (log|1 − λχ|
 * is −∞ with positive probability).
 */
public final class RenormalisedProduct {

    /** The streams of the runs: xoshiro256+ with 256-layer ziggurat normals ({@link RunStreams.Algorithm#label()}). */
    public static final RunStreams.Algorithm STREAMS = RunStreams.Algorithm.XOSHIRO256_PLUS;

    /** Variance blocks for s² in the scalar case: block sums of this many log-factors (or T if smaller). */
    static final int VARIANCE_BLOCK = 100;

    private RenormalisedProduct() {
    }

    /**
     * The scalar (rank-1 / commuting) product z_{t+1} = (1 − λχ_B) z_t (000 Thm 1; DESIGN §2), z_0 = 1, of a law
     * known by its sampler (one sampler call per step; {@link #scalar(CurvatureDraws, double[], TrajectorySettings,
     * long)} with the law as data draws in blocks and gives the same numbers for the same law).
     *
     * @param lambda λ, any finite real (pass −λ for the exponent Λ₊ of 1 + λχ_B)
     * @throws IllegalArgumentException if λ is not finite or the sampler yields a non-finite factor
     */
    public static TrajectoryResult scalar(ScalarBatchSampler sampler, double lambda, TrajectorySettings s,
                                          long streamSeed) {
        Objects.requireNonNull(sampler, "sampler");
        return scalar(CurvatureDraws.sampled(sampler), new double[] {lambda}, s, streamSeed)[0];
    }

    /**
     * The scalar product for each lane λ_j, all lanes on the same draws χ_t of each run.
     *
     * <p>Besides Λ̂ it estimates s² = Var log|1 − λχ_B| (002 Lemma 1) without a logarithm per step: the steps of each
     * run are cut into blocks of b = min(100, T) steps; the block sums of log|factor| are i.i.d. with variance b·s²,
     * so s² = (pooled sample variance of the R·⌊T/b⌋ block sums)/b. Each block sum costs one logarithm. NaN when
     * there are fewer than 2 blocks; +∞ when a run collapsed. The scalar product has no transient (i.i.d. factors, a
     * one-dimensional state), so the burn-in and k are ignored.
     *
     * @param lambdas the lanes' λ_j (finite; {λ, −λ} for Λ₋ and Λ₊)
     * @return one result per lane
     * @throws IllegalArgumentException if a λ is not finite or a factor is not finite
     */
    public static TrajectoryResult[] scalar(CurvatureDraws draws, double[] lambdas, TrajectorySettings s,
                                            long streamSeed) {
        Objects.requireNonNull(draws, "draws");
        Objects.requireNonNull(s, "settings");
        int block = (int) Math.min(VARIANCE_BLOCK, s.steps());
        ScalarProductEngine.ProductRuns runs = ScalarProductEngine.renormalised(draws, lambdas, s.steps(), block,
                RunStreams.of(STREAMS, streamSeed, s.runs()));
        TrajectoryResult[] out = new TrajectoryResult[lambdas.length];
        for (int j = 0; j < lambdas.length; j++) {
            double[] logNorms = runs.logNorms()[j];
            boolean collapsed = false;
            RunningMoments blockSums = new RunningMoments();
            for (int r = 0; r < logNorms.length; r++) {
                collapsed |= logNorms[r] == Double.NEGATIVE_INFINITY;
                for (double x : runs.blockLogSums()[j][r]) {
                    blockSums.add(x);
                }
            }
            double logVariance = collapsed ? Double.POSITIVE_INFINITY
                    : blockSums.weight() < 2 ? Double.NaN : blockSums.sampleVariance() / block;
            out[j] = TrajectoryResult.fromLogNorms(logNorms, s.steps(), s.epsilon(), logVariance);
        }
        return out;
    }

    /**
     * The top exponent of the d×d product v_{t+1} = (I − λĤ_t) v_t with v_0 uniform on the unit sphere (d standard
     * normals, normalised, from the run's stream), a burn-in, then T measured steps from ‖v‖ = 1. The log variance
     * is NaN (the log-norm increments of a matrix product are not i.i.d.). The random-symmetric law is drawn as data
     * ({@link MatrixDraws#of(MatrixSampler)}), any other by its sampler, one call per step.
     *
     * @throws IllegalArgumentException if λ is not finite
     * @throws ArithmeticException      if one step overflows (‖I − λĤ‖ &gt; 2^500) or produces NaN
     */
    public static TrajectoryResult matrix(MatrixSampler sampler, double lambda, TrajectorySettings s,
                                          long streamSeed) {
        Objects.requireNonNull(sampler, "sampler");
        return matrix(MatrixDraws.of(sampler), lambda, s, streamSeed);
    }

    /** {@link #matrix(MatrixSampler, double, TrajectorySettings, long)} of a law given as draws. */
    public static TrajectoryResult matrix(MatrixDraws draws, double lambda, TrajectorySettings s, long streamSeed) {
        Objects.requireNonNull(draws, "draws");
        Objects.requireNonNull(s, "settings");
        double[] logNorms = MatrixProductEngine.renormalised(draws, lambda, s.burnIn(), s.steps(), s.renormEvery(),
                RunStreams.of(STREAMS, streamSeed, s.runs()));
        return TrajectoryResult.fromLogNorms(logNorms, s.steps(), s.epsilon(), Double.NaN);
    }

    /** x with its binary exponent set to 0 (|result| ∈ [1, 2), sign kept): exact for normal x. */
    static double unitExponent(double x) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(x) & ~0x7FF0_0000_0000_0000L)
                | 0x3FF0_0000_0000_0000L);
    }

    /** 2^e for e ∈ [−1022, 1023], exactly. */
    static double powerOfTwo(int e) {
        return Double.longBitsToDouble((long) (e + 1023) << 52);
    }

    static void checkLambda(double lambda) {
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite, got " + lambda);
        }
    }
}
