package org.probstab.notebooks;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one place that says which tables each note reads in the tests and how they are produced. A new note is a
 * {@code .zpln} file in {@code notebooks/} plus one entry in {@link #FORMS}: its table forms (the
 * {@code z.textbox} names of its first paragraph) mapped to the tables the command line makes for them. A new table
 * kind adds its producer here as a {@link TestTable}: the command that writes it.
 */
final class NoteTables {

    /** The README's λ–μ sweep at N = ∞, S = 1, on a 20 × 15 grid (300 quadrature cells). */
    static final TestTable LAMBDA_MU_NINF = TestTable.sweep("lambda-mu-ninf", "lambda-mu-ninf.conf",
            "--set", "sweep.axes.lambda.steps=20", "--set", "sweep.axes.mu.steps=15");

    /** The same grid at S = 4: the other side of a comparison (cells pair by cell_id). */
    static final TestTable LAMBDA_MU_NINF_S4 = TestTable.sweep("lambda-mu-ninf-s4", "lambda-mu-ninf.conf",
            "--set", "sweep.axes.lambda.steps=20", "--set", "sweep.axes.mu.steps=15", "--set", "sweep.params.S=4");

    /** Four N × 4 datasets × a 8 × 6 λ–μ grid, exact sums (768 cells). */
    static final TestTable FINITE_N_DATASETS = TestTable.sweep("finite-n-datasets", "finite-n-datasets.conf",
            "--set", "sweep.axes.data_seed.to=4", "--set", "sweep.axes.data_seed.steps=4",
            "--set", "sweep.axes.lambda.steps=8", "--set", "sweep.axes.mu.steps=6");

    /** Linear nets 8 → 8 → 8, 600 SGD steps, on a 4 × 3 λ–μ grid (the net config's quick size, more cells). */
    static final TestTable NETS = TestTable.train("net-theory-agreement-d32", "net-theory-agreement-d32.conf",
            "--quick", "--set", "sweep.axes.lambda.steps=4", "--set", "sweep.axes.mu.steps=3");

    /** The exact theory on the nets' λ–μ grid (same axis definitions, so the same doubles). */
    static final TestTable NETS_THEORY = TestTable.sweep("net-theory-agreement-d32-theory",
            "net-theory-agreement-d32-theory.conf",
            "--quick", "--set", "sweep.axes.lambda.steps=4", "--set", "sweep.axes.mu.steps=3");

    /** Exact roots along λ on the 17 μ rows of the N = 10, S = 1 boundary config, stripes included. */
    static final TestTable BOUNDARY = TestTable.ofConfig("boundary-n10-s1-boundary", "boundary", "boundary-n10-s1.conf",
            "--along", "lambda");

    /** The box-counting statistics of that boundary table (boxes in the plane and along the rows). */
    static final TestTable BOUNDARY_FRACTAL = TestTable.fractal("boundary-n10-s1-boundary-fractal", BOUNDARY);

    /** SGD on the two-point saddle at the quick size of {@code conf/fig-sgd-two-point-escape-rate.conf}. */
    static final TestTable ESCAPE = TestTable.sweep("fig-sgd-two-point-escape-rate",
            "fig-sgd-two-point-escape-rate.conf", "--quick");

    /** Note file → (table form of its first paragraph → the table the tests point it at). */
    static final Map<String, Map<String, TestTable>> FORMS = new TreeMap<>(Map.of(
            "phase-map.zpln", Map.of("phase_table", LAMBDA_MU_NINF),
            "compare-sweeps.zpln", Map.of("sweep_a", LAMBDA_MU_NINF, "sweep_b", LAMBDA_MU_NINF_S4),
            "finite-n.zpln", Map.of("datasets_table", FINITE_N_DATASETS),
            "nets-vs-theory.zpln", Map.of("net_table", NETS, "theory_table", NETS_THEORY),
            "boundaries.zpln", Map.of("boundary_table", BOUNDARY),
            "fractal.zpln", Map.of("fractal_table", BOUNDARY_FRACTAL),
            "escape.zpln", Map.of("simulation_table", ESCAPE)));

    private NoteTables() {
    }

    /** Every table some note reads. */
    static Set<TestTable> all() {
        Set<TestTable> s = new LinkedHashSet<>();
        FORMS.values().forEach(m -> s.addAll(m.values()));
        return s;
    }

    /** The tables of one note, form → table. */
    static Map<String, TestTable> of(Note note) {
        Map<String, TestTable> m = FORMS.get(note.file());
        if (m == null) {
            throw new AssertionError(note.file() + " has no entry in NoteTables.FORMS: register the tables it reads");
        }
        return m;
    }
}
