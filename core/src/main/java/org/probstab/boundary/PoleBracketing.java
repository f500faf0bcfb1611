package org.probstab.boundary;

import java.util.ArrayList;
import java.util.List;
import org.probstab.special.Constants;

/**
 * Every root in (λ_lo, λ_hi] of f(λ) = Σ_B w_B log|1 − λc_B| by bracketing between consecutive poles (DESIGN §6):
 * Λ₋ with c = χ_B, Λ₊ with c = −χ_B, for the atoms of a finite batch law ({@link BatchAtoms}).
 *
 * <p><b>Why nothing is missed.</b> Each term w log|1 − λc| has f'' = −wc²/(1 − λc)² &lt; 0, so f is strictly concave
 * on every interval between consecutive poles λ = 1/c (and on the end pieces of the range), and tends to −∞ at
 * each pole. A strictly concave function has at most two zeros, and {f &gt; 0} is an interval: on each piece
 * there are 0 or 2 roots (an end piece clipped by the range can show 1), one rising and one falling. Per piece:
 * <ol>
 *   <li><b>Stripe pass</b> (every pole g of group weight W, |c| at it, in the range): R = R_g(1/c) and R' from one
 *       pass, where R_g is f without the pole's term(s). Near the pole f(1/c ± d) = W log(|c| d) + R_g(1/c ± d),
 *       so where R &gt; 0 a root lies on each side at d = δ with
 *       <pre>  ln δ = −R_g(1/c ± δ)/W − ln|c|  ≈  −R/W − ln|c|     (S = 1: δ ≈ e^{−N R}/|c|),</pre>
 *       solved in the coordinate u = ln d by safeguarded Newton (below). When δ is below 2⁻⁶⁰ of the pole and
 *       δ|R'|/W &lt; 2⁻⁶⁰, the first-order correction is below double resolution and u = −R/W − ln|c| is the root
 *       (no further pass). u is kept as such, so δ may be 10⁻³⁰⁰ or e^{−10⁵}.</li>
 *   <li><b>A piece with both neighbouring stripe roots</b> is done: two zeros of a strictly concave function are
 *       all its zeros.</li>
 *   <li><b>A piece with neither</b> first tries the tangent bound: R_g is concave on the piece (its terms are), so
 *       f(1/c + s d) ≤ W ln(|c| d) + R + sR'd, whose maximum over the piece is closed-form; if that is &lt; 0 at
 *       either end pole, f &lt; 0 on the whole piece and there is no root.</li>
 *   <li><b>Otherwise</b> the maximum is located: f' is strictly decreasing on the piece (f'' &lt; 0), so safeguarded
 *       Newton on f' (bisection fallback) brackets its zero, while the tangents at the points on either side
 *       bound max f from above. It stops as soon as f &gt; 0 at a point (two roots, one on each side) or the bound
 *       is &lt; 0 (none); at the range ends f' there decides whether the maximum is the end itself.</li>
 *   <li><b>Roots</b> on each side of a positive point are refined by safeguarded Newton with bisection fallback
 *       ({@link #solve}) in u = ln|λ − 1/c| relative to the end pole of the piece (exact near the pole: the pole's
 *       own term is W(ln|c| + u), the rest at the double nearest λ) or in λ at a range end; the initial bracket
 *       in u comes from the tangent bound, so it is a proven sign change.</li>
 * </ol>
 *
 * <p><b>What is guaranteed.</b> Each root comes with the last bracket of its solver, on whose ends the computed f
 * has opposite signs (or f = 0 exactly at the root, bracket [r, r]): in λ, hi − lo ≤ 2⁻⁴⁴|root| (≈ 5.7e-14
 * relative); in the pole coordinate u, Δu ≤ max(2⁻⁴⁴, 4 ulp(u)) — the distance to the pole to 5.7e-14 relative
 * (to the resolution of u where |u| &gt; 256) — with the u-bracket mapped to λ and rounded outward by one double. For a stripe narrower than the double spacing at its pole, that outward-rounded bracket is the pair of
 * doubles around the pole and the root is the pole's double ({@link BoundaryRoot#resolved()} false): no double
 * inside such a stripe exists to carry the sign. f is evaluated to a few 1e-16 absolute ({@link LogFactorSum}), so
 * a root of the exact f lies within the bracket widened by that error over |f'| — far below 1e-12 relative except
 * near a tangency. The set of roots is complete up to two stated limits: (i) a piece whose maximum lies within the
 * evaluation error of 0 is decided by the sign of the computed bound (an unstable sliver of width ~1e-8 or less
 * there can be missed or kept); (ii) two poles that are the same double or adjacent doubles leave no double
 * between them and that sub-ulp piece is not searched (its roots would be indistinguishable from the poles).
 *
 * <p><b>Range ends.</b> The range is (λ_lo, λ_hi]: a root exactly at λ_lo is not reported, one exactly at λ_hi is
 * (bracket [λ_hi, λ_hi]). λ = 0 is always a root of f (f(0) = 0): it is reported only when the range contains it.
 *
 * <p><b>Kinds.</b> The stable intervals are those between a falling root and the next rising root. When such an
 * interval contains exactly one pole group its two roots are a stripe around that pole, with
 * ln half-width = ln((d⁻ + d⁺)/2) from their exact log distances; all other roots are crossings. A pole inside a
 * stable interval with other poles, or between a stable end of the range and a root, is a dip of f below a
 * negative level, not a stripe. Equal c (duplicate χ, or distinct batches with equal means) are one pole of
 * their summed weight W: the stripe is exp(−R/W)/|c| wide, R the sum without all of them. Atoms with c = 0 have
 * no pole and no term.
 */
