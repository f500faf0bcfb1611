package org.probstab.boundary;

import java.util.ArrayList;
import java.util.List;

/**
 * The zeros of a function known only at grid points with standard errors — an estimated exponent Λ̂(λ_i) ± s_i:
 * every pair of neighbours with opposite signs brackets one zero, placed by linear interpolation,
 * <pre>
 *   λ* = λ_i + (λ_{i+1} − λ_i)·w,   w = Λ̂_i / (Λ̂_i − Λ̂_{i+1}),
 * </pre>
 * with the delta-method uncertainty of that formula, SE(λ*) = |∂λ* / ∂Λ̂_i|·s_i ⊕ |∂λ* / ∂Λ̂_{i+1}|·s_{i+1}
 * = (λ_{i+1} − λ_i)·√((1 − w)² s_i² + w² s_{i+1}²)/|Λ̂_i − Λ̂_{i+1}| (independent points). An exact curve
 * (s = 0) has SE 0 here, leaving only the interpolation error, which the grid spacing bounds. Zeros closer than one
 * grid step can hide from this; exact curves should use {@link ExactBoundary}.
 */
public final class SampledCrossings {

    /**
     * One zero.
     *
     * @param x             where the curve crosses 0
     * @param standardError its delta-method standard error
     * @param rising        true from negative to positive as x grows
     */
    public record Crossing(double x, double standardError, boolean rising) {
    }

    private SampledCrossings() {
    }

    /**
     * The zeros of the sampled curve (x ascending); {@code se} may be null (an exact curve). Non-finite values are
     * skipped, as are exact zeros at grid points (a sign change around them is bracketed by their neighbours).
     */
    public static List<Crossing> of(double[] x, double[] y, double[] se) {
        List<Crossing> out = new ArrayList<>();
        for (int i = 0; i + 1 < x.length; i++) {
            double a = y[i];
            double b = y[i + 1];
            if (!Double.isFinite(a) || !Double.isFinite(b) || a == 0 || b == 0 || (a < 0) == (b < 0)) {
                continue;
            }
            double w = a / (a - b);
            double width = x[i + 1] - x[i];
            double sa = se == null ? 0 : se[i];
            double sb = se == null ? 0 : se[i + 1];
            double error = width * Math.sqrt((1 - w) * (1 - w) * sa * sa + w * w * sb * sb) / Math.abs(a - b);
            out.add(new Crossing(x[i] + width * w, error, a < 0));
        }
        return out;
    }
}
