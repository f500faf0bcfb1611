package org.probstab.refine;

import java.util.random.RandomGenerator;

/**
 * The uncertainty exponent of a basin boundary (Grebogi, McDonald, Ott &amp; Yorke, Phys. Lett. A 99 (1983) 415):
 * a point x is ε-uncertain when some perturbation x ± ε·e_a along an axis a has a different label than x. The
 * fraction of ε-uncertain points scales as f(ε) ∝ ε^α, and α = d − D with D the box dimension of the boundary in
 * d dimensions: α = 1 for a smooth boundary in the plane, α &lt; 1 for a fractal one. α is the least-squares slope of
 * ln f against ln ε over a stated range ({@link ScalingFit}).
 * <ul>
 *   <li>{@link #onGrid}: on a uniform grid of labels, ε = m cells; the cells counted are those at least m_max cells
 *       from every edge, the same for every ε (so all perturbations stay on the grid and the region does not
 *       shrink with ε, which would bias α); f is the exact fraction of them, and the SE of α is that of the
 *       unweighted fit ({@link ScalingFit}).</li>
 *   <li>{@link #sampled}: through a phase function, at M points uniform in [ε_max, 1 − ε_max]^d drawn afresh for
 *       each ε (so the fractions are independent), 2d + 1 labels per point; f carries the binomial SE
 *       √(f(1 − f)/M), the fit weighs ln f by 1/SE(ln f)² with SE(ln f) = SE(f)/f, and the SE of α is the larger of
 *       the one these SEs imply, 1/√(Σ w (ln ε − mean)²), and the residual-scaled one.</li>
 * </ul>
 */
public final class UncertaintyExponent {

    private UncertaintyExponent() {
    }

    /**
     * On a grid {@code labels[row][col]} (rows along the second axis): ε = m/cols for m in {@code offsets}.
     *
     * @param offsets perturbations in cells, ascending, ≥ 1, each &lt; half the smaller grid side
     * @param fitFrom index into offsets of the first fitted scale
     * @param fitTo   index of the last fitted scale
     */
    public static UncertaintyResult onGrid(int[][] labels, int[] offsets, int fitFrom, int fitTo) {
        int rows = labels.length;
        int cols = labels[0].length;
        double[] eps = new double[offsets.length];
        double[] fraction = new double[offsets.length];
        for (int s = 0; s < offsets.length; s++) {
            int m = offsets[s];
            if (m < 1 || 2 * m >= Math.min(rows, cols) || (s > 0 && m <= offsets[s - 1])) {
                throw new IllegalArgumentException("offsets must be ascending in [1, " + (Math.min(rows, cols) - 1) / 2
                        + "], got " + m);
            }
        }
        int margin = offsets[offsets.length - 1];
        for (int s = 0; s < offsets.length; s++) {
            int m = offsets[s];
            long uncertain = 0;
            long counted = 0;
            for (int i = margin; i < rows - margin; i++) {
                int[] row = labels[i];
                int[] up = labels[i + m];
                int[] down = labels[i - m];
                for (int j = margin; j < cols - margin; j++) {
                    int l = row[j];
                    counted++;
                    if (row[j - m] != l || row[j + m] != l || up[j] != l || down[j] != l) {
                        uncertain++;
                    }
                }
            }
            eps[s] = (double) m / cols;
            fraction[s] = (double) uncertain / counted;
        }
        return fit(2, eps, fraction, new double[offsets.length], null, fitFrom, fitTo);
    }

