package org.probstab.estimator;

import java.util.Map;
import org.probstab.config.InvalidInputException;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.lyapunov.PaperProtocol;
import org.probstab.lyapunov.RenormalisedProduct;
import org.probstab.lyapunov.TrajectoryResult;
import org.probstab.stability.Phase;
import org.probstab.stability.PhaseClassifier;
import org.probstab.random.StreamSeeds;
import org.probstab.random.StreamSeeds.Purpose;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.EstimatorSettings;
import org.probstab.estimator.ScalarBatchLaw;
import org.probstab.param.CellParameters;
import org.probstab.table.CellTable;
import org.probstab.table.PhaseTable;
import org.probstab.table.Row;

/**
 * Evaluation of commuting (scalar) models. For the matrix-factorisation saddle (000 §5.3, Prop. 1) the modes
 * w − u and w + u evolve by (1 − λχ_B) and (1 + λχ_B), so Λ₋ = Λ(λ) and Λ₊ = Λ(−λ) with Λ(λ) = E log|1 − λχ_B|;
 * for linear regression (001 §3) the single exponent is Λ(λ) with χ = h = x². The estimator decides how Λ is
 * computed — a trajectory estimator runs both signs as two lanes on the same draws — and the mean-square factor
 * E(1 − λχ_B)² is always exact (moments of χ_B).
 */
public final class ScalarEvaluation {

    private ScalarEvaluation() {
    }

    /** Which exponents a model reports. */
    public enum Modes { MINUS_AND_PLUS, MINUS_ONLY }

    /**
     * Refuses {@code exact} where only Monte-Carlo would do: more distinct minibatches ({@code batches}) than
     * {@code enum_budget}. Models call it from their validation, so that bad input is refused before anything runs.
     */
    public static void checkExact(long batches, CellParameters p, EstimatorKind estimator) {
        long budget = p.longValue(EstimatorSettings.ENUMERATION_BUDGET);
        if (estimator == EstimatorKind.EXACT && batches > budget) {
            throw InvalidInputException.of(EstimatorSettings.ENUMERATION_BUDGET, "estimator 'exact' needs "
                    + batches + " minibatches, more than parameter 'enum_budget' = " + budget + " allows: raise"
                    + " enum_budget (up to 1e12) or use --estimator auto|trajectory");
        }
    }

    /**
     * Evaluates one cell of a commuting model into {@code out}: its identity columns (model, λ, μ, S, N, params)
     * and the phase-table columns.
     */
    public static void evaluate(String model, ScalarBatchLaw law, Modes modes, CellParameters p,
                                EstimatorKind estimator, long seed, long cellId, double lambda, double mu,
                                int batchSize, double n, Map<String, Double> params, Row.Builder out) {
        boolean both = modes == Modes.MINUS_AND_PLUS;
        ExponentEstimate minus;
        ExponentEstimate plus = null;
        double probabilityBelowEpsilon = Double.NaN;
        switch (estimator) {
            case AUTO, EXACT -> {
                ExponentEstimate[] e = law.exponents(lambda, both, p.longValue(EstimatorSettings.ENUMERATION_BUDGET),
                        p.longValue(EstimatorSettings.MC_BATCHES), StreamSeeds.streamSeed(seed, cellId, Purpose.BATCHES));
                minus = e[0];
                plus = both ? e[1] : null;
            }
            case TRAJECTORY -> {
                // Both exponents on the same draws: two lanes of one engine pass.
                TrajectoryResult[] r = RenormalisedProduct.scalar(law.draws(), lanes(lambda, both),
                        EstimatorSettings.trajectory(p), StreamSeeds.streamSeed(seed, cellId,
                                Purpose.TRAJECTORY_MINUS));
                minus = r[0].exponent();
                probabilityBelowEpsilon = r[0].probabilityBelowEpsilon();
                plus = both ? r[1].exponent() : null;
            }
            case PAPER -> {
                ExponentEstimate[] e = PaperProtocol.scalar(law.draws(), lanes(lambda, both), paperSettings(p),
                        StreamSeeds.streamSeed(seed, cellId, Purpose.TRAJECTORY_MINUS));
                minus = e[0];
                plus = both ? e[1] : null;
            }
            default -> throw new IllegalStateException("unknown estimator " + estimator);
        }
        double meanSquare = law.meanSquareFactor(lambda);
        PhaseClassifier classifier = EstimatorSettings.classifier(p);
        Phase phase;
        double top;
        double topSe;
        double[] spectrum;
        if (both) {
            phase = classifier.matrixFactorisation(minus, plus, meanSquare);
            boolean minusOnTop = minus.value() >= plus.value();
            top = minusOnTop ? minus.value() : plus.value();
            topSe = minusOnTop ? minus.standardError() : plus.standardError();
            spectrum = new double[] {top, minusOnTop ? plus.value() : minus.value()};
        } else {
            phase = classifier.single(minus.value(), minus.standardError());
            top = minus.value();
            topSe = minus.standardError();
            spectrum = new double[] {top};
        }
        out.set(CellTable.MODEL, model).set(CellTable.LAMBDA, lambda).set(CellTable.MU, mu)
                .set(CellTable.BATCH_SIZE, batchSize).set(CellTable.N, n).set(CellTable.PARAMS, params)
                .set(PhaseTable.EXP_MINUS, minus.value()).set(PhaseTable.EXP_MINUS_SE, minus.standardError())
                .set(PhaseTable.EXP_TOP, top).set(PhaseTable.EXP_TOP_SE, topSe)
                .set(PhaseTable.SPECTRUM, spectrum).set(PhaseTable.LOG_VAR, minus.logVariance())
                .set(PhaseTable.MS_GROWTH, meanSquare).set(PhaseTable.L2_STABLE, meanSquare < 1)
                .set(PhaseTable.PHASE, phase.label()).set(PhaseTable.METHOD, minus.method().label())
                .set(PhaseTable.SAMPLES, minus.samples()).set(PhaseTable.STEPS, minus.steps())
                .set(PhaseTable.P_BELOW_EPS, probabilityBelowEpsilon)
                .set(PhaseTable.CHI_MEAN, law instanceof ScalarBatchLaw.Finite f ? f.data().mean() : Double.NaN);
        if (both) {
            out.set(PhaseTable.EXP_PLUS, plus.value()).set(PhaseTable.EXP_PLUS_SE, plus.standardError());
        }
    }

    /** {λ, −λ} for Λ₋ and Λ₊, or {λ}. */
    private static double[] lanes(double lambda, boolean both) {
        return both ? new double[] {lambda, -lambda} : new double[] {lambda};
    }

    public static PaperProtocol.Settings paperSettings(CellParameters p) {
        PaperProtocol.Settings paper = PaperProtocol.Settings.defaults();
        return new PaperProtocol.Settings(p.integer(EstimatorSettings.RUNS), paper.upperCutoff(), paper.lowerCutoff(),
                p.longValue(EstimatorSettings.STEPS));
    }
}
