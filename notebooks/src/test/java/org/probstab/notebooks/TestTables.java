package org.probstab.notebooks;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.probstab.cli.ProbstabCli;

/**
 * Produces the tables of {@link NoteTables} once per test JVM, all together and before any test opens its own
 * SparkSession (each {@code sweep} stops the session it used), with the real command line in-process on
 * {@code local[2]}.
 */
final class TestTables {

    private static Map<TestTable, Path> produced;

    private TestTables() {
    }

    /** The directory of every registered table, producing them on first use. */
    static synchronized Map<TestTable, Path> all() {
        if (produced == null) {
            Path root = NotebookPaths.tables();
            deleteTree(root);
            Map<TestTable, Path> m = new LinkedHashMap<>();
            for (TestTable t : NoteTables.all()) {
                produceWithInputs(t, root, m);
            }
            produced = Map.copyOf(m);
        }
        return produced;
    }

    /** {@code t} after the tables it reads, each once. */
    private static void produceWithInputs(TestTable t, Path root, Map<TestTable, Path> done) {
        if (done.containsKey(t)) {
            return;
        }
        for (TestTable input : t.inputs()) {
            produceWithInputs(input, root, done);
        }
        long start = System.nanoTime();
        done.put(t, produce(t, root.resolve(t.name())));
        System.out.printf("notebook test table %s: %.1f s%n", t.name(), (System.nanoTime() - start) / 1e9);
    }

    static Path path(TestTable t) {
        return all().get(t);
    }

    /** The form values that point a note at the test tables: form → {@code file:} URI of the table. */
    static Map<String, String> formValues(Note note) {
        Map<String, String> values = new LinkedHashMap<>();
        NoteTables.of(note).forEach((form, table) -> values.put(form, location(path(table))));
        return values;
    }

    /** A local directory as the Hadoop path the notes' first paragraph gives back ({@code file:/abs/dir}). */
    static String location(Path dir) {
        return "file:" + dir.toAbsolutePath().normalize();
    }

    /** {@code probstab ARGS --out DIR}. */
    static Path produce(TestTable t, Path dir) {
        List<String> args = new ArrayList<>(t.args());
        args.addAll(List.of("--out", dir.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProbstabCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (code != 0 || !Files.isRegularFile(dir.resolve("_manifest.json"))) {
            throw new IllegalStateException("probstab " + String.join(" ", args) + " exited with " + code + ": " + err
                    + out);
        }
        return dir;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
