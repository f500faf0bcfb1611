package org.probstab.benchmarks;

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
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.lyapunov.PaperProtocol;

/**
 * The papers' cut-off protocol (000 App. A.2; {@link PaperProtocol#matrix}) on the random symmetric d×d law of
 * 000 Fig. 2-right (E[Ĥ] = diag(0.1, −0.1, …), ν = 1) at λ = 0.3: 16 runs with the paper's cut-offs 1e100 and
 * 1e−140 and at most 5000 steps each (the paper runs 800; 16 keep one call short). The score is in protocol
 * estimates per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PaperProtocolBenchmark {

    @Param({"2"})
    int d;

    private RandomSymmetricLaw law;
    private PaperProtocol.Settings settings;
    private long seed;

    @Setup
    public void setUp() {
        law = Workloads.symmetricLaw(d);
        settings = new PaperProtocol.Settings(16, 1e100, 1e-140, 5000);
    }

    @Benchmark
    public ExponentEstimate matrix() {
        return PaperProtocol.matrix(law, 0.3, settings, seed++);
    }
}
