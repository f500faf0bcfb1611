package org.probstab.sgd;

import java.util.List;
import java.util.Locale;
import org.probstab.config.InvalidInputException;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.random.RunStreams;

/**
 * The parameter keys the simulators share, their {@link ParameterSpec}s, and the typed readers of validated
 * {@link CellParameters} ({@link org.probstab.model.ModelRegistry#resolve} turns raw values into them: range checks,
 * defaults, then the simulator's cross-checks). Every bad value is an {@link InvalidInputException} naming the key.
 */
public final class SimulationParameters {

    public static final String LAMBDA = "lambda";
    public static final String OPTIMIZER = "optimizer";
    public static final String MOMENTUM = "momentum";
    public static final String BETA2 = "beta2";
    public static final String RUNS = "runs";
    public static final String STEPS = "steps";
    public static final String START = "start";
    public static final String RNG = "rng";

    /** The words of parameter {@code rng}. */
    public static final List<String> RNG_WORDS = List.of("xoshiro", "l64x128");

    static final ParameterSpec LAMBDA_SPEC = ParameterSpec.real(LAMBDA, 0, false, Double.POSITIVE_INFINITY, null,
            "the learning rate lambda");
    static final ParameterSpec OPTIMIZER_SPEC = ParameterSpec.choice(OPTIMIZER, "sgd", OptimizerKind.labels(),
            "sgd, adam or amsgrad as 002 eq. 13-16 write them");
    static final ParameterSpec MOMENTUM_SPEC = ParameterSpec.real(MOMENTUM, 0, true, 1, "0",
            "beta1 in [0, 1): the momentum of eq. 13 (0: none)");
    static final ParameterSpec BETA2_SPEC = ParameterSpec.real(BETA2, 0, true, 1, "0.999",
            "beta2 in [0, 1): the preconditioner average of eq. 14 (Adam, AMSGrad)");
    static final ParameterSpec RNG_SPEC = ParameterSpec.choice(RNG, "xoshiro", RNG_WORDS,
            "random streams: xoshiro (xoshiro256+ with ziggurat normals) or l64x128 (the JDK's L64X128MixRandom)");

    private SimulationParameters() {
    }

    /** Runs, with a simulator's default. */
    static ParameterSpec runs(int defaultRuns) {
        return ParameterSpec.integer(RUNS, 1, 100_000_000, false, Integer.toString(defaultRuns),
                "independent runs R");
    }

    /** Steps, with a simulator's default. */
    static ParameterSpec steps(long defaultSteps) {
        return ParameterSpec.integer(STEPS, 1, 1_000_000_000_000L, false, Long.toString(defaultSteps),
                "optimizer steps T per run");
    }

    /** The optimizer of validated parameters (λ, optimizer, momentum, beta2). */
    static Optimizer optimizer(CellParameters p) {
        return new Optimizer(OptimizerKind.parse(OPTIMIZER, p.text(OPTIMIZER)), p.number(LAMBDA), p.number(MOMENTUM),
                p.number(BETA2));
    }

    /** The stream algorithm of parameter {@code rng}. */
    static RunStreams.Algorithm algorithm(CellParameters p) {
        String word = p.text(RNG).toLowerCase(Locale.ROOT);
        return switch (word) {
            case "xoshiro" -> RunStreams.Algorithm.XOSHIRO256_PLUS;
            case "l64x128" -> RunStreams.Algorithm.L64X128_MIX_RANDOM;
            default -> throw InvalidInputException.outOfRange(RNG, "'" + word + "'", String.join("|", RNG_WORDS));
        };
    }

    /** The runs of validated parameters, checked again (≥ 1). */
    static int runs(CellParameters p) {
        double r = p.number(RUNS);
        if (!(r >= 1) || r > Integer.MAX_VALUE || r != Math.rint(r)) {
            throw InvalidInputException.outOfRange(RUNS, r, "integers in [1, 100000000]");
        }
        return (int) r;
    }

    /** The steps of validated parameters, checked again (≥ 1). */
    static long steps(CellParameters p) {
        double t = p.number(STEPS);
        if (!(t >= 1) || t != Math.rint(t)) {
            throw InvalidInputException.outOfRange(STEPS, t, "integers in [1, 1000000000000]");
        }
        return (long) t;
    }

    /** Checks that a text value is one of the words a simulator knows. */
    static String choose(String key, String word, List<String> allowed) {
        if (!allowed.contains(word)) {
            throw InvalidInputException.outOfRange(key, "'" + word + "'", String.join("|", allowed));
        }
        return word;
    }
}