    /**
     * Through a phase function on [0, 1]^d.
     *
     * @param epsilons perturbation sizes, ascending, in (0, ½)
     * @param samples  M, the number of points
     * @param rng      the named generator of the caller's stream (DESIGN §3)
     */
    public static UncertaintyResult sampled(PhaseFunction phase, int d, double[] epsilons, int samples,
                                            int fitFrom, int fitTo, RandomGenerator rng) {
        if (d < 1 || samples < 2) {
            throw new IllegalArgumentException("need d >= 1 and >= 2 samples, got d = " + d + ", " + samples);
        }
        double max = 0;
        for (int s = 0; s < epsilons.length; s++) {
            if (!(epsilons[s] > 0 && epsilons[s] < 0.5) || (s > 0 && epsilons[s] <= epsilons[s - 1])) {
                throw new IllegalArgumentException("epsilons must be ascending in (0, 0.5), got " + epsilons[s]);
            }
            max = epsilons[s];
        }
        long[] uncertain = new long[epsilons.length];
        double[] x = new double[d];
        double[] y = new double[d];
        for (int s = 0; s < epsilons.length; s++) {
            for (int i = 0; i < samples; i++) {
                for (int a = 0; a < d; a++) {
                    x[a] = max + (1 - 2 * max) * rng.nextDouble();
                }
                if (differs(phase, phase.phase(x), x, y, epsilons[s])) {
                    uncertain[s]++;
                }
            }
        }
        double[] fraction = new double[epsilons.length];
        double[] se = new double[epsilons.length];
        double[] weight = new double[epsilons.length];
        for (int s = 0; s < epsilons.length; s++) {
            double f = (double) uncertain[s] / samples;
            fraction[s] = f;
            se[s] = Math.sqrt(f * (1 - f) / samples);
            weight[s] = uncertain[s] > 0 ? (f * f) / (se[s] * se[s]) : 0;
        }
        return fit(d, epsilons.clone(), fraction, se, weight, fitFrom, fitTo);
    }

    /**
     * From exact fractions f(ε) (no sampling error, e.g. {@link BoundaryRows#uncertainFraction}): the unweighted fit
     * over [fitFrom, fitTo], as {@link #onGrid}.
     *
     * @param d the dimension of the space the boundary lives in (α = d − D)
     */
    public static UncertaintyResult ofFractions(int d, double[] epsilons, double[] fractions, int fitFrom,
                                                int fitTo) {
        if (epsilons.length != fractions.length) {
            throw new IllegalArgumentException("one fraction per epsilon");
        }
        return fit(d, epsilons.clone(), fractions.clone(), new double[epsilons.length], null, fitFrom, fitTo);
    }

    private static boolean differs(PhaseFunction phase, int label, double[] x, double[] y, double eps) {
        for (int a = 0; a < x.length; a++) {
            System.arraycopy(x, 0, y, 0, x.length);
            y[a] = x[a] + eps;
            if (phase.phase(y) != label) {
                return true;
            }
            y[a] = x[a] - eps;
            if (phase.phase(y) != label) {
                return true;
            }
        }
        return false;
    }

    private static UncertaintyResult fit(int d, double[] eps, double[] fraction, double[] se, double[] weight,
                                         int fitFrom, int fitTo) {
        if (fitFrom < 0 || fitTo >= eps.length || fitTo <= fitFrom) {
            throw new IllegalArgumentException("fit range [" + fitFrom + ", " + fitTo + "] must hold >= 2 of the "
                    + eps.length + " scales");
        }
        double[] lx = new double[eps.length];
        double[] ly = new double[eps.length];
        for (int s = fitFrom; s <= fitTo; s++) {
            if (!(fraction[s] > 0)) {
                throw new IllegalArgumentException("no uncertain point at epsilon = " + eps[s]
                        + ": the fit range must stay where the boundary is seen");
            }
            lx[s] = Math.log(eps[s]);
            ly[s] = Math.log(fraction[s]);
        }
        ScalingFit f = ScalingFit.weighted(lx, ly, weight, fitFrom, fitTo + 1);
        double alphaSe = f.slopeSe();
        if (weight != null) {
            // The SE that the binomial errors imply (exact for independent fractions), if larger.
            double sw = 0;
            double swx = 0;
            for (int s = fitFrom; s <= fitTo; s++) {
                sw += weight[s];
                swx += weight[s] * lx[s];
            }
            double mean = swx / sw;
            double sxx = 0;
            for (int s = fitFrom; s <= fitTo; s++) {
                sxx += weight[s] * (lx[s] - mean) * (lx[s] - mean);
            }
            alphaSe = Math.max(Double.isNaN(alphaSe) ? 0 : alphaSe, 1 / Math.sqrt(sxx));
        }
        return new UncertaintyResult(eps, fraction, se, f.slope(), alphaSe, d - f.slope(), fitFrom, fitTo);
    }
}
