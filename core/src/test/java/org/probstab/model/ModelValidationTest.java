package org.probstab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.param.CellParameters;

/** Every bad input is refused with one line naming the parameter and the allowed range (DESIGN §8). */
class ModelValidationTest {

    private static void refused(String model, Map<String, String> params, String key, String... fragments) {
        assertThatThrownBy(() -> ModelRegistry.resolve(ModelRegistry.get(model), params, EstimatorKind.AUTO))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    assertThat(((InvalidInputException) e).key()).isEqualTo(key);
                    assertThat(e.getMessage()).doesNotContain("\n").contains(fragments);
                });
    }

    @Test
    void unknownModel() {
        assertThatThrownBy(() -> ModelRegistry.get("mf-gauss"))
                .hasMessage("unknown model 'mf-gauss': allowed mf-gaussian, mf-data, mf-two-point, linreg,"
                        + " random-sym, sgd-two-point, sgd-four-minimum, sgd-swish, sgd-spred, sgd-relu");
    }

    @Test
    void unknownAndMissingParameters() {
        refused("mf-gaussian", Map.of("lambda", "0.3", "mu", "0.5", "lr", "1"), "lr",
                "unknown parameter of model mf-gaussian 'lr'", "allowed lambda, mu, S, N");
        refused("mf-gaussian", Map.of("mu", "0.5"), "lambda", "missing parameter 'lambda'", "(0, 1e100]");
    }

    @Test
    void rangesAreNamed() {
        refused("mf-gaussian", Map.of("lambda", "0", "mu", "0.5"), "lambda",
                "parameter 'lambda' = 0 is out of range: allowed (0, 1e100]");
        refused("mf-gaussian", Map.of("lambda", "-1", "mu", "0.5"), "lambda", "allowed (0, 1e100]");
        refused("mf-gaussian", Map.of("lambda", "0.3", "mu", "1.5"), "mu",
                "parameter 'mu' = 1.5 is out of range: allowed [0, 1]");
        refused("mf-gaussian", Map.of("lambda", "0.3", "mu", "-0.1"), "mu", "allowed [0, 1]");
        refused("mf-gaussian", Map.of("lambda", "0.3", "mu", "0.5", "S", "0"), "S",
                "parameter 'S' = 0 is out of range: allowed integers in [1, 1000000000]");
        refused("mf-gaussian", Map.of("lambda", "0.3", "mu", "0.5", "S", "1.5"), "S", "integers");
        refused("mf-gaussian", Map.of("lambda", "0.3", "mu", "0.5", "N", "0"), "N",
                "parameter 'N' = 0 is out of range: allowed integers in [1, 1000000000] or inf");
        refused("mf-gaussian", Map.of("lambda", "abc", "mu", "0.5"), "lambda", "'abc' is not a valid value");
        refused("mf-gaussian", Map.of("lambda", "nan", "mu", "0.5"), "lambda", "not a valid value", "(0, 1e100]");
        refused("mf-gaussian", Map.of("lambda", "inf", "mu", "0.5"), "lambda", "out of range");
    }

    @Test
    void batchLargerThanDatasetWithoutReplacement() {
        refused("mf-gaussian", Map.of("lambda", "0.3", "mu", "0.5", "S", "5", "N", "4", "replacement", "without"),
                "S", "parameter 'S' = 5 is out of range: allowed integers in [1, N = 4] without replacement");
        refused("mf-gaussian", Map.of("lambda", "0.3", "mu", "0.5", "N", "inf", "replacement", "without"),
                "replacement", "needs a finite N");
        refused("mf-gaussian", Map.of("lambda", "0.3", "mu", "0.5", "replacement", "sometimes"), "replacement",
                "allowed with|without");
        // With replacement S > N is legal.
        assertThat(ModelRegistry.resolve(ModelRegistry.get("mf-gaussian"),
                Map.of("lambda", "0.3", "mu", "0.5", "S", "5", "N", "4"), EstimatorKind.AUTO).integer("S"))
                .isEqualTo(5);
    }

    @Test
    void modelSpecificChecks() {
        refused("random-sym", Map.of("lambda", "0.3", "d", "3"), "mean", "has 2 entries: allowed exactly d = 3");
        refused("random-sym", Map.of("lambda", "0.3", "mean", "0.1,x"), "mean", "'x' is not a finite number");
        refused("linreg", Map.of("lambda", "0.3", "N", "inf", "outlier", "4"), "outlier", "needs a finite N");
        assertThatThrownBy(() -> ModelRegistry.resolve(ModelRegistry.get("random-sym"), Map.of("lambda", "0.3"),
                EstimatorKind.EXACT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("allowed auto|trajectory|paper");
    }

    @Test
    void dataFileProblemsNameTheParameter(@TempDir Path dir) throws IOException {
        refused("mf-data", Map.of("lambda", "0.3", "data", dir.resolve("missing.csv").toString()), "data",
                "cannot be read");
        Path noHeader = Files.writeString(dir.resolve("a.csv"), "1,2\n3,4\n");
        refused("mf-data", Map.of("lambda", "0.3", "data", noHeader.toString()), "data", "no header line 'x,y'");
        Path bad = Files.writeString(dir.resolve("b.csv"), "x,y\n1,2\n3,four\n");
        refused("mf-data", Map.of("lambda", "0.3", "data", bad.toString()), "data", "line 3");
        Path good = Files.writeString(dir.resolve("c.csv"), "x,y\n1,2\n3,4\n");
        refused("mf-data", Map.of("lambda", "0.3", "data", good.toString(), "S", "3", "replacement", "without"), "S",
                "[1, N = 2]");
    }

    @Test
    void defaultsAreFilledIn() {
        CellParameters p = ModelRegistry.resolve(ModelRegistry.get("mf-gaussian"),
                Map.of("lambda", "0.3", "mu", "0.8"), EstimatorKind.AUTO);
        assertThat(p.number("S")).isEqualTo(1);
        assertThat(p.number("N")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(p.number("sigma")).isEqualTo(2.0);
        assertThat(p.number("runs")).isEqualTo(64);
        CellParameters paper = ModelRegistry.resolve(ModelRegistry.get("random-sym"), Map.of("lambda", "0.3"),
                EstimatorKind.PAPER);
        assertThat(paper.number("runs")).isEqualTo(800);
        assertThat(paper.number("steps")).isEqualTo(5000);
    }
}
