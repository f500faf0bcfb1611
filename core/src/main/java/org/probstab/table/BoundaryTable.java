package org.probstab.table;

import static org.probstab.table.Column.Option.NULLABLE;
import static org.probstab.table.Column.Option.PLAIN;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact boundary roots along one axis (DESIGN §6): one row per root of Λ₋, Λ₊ or E(1 − λχ_B)² − 1 found along λ,
 * for every combination of the other axes of a sweep. The other axes come first, one column each (so the kind is
 * made per sweep by {@link #of}): S is {@code batch_size} and N is {@code n} as in the phase table (null = ∞), text
 * parameters are text columns, every other parameter a double column under its own name. Then the root columns,
 * the same for every sweep.
 *
 * <p>A stripe is a pair of roots around a pole λ = 1/χ (or −1/χ for Λ₊) inside an unstable region: both roots of
 * the pair carry the pole and the natural log of the stripe's half-width, exact even where the width is below what a
 * double around the pole can resolve. {@code rising} says which side is stable, so the sign of every function, and with
 * it the phase, is known at every point of a row that has roots. Tables are partitioned by {@code sweep_id} and
 * {@code chunk} (consecutive rows of the other axes, written and resumed together).
 */
public final class BoundaryTable {

    /** An axis column: the sweep parameter and the column holding its value. */
    public record Axis(String parameter, Column column) {
    }

    private final TableKind kind;
    private final List<Axis> axes;
    /** {@code minus}, {@code plus} or {@code l2}. */
    public final Column.Text exponent;
    public final Column.Real root;
    public final Column.Real bracketLo;
    public final Column.Real bracketHi;
    /** {@code crossing}, or {@code stripe} for a root of a pair around a pole. */
    public final Column.Text rootKind;
    public final Column.Real pole;
    public final Column.Real logHalfWidth;
    /** Whether the function rises through 0 (stable below the root, unstable above). */
    public final Column.Bool rising;

    private BoundaryTable(List<String> axisParameters, Map<String, Boolean> textAxes) {
        TableKind.Builder d = TableKind.declare("boundary", 1, "exact roots of the exponents along one axis")
                .partitionedBy("sweep_id", ColumnType.STRING, "the sweep: its name and 8 hex digits of its config"
                        + " hash")
                .partitionedBy("chunk", ColumnType.INT64, "chunk of consecutive rows of the other axes");
        List<Axis> list = new ArrayList<>();
        for (String p : axisParameters) {
            Column c;
            if (Boolean.TRUE.equals(textAxes.get(p))) {
                c = d.text(columnName(p), "sweep parameter " + p);
            } else if (p.equals("S")) {
                c = d.int32("batch_size", "batch size S");
            } else if (p.equals("N")) {
                c = d.wholeNumber("n", "dataset size N (null: N = ∞)");
            } else {
                c = d.real(columnName(p), "sweep parameter " + p);
            }
            list.add(new Axis(p, c));
        }
        axes = List.copyOf(list);
        exponent = d.text("exponent", "whose root: minus (Λ₋), plus (Λ₊) or l2 (E(1 − λχ_B)² − 1)");
        root = d.real("root", "the root along the axis", PLAIN);
        bracketLo = d.real("bracket_lo", "lower end of the final bracket of the root", PLAIN);
        bracketHi = d.real("bracket_hi", "upper end of the final bracket of the root", PLAIN);
        rootKind = d.text("kind", "crossing, or stripe for a root of a pair around a pole");
        pole = d.real("pole", "the pole inside a stripe (null for crossings)", NULLABLE, PLAIN);
        logHalfWidth = d.real("log_half_width", "natural log of a stripe's half-width (null for crossings)",
                NULLABLE, PLAIN);
        rising = d.bool("rising", "the function goes from negative (stable) to positive (unstable) as the axis grows");
        kind = d.build();
    }

    /**
     * The boundary kind of a sweep whose other axes are {@code axisParameters} (in the sweep's axis order);
     * {@code textAxes} names those that are text parameters.
     */
    public static BoundaryTable of(List<String> axisParameters, Map<String, Boolean> textAxes) {
        return new BoundaryTable(axisParameters, new LinkedHashMap<>(textAxes));
    }

    /** The column name of a sweep parameter in this kind: S and N as in the phase table, others as they are. */
    public static String columnName(String parameter) {
        return switch (parameter) {
            case "S" -> "batch_size";
            case "N" -> "n";
            default -> parameter.toLowerCase(java.util.Locale.ROOT);
        };
    }

    public TableKind kind() {
        return kind;
    }

    /** The axis columns, in the sweep's order. */
    public List<Axis> axes() {
        return axes;
    }
}
