package org.probstab.net;

import org.probstab.config.InvalidInputException;
import org.probstab.config.Labelled;

/**
 * The optimiser of a net cell and its hyper-parameters (the learning rate λ is a field of the cell).
 * <ul>
 *   <li>{@code sgd}: θ ← θ − λ g, with g the minibatch gradient (no momentum, no weight decay: the papers'
 *       plain SGD of 000 §5.4).</li>
 *   <li>{@code adam} (Kingma &amp; Ba 2014, the form PyTorch's {@code torch.optim.Adam} computes, 000 App. A.8):
 *       m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − (λ/(1 − β₁ᵗ)) · m / (√v/√(1 − β₂ᵗ) + ε), t = 1, 2, …
 *       Defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8.</li>
 * </ul>
 *
 * @param kind    sgd or adam
 * @param beta1   Adam's first-moment decay (parameter {@code adam_beta1}), in [0, 1); ignored (0) for sgd
 * @param beta2   Adam's second-moment decay, in [0, 1); ignored (0) for sgd
 * @param epsilon Adam's denominator offset, &gt; 0; ignored (0) for sgd
 */
public record OptimiserSpec(Kind kind, double beta1, double beta2, double epsilon) {

    /** The optimisers. */
    public enum Kind implements Labelled {
        SGD("sgd"), ADAM("adam");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }

        /** Parses a label; unknown ones name the key and the allowed values. */
        public static Kind parse(String key, String raw) {
            return Labelled.parse(Kind.class, key, raw);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public OptimiserSpec {
        if (kind == null) {
            throw InvalidInputException.missing("optimiser", "sgd|adam");
        }
        if (kind == Kind.SGD) {
            beta1 = 0;
            beta2 = 0;
            epsilon = 0;
        } else {
            if (!(beta1 >= 0 && beta1 < 1)) {
                throw InvalidInputException.outOfRange("adam_beta1", beta1, "[0, 1)");
            }
            if (!(beta2 >= 0 && beta2 < 1)) {
                throw InvalidInputException.outOfRange("adam_beta2", beta2, "[0, 1)");
            }
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw InvalidInputException.outOfRange("adam_epsilon", epsilon, "(0, inf)");
            }
        }
    }

    /** Plain SGD. */
    public static OptimiserSpec sgd() {
        return new OptimiserSpec(Kind.SGD, 0, 0, 0);
    }

    /** Adam with PyTorch's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public static OptimiserSpec adam() {
        return new OptimiserSpec(Kind.ADAM, 0.9, 0.999, 1e-8);
    }

    /** Adam with the given hyper-parameters. */
    public static OptimiserSpec adam(double beta1, double beta2, double epsilon) {
        return new OptimiserSpec(Kind.ADAM, beta1, beta2, epsilon);
    }

    /** Parses {@code sgd} or {@code adam} (with Adam's defaults). */
    public static OptimiserSpec parse(String key, String raw) {
        return Kind.parse(key, raw) == Kind.SGD ? sgd() : adam();
    }
}
