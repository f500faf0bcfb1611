package org.probstab.lyapunov;

/**
 * How many and how long Monte-Carlo trajectories {@link RenormalisedProduct} and {@link QrLyapunovSpectrum} run
 * (DESIGN §2, "Monte-Carlo trajectories"): R independent runs of a burn-in followed by T measured steps of
 * θ_{t+1} = (I − λĤ_t) θ_t, renormalised every k steps.
 *
 * @param runs        R ≥ 1, the number of independent trajectories; the standard error is the spread of the R
 *                    per-run exponents over √R (with R = 1 it is +∞: unknown)
 * @param steps       T ≥ 1, the measured steps per run; the exponent of a run is (1/T) log‖θ_T‖ with ‖θ_0‖ = 1
 * @param burnIn      steps run and discarded before the measurement (≥ 0), so that the direction of θ (or the
 *                    QR frame) forgets its random start; the scalar product has no transient and ignores it
 * @param renormEvery k ≥ 1: the state is rescaled (and, for the spectrum, re-orthonormalised) every k steps, and
 *                    earlier whenever its magnitude leaves a safe floating-point range
 * @param epsilon     ε &gt; 0, the threshold of the reported fraction P(‖θ_T‖ &lt; ε)
 */
public record TrajectorySettings(int runs, long steps, long burnIn, int renormEvery, double epsilon) {

    public TrajectorySettings {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be in [1, " + Integer.MAX_VALUE + "], got " + runs);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be in [1, " + Long.MAX_VALUE + "], got " + steps);
        }
        if (burnIn < 0) {
            throw new IllegalArgumentException("burnIn must be in [0, " + Long.MAX_VALUE + "], got " + burnIn);
        }
        if (renormEvery < 1) {
            throw new IllegalArgumentException("renormEvery must be in [1, " + Integer.MAX_VALUE + "], got "
                    + renormEvery);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be in (0, inf), got " + epsilon);
        }
    }

    /**
     * R = 64, T = 10 000, burn-in 100, k = 1, ε = 1e-3. Why:
     * <ul>
     *   <li>R = 64: the standard error is itself estimated to ≈ 1/√(2(R − 1)) ≈ 9 %, enough for the z = 3 sign
     *       test of DESIGN §2, and P(‖θ_T‖ &lt; ε) resolves to 1/64;</li>
     *   <li>T = 10 000: SE ≈ s/√(RT) = s/800 (s² the per-step log variance), i.e. about 1e-3 for s ≈ 1, and the
     *       O(1/T) bias of a random start is far below that; R·T = 6.4·10⁵ steps cost ≈ 10 ms in the scalar case;</li>
     *   <li>burn-in 100: a direction forgets its start like e^{−(Λ₁−Λ₂)t}, i.e. to e^{−10} for a gap of 0.1;</li>
     *   <li>k = 1: keeps the QR frame of {@link QrLyapunovSpectrum} well conditioned whatever the gap between
     *       exponents, at a cost small next to drawing Ĥ; for the single-vector {@link RenormalisedProduct} the
     *       rescaling is by an exact power of two, so its results do not depend on k at all;</li>
     *   <li>ε = 1e-3: near Λ = 0, where the fraction is informative, log‖θ_T‖ spreads like √T·s ≈ 100·s ≫ |log ε|,
     *       so the fraction hardly depends on ε; far from 0 it is 0 or 1 anyway.</li>
     * </ul>
     */
    public static TrajectorySettings defaults() {
        return new TrajectorySettings(64, 10_000, 100, 1, 1e-3);
    }

    /** A copy with R runs. */
    public TrajectorySettings withRuns(int newRuns) {
        return new TrajectorySettings(newRuns, steps, burnIn, renormEvery, epsilon);
    }

    /** A copy with T measured steps. */
    public TrajectorySettings withSteps(long newSteps) {
        return new TrajectorySettings(runs, newSteps, burnIn, renormEvery, epsilon);
    }

    /** A copy with the given burn-in. */
    public TrajectorySettings withBurnIn(long newBurnIn) {
        return new TrajectorySettings(runs, steps, newBurnIn, renormEvery, epsilon);
    }

    /** A copy with renormalisation every k steps. */
    public TrajectorySettings withRenormEvery(int newRenormEvery) {
        return new TrajectorySettings(runs, steps, burnIn, newRenormEvery, epsilon);
    }

    /** A copy with threshold ε. */
    public TrajectorySettings withEpsilon(double newEpsilon) {
        return new TrajectorySettings(runs, steps, burnIn, renormEvery, newEpsilon);
    }
}
