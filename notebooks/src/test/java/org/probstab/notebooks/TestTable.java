package org.probstab.notebooks;

import java.util.ArrayList;
import java.util.List;

/**
 * A table the notebook tests produce with the real command line, in-process: {@code probstab ARGS... --out DIR}.
 * Grids are small enough for a test (a few hundred cells).
 *
 * @param name   directory name under the tests' table directory
 * @param args   the command line before {@code --out DIR}, starting with the command
 * @param inputs the tables the command reads (produced first), e.g. the boundary table {@code fractal} analyses
 */
record TestTable(String name, List<String> args, List<TestTable> inputs) {

    TestTable {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("table name must be [a-z0-9-]+: " + name);
        }
        args = List.copyOf(args);
        inputs = List.copyOf(inputs);
    }

    /** {@code probstab sweep conf/CONF SETTINGS... --master local[2] --out DIR}. */
    static TestTable sweep(String name, String conf, String... settings) {
        return ofConfig(name, "sweep", conf, settings);
    }

    /** {@code probstab train conf/CONF SETTINGS... --master local[2] --out DIR}: net cells. */
    static TestTable train(String name, String conf, String... settings) {
        return ofConfig(name, "train", conf, settings);
    }

    /** {@code probstab COMMAND conf/CONF SETTINGS... --master local[2] --out DIR}. */
    static TestTable ofConfig(String name, String command, String conf, String... settings) {
        List<String> a = new ArrayList<>(List.of(command, NotebookPaths.conf().resolve(conf).toString()));
        a.addAll(List.of(settings));
        a.addAll(List.of("--master", "local[2]"));
        return new TestTable(name, a, List.of());
    }

    /** {@code probstab fractal SOURCE_DIR --master local[2] --out DIR}: the fractal statistics of another table. */
    static TestTable fractal(String name, TestTable source) {
        return new TestTable(name, List.of("fractal", NotebookPaths.tables().resolve(source.name()).toString(),
                "--master", "local[2]"), List.of(source));
    }
}
