package org.probstab.benchmarks;

import org.probstab.lyapunov.ExponentEstimate;
import org.probstab.lyapunov.Method;

import java.util.Arrays;
import org.probstab.special.GaussLegendre;
import org.probstab.special.LogGamma;
import org.probstab.special.RunningMoments;

/**
 * The kernel of {@code org.probstab.lyapunov.GaussianChiSquareQuadrature} before its F and V were evaluated in batches
 * ({@link BaselineNormalLogExpectation}, node by node; a verbatim copy apart from the names): the
 * baseline that {@link QuadratureBenchmark} and {@link QuadratureCpuComparison} measure beside the current kernel.
 *
 * <p>Exact (quadrature) exponents of the matrix-factorisation saddle at N = ∞ with Gaussian regression data
 * (DESIGN §2, "N = ∞, Gaussian regression, any S"; 000 §5.3, Prop. 1): x ~ N(0,1), ε ~ N(0,σ²), y = μx + (1−μ)ε,
 * χ = xy, χ_B the mean of S fresh samples, and
 * <pre>
 *   Λ(λ) = E log|1 − λχ_B|,    Λ₋ = Λ(λ),  Λ₊ = Λ(−λ),    s²(λ) = Var log|1 − λχ_B|.
 * </pre>
 * Linear regression at N = ∞ (h = x², h_B = χ²_S/S) is the case μ = 1.
 *
 * <p><b>Formula.</b> Let r = √R with R = Σ_j x_j² ~ χ²_S, so r has the chi density
 * p(r) = r^{S−1} e^{−r²/2} / (2^{S/2−1} Γ(S/2)). Given R, Σ x_j y_j ~ Normal(μR, σ²(1−μ)²R), hence
 * 1 − λχ_B = a + bZ with Z ~ N(0,1), a = 1 − λμr²/S, b = |λ|σ(1−μ) r/S, and
 * <pre>
 *   m(r) = E[log|1 − λχ_B| | r] = log b + F(a/b)      (log|a| when μ = 1)
 *   Λ    = ∫ p(r) m(r) dr
 *   s²   = ∫ p(r) V(a/b) dr + ∫ p(r) (m(r) − Λ)² dr   (law of total variance; V = 0 when μ = 1)
 * </pre>
 * with F(c) = E log|c+Z| and V(c) = Var log|c+Z| from {@link NormalLogExpectation}. Writing c = a/b as
 * 1/(κr) − sgn(λ)·μ/(σ(1−μ))·r with κ = |λ|σ(1−μ)/S keeps it finite for every λ; for |c| ≥ 10,
 * m = log|a| + (F(c) − log|c|) with log|a| = log1p(−λμr²/S), so small |λ| and small b lose no digits.
 *
 * <p><b>Quadrature.</b> Composite Gauss–Legendre ({@link GaussLegendre}) in r (the variable r = √R makes the density
 * analytic for every S, including S = 1 where p ∝ e^{−r²/2} and odd S where R^{S/2−1} is not):
 * <ul>
 *   <li>domain [r_lo, r_hi] where log p is within {@value #TAIL_LOG_DENSITY} of its maximum (the mass outside is
 *       below 1e−17); r_lo is set to 0 when it is below {@value #SNAP_TO_ORIGIN}. The domain follows the mode
 *       √(S−1), so large S costs the same as small S;</li>
 *   <li>base panels of width ≤ {@value #PANEL_WIDTH}, each with {@code nodesPerPanel} nodes (default
 *       {@value #DEFAULT_NODES_PER_PANEL}); their nodes and density weights are computed once, in the constructor;</li>
 *   <li>breakpoints graded geometrically (see {@code Breakpoints}) inside the base panels towards
 *       <ol>
 *         <li>r* = √(S/(λμ)), where a = 0 (only for λμ &gt; 0): for μ = 1 a log singularity, graded down to
 *             {@value #FINEST_SCALE}; for μ &lt; 1 smoothed over the width w = σ(1−μ)/(2μ), graded down to w;</li>
 *         <li>the origin, when r_lo = 0: for μ &lt; 1, b ~ |a| at r₀ = S/(|λ|σ(1−μ)) (m ~ log r above it, the
 *             e^{−c²/2} part of F alive around it), graded down to r₀/16; for μ &gt; 0, |λ|μr²/S ~ 1 at
 *             r₁ = √(S/(|λ|μ)) (log|a| ~ 2 log r above it), graded down to r₁/2.</li>
 *       </ol>
 *       Base panels without added breakpoints keep their precomputed nodes; the others are split and evaluated
 *       on the fly with the same Gauss–Legendre order.</li>
 * </ul>
 * The number of nodes therefore grows only with the logarithm of the scale ratios (|λ|, 1/(1−μ)), not with S.
 *
 * <p>Accuracy against the 30-digit reference ({@code src/test/resources/reference/quadrature_reference.py}): see
 * {@code GaussianChiSquareQuadratureTest}. Instances are immutable and thread-safe.
 */
