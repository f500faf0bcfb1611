package org.probstab.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.probstab.random.RunStreams.Algorithm;

/**
 * Run r of {@link RunStreams} is the stream a single generator seeded with {@code mix(streamSeed + r)} gives, in
 * every block method and whatever the block sizes and the interleaving of runs: compared draw for draw (exact).
 */
class RunStreamsTest {

    private static final long SEED = StreamSeeds.streamSeed(3, 17, StreamSeeds.Purpose.SIMULATION);
    private static final int RUNS = 5;

    /** Reference draws of one run: alternately normals, uniforms, indices and words in blocks of 1 … 40. */
    private static double[] reference(RandomGenerator g, int draws) {
        double[] out = new double[draws];
        int i = 0;
        int block = 1;
        int kind = 0;
        while (i < draws) {
            for (int k = 0; k < block && i < draws; k++, i++) {
                out[i] = switch (kind) {
                    case 0 -> g.nextGaussian();
                    case 1 -> g.nextDouble();
                    case 2 -> g.nextInt(37);
                    default -> (double) (g.nextLong() >>> 11);
                };
            }
            kind = (kind + 1) % 4;
            block = block % 40 + 7;
        }
        return out;
    }

    /** The same draws from {@link RunStreams}, runs interleaved block by block. */
    private static double[][] fromRunStreams(RunStreams streams, int draws) {
        double[][] out = new double[RUNS][draws];
        int[] position = new int[RUNS];
        int block = 1;
        int kind = 0;
        double[] d = new double[64];
        int[] ix = new int[64];
        long[] w = new long[64];
        while (position[0] < draws) {
            for (int r = 0; r < RUNS; r++) {
                int n = Math.min(block, draws - position[r]);
                switch (kind) {
                    case 0 -> streams.gaussians(r, d, 3, n);
                    case 1 -> streams.uniforms(r, d, 3, n);
                    case 2 -> streams.indices(r, 37, ix, 3, n);
                    default -> streams.words(r, w, 3, n);
                }
                for (int k = 0; k < n; k++) {
                    out[r][position[r] + k] = switch (kind) {
                        case 0, 1 -> d[3 + k];
                        case 2 -> ix[3 + k];
                        default -> (double) (w[3 + k] >>> 11);
                    };
                }
                position[r] += n;
            }
            kind = (kind + 1) % 4;
            block = block % 40 + 7;
        }
        return out;
    }

    @Test
    void xoshiroRunsAreSingleGenerators() {
        int draws = 20_000;
        double[][] runs = fromRunStreams(RunStreams.of(Algorithm.XOSHIRO256_PLUS, SEED, RUNS), draws);
        for (int r = 0; r < RUNS; r++) {
            assertThat(runs[r]).as("run %d", r)
                    .containsExactly(reference(Xoshiro256Plus.fromSeed(RunStreams.runSeed(SEED, r)), draws));
        }
    }

    @Test
    void l64x128RunsAreTheTrajectoryEstimatorsGenerators() {
        int draws = 5_000;
        double[][] runs = fromRunStreams(RunStreams.of(Algorithm.L64X128_MIX_RANDOM, SEED, RUNS), draws);
        for (int r = 0; r < RUNS; r++) {
            assertThat(runs[r]).as("run %d", r)
                    .containsExactly(reference(StreamSeeds.fromSeed(StreamSeeds.mix(SEED + r)), draws));
        }
    }

    @Test
    void generatorViewInterleavesWithBlocks() {
        RunStreams streams = RunStreams.of(Algorithm.XOSHIRO256_PLUS, SEED, 2);
        Xoshiro256Plus single = Xoshiro256Plus.fromSeed(RunStreams.runSeed(SEED, 1));
        double[] block = new double[3];
        RandomGenerator view = streams.generator(1);
        assertThat(view.nextGaussian()).isEqualTo(single.nextGaussian());
        streams.gaussians(1, block, 0, 3);
        assertThat(block).containsExactly(single.nextGaussian(), single.nextGaussian(), single.nextGaussian());
        assertThat(view.nextInt(5)).isEqualTo(single.nextInt(5));
        assertThat(view.nextDouble()).isEqualTo(single.nextDouble());
        assertThat(streams.algorithm().label()).isEqualTo("xoshiro256+/ziggurat256");
        assertThat(RunStreams.of(Algorithm.L64X128_MIX_RANDOM, SEED, 1).algorithm().label())
                .isEqualTo(StreamSeeds.ALGORITHM);
    }
}
