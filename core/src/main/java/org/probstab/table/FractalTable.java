package org.probstab.table;

import static org.probstab.table.Column.Option.NULLABLE;
import static org.probstab.table.Column.Option.PLAIN;

/**
 * Fractal statistics of the phase boundaries of one table (DESIGN §6): the box-counting curve N(ε) with a fitted
 * dimension and local slopes per octave, the uncertainty exponent (Grebogi, McDonald, Ott &amp; Yorke 1983), and the
 * basin entropy S_b and boundary basin entropy S_bb (Daza et al. 2016). One row per analysed boundary; the column
 * names are also the keys of {@code probstab fractal --json}.
 */
public final class FractalTable {

    private static final TableKind.Builder D = TableKind.declare("fractal", 1,
            "fractal statistics of the boundaries of one table");

    public static final Column.Text SOURCE = D.text("source", "the analysed table (path)");
    public static final Column.Text SOURCE_SWEEP_ID = D.text("source_sweep_id", "its sweep_id", NULLABLE);
    public static final Column.Text BOUNDARY = D.text("boundary",
            "which boundary: phase (every label change), minus, plus or l2");
    public static final Column.Text COUNTING = D.text("counting",
            "boxes (side ε in the normalised plane) or rows (side ε along λ within each row; dimension = 1 + slope)");
    public static final Column.Int32 LEVELS = D.int32("levels", "refinement levels (0 for boundary tables)");
    public static final Column.RealArray EPSILONS = D.realArray("epsilons", "box sizes ε of the box-counting curve");
    public static final Column.Int64Array BOX_COUNTS = D.int64Array("box_counts",
            "boxes of each size that meet the boundary");
    public static final Column.Real BOX_DIMENSION = D.real("box_dimension", "slope of log N(ε) against log 1/ε",
            NULLABLE, PLAIN);
    public static final Column.Real BOX_DIMENSION_SE = D.real("box_dimension_se", "its standard error", NULLABLE,
            PLAIN);
    public static final Column.RealArray FIT_RANGE = D.realArray("fit_range", "[smallest ε, largest ε] of the fit",
            NULLABLE);
    public static final Column.RealArray LOCAL_SLOPES = D.realArray("local_slopes",
            "slope over each octave of ε, from the largest ε down", PLAIN);
    public static final Column.Real UNCERTAINTY_EXPONENT = D.real("uncertainty_exponent",
            "α of f(ε) ∝ ε^α (fraction of ε-uncertain points); dimension = d − α", NULLABLE, PLAIN);
    public static final Column.Real UNCERTAINTY_EXPONENT_SE = D.real("uncertainty_exponent_se",
            "its standard error", NULLABLE, PLAIN);
    public static final Column.Real BASIN_ENTROPY = D.real("basin_entropy", "S_b on the finest uniform sub-grid",
            NULLABLE, PLAIN);
    public static final Column.Real BOUNDARY_BASIN_ENTROPY = D.real("boundary_basin_entropy",
            "S_bb: basin entropy of the boxes that meet a boundary", NULLABLE, PLAIN);
    public static final Column.Bool FRACTAL_BY_LN2 = D.bool("fractal_by_ln2",
            "S_bb > ln 2: a sufficient condition for a fractal boundary", NULLABLE);

    public static final TableKind KIND = D.build();

    private FractalTable() {
    }
}