public final class BaselineQuadrature {

    /** Gauss–Legendre nodes per panel unless given. */
    public static final int DEFAULT_NODES_PER_PANEL = 12;
    /** Largest base panel width in r = √R. */
    static final double PANEL_WIDTH = 1.5;
    /** Ratio of successive distances of graded breakpoints from a singular point. */
    static final double GRADING_RATIO = 0.25;
    /** Within this many widths w of a smoothed singularity the grading ratio is ½ instead of ¼. */
    static final double TRANSITION_WIDTHS = 32.0;
    /** Smallest grading scale (the innermost panel around a log singularity). */
    static final double FINEST_SCALE = 1e-11;
    /** The domain ends where log p(r) is this far below its maximum. */
    static final double TAIL_LOG_DENSITY = 40.0;
    /** A lower domain end below this is moved to the origin. */
    static final double SNAP_TO_ORIGIN = 0.05;
    /** Largest accepted |λ|. */
    static final double MAX_ABS_LAMBDA = 1e100;

    private static final double LOG_HALF_NORMAL = 0.5 * Math.log(2.0 / Math.PI);

    private final double mu;
    private final double sigma;
    private final int batchSize;
    private final int nodesPerPanel;

    private final double[] legendreNodes;
    private final double[] legendreWeights;

    /** √(S−1) (S ≥ 2), its log, and log p at it. */
    private final double modeR;
    private final double logModeR;
    private final double logModeDensity;

    private final double lowR;
    private final double highR;
    private final double[] edges;
    private final double[] baseR;
    private final double[] baseLogR;
    private final double[] baseWeight;

    /** Exponents for μ, σ and batch size S with {@value #DEFAULT_NODES_PER_PANEL} nodes per panel. */
    public BaselineQuadrature(double mu, double sigma, int batchSize) {
        this(mu, sigma, batchSize, DEFAULT_NODES_PER_PANEL);
    }

    /**
     * Exponents for μ, σ and batch size S with a chosen Gauss–Legendre order per panel (for convergence studies).
     *
     * @throws IllegalArgumentException if μ ∉ [0, 1], σ ∉ (0, ∞), S &lt; 1 or nodesPerPanel ∉ [2, 64]
     */
    public BaselineQuadrature(double mu, double sigma, int batchSize, int nodesPerPanel) {
        if (!(mu >= 0 && mu <= 1)) {
            throw new IllegalArgumentException("mu must be in [0, 1], got " + mu);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be in (0, inf), got " + sigma);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size S must be in [1, " + Integer.MAX_VALUE + "], got "
                    + batchSize);
        }
        if (nodesPerPanel < 2 || nodesPerPanel > 64) {
            throw new IllegalArgumentException("nodesPerPanel must be in [2, 64], got " + nodesPerPanel);
        }
        this.mu = mu;
        this.sigma = sigma;
        this.batchSize = batchSize;
        this.nodesPerPanel = nodesPerPanel;
        GaussLegendre rule = new GaussLegendre(nodesPerPanel);
        this.legendreNodes = rule.nodes();
        this.legendreWeights = rule.weights();

