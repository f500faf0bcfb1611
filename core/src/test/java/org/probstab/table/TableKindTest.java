package org.probstab.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table schema: one declaration per column drives rows, values and their order. */
class TableKindTest {

    /**
     * The phase table's columns are public API (notebooks and users' queries name them): this list may only grow, by
     * a column added on purpose, never change.
     */
    @Test
    void thePhaseTableKeepsItsColumnNamesAndOrder() {
        assertThat(PhaseTable.KIND.columnNames()).startsWith("cell_id", "level", "model", "lambda", "mu",
                "batch_size", "n", "params", "exp_minus", "exp_minus_se", "exp_plus", "exp_plus_se", "exp_top",
                "exp_top_se", "spectrum", "log_var", "ms_growth", "l2_stable", "phase", "method", "samples", "steps",
                "p_below_eps");
        assertThat(PhaseTable.KIND.columnNames()).endsWith("elapsed_ns");
        assertThat(PhaseTable.KIND.tableColumnNames()).startsWith("sweep_id", "chunk", "cell_id");
        assertThat(PhaseTable.KIND.format()).isEqualTo("probstab-phase-table/1");
        assertThat(PhaseTable.KIND.column("elapsed_ns").timing()).isTrue();
        assertThat(PhaseTable.KIND.column("exp_minus").plain()).isTrue();
        assertThat(PhaseTable.KIND.column("lambda").plain()).isTrue();
        assertThat(SimulationTable.KIND.column("optimizer").plain()).isFalse();
    }

