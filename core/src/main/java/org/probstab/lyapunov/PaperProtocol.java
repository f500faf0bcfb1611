package org.probstab.lyapunov;

import java.util.Objects;
import org.probstab.law.MatrixSampler;
import org.probstab.law.ScalarBatchSampler;
import org.probstab.random.RunStreams;
import org.probstab.trajectory.CurvatureDraws;
import org.probstab.trajectory.MatrixDraws;
import org.probstab.trajectory.MatrixProductEngine;
import org.probstab.trajectory.ScalarProductEngine;

/**
 * The papers' own estimator (000 App. A.2, used for Fig. 2-right), kept for reproduction and comparison only
 * ({@link Method#PAPER_PROTOCOL}; DESIGN §2):
 * <pre>
 *   θ_0 uniform on the unit circle/sphere; θ_{t+1} = (I − λĤ_t) θ_t, unnormalised;
 *   run r stops at the first t with ‖θ_t‖ ≥ upper, ‖θ_t‖ ≤ lower, or t = maxSteps, and gives x_r = (1/t) log‖θ_t‖;
 *   Λ̂ = (1/R) Σ_r x_r,  SE = sd_r(x_r)/√R.
 * </pre>
 * <b>Biased.</b> A run that hits a cut-off stops at a random time that depends on its own path, so x_r is not
 * (1/T) log‖θ_T‖ at a fixed T: the overshoot past the cut-off inflates |x_r| of fast runs, runs that wander
 * towards the opposite cut-off are stopped early with large |x_r|, and when Λ ≈ 0 the short runs that hit a
 * cut-off weigh as much as the long ones. Only when no run reaches a cut-off is Λ̂ the unbiased fixed-T estimate
 * (with T = maxSteps). Use {@link RenormalisedProduct} for results; this class exists to reproduce 000 Fig. 2.
 * Measured on that figure's law (E[Ĥ] = diag(0.1, −0.1), ν = 1; 16 000 protocol runs against R = 1024,
 * T = 20 000 renormalised runs): no detectable bias at λ = 0.05 and 0.2 (no cut-off reached), +0.0012 ± 0.0002
 * at λ = 0.5 and +0.0011 ± 0.0003 at λ = 1 (overshoot of the upper cut-off) — below the SE of 800 runs there.
 *
 * <p>The runs advance in lockstep on the trajectory engine ({@link ScalarProductEngine#cutoff},
 * {@link MatrixProductEngine#cutoff}); run r draws from its own stream, {@code mix(streamSeed + r)} of
 * {@link RenormalisedProduct#STREAMS}. In one dimension the unit sphere is {±1}; the sign does not change |θ_t|, so
 * θ_0 = 1 and nothing is drawn for it. A state exactly 0
 * stops the run with x_r = −∞ (then Λ̂ = −∞, SE = 0). A single step that jumps from below the upper cut-off past
 * the largest double gives x_r = +∞ (impossible at the default cut-offs unless ‖I − λĤ‖ &gt; 1e208); with both
 * +∞ and −∞ runs the result is rejected as undefined.
 */
public final class PaperProtocol {

    /**
     * The protocol's parameters.
     *
     * @param runs        R ≥ 1 independent runs (paper: 800)
     * @param upperCutoff stop when ‖θ‖ ≥ this, in (1, ∞) (paper: 1e100)
     * @param lowerCutoff stop when ‖θ‖ ≤ this, in (0, 1) (paper: 1e−140)
     * @param maxSteps    stop after this many steps, ≥ 1 (paper: 5000)
     */
    public record Settings(int runs, double upperCutoff, double lowerCutoff, long maxSteps) {

        public Settings {
            if (runs < 1) {
                throw new IllegalArgumentException("runs must be in [1, " + Integer.MAX_VALUE + "], got " + runs);
            }
            if (!(upperCutoff > 1) || !Double.isFinite(upperCutoff)) {
                throw new IllegalArgumentException("upperCutoff must be in (1, inf), got " + upperCutoff);
            }
            if (!(lowerCutoff > 0 && lowerCutoff < 1)) {
                throw new IllegalArgumentException("lowerCutoff must be in (0, 1), got " + lowerCutoff);
            }
            if (maxSteps < 1) {
                throw new IllegalArgumentException("maxSteps must be in [1, " + Long.MAX_VALUE + "], got "
                        + maxSteps);
            }
        }

        /** 000 App. A.2: 800 runs, cut-offs 1e100 and 1e−140, at most 5000 steps. */
        public static Settings defaults() {
            return new Settings(800, 1e100, 1e-140, 5000);
        }
    }

    private PaperProtocol() {
    }

    /** The protocol on z_{t+1} = (1 − λχ_B) z_t, z_0 = 1, of a law known by its sampler (one call per step). */
    public static ExponentEstimate scalar(ScalarBatchSampler sampler, double lambda, Settings s, long streamSeed) {
        Objects.requireNonNull(sampler, "sampler");
        return scalar(CurvatureDraws.sampled(sampler), new double[] {lambda}, s, streamSeed)[0];
    }

    /**
     * The protocol on the scalar product for each lane λ_j, all lanes on the same draws of each run (a run draws
     * until its last lane has stopped; each lane stops at its own cut-off, so its estimate is exactly what a call
     * with that λ alone gives).
     */
    public static ExponentEstimate[] scalar(CurvatureDraws draws, double[] lambdas, Settings s, long streamSeed) {
        Objects.requireNonNull(draws, "draws");
        Objects.requireNonNull(s, "settings");
        ScalarProductEngine.CutoffRuns runs = ScalarProductEngine.cutoff(draws, lambdas, s.maxSteps(),
                s.upperCutoff(), s.lowerCutoff(), RunStreams.of(RenormalisedProduct.STREAMS, streamSeed, s.runs()));
        ExponentEstimate[] out = new ExponentEstimate[lambdas.length];
        for (int j = 0; j < lambdas.length; j++) {
            out[j] = summarise(runs.perRunExponents(j), s);
        }
        return out;
    }

    /**
     * The protocol on θ_{t+1} = (I − λĤ_t) θ_t, θ_0 uniform on the unit sphere (the paper's Fig. 2-right); the
     * random-symmetric law drawn as data ({@link MatrixDraws#of(MatrixSampler)}).
     */
    public static ExponentEstimate matrix(MatrixSampler sampler, double lambda, Settings s, long streamSeed) {
        Objects.requireNonNull(sampler, "sampler");
        return matrix(MatrixDraws.of(sampler), lambda, s, streamSeed);
    }

    /** {@link #matrix(MatrixSampler, double, Settings, long)} of a law given as draws. */
    public static ExponentEstimate matrix(MatrixDraws draws, double lambda, Settings s, long streamSeed) {
        Objects.requireNonNull(draws, "draws");
        Objects.requireNonNull(s, "settings");
        ScalarProductEngine.CutoffRuns runs = MatrixProductEngine.cutoff(draws, lambda, s.maxSteps(),
                s.upperCutoff(), s.lowerCutoff(), RunStreams.of(RenormalisedProduct.STREAMS, streamSeed, s.runs()));
        return summarise(runs.perRunExponents(0), s);
    }

    private static ExponentEstimate summarise(double[] perRun, Settings s) {
        double mean = TrajectoryResult.mean(perRun);
        if (Double.isNaN(mean)) {
            throw new ArithmeticException("paper protocol undefined: runs reached both +inf and -inf"
                    + " (or a factor was NaN)");
        }
        return new ExponentEstimate(mean, TrajectoryResult.standardError(perRun, mean), Double.NaN,
                Method.PAPER_PROTOCOL, s.runs(), s.maxSteps());
    }
}
