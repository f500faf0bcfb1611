package org.probstab.refine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probstab.boundary.BatchAtoms;
import org.probstab.boundary.RowBoundary;
import org.probstab.special.Constants;

/**
 * Pole seeding of adaptive refinement for exact finite-N models (DESIGN §6): a box of the (λ, other axes) grid whose
 * corners all agree can still hide a stability stripe, a stable interval around a pole λ = 1/c_B of Λ₋ (c = χ_B) or
 * Λ₊ (c = −χ_B) inside an unstable region. Such a box is seeded (refined anyway) when
 * <ol>
 *   <li>its corners are unstable for that exponent (a stripe exists only where the function without the pole's term
 *       is positive);</li>
 *   <li>a pole curve crosses it: the pole λ_B = 1/c_B of some atom lies in [λ_lo, λ_hi] at a corner, or moves across
 *       that interval between corners (c_B is evaluated at every corner; λ_B is taken monotone between them, exact
 *       for {@code mf-gaussian}, whose χ_i = x_i(μx_i + (1 − μ)σε_i) is linear in μ; where c_B changes sign the pole
 *       runs off to ∞);</li>
 *   <li>its stripe is wide enough to be seen on the finest grid at some corner: full width 2δ ≥ the finest λ spacing,
 *       δ = exp(−R/W)/|c| with W the pole's weight and R = Σ_{other atoms} w log|1 − c'/c| the rest of the sum at the
 *       pole ({@link org.probstab.boundary.PoleBracketing}'s first-order width). A stripe at least one finest spacing
 *       wide contains a point of the finest grid on its row, so seeding recovers every stripe the uniform finest grid
 *       would show; narrower ones are left out (no grid sees them reliably).</li>
 * </ol>
 * Rows' atoms are cached (the corners of neighbouring boxes share rows). Not thread-safe: one per task.
 */
public final class PoleSeeding {

    private static final int CACHE = 256;

    private final String model;
    private final long seed;
    private final double probeLambda;
    private final Map<Map<String, ?>, BatchAtoms> atoms = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Map<String, ?>, BatchAtoms> eldest) {
            return size() > CACHE;
        }
    };

    /**
     * @param model       a commuting model with finite datasets
     * @param seed        the sweep seed
     * @param probeLambda a λ of the grid (used to validate a row's parameters)
     */
    public PoleSeeding(String model, long seed, double probeLambda) {
        this.model = model;
        this.seed = seed;
        this.probeLambda = probeLambda;
    }

    /**
     * Whether a stripe-carrying pole curve crosses the box.
     *
     * @param corners       each corner's parameters except λ (rows of the box; repeats allowed)
     * @param lo            the box's smallest λ
     * @param hi            its largest λ
     * @param finestSpacing the finest grid's λ spacing in the box
     * @param minusUnstable the corners have Λ₋ &gt; 0 (look for poles of Λ₋)
     * @param plusUnstable  the corners have Λ₊ &gt; 0 (look for poles of Λ₊)
     */
    public boolean crossesStripe(List<Map<String, ?>> corners, double lo, double hi, double finestSpacing,
                                 boolean minusUnstable, boolean plusUnstable) {
        if (!minusUnstable && !plusUnstable) {
            return false;
        }
        BatchAtoms[] rows = new BatchAtoms[corners.size()];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = atoms(corners.get(c));
        }
        int n = rows[0].size();
        for (BatchAtoms r : rows) {
            if (r.size() != n) {
                return true; // atoms do not line up between corners: seed, conservatively
            }
        }
        double logMin = Math.log(finestSpacing);
        for (int sign = 1; sign >= -1; sign -= 2) {
            if ((sign > 0 && !minusUnstable) || (sign < 0 && !plusUnstable)) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                double poleMin = Double.POSITIVE_INFINITY;
                double poleMax = Double.NEGATIVE_INFINITY;
                boolean none = true;
                boolean mixed = false;
                for (BatchAtoms r : rows) {
                    double c = sign * r.value(k);
                    if (c > 0) {
                        none = false;
                        poleMin = Math.min(poleMin, 1 / c);
                        poleMax = Math.max(poleMax, 1 / c);
                    } else {
                        mixed = true;
                    }
                }
                if (none) {
                    continue;
                }
                if (mixed) {
                    poleMax = Double.POSITIVE_INFINITY;
                }
                if (poleMax < lo || poleMin > hi) {
                    continue;
                }
                for (BatchAtoms r : rows) {
                    double c = sign * r.value(k);
                    if (c > 0 && logFullWidth(r, sign, k, c) >= logMin) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** ln(2δ), δ = exp(−R/W)/c: the first-order stripe width at the pole 1/c of atom k (−∞ where R ≤ 0). */
    static double logFullWidth(BatchAtoms row, int sign, int k, double c) {
        double rest = 0;
        double weight = 0;
        for (int j = 0; j < row.size(); j++) {
            double cj = sign * row.value(j);
            if (cj == c) {
                weight += row.weight(j);
            } else {
                rest += row.weight(j) * Math.log(Math.abs(1 - cj / c));
            }
        }
        return rest > 0 ? Constants.LN2 - rest / weight - Math.log(c) : Double.NEGATIVE_INFINITY;
    }

    private BatchAtoms atoms(Map<String, ?> parameters) {
        BatchAtoms a = atoms.get(parameters);
        if (a == null) {
            RowBoundary.Law law = RowBoundary.law(model, parameters, seed, probeLambda);
            if (!law.finite()) {
                throw new IllegalArgumentException("pole seeding needs a finite dataset, got N = inf");
            }
            a = law.atoms();
            atoms.put(Map.copyOf(parameters), a);
        }
        return a;
    }
}