    @Test
    void aRowIsBuiltByNameAndReadInFileOrder() {
        Row r = PhaseTable.KIND.newRow()
                .set(CellTable.CELL_ID, 7).set(CellTable.LEVEL, 0).set(CellTable.MODEL, "m")
                .set(CellTable.LAMBDA, 0.5).set(CellTable.BATCH_SIZE, 1).set(CellTable.N, Double.POSITIVE_INFINITY)
                .set(CellTable.PARAMS, Map.of("z", 1.0, "a", 2.0))
                .set(PhaseTable.EXP_MINUS, Double.NEGATIVE_INFINITY).set(PhaseTable.EXP_MINUS_SE, 0.0)
                .set(PhaseTable.L2_STABLE, true).set(PhaseTable.PHASE, "III").set(PhaseTable.METHOD, "exact-sum")
                .set(PhaseTable.SAMPLES, 10).set(PhaseTable.STEPS, 0).set(PhaseTable.ELAPSED_NS, 123)
                .build();
        Map<String, Object> v = PhaseTable.KIND.values(r);
        assertThat(v.keySet()).containsExactlyElementsOf(PhaseTable.KIND.columnNames());
        // −∞ stays −∞; μ never set and N = ∞ are null; maps come sorted by name.
        assertThat(v.get("exp_minus")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(v.get("mu")).isNull();
        assertThat(v.get("n")).isNull();
        assertThat(r.get(CellTable.N)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(((Map<?, ?>) v.get("params")).keySet()).map(Object::toString).containsExactly("a", "z");
        assertThat(v.get("cell_id")).isEqualTo(7L);
        assertThat(v.get("level")).isEqualTo(0);
        assertThat(r.has(PhaseTable.EXP_PLUS)).isFalse();
        assertThat(PhaseTable.KIND.comparableValues(r)).doesNotContainKey("elapsed_ns");
        // The same values make an equal row.
        Row copy = r.toBuilder().build();
        assertThat(copy).isEqualTo(r);
        assertThat(r.toBuilder().set(PhaseTable.PHASE, "Ia").build()).isNotEqualTo(r);
    }

    @Test
    void aRequiredColumnMustBeSet() {
        Row.Builder b = PhaseTable.KIND.newRow().set(CellTable.CELL_ID, 1).set(CellTable.LEVEL, 0)
                .set(CellTable.MODEL, "m").set(CellTable.LAMBDA, 0.5).set(CellTable.BATCH_SIZE, 1)
                .set(CellTable.PARAMS, Map.of()).set(PhaseTable.L2_STABLE, false).set(PhaseTable.METHOD, "x")
                .set(PhaseTable.SAMPLES, 1).set(PhaseTable.STEPS, 0).set(PhaseTable.ELAPSED_NS, 0);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("phase");
        // NaN is "not set": a required double cannot be NaN.
        Row.Builder nan = PhaseTable.KIND.newRow().set(CellTable.LAMBDA, Double.NaN);
        assertThatThrownBy(nan::build).hasMessageContaining("column cell_id");
    }

    @Test
    void columnsBelongToTheirKindAndItsExtensions() {
        // A refined-cell row takes the phase table's columns; a phase row does not take the refined cell's size.
        assertThat(RefinedCellTable.KIND.accepts(PhaseTable.EXP_MINUS)).isTrue();
        assertThat(RefinedCellTable.KIND.accepts(CellTable.LAMBDA)).isTrue();
        assertThat(PhaseTable.KIND.accepts(RefinedCellTable.CELL_SIZE)).isFalse();
        assertThatThrownBy(() -> PhaseTable.KIND.newRow().set(RefinedCellTable.CELL_SIZE, Map.of("lambda", 0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cell_size");
        assertThatThrownBy(() -> SimulationTable.KIND.newRow().set(PhaseTable.EXP_MINUS, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RefinedCellTable.KIND.columnNames()).startsWith(PhaseTable.KIND.columnNames().toArray(String[]::new))
                .endsWith("cell_size");
    }

    @Test
    void declarationsAreChecked() {
        TableKind.Builder d = TableKind.declare("test", 1, "a test kind");
        d.real("x", "x");
        assertThatThrownBy(() -> d.real("x", "x again")).hasMessageContaining("twice");
        assertThatThrownBy(() -> d.real("Bad Name", "?")).hasMessageContaining("[a-z]");
        TableKind k = d.build();
        assertThatThrownBy(() -> d.real("y", "too late")).hasMessageContaining("already built");
        assertThatThrownBy(() -> k.column("nosuch")).hasMessageContaining("allowed x");
    }

    @Test
    void wholeNumbersAndArraysKeepTheirContract() {
        TableKind.Builder d = TableKind.declare("whole", 1, "test");
        Column.WholeNumber n = d.wholeNumber("n", "size");
        Column.RealArray a = d.realArray("a", "values", Column.Option.NULLABLE);
        Column.Int64Array counts = d.int64Array("counts", "counts", Column.Option.NULLABLE);
        TableKind k = d.build();
        assertThatThrownBy(() -> k.newRow().set(n, 2.5)).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> k.newRow().set(a, new double[] {1, Double.NaN})).hasMessageContaining("NaN");
        double[] values = {1, 2};
        Row r = k.newRow().set(n, 12).set(a, values).set(counts, new long[] {3, 4}).build();
        values[0] = 99;
        assertThat(r.get(a)).containsExactly(1, 2);
        assertThat(k.values(r)).containsEntry("n", 12L);
        assertThat(k.comparableValues(r)).containsEntry("a", List.of(1.0, 2.0)).containsEntry("counts", List.of(3L, 4L));
    }

    @Test
    void theBoundaryKindIsMadePerSweep() {
        BoundaryTable b = BoundaryTable.of(List.of("mu", "N", "S", "replacement"), Map.of("replacement", true));
        assertThat(b.kind().columnNames()).containsExactly("mu", "n", "batch_size", "replacement", "exponent", "root",
                "bracket_lo", "bracket_hi", "kind", "pole", "log_half_width", "rising");
        assertThat(b.axes().get(1).column().type()).isEqualTo(ColumnType.INT64);
        assertThat(b.kind().partitions()).extracting(TableKind.PartitionColumn::name).containsExactly("sweep_id",
                "chunk");
    }
}
