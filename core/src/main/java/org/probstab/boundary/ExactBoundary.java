package org.probstab.boundary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.probstab.config.InvalidInputException;
import org.probstab.table.PhaseTable;
import org.probstab.table.Row;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.ModelRegistry;

/**
 * Exact phase boundaries along λ (DESIGN §6, last sentence): for a model whose exponents are exact (sums,
 * enumeration of minibatches, quadrature; standard error 0) and fixed other parameters, the learning rates where
 * <pre>
 *   Λ₋(λ) = E_B log|1 − λχ_B| = 0,      Λ₊(λ) = E_B log|1 + λχ_B| = 0,      E_B(1 − λχ_B)² − 1 = 0
 * </pre>
 * (000 §5.3 Prop. 1: the phase is the sign pattern of (Λ₋, Λ₊); the third curve is the mean-square (L2)
 * boundary that splits phase I into Ia and Ib, DESIGN §2). For single-exponent models ({@code linreg}) only the
 * first curve exists (Λ = E log|1 − λh_B|, 001 §3).
 *
 * <p>Method: the functions are evaluated on a linear grid of λ in [from, to]; every grid interval whose ends have
 * opposite signs (−∞, a factor exactly 0, counts as negative) is a bracket, and the root inside is found by
 * bisection until the bracket is at most {@link #TOLERANCE} wide (absolute, in λ); the midpoint is returned. The
 * exponents are continuous in λ except at points λ = 1/χ_i where they are −∞ from both sides, so a sign change of
 * the ends brackets a genuine crossing. Two roots closer than one grid step can be missed (an even number of
 * crossings in one interval): callers pass a grid fine enough for their range. A grid point where a function is
 * exactly 0 is reported as a root itself.
 *
 * <p>Evaluation goes through {@link ModelRegistry#evaluate} with {@link EstimatorKind#EXACT}, so the boundaries
 * are those of the very numbers the phase table holds; a model or parameter set without an exact method is refused
 * with an {@link InvalidInputException}. The dataset of a finite-N model depends on the seed (DESIGN §3): pass the
 * sweep's seed to draw the boundaries of the table's dataset.
 */
public final class ExactBoundary {

    /** Width in λ of the final bisection bracket. */
    public static final double TOLERANCE = 1e-10;

    /** The curves a boundary can follow; {@link #column()} names the phase-table column they come from. */
    public enum Curve {
        /** Λ₋ = 0 (the sign of w − u). */
        EXP_MINUS("exp_minus", "Λ₋ = 0"),
        /** Λ₊ = 0 (the sign of w + u). */
        EXP_PLUS("exp_plus", "Λ₊ = 0"),
        /** E(1 − λχ_B)² = 1, the mean-square (L2) stability boundary. */
        MEAN_SQUARE("ms_growth", "E(1−λχ)² = 1");

        private final String column;
        private final String label;

        Curve(String column, String label) {
            this.column = column;
            this.label = label;
        }

        public String column() {
            return column;
        }

        /** A short label for legends. */
        public String label() {
            return label;
        }
    }

    /**
     * One root.
     *
     * @param curve  which function vanishes
     * @param lambda λ at the root (within {@link #TOLERANCE})
     * @param rising true when the function goes from negative (stable) to positive (unstable) as λ grows
     */
    public record Root(Curve curve, double lambda, boolean rising) {
    }

    private final String model;
    private final Map<String, Object> fixed;
    private final long seed;
    private final boolean twoExponents;

    private ExactBoundary(String model, Map<String, Object> fixed, long seed, boolean twoExponents) {
        this.model = model;
        this.fixed = fixed;
        this.seed = seed;
        this.twoExponents = twoExponents;
    }

    /**
     * The boundaries of a model at fixed parameters (everything but λ).
     *
     * @param model  a model name of {@link ModelRegistry}
     * @param fixed  its parameters except {@code lambda} (numbers or text, as in a sweep config)
     * @param seed   the sweep seed (decides finite-N datasets unless {@code data_seed} is given)
     * @param lambda any λ of the range, used to check once that the exact method exists
     * @throws InvalidInputException when the model has no exact exponents for these parameters
     */
    public static ExactBoundary of(String model, Map<String, ?> fixed, long seed, double lambda) {
        Map<String, Object> params = new HashMap<>(fixed);
        params.remove("lambda");
        ExactBoundary b = new ExactBoundary(model, Map.copyOf(params), seed, true);
        Row probe = b.evaluate(lambda);
        if (probe.get(PhaseTable.EXP_MINUS_SE) != 0.0) {
            throw InvalidInputException.of("overlay", "model " + model + " has no exact exponents at " + params
                    + " (method " + probe.get(PhaseTable.METHOD) + "): exact boundaries need an exact method");
        }
        return new ExactBoundary(model, b.fixed, seed, probe.has(PhaseTable.EXP_PLUS));
    }

    /** Whether the model reports Λ₊ (matrix-factorisation models) or a single exponent. */
    public boolean hasPlus() {
        return twoExponents;
    }

    /** The curves this model has: Λ₋, Λ₊ (if any) and the mean-square boundary. */
    public List<Curve> curves() {
        return twoExponents ? List.of(Curve.EXP_MINUS, Curve.EXP_PLUS, Curve.MEAN_SQUARE)
                : List.of(Curve.EXP_MINUS, Curve.MEAN_SQUARE);
    }

