package org.probstab.table;

import static org.probstab.table.Column.Option.NULLABLE;
import static org.probstab.table.Column.Option.PLAIN;

/**
 * The columns every table of evaluated cells starts with (DESIGN §4): the cell's id and refinement level, then
 * what the cell is — its model and parameters. The phase, simulation-outcome and net-cell kinds extend it. Tables
 * of cells are partitioned by {@code sweep_id} (the sweep's name and 8 hex digits of its config hash) and
 * {@code chunk} (consecutive cell ids written and resumed together).
 */
public final class CellTable {

    private static final TableKind.Builder D = TableKind.declare("cell", 1, "one row per evaluated cell")
            .partitionedBy("sweep_id", ColumnType.STRING, "the sweep: its name and 8 hex digits of its config hash")
            .partitionedBy("chunk", ColumnType.INT64, "chunk of consecutive cell ids (cell_id / chunk size)");

    public static final Column.Int64 CELL_ID = D.int64("cell_id",
            "the cell's mixed-radix index over the sweep's axes, first axis slowest", PLAIN);
    public static final Column.Int32 LEVEL = D.int32("level", "refinement level (0: the config's grid)", PLAIN);
    public static final Column.Text MODEL = D.text("model", "the model's name", PLAIN);
    public static final Column.Real LAMBDA = D.real("lambda", "learning rate λ", PLAIN);
    public static final Column.Real MU = D.real("mu", "signal fraction μ of the labels (null: the model has none)",
            NULLABLE, PLAIN);
    public static final Column.Int32 BATCH_SIZE = D.int32("batch_size", "batch size S", PLAIN);
    public static final Column.WholeNumber N = D.wholeNumber("n", "dataset size N (null: N = ∞ or no dataset)",
            PLAIN);
    public static final Column.RealMap PARAMS = D.realMap("params",
            "every other numeric parameter of the cell, by name", PLAIN);

    /** The base kind (tables are always of a kind that extends it). */
    public static final TableKind KIND = D.build();

    private CellTable() {
    }
}
