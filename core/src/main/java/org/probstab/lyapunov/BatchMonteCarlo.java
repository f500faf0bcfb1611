package org.probstab.lyapunov;

import java.util.random.RandomGenerator;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.special.FastLog;
import org.probstab.special.RunningMoments;

/**
 * Monte-Carlo estimate of Λ = E_B log|1 − λχ_B| over i.i.d. minibatches, for laws or dataset sizes where exact
 * enumeration is too expensive (DESIGN §2 "Exact evaluation … otherwise Monte-Carlo over batches"):
 * <pre>
 *   Λ̂ = (1/n) Σ_{b=1}^{n} log|1 − λχ_{B_b}|,   ŝ² = (1/(n−1)) Σ_b (log|1 − λχ_{B_b}| − Λ̂)²,   SE = ŝ/√n.
 * </pre>
 * Because the terms are i.i.d. (a fresh batch per term, as in one step of SGD), SE is the exact standard error of
 * the sample mean; it is what the phase classification compares |Λ̂| with (DESIGN §2, STYLE 3).
 *
 * <p>A sampled factor exactly 0 proves that the batch law has an atom at λχ_B = 1 of positive probability, so
 * then Λ = −∞ exactly: value −∞, SE 0, logVariance +∞ (or 0 if every sampled factor was 0). Overflowing λχ_B is
 * handled as in {@link ExactFiniteSum}.
 *
 * <p>Randomness: the batches are drawn from the given generator in order, so a generator from
 * {@code StreamSeeds.stream(seed, cellId, Purpose.BATCHES)} makes the estimate a pure function of its cell.
 */
public final class BatchMonteCarlo {

    private static final int CHUNK = 256;

    private BatchMonteCarlo() {
    }

    /**
     * Λ̂ for the signed step λ (pass −λ for Λ₊), as {@link Method#MC_BATCHES}.
     *
     * @param batches n ≥ 2 (a sample variance needs two terms)
     */
    public static ExponentEstimate exponent(ScalarBatchSampler sampler, double lambda, long batches,
                                            RandomGenerator rng) {
        check(sampler, lambda, batches, rng);
        RunningMoments moments = new RunningMoments();
        long[] zeros = new long[1];
        sample(sampler, lambda, batches, rng, moments, null, zeros);
        return ExactFiniteSum.sampleEstimate(moments, zeros[0], Method.MC_BATCHES);
    }

    /**
     * {Λ̂₋ at λ, Λ̂₊ at −λ} from the same batches (a matrix-factorisation cell needs both; sharing the batches
     * halves the sampling and makes the two estimates' errors correlated, which the phase test does not mind).
     */
    public static ExponentEstimate[] exponentPair(ScalarBatchSampler sampler, double lambda, long batches,
                                                  RandomGenerator rng) {
        check(sampler, lambda, batches, rng);
        RunningMoments minus = new RunningMoments();
        RunningMoments plus = new RunningMoments();
        long[] zeros = new long[2];
        sample(sampler, lambda, batches, rng, minus, plus, zeros);
        return new ExponentEstimate[] {ExactFiniteSum.sampleEstimate(minus, zeros[0], Method.MC_BATCHES),
                ExactFiniteSum.sampleEstimate(plus, zeros[1], Method.MC_BATCHES)};
    }

    /**
     * Draws the batches chunk by chunk and adds the finite log|1 − λχ_B| to {@code minus} and, unless it is null,
     * the finite log|1 + λχ_B| of the same batches to {@code plus}; the −∞ terms are counted in {@code zeros[0]}
     * and {@code zeros[1]}.
     */
    private static void sample(ScalarBatchSampler sampler, double lambda, long batches, RandomGenerator rng,
                               RunningMoments minus, RunningMoments plus, long[] zeros) {
        double[] chi = new double[CHUNK];
        double[] factorsMinus = new double[CHUNK];
        double[] factorsPlus = plus == null ? null : new double[CHUNK];
        double[] logs = new double[CHUNK];
        double[] scratch = new double[CHUNK];
        for (long done = 0; done < batches; ) {
            int m = (int) Math.min(CHUNK, batches - done);
            for (int i = 0; i < m; i++) {
                chi[i] = sampler.sample(rng);
                double step = lambda * chi[i];
                factorsMinus[i] = Math.abs(1 - step);
                if (plus != null) {
                    factorsPlus[i] = Math.abs(1 + step);
                }
            }
            zeros[0] += add(minus, chi, factorsMinus, logs, scratch, m, lambda);
            if (plus != null) {
                zeros[1] += add(plus, chi, factorsPlus, logs, scratch, m, -lambda);
            }
            done += m;
        }
    }

    /** Adds the chunk's finite log-factors to {@code moments}; returns the number of −∞ ones. */
    private static long add(RunningMoments moments, double[] chi, double[] factors, double[] logs,
                            double[] scratch, int m, double step) {
        if (FastLog.logAll(factors, 0, m, logs, scratch)) {
            moments.addChunk(logs, 0, m);
            return 0;
        }
        long zeros = 0;
        for (int i = 0; i < m; i++) {
            zeros += ExactFiniteSum.addLog(moments, ExactFiniteSum.logFactor(step, chi[i]));
        }
        return zeros;
    }

    private static void check(ScalarBatchSampler sampler, double lambda, long batches, RandomGenerator rng) {
        ExactFiniteSum.checkLambda(lambda);
        if (batches < 2) {
            throw new IllegalArgumentException("batches must be >= 2, got " + batches);
        }
        if (sampler == null || rng == null) {
            throw new IllegalArgumentException("sampler and rng must be given");
        }
    }
}
