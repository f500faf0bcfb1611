package org.probstab.estimator;

import java.util.List;
import org.probstab.lyapunov.TrajectorySettings;
import org.probstab.stability.PhaseClassifier;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;

/**
 * The estimator parameters the estimated models accept besides their own, with their defaults and ranges. They are
 * ordinary cell parameters (so they may be sweep axes), read back from {@link CellParameters} by the models. A model
 * that is not estimated takes some or none of them (it says which in the model catalogue).
 */
public final class EstimatorSettings {

    public static final String RUNS = "runs";
    public static final String STEPS = "steps";
    public static final String BURN_IN = "burn_in";
    public static final String RENORM_EVERY = "renorm_every";
    public static final String EPSILON = "epsilon";
    public static final String Z = "z";
    public static final String ENUMERATION_BUDGET = "enum_budget";
    public static final String MC_BATCHES = "mc_batches";

    /** The shared estimator parameters. */
    public static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer(RUNS, 2, 100_000_000, false, "64",
                    "trajectory estimators: independent runs R (SE from their spread)"),
            ParameterSpec.integer(STEPS, 1, 1_000_000_000, false, "10000",
                    "trajectory estimators: steps T per run after the burn-in"),
            ParameterSpec.integer(BURN_IN, 0, 1_000_000_000, false, "100",
                    "trajectory estimators: steps discarded before measuring"),
            ParameterSpec.integer(RENORM_EVERY, 1, 64, false, "1",
                    "trajectory estimators: renormalise (or re-orthonormalise) every k steps"),
            ParameterSpec.real(EPSILON, 0, false, Double.POSITIVE_INFINITY, "1e-3",
                    "threshold ε of the reported P(||theta_T|| < eps)"),
            ParameterSpec.real(Z, 0, true, 1e6, Double.toString(PhaseClassifier.DEFAULT_Z),
                    "an exponent within z standard errors of 0 makes the phase undetermined"),
            ParameterSpec.integer(ENUMERATION_BUDGET, 1, 1_000_000_000_000L, false, "1000000",
                    "largest number of distinct minibatches enumerated exactly"),
            ParameterSpec.integer(MC_BATCHES, 2, 1_000_000_000_000L, false, "1000000",
                    "minibatches drawn when Monte-Carlo over batches replaces enumeration"));

    private EstimatorSettings() {
    }

    /**
     * The shared parameters of these names, in the order of {@link #PARAMETERS}: for a model that takes only some of
     * them (a model of the catalogue that names which it takes).
     *
     * @throws IllegalArgumentException if a name is not a shared estimator parameter
     */
    public static List<ParameterSpec> only(String... names) {
        List<String> wanted = List.of(names);
        for (String n : wanted) {
            if (PARAMETERS.stream().noneMatch(p -> p.name().equals(n))) {
                throw new IllegalArgumentException(n + " is not a shared estimator parameter");
            }
        }
        return PARAMETERS.stream().filter(p -> wanted.contains(p.name())).toList();
    }

    /** Trajectory settings of a cell. */
    public static TrajectorySettings trajectory(CellParameters p) {
        return new TrajectorySettings(p.integer(RUNS), p.longValue(STEPS), p.longValue(BURN_IN),
                p.integer(RENORM_EVERY), p.number(EPSILON));
    }

    /** The phase classifier of a cell. */
    public static PhaseClassifier classifier(CellParameters p) {
        return new PhaseClassifier(p.number(Z));
    }
}