        // S = 1 uses the reference point r₀ = 1 (the half-normal density has its mode at 0): the formulas of
        // logDensity hold for it too, since the (S − 1) log(r/r₀) term vanishes.
        modeR = batchSize == 1 ? 1.0 : Math.sqrt(batchSize - 1.0);
        logModeR = Math.log(modeR);
        logModeDensity = batchSize == 1 ? LOG_HALF_NORMAL - 0.5 : logChiDensityAtMode(batchSize);
        double low = batchSize == 1 ? 0 : solveTail(modeR, 0);
        lowR = low < SNAP_TO_ORIGIN ? 0 : low;
        highR = solveTail(modeR, modeR + Math.sqrt(2 * TAIL_LOG_DENSITY) + 1);
        int panels = (int) Math.ceil((highR - lowR) / PANEL_WIDTH);
        edges = new double[panels + 1];
        for (int j = 0; j <= panels; j++) {
            edges[j] = lowR + (highR - lowR) * j / panels;
        }
        edges[panels] = highR;
        int nodes = panels * nodesPerPanel;
        baseR = new double[nodes];
        baseLogR = new double[nodes];
        baseWeight = new double[nodes];
        for (int j = 0; j < panels; j++) {
            double half = 0.5 * (edges[j + 1] - edges[j]);
            double mid = 0.5 * (edges[j + 1] + edges[j]);
            for (int i = 0; i < nodesPerPanel; i++) {
                int k = j * nodesPerPanel + i;
                double r = mid + half * legendreNodes[i];
                double logRatio = logRatio(r);
                baseR[k] = r;
                baseLogR[k] = logModeR + logRatio;
                baseWeight[k] = half * legendreWeights[i] * Math.exp(logDensity(r, logRatio));
            }
        }
    }

    /** μ, the signal fraction. */
    public double mu() {
        return mu;
    }

    /** σ, the noise scale. */
    public double sigma() {
        return sigma;
    }

    /** S, the batch size. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Λ(λ) = E log|1 − λχ_B| with s² = Var log|1 − λχ_B|; Λ₋ is {@code exponent(λ)}, Λ₊ is {@code exponent(−λ)}.
     * Method {@link Method#QUADRATURE}, standard error 0, {@code samples} = number of quadrature nodes used.
     *
     * @throws IllegalArgumentException if λ is 0, not finite, or |λ| &gt; 1e100
     */
    public ExponentEstimate exponent(double lambda) {
        Integrand integrand = integrate(lambda, true);
        return ExponentEstimate.exact(integrand.sum, integrand.logVariance(), Method.QUADRATURE, integrand.nodes);
    }

    /** Λ(λ) alone (no s²): the fast path, same value as {@code exponent(λ).value()}. */
    public double exponentOnly(double lambda) {
        return integrate(lambda, false).sum;
    }

    // --------------------------------------------------------------------------------------------- integration

    private Integrand integrate(double lambda, boolean withVariance) {
        if (!(Math.abs(lambda) <= MAX_ABS_LAMBDA) || lambda == 0) {
            throw new IllegalArgumentException("lambda must be nonzero with |lambda| <= 1e100, got " + lambda);
        }
        Integrand integrand = new Integrand(lambda, withVariance);
        double[] extra = gradedBreakpoints(lambda);
        if (extra.length == 0) {
            for (int k = 0; k < baseR.length; k++) {
                integrand.add(baseR[k], baseLogR[k], baseWeight[k]);
            }
            return integrand;
        }
        int next = 0;
        for (int j = 0; j + 1 < edges.length; j++) {
            double left = edges[j];
            double right = edges[j + 1];
            while (next < extra.length && extra[next] <= left) {
                next++;
            }
            if (next == extra.length || extra[next] >= right) {
                int from = j * nodesPerPanel;
                for (int k = from; k < from + nodesPerPanel; k++) {
                    integrand.add(baseR[k], baseLogR[k], baseWeight[k]);
                }
                continue;
            }
            double a = left;
            while (next < extra.length && extra[next] < right) {
                panel(a, extra[next], integrand);
                a = extra[next++];
            }
            panel(a, right, integrand);
        }
        return integrand;
    }

    /** One Gauss–Legendre panel with the density evaluated on the spot. */
    private void panel(double left, double right, Integrand integrand) {
        if (!(right > left)) {
            return;
        }
        double half = 0.5 * (right - left);
        double mid = 0.5 * (right + left);
        for (int i = 0; i < nodesPerPanel; i++) {
            double r = mid + half * legendreNodes[i];
            double logRatio = logRatio(r);
            integrand.add(r, logModeR + logRatio, half * legendreWeights[i] * Math.exp(logDensity(r, logRatio)));
        }
    }

    /** Sorted breakpoints to add to the base panels for this λ (empty when the base panels suffice). */
    private double[] gradedBreakpoints(double lambda) {
        Breakpoints points = new Breakpoints();
        double absLambda = Math.abs(lambda);
        double noise = sigma * (1 - mu);
        if (lambda * mu > 0) {
            // r*, the zero of a = 1 − λμr²/S: a log singularity (μ = 1) or one smoothed over w (μ < 1)
            double rStar = Math.sqrt(batchSize / (lambda * mu));
            if (rStar > lowR && rStar < highR) {
                double width = mu == 1 ? 0 : noise / (2 * mu);
                points.grade(rStar, width, 1.0, true);
            }
        }
        if (lowR == 0) {
            if (mu < 1) {
                // b ~ |a| at r₀ = S/(|λ|σ(1−μ)): m ~ log r above it, e^{−r₀²/(2r²)} terms around it
                points.grade(0, batchSize / (absLambda * noise), 1.0 / 16, false);
            }
            if (mu > 0) {
                // |λ|μr²/S ~ 1 at r₁ = √(S/(|λ|μ)): log|a| ~ 2 log r above it, singular at ±r₁ or ±i r₁
                points.grade(0, Math.sqrt(batchSize / (absLambda * mu)), 0.5, false);
            }
        }
        return points.sorted();
    }

    /**
     * Breakpoints graded towards singular points. Towards a point p with width w (w = 0: a true log singularity)
     * the distances from p shrink from {@value #PANEL_WIDTH} by the ratio {@value #GRADING_RATIO} while they exceed
     * {@value #TRANSITION_WIDTHS}·w, then by ½ down to core·w (and never below {@value #FINEST_SCALE}). The
     * ratio ¼ suits log singularities (Gauss–Legendre error ~ 3^{−2n} per panel); the ratio ½ keeps panels
     * within the sector |arg(c)| &lt; π/4 where the e^{−c²/2} part of F(c) stays bounded (error ~ 3.9^{−2n}).
     */
    private final class Breakpoints {
        private double[] values = new double[64];
        private int size;

        void grade(double centre, double width, double core, boolean bothSides) {
            double finest = Math.max(core * width, FINEST_SCALE);
            if (bothSides) {
                add(centre);
            }
            for (double d = PANEL_WIDTH; d > finest; ) {
                d *= d > TRANSITION_WIDTHS * width ? GRADING_RATIO : 0.5;
                add(centre + d);
                if (bothSides) {
                    add(centre - d);
                }
            }
        }

        private void add(double point) {
            if (!(point > lowR && point < highR)) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = point;
        }

        double[] sorted() {
            double[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }

    /** Running sums of one integration (one per call; holds the λ-dependent constants). */
    private final class Integrand {
        private final boolean withVariance;
        private final boolean exactlyLinear;
        /** λμ/S: a = 1 − (λμ/S)·r². */
        private final double slope;
        /** log κ, 1/κ with κ = |λ|σ(1−μ)/S, and sgn(λ)·μ/(σ(1−μ)): c = 1/(κr) − that·r. */
        private final double logKappa;
        private final double inverseKappa;
        private final double signedRatio;

        double sum;
        long nodes;
        /** Weighted mean and Σ w (m − mean)² of the conditional means m(r) (law of total variance). */
        private final RunningMoments conditionalMeans = new RunningMoments();
        private double innerVariance;

        Integrand(double lambda, boolean withVariance) {
            this.withVariance = withVariance;
            this.exactlyLinear = mu == 1;
            this.slope = lambda * mu / batchSize;
            double noise = sigma * (1 - mu);
            this.logKappa = Math.log(Math.abs(lambda)) + Math.log(noise / batchSize);
            this.inverseKappa = batchSize / (Math.abs(lambda) * noise);
            this.signedRatio = Math.signum(lambda) * mu / noise;
        }

        void add(double r, double logR, double weight) {
            nodes++;
            double m;
            double v = 0;
            if (exactlyLinear) {
                m = logAbsOneMinus(slope * r * r);
            } else {
                double t = Math.abs(inverseKappa / r - signedRatio * r);
                if (t < BaselineNormalLogExpectation.ASYMPTOTIC_FROM) {
                    m = logKappa + logR + BaselineNormalLogExpectation.expectedLogAbsSmall(t);
                } else {
                    m = logAbsOneMinus(slope * r * r) + BaselineNormalLogExpectation.logCorrection(t);
                }
                if (withVariance) {
                    v = BaselineNormalLogExpectation.varianceLogAbs(t);
                }
            }
            sum += weight * m;
            if (withVariance) {
                conditionalMeans.addWeighted(m, weight);
                innerVariance += weight * v;
            }
        }

        double logVariance() {
            return (innerVariance + conditionalMeans.squares()) / conditionalMeans.weight();
        }
    }

    /** log|1 − x|, with log1p for |x| &lt; ½. */
    private static double logAbsOneMinus(double x) {
        return Math.abs(x) < 0.5 ? Math.log1p(-x) : Math.log(Math.abs(1 - x));
    }

    // ------------------------------------------------------------------------------------------------ density

    /** log(r/r₀), accurate both near r₀ (log1p) and near 0. */
    private double logRatio(double r) {
        return r < 0.5 * modeR ? Math.log(r) - logModeR : Math.log1p((r - modeR) / modeR);
    }

    /**
     * log p(r) of the chi density with S degrees of freedom, written around r₀ as
     * log p(r₀) + (S−1) log(r/r₀) − (r − r₀)(r + r₀)/2 so that large S loses no digits.
     */
    private double logDensity(double r, double logRatio) {
        double d = r - modeR;
        return logModeDensity + (batchSize - 1) * logRatio - 0.5 * d * (2 * modeR + d);
    }

    /**
     * Bisection for the point where log p(r) − log p(r₀) crosses −{@value #TAIL_LOG_DENSITY}, between a point
     * {@code inside} (above it) and a point {@code outside} (below it); returns the outer end of the bracket.
     */
    private double solveTail(double inside, double outside) {
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (inside + outside);
            if (mid == inside || mid == outside) {
                break;
            }
            if (logDensity(mid, logRatio(mid)) - logModeDensity >= -TAIL_LOG_DENSITY) {
                inside = mid;
            } else {
                outside = mid;
            }
        }
        return outside;
    }

    /**
     * log p(√(S−1)) for the chi density with S = 2k ≥ 2 degrees of freedom, in the cancellation-free form
     * (k − ½)·log1p(−1/(2k)) + ½ − ½ log π − ς(k), where ς(k) = log Γ(k) − ((k − ½) log k − k + ½ log 2π) is the
     * Stirling remainder ({@link LogGamma#stirlingRemainder}).
     */
    static double logChiDensityAtMode(int batchSize) {
        double k = 0.5 * batchSize;
        return (k - 0.5) * Math.log1p(-1.0 / (2 * k)) + 0.5 - 0.5 * Math.log(Math.PI)
                - LogGamma.stirlingRemainder(k);
    }
}
