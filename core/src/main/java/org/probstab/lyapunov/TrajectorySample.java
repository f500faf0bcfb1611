package org.probstab.lyapunov;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.random.StreamSeeds;
import org.probstab.special.RunningMoments;

/**
 * Sample paths of the rank-1 dynamics z_{t+1} = (1 − λχ_t) z_t, z_0 = 1 (000 Thm 1; 001 §3, Fig. 6): for each of
 * R independent runs, log z_t² for t = 0 … T, accumulated in log space (Σ 2 log|1 − λχ_i|) so no path under- or
 * overflows. For pictures of typical against mean-square behaviour and their summaries; exponents come from the
 * estimators ({@link RenormalisedProduct}, {@link ExactFiniteSum}, …), not from here. Run r draws from its own
 * {@code L64X128MixRandom} stream, {@code StreamSeeds.fromSeed(StreamSeeds.mix(streamSeed + r))}, one sampler call
 * per step.
 *
 * @param lambda     λ
 * @param logSquares log z_t², one row per run, T + 1 values each (the first is 0); −∞ after a factor exactly 0
 */
public record TrajectorySample(double lambda, double[][] logSquares) {

    public TrajectorySample {
        Objects.requireNonNull(logSquares, "logSquares");
    }

    /** R runs of T steps. */
    public static TrajectorySample simulate(ScalarBatchSampler sampler, double lambda, int runs, int steps,
                                            long streamSeed) {
        if (runs < 1 || steps < 1) {
            throw new IllegalArgumentException("runs and steps must be >= 1, got " + runs + ", " + steps);
        }
        RenormalisedProduct.checkLambda(lambda);
        double[][] paths = new double[runs][steps + 1];
        for (int r = 0; r < runs; r++) {
            RandomGenerator rng = StreamSeeds.fromSeed(StreamSeeds.mix(streamSeed + r));
            double log = 0;
            for (int t = 1; t <= steps; t++) {
                log += 2 * Math.log(Math.abs(1 - lambda * sampler.sample(rng)));
                paths[r][t] = log;
            }
        }
        return new TrajectorySample(lambda, paths);
    }

    public int runs() {
        return logSquares.length;
    }

    public int steps() {
        return logSquares[0].length - 1;
    }

    /** log z_T² of every run, ascending. */
    public double[] finalLogSquares() {
        double[] out = new double[runs()];
        for (int r = 0; r < out.length; r++) {
            out[r] = logSquares[r][steps()];
        }
        Arrays.sort(out);
        return out;
    }

    /** The median over runs of z_T² (the typical run). */
    public double medianFinalSquare() {
        double[] f = finalLogSquares();
        int n = f.length;
        return Math.exp(n % 2 == 1 ? f[n / 2] : 0.5 * (f[n / 2 - 1] + f[n / 2]));
    }

    /** The mean over runs of z_T² (the empirical mean square, carried by rare runs). */
    public double meanFinalSquare() {
        return RunningMoments.mean(Arrays.stream(finalLogSquares()).map(Math::exp).toArray());
    }

    /** The fraction of runs whose log z_T² lies in [lo, hi]. */
    public double fractionWithin(double lo, double hi) {
        int inside = 0;
        for (double v : finalLogSquares()) {
            inside += v >= lo && v <= hi ? 1 : 0;
        }
        return (double) inside / runs();
    }
}
