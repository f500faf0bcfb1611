package org.probstab.sgd;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of one simulated cell: R runs of T optimizer steps of one simulator at one parameter point. The parts
 * that do not apply to a simulator are null; {@code extras} holds a simulator's further named numbers (documented
 * by the simulator, e.g. the sparsity of the spred solution or the AMSGrad prediction of 002 Prop. 5).
 *
 * @param simulator  the simulator's name ({@code sgd-two-point}, …)
 * @param runs       R
 * @param steps      T
 * @param algorithm  the random-stream algorithm ({@link org.probstab.random.RunStreams.Algorithm#label()})
 * @param escape     escape probability and rate (scalar saddles), or null
 * @param histogram  final-parameter histogram, or null
 * @param solutions  which solution the runs reached, or null
 * @param saddle     distance-from-saddle curve, or null
 * @param sparsity   sparsity of the solutions, or null
 * @param theory     the linearised theory beside the outcome, or null
 * @param extras     further numbers by name (sorted)
 */
public record SimulationOutcome(String simulator, int runs, long steps, String algorithm, EscapeStatistics escape,
                                ParameterHistogram histogram, SolutionCensus solutions, SaddleEscapeCurve saddle,
                                SparsityEstimate sparsity, LinearisedTheory theory, Map<String, Double> extras) {

    public SimulationOutcome {
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(algorithm, "algorithm");
        if (runs < 1 || steps < 1) {
            throw new IllegalArgumentException("runs and steps must be >= 1");
        }
        extras = java.util.Collections.unmodifiableMap(new TreeMap<>(extras == null ? Map.of() : extras));
    }

    /** A named extra value. */
    public double extra(String name) {
        Double v = extras.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no extra " + name + " in " + extras.keySet());
        }
        return v;
    }
}
