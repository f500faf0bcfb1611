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
import org.probstab.table.PhaseTable;
import org.probstab.table.Row;

/**
 * Whole cells through {@link ModelRegistry#evaluate} against independent references: closed forms computed here,
 * and the exact methods against the trajectory estimator within 4 combined standard errors (a 4σ band fails by
 * chance with probability 6e-5 per comparison; seeds are fixed, so the test is deterministic).
 */
class ModelEvaluationTest {

    private static Row eval(String model, EstimatorKind kind, Object... kv) {
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
                Row r = eval("mf-two-point", EstimatorKind.AUTO, "lambda", lambda, "a", a);
                double minus = 0.5 * Math.log(Math.abs((1 - lambda) * (1 - lambda * a)));
                double plus = 0.5 * Math.log(Math.abs((1 + lambda) * (1 + lambda * a)));
                // Two logs of exactly representable products: agreement to a few ulp of O(1) numbers.
                assertThat(r.get(PhaseTable.EXP_MINUS)).isCloseTo(minus, offset(1e-14));
                assertThat(r.get(PhaseTable.EXP_PLUS)).isCloseTo(plus, offset(1e-14));
                assertThat(r.get(PhaseTable.METHOD)).isEqualTo("exact-sum");
                assertThat(r.get(PhaseTable.MS_GROWTH)).isCloseTo(
                        0.5 * ((1 - lambda) * (1 - lambda) + (1 - lambda * a) * (1 - lambda * a)), offset(1e-12));
            }
        }
    }

    @Test
    void twoPointAtBatchTwoEnumeratesTheBinomialLaw() {
        double a = -0.7;
        double lambda = 0.9;
        Row r = eval("mf-two-point", EstimatorKind.AUTO, "lambda", lambda, "a", a, "S", 2);
        // χ_B ∈ {1, (1 + a)/2, a} with probabilities 1/4, 1/2, 1/4.
        double minus = 0.25 * Math.log(Math.abs(1 - lambda)) + 0.5 * Math.log(Math.abs(1 - lambda * (1 + a) / 2))
                + 0.25 * Math.log(Math.abs(1 - lambda * a));
        assertThat(r.get(PhaseTable.EXP_MINUS)).isCloseTo(minus, offset(1e-14));
        assertThat(r.get(PhaseTable.METHOD)).isEqualTo("enumeration");
    }

    @Test
    void aZeroFactorIsMinusInfinityNotNaN(@TempDir Path dir) throws IOException {
        // χ = x·y = 2 and 0.5; λ = 0.5 hits 1 − λχ = 0 exactly.
        Path csv = Files.writeString(dir.resolve("d.csv"), "x,y\n2,1\n0.5,1\n");
        Row r = eval("mf-data", EstimatorKind.AUTO, "lambda", 0.5, "data", csv.toString());
        assertThat(r.get(PhaseTable.EXP_MINUS)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.get(PhaseTable.EXP_PLUS)).isCloseTo(0.5 * Math.log(2 * 1.25), offset(1e-14));
        assertThat(r.get(PhaseTable.PHASE)).isIn("Ia", "Ib");
        assertThat(PhaseTable.KIND.values(r).get("exp_minus")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void gaussianQuadratureAgreesWithTrajectories() {
        for (double[] c : new double[][] {{0.3, 0.8, 1}, {1.2, 0.1, 1}, {0.5, 0.5, 4}, {2.0, 0.9, 2}}) {
            Object[] common = {"lambda", c[0], "mu", c[1], "S", (int) c[2], "runs", 32, "steps", 4000};
            Row exact = eval("mf-gaussian", EstimatorKind.AUTO, common);
            Row traj = eval("mf-gaussian", EstimatorKind.TRAJECTORY, common);
            assertThat(exact.get(PhaseTable.METHOD)).isEqualTo("quadrature");
            assertThat(traj.get(PhaseTable.METHOD)).isEqualTo("trajectory");
            withinFourSe(exact.get(PhaseTable.EXP_MINUS), traj.get(PhaseTable.EXP_MINUS), traj.get(PhaseTable.EXP_MINUS_SE));
            withinFourSe(exact.get(PhaseTable.EXP_PLUS), traj.get(PhaseTable.EXP_PLUS), traj.get(PhaseTable.EXP_PLUS_SE));
        }
    }

    @Test
    void linearRegressionFiniteAndInfiniteAgreeWithTrajectories() {
        for (Object n : new Object[] {"inf", 50}) {
            Object[] common = {"lambda", 0.8, "N", n, "S", 2, "runs", 32, "steps", 4000};
            Row exact = eval("linreg", EstimatorKind.AUTO, common);
            Row traj = eval("linreg", EstimatorKind.TRAJECTORY, common);
            withinFourSe(exact.get(PhaseTable.EXP_MINUS), traj.get(PhaseTable.EXP_MINUS), traj.get(PhaseTable.EXP_MINUS_SE));
            assertThat(exact.get(PhaseTable.EXP_PLUS)).isNaN();
            assertThat(exact.get(PhaseTable.PHASE)).isIn("stable", "unstable");
        }
    }

    @Test
    void randomSymmetricScalarClosedFormAgreesWithTrajectories() {
        Object[] common = {"lambda", 0.7, "d", 1, "mean", "0.4", "noise", 0.5, "runs", 32, "steps", 4000};
        Row exact = eval("random-sym", EstimatorKind.AUTO, common);
        Row traj = eval("random-sym", EstimatorKind.TRAJECTORY, common);
        withinFourSe(exact.get(PhaseTable.EXP_TOP), traj.get(PhaseTable.EXP_TOP), traj.get(PhaseTable.EXP_TOP_SE));
        // Mean-square factor (1 − λm)² + 4λ²ν² in closed form.
        assertThat(exact.get(PhaseTable.MS_GROWTH)).isCloseTo(Math.pow(1 - 0.7 * 0.4, 2) + 4 * 0.49 * 0.25, offset(1e-12));
    }

    @Test
    void evaluationIsAPureFunctionWhateverTheThreads() throws Exception {
        List<Object[]> cells = List.of(
                new Object[] {"mf-gaussian", EstimatorKind.TRAJECTORY, "lambda", 0.4, "mu", 0.3, "N", 20,
                        "runs", 8, "steps", 500},
                new Object[] {"mf-gaussian", EstimatorKind.AUTO, "lambda", 0.4, "mu", 0.3, "N", 20, "S", 40},
                new Object[] {"random-sym", EstimatorKind.AUTO, "lambda", 0.3, "runs", 8, "steps", 500},
                new Object[] {"linreg", EstimatorKind.PAPER, "lambda", 0.3, "N", 10, "runs", 20, "steps", 300});
        List<Row> sequential = new ArrayList<>();
        for (Object[] c : cells) {
            sequential.add(evalCell(c));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (int rep = 0; rep < 3; rep++) {
                for (Object[] c : cells) {
                    futures.add(pool.submit(() -> evalCell(c)));
                }
            }
            for (int k = 0; k < futures.size(); k++) {
                Row expected = sequential.get(k % cells.size());
                Row actual = futures.get(k).get();
                assertThat(actual.kind().comparableValues(actual)).isEqualTo(expected.kind().comparableValues(expected));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Row evalCell(Object[] c) {
        Object[] kv = new Object[c.length - 2];
        System.arraycopy(c, 2, kv, 0, kv.length);
        return eval((String) c[0], (EstimatorKind) c[1], kv);
    }
}
