package org.probstab.net;

/**
 * The outcome of one trained net cell, with the theory for the same (λ, μ, S, σ) beside it (DESIGN §4, net-cell
 * table; {@link NetTheory}).
 *
 * @param cellId           the cell's id (its random streams derive from the sweep seed and this id)
 * @param spec             the cell
 * @param backend          {@code cpu} or {@code djl}
 * @param device           where it was trained ({@code cpu}, {@code gpu(0)}, …)
 * @param rank             number of singular values of W₂ above {@code spec.rankTolerance()}·s_max; −1 when diverged
 * @param singularValues   all min(d, h) singular values of the final W₂, descending (empty when diverged), so any
 *                         other cut-off can be applied afterwards
 * @param finalLoss        the population loss E (1/(2d))‖f(x) − y‖² of the final net, estimated on
 *                         {@value #EVALUATION_SAMPLES} fresh samples of the cell's own evaluation stream; +∞ when
 *                         diverged
 * @param diverged         the training loss became non-finite, or a final parameter is not finite
 * @param steps            steps trained: T, or the step at which divergence was detected (cpu: every step; djl:
 *                         every {@value #DJL_DIVERGENCE_CHECK_INTERVAL} steps and at the end)
 * @param elapsedNanos     the cell's share of its batch's training wall time (batch time / C), plus its own
 *                         evaluation, SVD and theory
 * @param theoryLambda     the learning rate of the scalar saddle ({@link NetTheory#lambda})
 * @param theoryPhase      the exact phase of that saddle (null for masked data)
 * @param theoryExponentMinus Λ₋ (NaN for masked data)
 * @param theoryExponentPlus  Λ₊ (NaN for masked data)
 * @param theoryRank       masked data: the diagonal approximation's predicted rank (000 eq. 7); −1 otherwise
 */
public record NetCellResult(long cellId, NetCellSpec spec, String backend, String device, int rank,
                            double[] singularValues, double finalLoss, boolean diverged, long steps, long elapsedNanos,
                            double theoryLambda, String theoryPhase, double theoryExponentMinus,
                            double theoryExponentPlus, int theoryRank) {

    /** Samples behind {@link #finalLoss}. */
    public static final int EVALUATION_SAMPLES = 256;
    /** How often the djl backend reads the training losses back to look for divergence. */
    public static final int DJL_DIVERGENCE_CHECK_INTERVAL = 64;

    public NetCellResult {
        singularValues = singularValues.clone();
    }

    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }
}
