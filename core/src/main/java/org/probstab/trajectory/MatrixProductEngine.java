package org.probstab.trajectory;

import java.util.Objects;
import org.probstab.random.RunStreams;
import org.probstab.special.Constants;

/**
 * The trajectory engine for d×d products θ_{t+1} = (I − λĤ_t) θ_t (000 eq. 8, Thm 3; DESIGN §2): R runs in
 * lockstep, block by block of {@value #BLOCK} steps; the vectors of all runs live in one array (run r at
 * [r·d, (r + 1)·d)), each block's Ĥ are drawn with one {@link RunStreams#gaussians} call per run.
 *
 * <p>{@link #renormalised}: θ_0 uniform on the unit sphere (d normals, normalised; redrawn if all 0), a burn-in,
 * θ rescaled to ‖θ‖ = 1, then T measured steps; v is rescaled by the power of two 2^−e, e the binary exponent of
 * max|v_i|, every k steps and whenever max|v_i| leaves [2⁻⁵⁰⁰, 2⁵⁰⁰]; a run whose v becomes exactly 0 is collapsed
 * (−∞). The same schedule and arithmetic as {@code RenormalisedProduct.matrix}, hence its results bit for bit with the
 * same streams (tested). {@link #cutoff}: the papers' protocol on the unnormalised θ, as {@code PaperProtocol.matrix}.
 */
public final class MatrixProductEngine {

    /** Steps per block. */
    public static final int BLOCK = 16;

    private static final long COLLAPSED = Long.MIN_VALUE;

    private MatrixProductEngine() {
    }

    /**
     * log‖θ_T‖ of every run after the burn-in (‖θ‖ = 1 at its end); −∞ for a collapsed run.
     *
     * @param renormEvery k ≥ 1
     * @throws ArithmeticException if one step overflows (‖I − λĤ‖ &gt; 2⁵⁰⁰) or gives NaN
     */
    public static double[] renormalised(MatrixDraws draws, double lambda, long burnIn, long steps, int renormEvery,
                                        RunStreams streams) {
        Objects.requireNonNull(draws, "draws");
        checkLambda(lambda);
        if (steps < 1 || burnIn < 0 || renormEvery < 1) {
            throw new IllegalArgumentException("need steps >= 1, burnIn >= 0, renormEvery >= 1, got " + steps + ", "
                    + burnIn + ", " + renormEvery);
        }
        int d = draws.dimension();
        int runs = streams.runs();
        double[] v = new double[runs * d];
        long[] exponent = new long[runs];
        int[] sinceRenorm = new int[runs];
        double[] unit = new double[d];
        for (int r = 0; r < runs; r++) {
            randomUnitVector(streams, r, unit);
            System.arraycopy(unit, 0, v, r * d, d);
        }
        Workspace w = new Workspace(draws);
        propagate(draws, lambda, burnIn, renormEvery, streams, v, exponent, sinceRenorm, w);
        for (int r = 0; r < runs; r++) {
            if (exponent[r] == COLLAPSED) {
                continue;
            }
            double inverse = 1.0 / norm(v, r * d, d);
            for (int i = 0; i < d; i++) {
                v[r * d + i] *= inverse;
            }
            exponent[r] = 0;
            sinceRenorm[r] = 0;
        }
        propagate(draws, lambda, steps, renormEvery, streams, v, exponent, sinceRenorm, w);
        double[] logNorms = new double[runs];
        for (int r = 0; r < runs; r++) {
            logNorms[r] = exponent[r] == COLLAPSED ? Double.NEGATIVE_INFINITY
                    : exponent[r] * Constants.LN2 + StrictMath.log(norm(v, r * d, d));
        }
        return logNorms;
    }