public final class PoleBracketing {

    /** Relative width of a returned root bracket (λ, and u near poles). */
    static final double TOLERANCE = 0x1p-44;
    /** Below this relative size the first-order correction of a stripe is beneath double resolution. */
    private static final double NARROW = 0x1p-60;
    private static final int MAX_ITERATIONS = 300;

    private final LogFactorSum f;
    private final BoundaryExponent exponent;
    private final double lo;
    private final double hi;
    /** Group index of the first pole in (lo, hi], and how many there are. */
    private final int first;
    private final int poles;
    /** Per pole in range: R_g and R_g' at the pole. */
    private final double[] rest;
    private final double[] restSlope;
    /** Per pole in range: its stripe root on the left (index 2j) and right (2j + 1) side, or null. */
    private final Found[] candidates;
    private final double[] buffer = new double[3];
    private final List<Found> found = new ArrayList<>();

    private PoleBracketing(LogFactorSum f, BoundaryExponent exponent, double lo, double hi) {
        this.f = f;
        this.exponent = exponent;
        this.lo = lo;
        this.hi = hi;
        int g = 0;
        while (g < f.groups() && !(f.poleHi(g) > lo)) {
            g++;
        }
        int end = g;
        while (end < f.groups() && f.poleHi(end) <= hi) {
            end++;
        }
        this.first = g;
        this.poles = end - g;
        this.rest = new double[poles];
        this.restSlope = new double[poles];
        this.candidates = new Found[2 * poles];
    }

    /**
     * All roots of Λ₋ ({@link BoundaryExponent#MINUS}) or Λ₊ ({@link BoundaryExponent#PLUS}) of the atoms in
     * (lo, hi], ascending, classified into crossings and stripes (class comment).
     *
     * @param lo λ_lo, finite
     * @param hi λ_hi &gt; λ_lo, finite
     */
    public static List<BoundaryRoot> roots(BatchAtoms atoms, BoundaryExponent exponent, double lo, double hi) {
        if (exponent == BoundaryExponent.L2) {
            throw new IllegalArgumentException("the L2 boundary has a closed form: use MeanSquareBoundary");
        }
        FiniteBoundary.checkRange(lo, hi);
        double sign = exponent == BoundaryExponent.MINUS ? 1 : -1;
        LogFactorSum f = new LogFactorSum(atoms.valuesArray(), atoms.weightsArray(), sign);
        return new PoleBracketing(f, exponent, lo, hi).run();
    }

    /** The number of poles 1/c of Λ₋ or Λ₊ in (lo, hi] (distinct c, so duplicates count once). */
    public static int poleCount(BatchAtoms atoms, BoundaryExponent exponent, double lo, double hi) {
        FiniteBoundary.checkRange(lo, hi);
        double sign = exponent == BoundaryExponent.MINUS ? 1 : -1;
        LogFactorSum f = new LogFactorSum(atoms.valuesArray(), atoms.weightsArray(), sign);
        return new PoleBracketing(f, exponent, lo, hi).poles;
    }

