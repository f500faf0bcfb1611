package org.probstab.boundary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.EstimatorSettings;
import org.probstab.estimator.ScalarBatchLaw;
import org.probstab.lyapunov.BatchEnumeration;
import org.probstab.lyapunov.GaussianChiSquareQuadrature;
import org.probstab.model.Model;
import org.probstab.model.ModelRegistry;
import org.probstab.param.CellParameters;

/**
 * The exact boundary of one row of a sweep along λ (DESIGN §6): for a commuting model at fixed other parameters,
 * every root in (λ_lo, λ_hi] of Λ₋, of Λ₊ (two-exponent models) and of E(1 − λχ_B)² − 1, by the method the law of
 * χ_B admits:
 * <ul>
 *   <li><b>finite N</b> (S = 1, or S &gt; 1 with at most {@code enum_budget} minibatches): {@link FiniteBoundary} on
 *       the batch atoms — pole-aware bracketing, stripes included with their widths in log form;</li>
 *   <li><b>N = ∞</b> (quadrature over χ²_S): the exponents on a grid of {@code gridPoints} + 1 λ in [λ_lo, λ_hi],
 *       λ_k = λ_lo + (λ_hi − λ_lo)·k/gridPoints, k = 0 … gridPoints, each sign change bisected to a bracket of at
 *       most {@link #RELATIVE_WIDTH}·|λ| (as {@link ExactBoundary} does, which stops at 1e-10 absolute); the L2
 *       root in closed form ({@link MeanSquareBoundary}). All roots are crossings.</li>
 * </ul>
 * The exponents are those of the phase table's exact methods (the same dataset, drawn from the data seed, and the
 * same quadrature). A model or parameter set with no exact row method is refused with a one-line error that names
 * {@code probstab refine}, the adaptive alternative.
 */
public final class RowBoundary {

    /** Relative width of the final bisection bracket at N = ∞. */
    public static final double RELATIVE_WIDTH = 0x1p-40;

    private RowBoundary() {
    }

    /**
     * The roots of one row, Λ₋ then Λ₊ then L2, each ascending.
     *
     * @param model      a model of {@link ModelRegistry}
     * @param parameters its parameters except λ (numbers or text, as in a sweep config)
     * @param seed       the sweep seed (decides finite-N datasets unless {@code data_seed} is set)
     * @param lo         λ_lo ≥ 0 (excluded)
     * @param hi         λ_hi &gt; λ_lo (included)
     * @param gridPoints bracketing grid at N = ∞ (≥ 2)
     * @throws InvalidInputException when the row has no exact method
     */
    public static List<BoundaryRoot> roots(String model, Map<String, ?> parameters, long seed, double lo, double hi,
                                           int gridPoints) {
        Law law = law(model, parameters, seed, hi);
        List<BoundaryRoot> out = new ArrayList<>();
        for (BoundaryExponent e : law.exponents()) {
            out.addAll(law.roots(e, lo, hi, gridPoints));
        }
        return out;
    }

    /**
     * The exact law of a row, checked once: which exponents it has and how their roots are found.
     *
     * @param probeLambda a λ of the row's range, at which the parameters are validated
     * @throws InvalidInputException when the row has no exact method
     */
    public static Law law(String model, Map<String, ?> parameters, long seed, double probeLambda) {
        Model m = ModelRegistry.get(model);
        Map<String, Object> raw = new HashMap<>(parameters);
        raw.put("lambda", probeLambda);
        CellParameters p = ModelRegistry.resolve(m, raw, EstimatorKind.AUTO);
        ScalarBatchLaw law = m.scalarLaw(p, seed).orElseThrow(() -> noExactMethod(model,
                "it is not a commuting (rank-1) model, so its exponents have no closed row form"));
        long budget = p.longValue(EstimatorSettings.ENUMERATION_BUDGET);
        if (law instanceof ScalarBatchLaw.Finite f && !f.exactWithin(budget)) {
            throw noExactMethod(model, "N = " + f.data().size() + ", S = " + f.batchSize() + " has "
                    + BatchEnumeration.batchCount(f.data().size(), f.batchSize(), f.withReplacement())
                    + " minibatches, more than enum_budget = " + budget + " (raise enum_budget if they fit)");
        }
        // Exact now (sum, enumeration or quadrature): one cell says whether the model reports Λ₊.
        boolean plus = ModelRegistry.evaluate(model, raw, EstimatorKind.EXACT, seed, 0).has(
                org.probstab.table.PhaseTable.EXP_PLUS);
        return law instanceof ScalarBatchLaw.Finite f ? new Law(plus, f, null)
                : new Law(plus, null, (ScalarBatchLaw.FreshGaussian) law);
    }

    private static InvalidInputException noExactMethod(String model, String why) {
        return InvalidInputException.of("model", "model " + model + " has no exact row method here: " + why
                + "; exact boundaries need one: use 'probstab refine' (adaptive refinement) instead");
    }

