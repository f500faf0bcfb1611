package org.probstab.sgd;

import java.util.Objects;
import org.probstab.config.InvalidInputException;

/**
 * One optimizer with its hyperparameters ({@link OptimizerKind}: 002 §5.4, eq. 13–16), and its update on the
 * parameter, momentum and preconditioner arrays of many runs at once.
 *
 * @param kind     SGD, Adam or AMSGrad
 * @param lambda   the learning rate λ &gt; 0 (parameter {@code lambda})
 * @param momentum β₁ ∈ [0, 1) (parameter {@code momentum}; 0: no momentum)
 * @param beta2    β₂ ∈ [0, 1) (parameter {@code beta2}; unused by SGD; the paper uses 0.999)
 */
public record Optimizer(OptimizerKind kind, double lambda, double momentum, double beta2) {

    /**
     * Below this, a coordinate whose parameter and momentum are both smaller is set to exactly 0 (the fixed point
     * of every optimizer here): 2⁻⁹⁰⁰ ≈ 1e−271 is converged for every purpose, and arithmetic on the subnormal numbers
     * it would otherwise decay through costs about 100 times a normal step.
     */
    public static final double FLUSH = 0x1p-900;
    /** A preconditioner below this (≈ 1e−301) is set to 0, for the same reason. */
    public static final double FLUSH_PRECONDITIONER = 0x1p-1000;

    public Optimizer {
        Objects.requireNonNull(kind, "kind");
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw InvalidInputException.outOfRange(SimulationParameters.LAMBDA, lambda, "(0, inf)");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw InvalidInputException.outOfRange(SimulationParameters.MOMENTUM, momentum, "[0, 1)");
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw InvalidInputException.outOfRange(SimulationParameters.BETA2, beta2, "[0, 1)");
        }
    }

    /** Plain SGD with learning rate λ. */
    public static Optimizer sgd(double lambda) {
        return new Optimizer(OptimizerKind.SGD, lambda, 0, 0.999);
    }

    /** Whether the optimizer keeps a preconditioner v (Adam, AMSGrad). */
    public boolean adaptive() {
        return kind != OptimizerKind.SGD;
    }

    /**
     * One step on {@code n} coordinates: w[i] −= λ·step(g[i]) with the optimizer's state m, v, v̂ (arrays of the same
     * length; v and v̂ may be null for SGD, v̂ for Adam), then the flush to 0 of {@link #FLUSH} and
     * {@link #FLUSH_PRECONDITIONER}. The loop is a pure element-wise pass.
     */
    public void update(double[] w, double[] g, double[] m, double[] v, double[] vHat, int n) {
        final double b1 = momentum;
        final double c1 = 1 - momentum;
        final double b2 = beta2;
        final double c2 = 1 - beta2;
        final double lr = lambda;
        switch (kind) {
            case SGD -> {
                for (int i = 0; i < n; i++) {
                    double mi = b1 * m[i] + c1 * g[i];
                    double wi = w[i] - lr * mi;
                    if (Math.abs(wi) < FLUSH && Math.abs(mi) < FLUSH) {
                        wi = 0;
                        mi = 0;
                    }
                    m[i] = mi;
                    w[i] = wi;
                }
            }
            case ADAM -> {
                for (int i = 0; i < n; i++) {
                    double gi = g[i];
                    double mi = b1 * m[i] + c1 * gi;
                    double vi = b2 * v[i] + c2 * gi * gi;
                    double wi = w[i] - (vi > 0 ? lr * (mi / Math.sqrt(vi)) : 0.0);
                    if (Math.abs(wi) < FLUSH && Math.abs(mi) < FLUSH) {
                        wi = 0;
                        mi = 0;
                    }
                    if (vi < FLUSH_PRECONDITIONER) {
                        vi = 0;
                    }
                    m[i] = mi;
                    v[i] = vi;
                    w[i] = wi;
                }
            }
            case AMSGRAD -> {
                for (int i = 0; i < n; i++) {
                    double gi = g[i];
                    double mi = b1 * m[i] + c1 * gi;
                    double vi = b2 * v[i] + c2 * gi * gi;
                    double hi = Math.max(vHat[i], vi);
                    double wi = w[i] - (hi > 0 ? lr * (mi / Math.sqrt(hi)) : 0.0);
                    if (Math.abs(wi) < FLUSH && Math.abs(mi) < FLUSH) {
                        wi = 0;
                        mi = 0;
                    }
                    if (vi < FLUSH_PRECONDITIONER) {
                        vi = 0;
                    }
                    m[i] = mi;
                    v[i] = vi;
                    vHat[i] = hi;
                    w[i] = wi;
                }
            }
            default -> throw new IllegalStateException("unknown optimizer " + kind);
        }
    }
}