    /**
     * E[χ] of the model at these parameters, recovered from its exact mean-square factor
     * g(λ) = (E(1 − λχ_B)² − 1)/λ = −2E[χ] + λE[χ_B²] at λ = 1 and 2: E[χ] = (g(2) − 2g(1))/2. This is the model's
     * own curvature (its dataset's, at finite N), e.g. for the gradient-descent threshold λ_GD = 2/E[h].
     */
    public double meanCurvature() {
        double g1 = value(Curve.MEAN_SQUARE, 1.0);
        double g2 = value(Curve.MEAN_SQUARE, 2.0) / 2.0;
        return (g2 - 2 * g1) / 2.0;
    }

    /** The exact cell at λ. */
    public Row evaluate(double lambda) {
        Map<String, Object> params = new HashMap<>(fixed);
        params.put("lambda", lambda);
        return ModelRegistry.evaluate(model, params, EstimatorKind.EXACT, seed, 0L);
    }

    /** The function whose zeros form the curve: Λ₋(λ), Λ₊(λ) or E(1 − λχ_B)² − 1. */
    public double value(Curve curve, double lambda) {
        return value(curve, evaluate(lambda));
    }

    private static double value(Curve curve, Row r) {
        return switch (curve) {
            case EXP_MINUS -> r.get(PhaseTable.EXP_MINUS);
            case EXP_PLUS -> r.get(PhaseTable.EXP_PLUS);
            case MEAN_SQUARE -> r.get(PhaseTable.MS_GROWTH) - 1.0;
        };
    }

    /**
     * All roots of all curves of this model in [from, to], found on a grid of {@code gridPoints} points (one
     * evaluation per grid point serves all curves), each refined by bisection to {@link #TOLERANCE}.
     */
    public List<Root> roots(double from, double to, int gridPoints) {
        checkRange(from, to, gridPoints);
        double[] grid = grid(from, to, gridPoints);
        List<Curve> curves = curves();
        double[][] values = new double[curves.size()][gridPoints];
        for (int i = 0; i < gridPoints; i++) {
            Row r = evaluate(grid[i]);
            for (int c = 0; c < curves.size(); c++) {
                values[c][i] = value(curves.get(c), r);
            }
        }
        List<Root> out = new ArrayList<>();
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            for (double[] root : roots(x -> value(curve, x), grid, values[c], TOLERANCE)) {
                out.add(new Root(curve, root[0], root[1] > 0));
            }
        }
        return out;
    }

    /** The roots of one curve in [from, to] (see {@link #roots(double, double, int)}). */
    public List<Root> roots(Curve curve, double from, double to, int gridPoints) {
        if (curve == Curve.EXP_PLUS && !twoExponents) {
            throw InvalidInputException.of("overlay", "model " + model + " has no exponent Λ₊: allowed curves "
                    + curves());
        }
        checkRange(from, to, gridPoints);
        List<Root> out = new ArrayList<>();
        for (double[] root : roots(x -> value(curve, x), from, to, gridPoints, TOLERANCE)) {
            out.add(new Root(curve, root[0], root[1] > 0));
        }
        return out;
    }

    /**
     * Roots of any function that is continuous apart from points where it is −∞: grid bracketing, then bisection.
     *
     * @return pairs {λ, +1 if f rises through 0 else −1}, ascending in λ
     */
    public static List<double[]> roots(DoubleUnaryOperator f, double from, double to, int gridPoints,
                                       double tolerance) {
        checkRange(from, to, gridPoints);
        double[] grid = grid(from, to, gridPoints);
        double[] values = new double[gridPoints];
        for (int i = 0; i < gridPoints; i++) {
            values[i] = f.applyAsDouble(grid[i]);
        }
        return roots(f, grid, values, tolerance);
    }

    private static List<double[]> roots(DoubleUnaryOperator f, double[] grid, double[] values, double tolerance) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < grid.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalStateException("NaN at lambda = " + grid[i]);
            }
            if (values[i] == 0.0) {
                double before = i > 0 ? values[i - 1] : (i + 1 < grid.length ? -values[i + 1] : 0);
                out.add(new double[] {grid[i], before < 0 ? 1 : -1});
                continue;
            }
            if (i + 1 < grid.length && values[i + 1] != 0.0 && (values[i] < 0) != (values[i + 1] < 0)) {
                out.add(new double[] {bisect(f, grid[i], grid[i + 1], values[i] < 0, tolerance),
                        values[i] < 0 ? 1 : -1});
            }
        }
        return out;
    }

    /** Bisection on [lo, hi] where f(lo) has sign {@code loNegative} and f(hi) the other one. */
    static double bisect(DoubleUnaryOperator f, double lo, double hi, boolean loNegative, double tolerance) {
        double a = lo;
        double b = hi;
        while (b - a > tolerance) {
            double m = 0.5 * (a + b);
            if (m <= a || m >= b) {
                break;
            }
            double v = f.applyAsDouble(m);
            if (v == 0.0) {
                return m;
            }
            if ((v < 0) == loNegative) {
                a = m;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }

    private static double[] grid(double from, double to, int points) {
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = points == 1 ? from : from + (to - from) * i / (points - 1);
        }
        g[points - 1] = to;
        return g;
    }

    private static void checkRange(double from, double to, int gridPoints) {
        if (!(from > 0) || !(to > from) || Double.isInfinite(to)) {
            throw InvalidInputException.outOfRange("lambda", "[" + from + ", " + to + "]",
                    "0 < from < to < infinity");
        }
        if (gridPoints < 2) {
            throw InvalidInputException.outOfRange("grid", gridPoints, "integers >= 2");
        }
    }
}