    /** The exact law of χ_B of one row. */
    public static final class Law {
        private final boolean plus;
        private final ScalarBatchLaw.Finite finite;
        private final ScalarBatchLaw.FreshGaussian fresh;
        private BatchAtoms atoms;

        private Law(boolean plus, ScalarBatchLaw.Finite finite, ScalarBatchLaw.FreshGaussian fresh) {
            this.plus = plus;
            this.finite = finite;
            this.fresh = fresh;
        }

        /** Λ₋, Λ₊ (two-exponent models) and L2. */
        public List<BoundaryExponent> exponents() {
            return plus ? List.of(BoundaryExponent.MINUS, BoundaryExponent.PLUS, BoundaryExponent.L2)
                    : List.of(BoundaryExponent.MINUS, BoundaryExponent.L2);
        }

        /** Whether the dataset is finite (pole-aware roots with stripes) rather than N = ∞ (grid bracketing). */
        public boolean finite() {
            return finite != null;
        }

        /** The batch atoms of a finite law (built once). */
        public BatchAtoms atoms() {
            if (finite == null) {
                throw new IllegalStateException("N = inf has no atoms");
            }
            if (atoms == null) {
                atoms = finite.batchSize() == 1 ? BatchAtoms.ofSamples(finite.data().values())
                        : BatchAtoms.ofDataset(finite.data(), finite.batchSize(), finite.withReplacement(),
                        Long.MAX_VALUE);
            }
            return atoms;
        }

        /** The roots of one function in (lo, hi], ascending. */
        public List<BoundaryRoot> roots(BoundaryExponent e, double lo, double hi, int gridPoints) {
            if (e == BoundaryExponent.PLUS && !plus) {
                throw new IllegalArgumentException("this model has no exponent plus");
            }
            if (finite != null) {
                return FiniteBoundary.roots(atoms(), e, lo, hi);
            }
            FiniteBoundary.checkRange(lo, hi);
            double mean = fresh.law().mean();
            if (e == BoundaryExponent.L2) {
                return MeanSquareBoundary.roots(mean, fresh.law().variance() / fresh.batchSize() + mean * mean, lo,
                        hi);
            }
            GaussianChiSquareQuadrature q = fresh.quadrature();
            double sign = e == BoundaryExponent.MINUS ? 1 : -1;
            return bracketed(e, x -> q.exponent(sign * x).value(), lo, hi, gridPoints);
        }
    }

    /**
     * Grid bracketing on λ_k = lo + (hi − lo)·k/points, k = 0 … points, then bisection. At lo = 0, where every
     * exponent vanishes, the first point is λ_1·2⁻²⁰ instead, which carries the sign just above 0.
     */
    static List<BoundaryRoot> bracketed(BoundaryExponent e, DoubleUnaryOperator f, double lo, double hi,
                                        int points) {
        if (points < 2) {
            throw InvalidInputException.outOfRange("grid", points, "integers >= 2");
        }
        List<BoundaryRoot> out = new ArrayList<>();
        double previous = Double.NaN;
        double previousValue = Double.NaN;
        for (int k = 0; k <= points; k++) {
            double x = k == points ? hi : k == 0 && lo == 0 ? Math.scalb((hi - lo) / points, -20)
                    : lo + (hi - lo) * k / points;
            double v = f.applyAsDouble(x);
            if (Double.isNaN(v)) {
                throw new IllegalStateException("NaN at lambda = " + x);
            }
            if (v == 0 && x > lo) {
                boolean rising = k > 0 ? previousValue < 0 : f.applyAsDouble(hi) > 0;
                out.add(BoundaryRoot.crossing(e, x, x, x, rising));
            } else if (k > 0 && previousValue != 0 && (v < 0) != (previousValue < 0)) {
                out.add(bisect(e, f, previous, x, previousValue < 0));
            }
            previous = x;
            previousValue = v;
        }
        return out;
    }

    /** Bisection on [a, b] where f(a) has sign {@code aNegative} and f(b) the other. */
    private static BoundaryRoot bisect(BoundaryExponent e, DoubleUnaryOperator f, double a, double b,
                                       boolean aNegative) {
        double lo = a;
        double hi = b;
        while (hi - lo > RELATIVE_WIDTH * Math.abs(hi)) {
            double m = 0.5 * (lo + hi);
            if (m <= lo || m >= hi) {
                break;
            }
            double v = f.applyAsDouble(m);
            if (v == 0) {
                return BoundaryRoot.crossing(e, m, m, m, aNegative);
            }
            if ((v < 0) == aNegative) {
                lo = m;
            } else {
                hi = m;
            }
        }
        return BoundaryRoot.crossing(e, 0.5 * (lo + hi), lo, hi, aNegative);
    }
}
