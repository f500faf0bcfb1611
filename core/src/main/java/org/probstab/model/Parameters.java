package org.probstab.model;

import java.util.List;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.ScalarEvaluation;
import org.probstab.lyapunov.BatchEnumeration;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;

/** Parameter specs shared by several models, with the papers' names (λ, μ, S, N). */
final class Parameters {

    /**
     * Learning rates up to 1e100: the largest the N = ∞ quadrature evaluates (its panels are graded in log λ), and
     * far beyond any stability boundary of the models here.
     */
    static final double MAX_LAMBDA = 1e100;
    static final ParameterSpec LAMBDA = ParameterSpec.real("lambda", 0, false, MAX_LAMBDA, null,
            "learning rate lambda");
    static final ParameterSpec MU = ParameterSpec.real("mu", 0, true, 1, null,
            "signal fraction mu of the labels y = mu x + (1 - mu) eps");
    static final ParameterSpec BATCH_SIZE = ParameterSpec.integer("S", 1, 1_000_000_000, false, "1",
            "batch size S");
    /** Largest exact integer of a double: seeds travel as doubles through sweep axes. */
    static final long MAX_SEED = 1L << 53;
    static final ParameterSpec DATA_SEED = ParameterSpec.integer("data_seed", -1, MAX_SEED, false, "-1",
            "seed of the finite dataset; -1 = the sweep seed");
    static final ParameterSpec REPLACEMENT = ParameterSpec.choice("replacement", "with", List.of("with", "without"),
            "minibatches drawn with or without replacement");

    private Parameters() {
    }

    /** N, integer ≥ 1 or inf. */
    static ParameterSpec datasetSize(String defaultValue) {
        return ParameterSpec.integer("N", 1, 1_000_000_000, true, defaultValue,
                "dataset size N (inf: a fresh sample every step)");
    }

    static boolean withReplacement(CellParameters p) {
        return p.text("replacement").equals("with");
    }

    static long dataSeed(CellParameters p, long sweepSeed) {
        long s = p.longValue("data_seed");
        return s < 0 ? sweepSeed : s;
    }

    /**
     * With {@code --estimator exact}, refuses a finite dataset whose minibatches are more than {@code enum_budget}
     * (the estimator would otherwise have to fall back to Monte-Carlo). Checked while the parameters are validated,
     * so a sweep refuses it before anything runs.
     */
    static void checkExactFits(CellParameters p, EstimatorKind estimator, long datasetSize, boolean withReplacement) {
        int s = p.integer("S");
        if (estimator != EstimatorKind.EXACT || s == 1 || datasetSize > Integer.MAX_VALUE) {
            return;
        }
        ScalarEvaluation.checkExact(BatchEnumeration.batchCount((int) datasetSize, s, withReplacement), p,
                estimator);
    }

    /** S ≤ N without replacement; and without replacement needs a finite N. */
    static void checkBatchAgainstDataset(CellParameters p) {
        double n = p.number("N");
        int s = p.integer("S");
        if (!withReplacement(p)) {
            if (Double.isInfinite(n)) {
                throw InvalidInputException.of("replacement", "parameter 'replacement' = without needs a finite N:"
                        + " allowed with (N = inf) or N in [S, 1000000000]");
            }
            if (s > n) {
                throw InvalidInputException.outOfRange("S", s, "integers in [1, N = " + (long) n
                        + "] without replacement");
            }
        }
    }
}
