package org.probstab.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference for the cpu backend's GFLOP/s: a plain single-threaded float matrix product in Java,
 * C (m × n) = A (m × k) · B (k × n) with n = k = 200, in the i-k-j order with a contiguous fused multiply-add inner
 * loop that the JIT vectorises (the kernel form {@code CellKernel} uses), and the same with four rows of C per pass
 * over B (register blocking). GFLOP/s = ops/s × 2mkn. m = 32 is one layer of a batch of S = 32; m = 200 a square
 * product.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatmulPeakBenchmark {

    private static final int N = 200;

    @Param({"32", "200"})
    int m;

    private float[][] a;
    private float[] b;
    private float[][] c;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        a = new float[m][N];
        c = new float[m][N];
        b = new float[N * N];
        for (float[] row : a) {
            for (int i = 0; i < N; i++) {
                row[i] = (float) r.nextDouble();
            }
        }
        for (int i = 0; i < N * N; i++) {
            b[i] = (float) (r.nextDouble() * 1e-3);
        }
    }

    @Benchmark
    public float[][] ikj() {
        for (int s = 0; s < m; s++) {
            float[] cr = c[s];
            java.util.Arrays.fill(cr, 0f);
            float[] ar = a[s];
            for (int i = 0; i < N; i++) {
                float av = ar[i];
                int bo = i * N;
                for (int k = 0; k < N; k++) {
                    cr[k] = Math.fma(av, b[bo + k], cr[k]);
                }
            }
        }
        return c;
    }

    @Benchmark
    public float[][] ikjFourRows() {
        for (int s = 0; s < m; s += 4) {
            float[] c0 = c[s];
            float[] c1 = c[s + 1];
            float[] c2 = c[s + 2];
            float[] c3 = c[s + 3];
            java.util.Arrays.fill(c0, 0f);
            java.util.Arrays.fill(c1, 0f);
            java.util.Arrays.fill(c2, 0f);
            java.util.Arrays.fill(c3, 0f);
            for (int i = 0; i < N; i++) {
                float x0 = a[s][i];
                float x1 = a[s + 1][i];
                float x2 = a[s + 2][i];
                float x3 = a[s + 3][i];
                int bo = i * N;
                for (int k = 0; k < N; k++) {
                    float w = b[bo + k];
                    c0[k] = Math.fma(x0, w, c0[k]);
                    c1[k] = Math.fma(x1, w, c1[k]);
                    c2[k] = Math.fma(x2, w, c2[k]);
                    c3[k] = Math.fma(x3, w, c3[k]);
                }
            }
        }
        return c;
    }
}
