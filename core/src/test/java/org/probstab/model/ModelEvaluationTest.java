package org.probstab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probstab.estimator.EstimatorKind;
import org.probstab.table.CellResult;
import org.probstab.table.PhaseTableColumns;

/**
 * Whole cells through {@link ModelRegistry#evaluate} against independent references: closed forms computed here,
 * and the exact methods against the trajectory estimator within 4 combined standard errors (a 4σ band fails by
 * chance with probability 6e-5 per comparison; seeds are fixed, so the test is deterministic).
 */
class ModelEvaluationTest {

    private static CellResult eval(String model, EstimatorKind kind, Object... kv) {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            raw.put((String) kv[i], kv[i + 1]);
        }
        return ModelRegistry.evaluate(model, raw, kind, 7, 3);
    }

    private static void withinFourSe(double exact, double estimate, double se) {
        assertThat(se).isGreaterThan(0);
        assertThat(Math.abs(estimate - exact)).as("|%s - %s| vs 4 SE = %s", estimate, exact, 4 * se)
                .isLessThanOrEqualTo(4 * se);
    }

    @Test
    void twoPointAtBatchOneIsTheClosedForm() {
        for (double a : new double[] {-3, -0.5, 0.2, 2.5}) {
            for (double lambda : new double[] {0.05, 0.4, 1.3, 3}) {
                CellResult r = eval("mf-two-point", EstimatorKind.AUTO, "lambda", lambda, "a", a);
                double minus = 0.5 * Math.log(Math.abs((1 - lambda) * (1 - lambda * a)));
                double plus = 0.5 * Math.log(Math.abs((1 + lambda) * (1 + lambda * a)));
                // Two logs of exactly representable products: agreement to a few ulp of O(1) numbers.
                assertThat(r.exponentMinus()).isCloseTo(minus, offset(1e-14));
                assertThat(r.exponentPlus()).isCloseTo(plus, offset(1e-14));
                assertThat(r.method()).isEqualTo("exact-sum");
                assertThat(r.meanSquareFactor()).isCloseTo(
                        0.5 * ((1 - lambda) * (1 - lambda) + (1 - lambda * a) * (1 - lambda * a)), offset(1e-12));
            }
        }
    }

    @Test
    void twoPointAtBatchTwoEnumeratesTheBinomialLaw() {
        double a = -0.7;
        double lambda = 0.9;
        CellResult r = eval("mf-two-point", EstimatorKind.AUTO, "lambda", lambda, "a", a, "S", 2);
        // χ_B ∈ {1, (1 + a)/2, a} with probabilities 1/4, 1/2, 1/4.
        double minus = 0.25 * Math.log(Math.abs(1 - lambda)) + 0.5 * Math.log(Math.abs(1 - lambda * (1 + a) / 2))
                + 0.25 * Math.log(Math.abs(1 - lambda * a));
        assertThat(r.exponentMinus()).isCloseTo(minus, offset(1e-14));
        assertThat(r.method()).isEqualTo("enumeration");
    }

    @Test
    void aZeroFactorIsMinusInfinityNotNaN(@TempDir Path dir) throws IOException {
        // χ = x·y = 2 and 0.5; λ = 0.5 hits 1 − λχ = 0 exactly.
        Path csv = Files.writeString(dir.resolve("d.csv"), "x,y\n2,1\n0.5,1\n");
        CellResult r = eval("mf-data", EstimatorKind.AUTO, "lambda", 0.5, "data", csv.toString());
        assertThat(r.exponentMinus()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.exponentPlus()).isCloseTo(0.5 * Math.log(2 * 1.25), offset(1e-14));
        assertThat(r.phase()).isIn("Ia", "Ib");
        assertThat(PhaseTableColumns.values(r).get("exp_minus")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void gaussianQuadratureAgreesWithTrajectories() {
        for (double[] c : new double[][] {{0.3, 0.8, 1}, {1.2, 0.1, 1}, {0.5, 0.5, 4}, {2.0, 0.9, 2}}) {
            Object[] common = {"lambda", c[0], "mu", c[1], "S", (int) c[2], "runs", 32, "steps", 4000};
            CellResult exact = eval("mf-gaussian", EstimatorKind.AUTO, common);
            CellResult traj = eval("mf-gaussian", EstimatorKind.TRAJECTORY, common);
            assertThat(exact.method()).isEqualTo("quadrature");
            assertThat(traj.method()).isEqualTo("trajectory");
            withinFourSe(exact.exponentMinus(), traj.exponentMinus(), traj.exponentMinusSe());
            withinFourSe(exact.exponentPlus(), traj.exponentPlus(), traj.exponentPlusSe());
        }
    }

    @Test
    void linearRegressionFiniteAndInfiniteAgreeWithTrajectories() {
        for (Object n : new Object[] {"inf", 50}) {
            Object[] common = {"lambda", 0.8, "N", n, "S", 2, "runs", 32, "steps", 4000};
            CellResult exact = eval("linreg", EstimatorKind.AUTO, common);
            CellResult traj = eval("linreg", EstimatorKind.TRAJECTORY, common);
            withinFourSe(exact.exponentMinus(), traj.exponentMinus(), traj.exponentMinusSe());
            assertThat(exact.exponentPlus()).isNaN();
            assertThat(exact.phase()).isIn("stable", "unstable");
        }
    }

    @Test
    void randomSymmetricScalarClosedFormAgreesWithTrajectories() {
        Object[] common = {"lambda", 0.7, "d", 1, "mean", "0.4", "noise", 0.5, "runs", 32, "steps", 4000};
        CellResult exact = eval("random-sym", EstimatorKind.AUTO, common);
        CellResult traj = eval("random-sym", EstimatorKind.TRAJECTORY, common);
        withinFourSe(exact.exponentTop(), traj.exponentTop(), traj.exponentTopSe());
        // Mean-square factor (1 − λm)² + 4λ²ν² in closed form.
        assertThat(exact.meanSquareFactor()).isCloseTo(Math.pow(1 - 0.7 * 0.4, 2) + 4 * 0.49 * 0.25, offset(1e-12));
    }

    @Test
    void evaluationIsAPureFunctionWhateverTheThreads() throws Exception {
        List<Object[]> cells = List.of(
                new Object[] {"mf-gaussian", EstimatorKind.TRAJECTORY, "lambda", 0.4, "mu", 0.3, "N", 20,
                        "runs", 8, "steps", 500},
                new Object[] {"mf-gaussian", EstimatorKind.AUTO, "lambda", 0.4, "mu", 0.3, "N", 20, "S", 40},
                new Object[] {"random-sym", EstimatorKind.AUTO, "lambda", 0.3, "runs", 8, "steps", 500},
                new Object[] {"linreg", EstimatorKind.PAPER, "lambda", 0.3, "N", 10, "runs", 20, "steps", 300});
        List<CellResult> sequential = new ArrayList<>();
        for (Object[] c : cells) {
            sequential.add(evalCell(c));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CellResult>> futures = new ArrayList<>();
            for (int rep = 0; rep < 3; rep++) {
                for (Object[] c : cells) {
                    futures.add(pool.submit(() -> evalCell(c)));
                }
            }
            for (int k = 0; k < futures.size(); k++) {
                CellResult expected = sequential.get(k % cells.size()).withElapsedNanos(0);
                CellResult actual = futures.get(k).get().withElapsedNanos(0);
                assertThat(PhaseTableColumns.values(actual)).usingRecursiveComparison()
                        .isEqualTo(PhaseTableColumns.values(expected));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static CellResult evalCell(Object[] c) {
        Object[] kv = new Object[c.length - 2];
        System.arraycopy(c, 2, kv, 0, kv.length);
        return eval((String) c[0], (EstimatorKind) c[1], kv);
    }
}
