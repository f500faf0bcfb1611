package org.probstab.model;

import java.util.List;
import java.util.Map;
import org.probstab.config.InvalidInputException;
import org.probstab.law.RandomSymmetricLaw;
import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.lyapunov.Method;
import org.probstab.lyapunov.NormalLogExpectation;
import org.probstab.lyapunov.PaperProtocol;
import org.probstab.lyapunov.QrLyapunovSpectrum;
import org.probstab.lyapunov.RenormalisedProduct;
import org.probstab.lyapunov.SpectrumResult;
import org.probstab.lyapunov.TrajectoryResult;
import org.probstab.stability.MatrixMomentStability;
import org.probstab.stability.Phase;
import org.probstab.random.StreamSeeds;
import org.probstab.random.StreamSeeds.Purpose;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.EstimatorSettings;
import org.probstab.estimator.ScalarEvaluation;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.CellTable;
import org.probstab.table.PhaseTable;
import org.probstab.table.Row;

/**
 * {@code random-sym}: θ_{t+1} = (I − λĤ)θ_t with Ĥ = E[Ĥ] + ν(M + Mᵀ), E[Ĥ] = diag(mean) (000 eq. 8–10, Thm 3,
 * App. A.2, Fig. 2-right). The top exponent and the spectrum come from QR re-orthonormalised products
 * (auto, trajectory; {@code product = qr}), the top exponent alone from the renormalised product of one random
 * vector ({@code product = vector}, an independent unbiased estimator), or from the papers' cut-off protocol
 * (paper). For d = 1 the law is scalar,
 * Ĥ = m + 2νZ, and Λ = E log|1 − λm − 2λνZ| is exact in closed form. The mean-square factor is the spectral
 * radius of the exact second-moment map ({@link MatrixMomentStability}).
 */
final class RandomSymmetricModel implements Model {

    static final String NAME = "random-sym";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "random symmetric Hessian E[H] + nu (M + M^T) in d dimensions (000 App. A.2)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Parameters.LAMBDA,
                ParameterSpec.integer("d", 1, 64, false, "2", "dimension d"),
                ParameterSpec.text("mean", "0.1,-0.1", "diagonal of E[H], d comma-separated numbers"),
                ParameterSpec.real("noise", 0, true, 1e6, "1", "noise scale nu"),
                ParameterSpec.choice("product", "qr", List.of("qr", "vector"), "trajectory estimator: qr = the"
                        + " whole spectrum by QR re-orthonormalisation, vector = the top exponent by the renormalised"
                        + " product of one random vector"));
    }

    @Override
    public void validate(CellParameters p, EstimatorKind estimator) {
        int d = p.integer("d");
        meanDiagonal(p);
        if (estimator == EstimatorKind.EXACT && d > 1) {
            throw InvalidInputException.of("estimator", "estimator 'exact' does not exist for model random-sym with"
                    + " d = " + d + ": allowed auto|trajectory|paper (exact only for d = 1)");
        }
    }

    static double[] meanDiagonal(CellParameters p) {
        int d = p.integer("d");
        String[] parts = p.text("mean").split(",");
        if (parts.length != d) {
            throw InvalidInputException.of("mean", "parameter 'mean' = " + p.text("mean") + " has " + parts.length
                    + " entries: allowed exactly d = " + d + " comma-separated finite numbers");
        }
        double[] diagonal = new double[d];
        for (int i = 0; i < d; i++) {
            try {
                diagonal[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                diagonal[i] = Double.NaN;
            }
            if (!Double.isFinite(diagonal[i])) {
                throw InvalidInputException.of("mean", "parameter 'mean' entry '" + parts[i].trim()
                        + "' is not a finite number: allowed d comma-separated finite numbers");
            }
        }
        return diagonal;
    }

    @Override
    public void evaluate(CellParameters p, EstimatorKind estimator, long seed, long cellId, Row.Builder out) {
        double lambda = p.number("lambda");
        int d = p.integer("d");
        double noise = p.number("noise");
        double[] diagonal = meanDiagonal(p);
        RandomSymmetricLaw law = RandomSymmetricLaw.diagonal(diagonal, noise);
        double top;
        double topSe;
        double[] spectrum = null;
        String method;
        long samples;
        long steps;
        double logVariance = Double.NaN;
        double probabilityBelowEpsilon = Double.NaN;
        if (estimator == EstimatorKind.PAPER) {
            ExponentEstimate e = PaperProtocol.matrix(law, lambda, ScalarEvaluation.paperSettings(p),
                    StreamSeeds.streamSeed(seed, cellId, Purpose.PAPER_PROTOCOL));
            top = e.value();
            topSe = e.standardError();
            method = e.method().label();
            samples = e.samples();
            steps = e.steps();
        } else if (d == 1 && estimator != EstimatorKind.TRAJECTORY) {
            // Ĥ = m + ν(M + M) = m + 2νZ: Λ = E log|(1 − λm) − 2λνZ| (Z symmetric).
            top = NormalLogExpectation.expectedLogAbs(1 - lambda * diagonal[0], 2 * lambda * noise);
            topSe = 0;
            spectrum = new double[] {top};
            method = Method.QUADRATURE.label();
            samples = 1;
            steps = 0;
        } else if (p.text("product").equals("vector")) {
            TrajectoryResult r = RenormalisedProduct.matrix(law, lambda, EstimatorSettings.trajectory(p),
                    StreamSeeds.streamSeed(seed, cellId, Purpose.TRAJECTORY_MINUS));
            top = r.exponent().value();
            topSe = r.exponent().standardError();
            spectrum = new double[] {top};
            method = Method.TRAJECTORY.label();
            samples = r.exponent().samples();
            steps = r.exponent().steps();
            probabilityBelowEpsilon = r.probabilityBelowEpsilon();
        } else {
            SpectrumResult s = QrLyapunovSpectrum.estimate(law, lambda, EstimatorSettings.trajectory(p),
                    StreamSeeds.streamSeed(seed, cellId, Purpose.TRAJECTORY_MINUS));
            spectrum = s.exponents();
            top = spectrum[0];
            topSe = s.standardErrors()[0];
            method = Method.TRAJECTORY.label();
            samples = s.runs();
            steps = s.steps();
        }
        double meanSquare = MatrixMomentStability.meanSquareFactor(law.mean(), noise, lambda);
        Phase phase = EstimatorSettings.classifier(p).single(top, topSe);
        // No μ, N, Λ₋ or Λ₊ for this law: those columns stay null.
        out.set(CellTable.MODEL, NAME).set(CellTable.LAMBDA, lambda).set(CellTable.BATCH_SIZE, 1)
                .set(CellTable.PARAMS, Map.of("d", (double) d, "noise", noise))
                .set(PhaseTable.EXP_TOP, top).set(PhaseTable.EXP_TOP_SE, topSe).set(PhaseTable.SPECTRUM, spectrum)
                .set(PhaseTable.LOG_VAR, logVariance).set(PhaseTable.MS_GROWTH, meanSquare)
                .set(PhaseTable.L2_STABLE, meanSquare < 1).set(PhaseTable.PHASE, phase.label())
                .set(PhaseTable.METHOD, method).set(PhaseTable.SAMPLES, samples).set(PhaseTable.STEPS, steps)
                .set(PhaseTable.P_BELOW_EPS, probabilityBelowEpsilon);
    }
}