    /**
     * The papers' protocol: per run, θ_0 uniform on the unit sphere, steps until ‖θ_t‖ ≥ upper, ≤ lower or
     * t = maxSteps; returns {@link ScalarProductEngine.CutoffRuns} with one lane.
     */
    public static ScalarProductEngine.CutoffRuns cutoff(MatrixDraws draws, double lambda, long maxSteps,
                                                        double upper, double lower, RunStreams streams) {
        Objects.requireNonNull(draws, "draws");
        checkLambda(lambda);
        if (maxSteps < 1 || !(upper > 1) || !(lower > 0 && lower < 1)) {
            throw new IllegalArgumentException("need maxSteps >= 1 and 0 < lower < 1 < upper");
        }
        int d = draws.dimension();
        int runs = streams.runs();
        double[] v = new double[runs * d];
        double[] norms = new double[runs];
        long[] stop = new long[runs];
        double[] unit = new double[d];
        for (int r = 0; r < runs; r++) {
            randomUnitVector(streams, r, unit);
            System.arraycopy(unit, 0, v, r * d, d);
            norms[r] = 1.0;
        }
        Workspace w = new Workspace(draws);
        MatrixDraws.RandomSymmetric symmetricTwo = twoByTwo(draws);
        int active = runs;
        long t = 0;
        while (t < maxSteps && active > 0) {
            int length = (int) Math.min(BLOCK, maxSteps - t);
            for (int r = 0; r < runs; r++) {
                if (stop[r] != 0) {
                    continue;
                }
                draws.fill(streams, r, w.normals, length);
                int o = r * d;
                for (int k = 0; k < length; k++) {
                    if (symmetricTwo != null) {
                        stepSymmetricTwo(symmetricTwo, w.normals, k, lambda, v, o);
                    } else {
                        draws.hessian(w.normals, k, w.hessian);
                        step(w.hessian, lambda, v, o, d, w.hv);
                    }
                    double n = scaledNorm(v, o, d);
                    norms[r] = n;
                    if (!(n < upper && n > lower)) {
                        stop[r] = t + k + 1;
                        active--;
                        break;
                    }
                }
                if (stop[r] == 0 && t + length == maxSteps) {
                    stop[r] = maxSteps;
                    active--;
                }
            }
            t += length;
        }
        double[] logNorms = new double[runs];
        for (int r = 0; r < runs; r++) {
            logNorms[r] = StrictMath.log(norms[r]);
        }
        return new ScalarProductEngine.CutoffRuns(new double[][] {logNorms}, new long[][] {stop});
    }

    /** {@code steps} renormalised steps of every non-collapsed run. */
    private static void propagate(MatrixDraws draws, double lambda, long steps, int renormEvery, RunStreams streams,
                                  double[] v, long[] exponent, int[] sinceRenorm, Workspace w) {
        int d = draws.dimension();
        MatrixDraws.RandomSymmetric symmetricTwo = twoByTwo(draws);
        int runs = streams.runs();
        long t = 0;
        while (t < steps) {
            int length = (int) Math.min(BLOCK, steps - t);
            boolean last = t + length == steps;
            for (int r = 0; r < runs; r++) {
                if (exponent[r] == COLLAPSED) {
                    continue;
                }
                draws.fill(streams, r, w.normals, length);
                int o = r * d;
                long e = exponent[r];
                int since = sinceRenorm[r];
                for (int k = 0; k < length; k++) {
                    double max;
                    if (symmetricTwo != null) {
                        max = stepSymmetricTwo(symmetricTwo, w.normals, k, lambda, v, o);
                    } else {
                        draws.hessian(w.normals, k, w.hessian);
                        max = step(w.hessian, lambda, v, o, d, w.hv);
                    }
                    if (++since == renormEvery || !(max > ScalarProductEngine.SAFE_MIN
                            && max < ScalarProductEngine.SAFE_MAX)) {
                        if (max == 0.0) {
                            e = COLLAPSED;
                            break;
                        }
                        if (!(max < Double.POSITIVE_INFINITY)) {
                            throw new ArithmeticException("one step of (I - lambda*H) overflowed or gave NaN at"
                                    + " lambda = " + lambda);
                        }
                        int shift = Math.getExponent(max);
                        scale(v, o, d, powerOfTwo(-shift));
                        e += shift;
                        since = 0;
                    }
                }
                if (e != COLLAPSED && last && since != 0) {
                    double max = 0;
                    for (int i = 0; i < d; i++) {
                        max = Math.max(max, Math.abs(v[o + i]));
                    }
                    if (max == 0.0) {
                        e = COLLAPSED;
                    } else {
                        int shift = Math.getExponent(max);
                        scale(v, o, d, powerOfTwo(-shift));
                        e += shift;
                        since = 0;
                    }
                }
                exponent[r] = e;
                sinceRenorm[r] = since;
            }
            t += length;
        }
    }

