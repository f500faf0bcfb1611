package org.probstab.table;

/**
 * Cells of an adaptive refinement (DESIGN §6): the phase table's columns, with {@code level} counting the
 * subdivisions from the config's grid, plus the cell's size on each refined axis, so a renderer draws each cell at
 * its own size and box counting knows the scale of every cell.
 */
public final class RefinedCellTable {

    private static final TableKind.Builder D = TableKind.extend(PhaseTable.KIND, "refined", 1,
            "cells of an adaptive refinement: phase-table rows with their size on each refined axis");

    public static final Column.RealMap CELL_SIZE = D.realMap("cell_size",
            "the cell's width along each refined axis, by axis name, in the axis's units");

    public static final TableKind KIND = D.build();

    private RefinedCellTable() {
    }
}
