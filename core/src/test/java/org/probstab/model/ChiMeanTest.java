package org.probstab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.estimator.EstimatorKind;
import org.probstab.random.StreamSeeds;
import org.probstab.table.PhaseTable;
import org.probstab.table.Row;

/**
 * {@code chi_mean}, the empirical mean of χ over a finite dataset (null at N = ∞): checked against the dataset drawn
 * again from its stream, against a CSV summed by hand and against the two-point law's closed form. Tolerance 1e-15:
 * the same N products summed in another order.
 */
class ChiMeanTest {

    @Test
    void isTheMeanOfTheCellsOwnDataset() {
        // mf-gaussian, N = 50, data seed 9, μ = 0.3, σ = 2: χ_i = x_i (μ x_i + (1 − μ) σ e_i).
        RandomGenerator rng = StreamSeeds.stream(9, 50, StreamSeeds.Purpose.DATASET);
        double sum = 0;
        for (int i = 0; i < 50; i++) {
            double x = rng.nextGaussian();
            double e = rng.nextGaussian();
            sum += x * (0.3 * x + 0.7 * 2.0 * e);
        }
        Row r = ModelRegistry.evaluate("mf-gaussian", Map.of("lambda", 0.4, "mu", 0.3, "N", 50, "data_seed", 9),
                EstimatorKind.AUTO, 1, 0);
        assertThat(r.get(PhaseTable.CHI_MEAN)).isCloseTo(sum / 50, offset(1e-15));
        // The same dataset at S = 2 (enumeration) has the same mean.
        Row s2 = ModelRegistry.evaluate("mf-gaussian", Map.of("lambda", 0.4, "mu", 0.3, "N", 50, "data_seed", 9,
                "S", 2), EstimatorKind.AUTO, 1, 0);
        assertThat(s2.get(PhaseTable.CHI_MEAN)).isEqualTo(r.get(PhaseTable.CHI_MEAN));
    }

    @Test
    void isNullWithoutAFiniteDataset() {
        Row inf = ModelRegistry.evaluate("mf-gaussian", Map.of("lambda", 0.4, "mu", 0.3), EstimatorKind.AUTO, 1, 0);
        assertThat(PhaseTable.KIND.values(inf)).containsEntry("chi_mean", null);
        Row sym = ModelRegistry.evaluate("random-sym", Map.of("lambda", 0.4, "d", 1, "mean", "0.2"),
                EstimatorKind.AUTO, 1, 0);
        assertThat(sym.has(PhaseTable.CHI_MEAN)).isFalse();
    }

    @Test
    void followsTheDataGiven(@TempDir Path dir) throws IOException {
        // χ = x·y: 2·1, 0.5·(−3), −1·1 → mean (2 − 1.5 − 1)/3 = −1/6: a dataset whose own correlation is negative.
        Path csv = Files.writeString(dir.resolve("d.csv"), "x,y\n2,1\n0.5,-3\n-1,1\n");
        Row data = ModelRegistry.evaluate("mf-data", Map.of("lambda", 0.3, "data", csv.toString()),
                EstimatorKind.AUTO, 1, 0);
        assertThat(data.get(PhaseTable.CHI_MEAN)).isCloseTo(-1.0 / 6, offset(1e-15));
        // χ ∈ {1, a} equiprobable: (1 + a)/2.
        Row two = ModelRegistry.evaluate("mf-two-point", Map.of("lambda", 0.3, "a", -2.5), EstimatorKind.AUTO, 1, 0);
        assertThat(two.get(PhaseTable.CHI_MEAN)).isEqualTo(-0.75);
    }
}
