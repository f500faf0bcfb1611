package org.probstab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.lyapunov.QrLyapunovSpectrum;
import org.probstab.lyapunov.RenormalisedProduct;
import org.probstab.lyapunov.SpectrumResult;
import org.probstab.lyapunov.TrajectoryResult;
import org.probstab.lyapunov.TrajectorySettings;

/**
 * Matrix trajectories θ_{t+1} = (I − λĤ_t) θ_t of the random symmetric d×d law Ĥ = E[Ĥ] + M + Mᵀ (000 App. A.2;
 * E[Ĥ] = diag(0.1, −0.1, 0.1, …)), λ = 0.3: the full spectrum by QR re-orthonormalisation every step
 * ({@link QrLyapunovSpectrum#estimate}) and the top exponent by the renormalised single-vector product
 * ({@link RenormalisedProduct#matrix}). 2 runs of 10 000 steps (no burn-in) per call: the score is in matrix-steps
 * per second, the cost of sampling Ĥ included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatrixTrajectoryBenchmark {

    private static final int RUNS = 2;
    private static final long STEPS = 10_000;

    @Param({"1", "2", "4"})
    int d;

    private RandomSymmetricLaw law;
    private TrajectorySettings settings;
    private long seed;

    @Setup
    public void setUp() {
        law = Workloads.symmetricLaw(d);
        settings = new TrajectorySettings(RUNS, STEPS, 0, 1, 1e-6);
    }

    @Benchmark
    @OperationsPerInvocation(2 * 10_000)
    public SpectrumResult qrSpectrum() {
        return QrLyapunovSpectrum.estimate(law, 0.3, settings, seed++);
    }

    @Benchmark
    @OperationsPerInvocation(2 * 10_000)
    public TrajectoryResult renormalisedProduct() {
        return RenormalisedProduct.matrix(law, 0.3, settings, seed++);
    }
}
