package org.probstab.benchmarks;

import java.util.List;
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
import org.probstab.boundary.BatchAtoms;
import org.probstab.boundary.BoundaryRoot;
import org.probstab.boundary.FiniteBoundary;
import org.probstab.law.FiniteDataset;
import org.probstab.law.GaussianRegression;
import org.probstab.random.StreamSeeds;

/**
 * One exact boundary row of {@code mf-gaussian} at finite N ({@link FiniteBoundary#roots}: every root of Λ₋, Λ₊
 * and the L2 function in (0, 3], stripes included), the unit of a boundary table: the dataset of (seed 1, N) at a
 * μ that cycles through 64 rows of (0, 1), σ = 2, batch atoms included (S = 2: the 5050 enumerated batches).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FiniteBoundaryBenchmark {

    @Param({"100"})
    int n;

    @Param({"1", "2"})
    int s;

    private double[] pairs;
    private int row;

    @Setup
    public void setUp() {
        pairs = GaussianRegression.samplePairs(n, StreamSeeds.stream(1, n, StreamSeeds.Purpose.DATASET));
    }

    @Benchmark
    public List<BoundaryRoot> row() {
        row = (row + 1) & 63;
        double mu = (row + 0.5) / 64;
        FiniteDataset data = new GaussianRegression(mu, GaussianRegression.DEFAULT_SIGMA).datasetFromPairs(pairs);
        BatchAtoms atoms = s == 1 ? BatchAtoms.ofSamples(data.values())
                : BatchAtoms.ofDataset(data, s, true, 1_000_000);
        return FiniteBoundary.roots(atoms, 0, 3);
    }
}
