package org.probstab.random;

import java.util.random.RandomGenerator;

/**
 * {@link RunStreams} of the JDK's L64X128MixRandom: one generator object per run, made by
 * {@link StreamSeeds#fromSeed}({@link RunStreams#runSeed}), so that run r draws exactly what a loop with that one
 * generator per run draws; every draw is the JDK's own method.
 */
final class L64X128RunStreams extends RunStreams {

    private final RandomGenerator[] generators;

    L64X128RunStreams(long streamSeed, int runs) {
        super(runs);
        generators = new RandomGenerator[runs];
        for (int r = 0; r < runs; r++) {
            generators[r] = StreamSeeds.fromSeed(runSeed(streamSeed, r));
        }
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.L64X128_MIX_RANDOM;
    }

    @Override
    public void gaussians(int run, double[] out, int from, int count) {
        RandomGenerator g = generators[run];
        for (int i = from, end = from + count; i < end; i++) {
            out[i] = g.nextGaussian();
        }
    }

    @Override
    public void uniforms(int run, double[] out, int from, int count) {
        RandomGenerator g = generators[run];
        for (int i = from, end = from + count; i < end; i++) {
            out[i] = g.nextDouble();
        }
    }

    @Override
    public void indices(int run, int bound, int[] out, int from, int count) {
        RandomGenerator g = generators[run];
        for (int i = from, end = from + count; i < end; i++) {
            out[i] = g.nextInt(bound);
        }
    }

    @Override
    public void words(int run, long[] out, int from, int count) {
        RandomGenerator g = generators[run];
        for (int i = from, end = from + count; i < end; i++) {
            out[i] = g.nextLong();
        }
    }

    @Override
    public RandomGenerator generator(int run) {
        checkRun(run);
        return generators[run];
    }
}