    private List<BoundaryRoot> run() {
        for (int j = 0; j < poles; j++) {
            stripePass(j);
        }
        for (int j = 0; j <= poles; j++) {
            piece(j);
        }
        return classify();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stripe pass

    private void stripePass(int j) {
        int g = first + j;
        f.valueAndSlope(g, f.poleHi(g), buffer);
        rest[j] = buffer[0];
        restSlope[j] = buffer[1];
        if (!(rest[j] > 0) || Double.isInfinite(rest[j]) || Double.isNaN(restSlope[j])) {
            return;
        }
        double weight = f.groupWeight(g);
        double u0 = -rest[j] / weight - f.logAbsCoefficient(g);
        for (int side = -1; side <= 1; side += 2) {
            double room = distanceToEnd(j, side);
            if (!(room > 0)) {
                continue;
            }
            double uHalf = Math.log(0.5 * room);
            if (!(u0 < uHalf)) {
                continue;
            }
            double d0 = Math.exp(u0);
            double pole = Math.abs(f.poleHi(g));
            if (d0 <= NARROW * pole && d0 * Math.abs(restSlope[j]) <= NARROW * weight) {
                // φ(u) = W(ln|c| + u) + R to double precision: exactly linear with slope W.
                double eta = Math.max(0x1p-46, 2 * Math.ulp(u0));
                candidates[2 * j + (side + 1) / 2] = nearPole(j, side, u0, u0 - eta, u0 + eta, side > 0);
                continue;
            }
            PoleChart chart = new PoleChart(j, side);
            double vHalf = chart.value(uHalf);
            if (!(vHalf > 0)) {
                continue;
            }
            double uNegative = lowerBracket(j, 0.5 * room);
            candidates[2 * j + (side + 1) / 2] = solveNearPole(chart, uNegative, uHalf, u0);
        }
    }

    /** Distance from pole j to the other end of the piece on its side (a neighbouring pole or the range end). */
    private double distanceToEnd(int j, int side) {
        int g = first + j;
        if (side > 0) {
            if (j + 1 < poles) {
                return (f.poleHi(g + 1) - f.poleHi(g)) + (f.poleLo(g + 1) - f.poleLo(g));
            }
            return (hi - f.poleHi(g)) - f.poleLo(g);
        }
        if (j > 0) {
            return (f.poleHi(g) - f.poleHi(g - 1)) + (f.poleLo(g) - f.poleLo(g - 1));
        }
        return (f.poleHi(g) - lo) + f.poleLo(g);
    }

    /**
     * A u below which φ &lt; 0 on a side of pole j, for offsets up to {@code reach}: the tangent bound
     * φ(u) ≤ W(ln|c| + u) + R + |R'| reach, minus one for a strict margin.
     */
    private double lowerBracket(int j, double reach) {
        int g = first + j;
        return -(rest[j] + Math.abs(restSlope[j]) * reach) / f.groupWeight(g) - f.logAbsCoefficient(g) - 1;
    }

    /**
     * The least upper bound on the piece of W ln(|c| d) + R + sR'd for d ∈ (0, reach]: the tangent bound on f
     * from pole j, side s (class comment, step 3).
     */
    private double tangentBound(int j, int side, double reach) {
        int g = first + j;
        double weight = f.groupWeight(g);
        double k = side * restSlope[j];
        double d = k < 0 ? Math.min(weight / -k, reach) : reach;
        return weight * (f.logAbsCoefficient(g) + Math.log(d)) + rest[j] + k * d;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Pieces

    /** Piece j: between pole j − 1 (or lo) and pole j (or hi). */
    private void piece(int j) {
        boolean leftPole = j > 0;
        boolean rightPole = j < poles;
        double a = leftPole ? f.poleHi(first + j - 1) : lo;
        double b = rightPole ? f.poleHi(first + j) : hi;
        if (!(b > a) || (leftPole && rightPole && Math.nextUp(a) >= b)) {
            return; // empty, or no double strictly between two poles (class comment, limit ii)
        }
        Found left = leftPole ? candidates[2 * (j - 1) + 1] : null;
        Found right = rightPole ? candidates[2 * j] : null;
        if (left != null && right != null) {
            add(left, j);
            add(right, j);
            return;
        }
        if (left == null && right == null) {
            double bound = Double.POSITIVE_INFINITY;
            if (leftPole) {
                bound = Math.min(bound, tangentBound(j - 1, 1, b - a));
            }
            if (rightPole) {
                bound = Math.min(bound, tangentBound(j, -1, b - a));
            }
            if (bound < 0) {
                return;
            }
        }
        double atHi = rightPole ? Double.NaN : f.value(hi);
        double positive = maximum(j, a, b, leftPole, rightPole);
        if (Double.isNaN(positive)) {
            if (atHi == 0) {
                add(new Found(hi, hi, hi, true, Double.NaN), j); // f ≤ 0 on the piece, 0 at its closed end
            }
            // max f ≤ 0 as computed. A stripe root on one side can still stand with its partner closer to the
            // same pole than a double can show; the partner is then sought in that pole's coordinate.
            if (left != null) {
                add(left, j);
                add(partnerNearPole(j - 1, 1, left), j);
            } else if (right != null) {
                add(partnerNearPole(j, -1, right), j);
                add(right, j);
            }
            return;
        }
        // The rising root in (a, positive).
        if (left != null) {
            add(left, j);
        } else if (leftPole) {
            add(rootFromPole(j - 1, 1, positive), j);
        } else if (positive > lo && f.value(lo) < 0) {
            add(fromLambda(solve(new LambdaChart(), lo, positive, 0.5 * (lo + positive)), true), j);
        }
        // The falling root in (positive, b).
        if (right != null) {
            add(right, j);
        } else if (rightPole) {
            add(rootFromPole(j, -1, positive), j);
        } else if (atHi == 0) {
            add(new Found(hi, hi, hi, false, Double.NaN), j);
        } else if (atHi < 0) {
            add(fromLambda(solve(new LambdaChart(), hi, positive, 0.5 * (hi + positive)), false), j);
        }
    }

    /**
     * A point of the piece where f &gt; 0, or NaN when max f ≤ 0 (step 4 of the class comment). At a range end
     * the end itself is returned when f decreases away from it and is positive there.
     */
    private double maximum(int j, double a, double b, boolean leftPole, boolean rightPole) {
        double[] v = buffer;
        double xa = a;
        double xb = b;
        // Tangent lines on each side of the maximum: point, value, slope.
        double la = Double.NaN;
        double lv = Double.NaN;
        double ls = Double.NaN;
        double ra = Double.NaN;
        double rv = Double.NaN;
        double rs = Double.NaN;
        double poleBound = Double.POSITIVE_INFINITY;
        if (leftPole) {
            poleBound = Math.min(poleBound, tangentBound(j - 1, 1, b - a));
        } else {
            f.derivatives(-1, lo, v);
            if (v[0] > 0) {
                return lo;
            }
            if (!(v[1] > 0)) {
                return Double.NaN; // decreasing from lo and not positive there
            }
            if (Double.isFinite(v[0]) && Double.isFinite(v[1])) {
                la = lo;
                lv = v[0];
                ls = v[1];
            }
        }
        if (rightPole) {
            poleBound = Math.min(poleBound, tangentBound(j, -1, b - a));
        } else {
            f.derivatives(-1, hi, v);
            if (v[0] > 0) {
                return hi;
            }
            if (!(v[1] < 0)) {
                return Double.NaN; // increasing up to hi and not positive there
            }
            if (Double.isFinite(v[0]) && Double.isFinite(v[1])) {
                ra = hi;
                rv = v[0];
                rs = v[1];
            }
        }
        if (poleBound < 0) {
            return Double.NaN;
        }
        double x;
        if (leftPole && rightPole) {
            double wa = f.groupWeight(first + j - 1);
            double wb = f.groupWeight(first + j);
            x = (wa * b + wb * a) / (wa + wb);
        } else {
            x = 0.5 * (a + b);
        }
        double previousWidth = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (!(x > xa && x < xb)) {
                x = 0.5 * (xa + xb);
                if (!(x > xa && x < xb)) {
                    return Double.NaN; // the maximum is located to one ulp and f ≤ 0 there
                }
            }
            f.derivatives(-1, x, v);
            if (v[0] > 0) {
                return x;
            }
            if (v[1] > 0) {
                xa = x;
                la = x;
                lv = v[0];
                ls = v[1];
            } else if (v[1] < 0) {
                xb = x;
                ra = x;
                rv = v[0];
                rs = v[1];
            } else {
                return Double.NaN; // f'(x) = 0: x is the maximum and f(x) ≤ 0
            }
            double bound = poleBound;
            if (!Double.isNaN(la) && !Double.isNaN(ra)) {
                double y = (rv - lv + ls * la - rs * ra) / (ls - rs);
                bound = Math.min(bound, lv + ls * (y - la));
            }
            if (bound < 0) {
                return Double.NaN;
            }
            double width = xb - xa;
            if (width <= 0x1p-52 * Math.max(Math.abs(xa), Math.abs(xb))) {
                return Double.NaN;
            }
            double newton = x - v[1] / v[2];
            if (!(newton > xa && newton < xb) || width > 0.5 * previousWidth) {
                newton = 0.5 * (xa + xb);
            }
            previousWidth = width;
            x = newton;
        }
        return Double.NaN;
    }

    /** The root between pole j and the point {@code positive} (f &gt; 0 there) on side s, in pole coordinates. */
    private Found rootFromPole(int j, int side, double positive) {
        int g = first + j;
        double reach = side > 0 ? (positive - f.poleHi(g)) - f.poleLo(g) : (f.poleHi(g) - positive) + f.poleLo(g);
        PoleChart chart = new PoleChart(j, side);
        double uPositive = Math.log(reach);
        double uNegative = lowerBracket(j, reach);
        double start = -rest[j] / f.groupWeight(g) - f.logAbsCoefficient(g);
        if (!(start > uNegative && start < uPositive)) {
            start = 0.5 * (uNegative + uPositive);
        }
        return solveNearPole(chart, uNegative, uPositive, start);
    }

    /**
     * The root in a pole chart with φ(uNegative) &lt; 0 &lt; φ(uPositive). Where u cannot resolve λ to the relative
     * tolerance (far from the pole, near λ = 0) the bracket is finished in λ.
     */
    private Found solveNearPole(PoleChart chart, double uNegative, double uPositive, double start) {
        // φ < 0 nearer the pole: the root rises away from it (rising in λ on the right side). The partner search of
        // partnerNearPole has φ < 0 farther out: a root falling away from the pole.
        boolean rising = (uNegative < uPositive) == (chart.side > 0);
        Solution s = solve(chart, uNegative, uPositive, start);
        if (!s.converged()) {
            double lambdaNegative = chart.lambda(s.tNegative());
            double lambdaPositive = chart.lambda(s.tPositive());
            if (lambdaNegative != lambdaPositive) {
                return fromLambda(solve(new LambdaChart(), lambdaNegative, lambdaPositive, chart.lambda(s.t())),
                        rising);
            }
        }
        return fromPoleChart(chart.j, chart.side, s, rising);
    }

    /**
     * When the maximum of a piece is not positive as computed but a stripe root was found on side s of pole j,
     * the piece's other root lies between that root and the maximum, within double resolution of the pole: it is
     * sought in pole j's coordinate between the known root and the end of the piece.
     */
    private Found partnerNearPole(int j, int side, Found known) {
        if (known.pole != j) {
            return null;
        }
        PoleChart chart = new PoleChart(j, side);
        double uPositive = known.positiveU;
        double uFar = Math.log(distanceToEnd(j, side)) - 0x1p-40;
        if (!(chart.value(uFar) < 0)) {
            return null;
        }
        return solveNearPole(chart, uFar, uPositive, 0.5 * (uFar + uPositive));
    }

    private void add(Found root, int piece) {
        if (root == null) {
            return;
        }
        root.piece = piece;
        found.add(root);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Classification

    private List<BoundaryRoot> classify() {
        // Within a piece the rising root lies left of the falling one (concavity), even where both are the same double.
        found.sort((x, y) -> x.piece != y.piece ? Integer.compare(x.piece, y.piece)
                : Boolean.compare(!x.rising, !y.rising));
        List<BoundaryRoot> out = new ArrayList<>(found.size());
        boolean[] stripe = new boolean[found.size()];
        double[] halfWidth = new double[found.size()];
        double[] pole = new double[found.size()];
        for (int i = 0; i + 1 < found.size(); i++) {
            Found falling = found.get(i);
            Found rising = found.get(i + 1);
            if (!falling.rising && rising.rising && rising.piece == falling.piece + 1
                    && falling.piece < poles) {
                int j = falling.piece; // the pole between them
                double uMinus = logDistance(falling, j);
                double uPlus = logDistance(rising, j);
                double top = Math.max(uMinus, uPlus);
                double lhw = top + Math.log1p(Math.exp(Math.min(uMinus, uPlus) - top)) - Constants.LN2;
                stripe[i] = true;
                stripe[i + 1] = true;
                halfWidth[i] = lhw;
                halfWidth[i + 1] = lhw;
                pole[i] = f.poleHi(first + j);
                pole[i + 1] = pole[i];
            }
        }
        for (int i = 0; i < found.size(); i++) {
            Found r = found.get(i);
            if (!(r.lambda > lo && r.lambda <= hi)) {
                continue;
            }
            double bLo = Math.max(r.bracketLo, lo);
            double bHi = Math.min(r.bracketHi, hi);
            bLo = Math.min(bLo, r.lambda);
            bHi = Math.max(bHi, r.lambda);
            if (stripe[i]) {
                out.add(new BoundaryRoot(exponent, r.lambda, bLo, bHi, RootKind.STRIPE, pole[i], halfWidth[i],
                        r.rising));
            } else {
                out.add(BoundaryRoot.crossing(exponent, r.lambda, bLo, bHi, r.rising));
            }
        }
        return out;
    }

    /** ln|λ_root − 1/c_j|: from the root's own pole coordinate when it has one for pole j, else from λ. */
    private double logDistance(Found r, int j) {
        if (r.pole == j) {
            return r.logDistance;
        }
        int g = first + j;
        double d = (r.lambda - f.poleHi(g)) - f.poleLo(g);
        return Math.log(Math.abs(d));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Coordinates and the solver

    /** φ(t) with its derivative, and how t maps to λ. */
    private interface Chart {
        /** out[0] = φ(t), out[1] = φ'(t). */
        void evaluate(double t, double[] out);

        /** Whether a bracket [t1, t2] (either order) is narrow enough. */
        boolean converged(double t1, double t2);

        /** A quarter of the narrowest accepted bracket around t: how far past a short Newton step to probe. */
        double closingStep(double t);
    }

    /** The plain coordinate t = λ. */
    private final class LambdaChart implements Chart {
        @Override
        public void evaluate(double t, double[] out) {
            f.derivatives(-1, t, out);
        }

        @Override
        public boolean converged(double t1, double t2) {
            double width = Math.abs(t2 - t1);
            return width <= TOLERANCE * Math.max(Math.abs(t1), Math.abs(t2)) || width <= Double.MIN_NORMAL;
        }

        @Override
        public double closingStep(double t) {
            return 0.25 * TOLERANCE * Math.max(Math.abs(t), Double.MIN_NORMAL);
        }
    }

    /**
     * u = ln d with λ = 1/c_g + s·d for pole j on side s: φ(u) = W(ln|c| + u) + R_g(λ), R_g at the double nearest
     * λ (at the pole itself the stripe pass's values are reused); φ'(u) = W + s·d·R_g'(λ).
     */
    private final class PoleChart implements Chart {
        private final int j;
        private final int g;
        private final int side;
        private final double weight;
        private final double[] v = new double[3];

        PoleChart(int j, int side) {
            this.j = j;
            this.g = first + j;
            this.side = side;
            this.weight = f.groupWeight(g);
        }

        double lambda(double u) {
            return f.poleHi(g) + (f.poleLo(g) + side * Math.exp(u));
        }

        double value(double u) {
            double lambda = lambda(u);
            double r = lambda == f.poleHi(g) ? rest[j] : f.valueExcept(g, lambda);
            return weight * (f.logAbsCoefficient(g) + u) + r;
        }

        @Override
        public void evaluate(double u, double[] out) {
            double d = Math.exp(u);
            double lambda = f.poleHi(g) + (f.poleLo(g) + side * d);
            double r;
            double slope;
            if (lambda == f.poleHi(g)) {
                r = rest[j];
                slope = restSlope[j];
            } else {
                f.derivatives(g, lambda, v);
                r = v[0];
                slope = v[1];
            }
            out[0] = weight * (f.logAbsCoefficient(g) + u) + r;
            out[1] = weight + side * d * slope;
        }

        @Override
        public boolean converged(double t1, double t2) {
            double width = Math.abs(t2 - t1);
            double u = Math.max(t1, t2);
            double d = Math.exp(u);
            double lambda = Math.abs(lambda(u));
            return width <= Math.max(TOLERANCE, 4 * Math.ulp(u)) && d * width <= TOLERANCE * lambda;
        }

        @Override
        public double closingStep(double u) {
            double d = Math.exp(u);
            double lambda = Math.abs(lambda(u));
            return 0.25 * Math.min(Math.max(TOLERANCE, 4 * Math.ulp(u)), d > lambda ? TOLERANCE * lambda / d
                    : Double.MAX_VALUE);
        }
    }

    /** The end of a solve: the root estimate and the final bracket (φ &lt; 0 at tNegative, &gt; 0 at tPositive). */
    private record Solution(double t, double tNegative, double tPositive, boolean converged) {
    }

    /**
     * Safeguarded Newton: φ(tNegative) &lt; 0 &lt; φ(tPositive) (either order); Newton steps from the latest point
     * while they stay inside the bracket and the bracket at least halves every two steps, bisection otherwise.
     * When a Newton step is shorter than the target width, the next point is placed that far beyond it, so that
     * the bracket closes on the root from both sides.
     */
    private static Solution solve(Chart chart, double tNegative, double tPositive, double start) {
        double[] out = new double[3];
        double t = start;
        double estimate = start;
        double previousWidth = Double.POSITIVE_INFINITY;
        double olderWidth = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double low = Math.min(tNegative, tPositive);
            double high = Math.max(tNegative, tPositive);
            if (!(t > low && t < high)) {
                t = 0.5 * (low + high);
                if (!(t > low && t < high)) {
                    return new Solution(estimate, tNegative, tPositive, false);
                }
            }
            chart.evaluate(t, out);
            double value = out[0];
            if (value == 0) {
                return new Solution(t, t, t, true);
            }
            if (value < 0) {
                tNegative = t;
            } else {
                tPositive = t;
            }
            double width = Math.abs(tPositive - tNegative);
            double newton = t - value / out[1];
            low = Math.min(tNegative, tPositive);
            high = Math.max(tNegative, tPositive);
            estimate = newton > low && newton < high ? newton : 0.5 * (low + high);
            if (chart.converged(tNegative, tPositive)) {
                return new Solution(estimate, tNegative, tPositive, true);
            }
            if (!(newton > low && newton < high) || width > 0.5 * olderWidth) {
                t = 0.5 * (low + high);
            } else {
                double step = newton - t;
                double target = chart.closingStep(newton);
                if (Math.abs(step) < target) {
                    newton += Math.copySign(target, step);
                }
                t = newton;
            }
            olderWidth = previousWidth;
            previousWidth = width;
        }
        return new Solution(estimate, tNegative, tPositive, false);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Found roots

    /** A root as found: λ, its bracket, direction, and (near-pole roots) its log distance to the pole. */
    private static final class Found {
        final double lambda;
        final double bracketLo;
        final double bracketHi;
        final boolean rising;
        /** In-range index of the pole whose coordinate found it, or −1. */
        int pole = -1;
        double logDistance = Double.NaN;
        /** The u where φ &gt; 0 in that pole's coordinate. */
        double positiveU = Double.NaN;
        int piece;

        Found(double lambda, double bracketLo, double bracketHi, boolean rising, double logDistance) {
            this.lambda = lambda;
            this.bracketLo = bracketLo;
            this.bracketHi = bracketHi;
            this.rising = rising;
            this.logDistance = logDistance;
        }
    }

    /** A root in pole j's coordinate on side s, u its log distance, [uNegative, uPositive] its bracket. */
    private Found nearPole(int j, int side, double u, double uNegative, double uPositive, boolean rising) {
        int g = first + j;
        double ph = f.poleHi(g);
        double pl = f.poleLo(g);
        double root = ph + (pl + side * Math.exp(u));
        double e1 = ph + (pl + side * Math.exp(uNegative));
        double e2 = ph + (pl + side * Math.exp(uPositive));
        double bLo = Math.nextDown(Math.min(Math.min(e1, e2), root));
        double bHi = Math.nextUp(Math.max(Math.max(e1, e2), root));
        Found r = new Found(root, bLo, bHi, rising, u);
        r.pole = j;
        r.positiveU = uPositive;
        return r;
    }

    private Found fromPoleChart(int j, int side, Solution s, boolean rising) {
        if (s.tNegative() == s.tPositive()) {
            return nearPole(j, side, s.t(), s.t(), s.t(), rising);
        }
        return nearPole(j, side, s.t(), s.tNegative(), s.tPositive(), rising);
    }

    private static Found fromLambda(Solution s, boolean rising) {
        double bLo = Math.min(s.tNegative(), s.tPositive());
        double bHi = Math.max(s.tNegative(), s.tPositive());
        return new Found(s.t(), bLo, bHi, rising, Double.NaN);
    }
}