    /** The 2×2 random-symmetric law, whose step is written out, or null. */
    private static MatrixDraws.RandomSymmetric twoByTwo(MatrixDraws draws) {
        return draws instanceof MatrixDraws.RandomSymmetric s && s.d() == 2 ? s : null;
    }

    /**
     * {@link MatrixDraws.RandomSymmetric#hessian} and {@link #step} for d = 2 written out, operation for operation
     * the same (so the same bits); returns max(|v₀|, |v₁|).
     */
    private static double stepSymmetricTwo(MatrixDraws.RandomSymmetric law, double[] normals, int k, double lambda,
                                           double[] v, int o) {
        double[] mean = law.meanValues();
        double nu = law.noise();
        int base = 4 * k;
        double m01 = nu * normals[base + 1];
        double m10 = nu * normals[base + 2];
        double h00 = mean[0] + 2 * (nu * normals[base]);
        double s = m01 + m10;
        double h01 = mean[1] + s;
        double h10 = mean[2] + s;
        double h11 = mean[3] + 2 * (nu * normals[base + 3]);
        double v0 = v[o];
        double v1 = v[o + 1];
        double sum0 = 0;
        sum0 += h00 * v0;
        sum0 += h01 * v1;
        double sum1 = 0;
        sum1 += h10 * v0;
        sum1 += h11 * v1;
        v0 -= lambda * sum0;
        v1 -= lambda * sum1;
        v[o] = v0;
        v[o + 1] = v1;
        double max = 0;
        max = Math.max(max, Math.abs(v0));
        return Math.max(max, Math.abs(v1));
    }

    /** v ← v − λĤv for the vector at {@code v[o, o + d)}; returns max_i |v_i| afterwards. */
    private static double step(double[] h, double lambda, double[] v, int o, int d, double[] hv) {
        for (int i = 0; i < d; i++) {
            double sum = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                sum += h[row + j] * v[o + j];
            }
            hv[i] = sum;
        }
        double max = 0;
        for (int i = 0; i < d; i++) {
            v[o + i] -= lambda * hv[i];
            max = Math.max(max, Math.abs(v[o + i]));
        }
        return max;
    }

    /** d standard normals of run r, normalised; redrawn while all are 0 (as {@code RenormalisedProduct}). */
    private static void randomUnitVector(RunStreams streams, int run, double[] v) {
        double n;
        do {
            streams.gaussians(run, v, 0, v.length);
            n = norm(v, 0, v.length);
        } while (n == 0.0);
        double inverse = 1.0 / n;
        for (int i = 0; i < v.length; i++) {
            v[i] *= inverse;
        }
    }

    private static double norm(double[] v, int o, int d) {
        double sum = 0;
        for (int i = 0; i < d; i++) {
            sum += v[o + i] * v[o + i];
        }
        return Math.sqrt(sum);
    }

    private static void scale(double[] v, int o, int d, double factor) {
        for (int i = 0; i < d; i++) {
            v[o + i] *= factor;
        }
    }

    /** ‖v‖ without over- or underflow of the squares: 2^e ‖2^−e v‖ with 2^e ≤ max_i |v_i| &lt; 2^{e+1}. */
    private static double scaledNorm(double[] v, int o, int d) {
        double max = 0;
        for (int i = 0; i < d; i++) {
            max = Math.max(max, Math.abs(v[o + i]));
        }
        if (max == 0.0 || !(max < Double.POSITIVE_INFINITY)) {
            return max;
        }
        int e = Math.getExponent(max);
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double y = Math.scalb(v[o + i], -e);
            sum += y * y;
        }
        return Math.scalb(Math.sqrt(sum), e);
    }

    private static double powerOfTwo(int e) {
        return Double.longBitsToDouble((long) (e + 1023) << 52);
    }

    private static void checkLambda(double lambda) {
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite, got " + lambda);
        }
    }

    /** Per-call buffers. */
    private static final class Workspace {
        final double[] normals;
        final double[] hessian;
        final double[] hv;

        Workspace(MatrixDraws draws) {
            normals = new double[BLOCK * draws.normalsPerStep()];
            hessian = new double[draws.dimension() * draws.dimension()];
            hv = new double[draws.dimension()];
        }
    }
}
