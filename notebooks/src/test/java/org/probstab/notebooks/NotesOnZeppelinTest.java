package org.probstab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

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
        String flags = NotebookPaths.jdk17Flags();
        ZeppelinHome home = ZeppelinHome.assemble(NotebookPaths.zeppelinHome(), NotebookPaths.zeppelinServerJars(),
                NotebookPaths.zeppelinSparkJars(), flags);
        server = ZeppelinServer.start(home, flags);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server == null) {
            return;
        }
        List<Long> pids = server.pids();
        List<String> exposed = new java.util.ArrayList<>();
        if (ListeningSockets.available()) {
            for (long pid : pids) {
                exposed.addAll(ListeningSockets.notOnLoopback(pid));
            }
        }
        server.close();
        // After the notes ran, the server and the interpreter with its Spark were all up: none may bind beyond loopback.
        assertThat(exposed).as("sockets of the Zeppelin processes not bound to 127.0.0.1").isEmpty();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d started by the test is still alive", pid).isFalse();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNoteRunsOnFreshTables() {
        return Note.all().stream().map(note -> DynamicTest.dynamicTest(note.file(), () -> {
            NoteRun run = server.run(note.withFormValues(TestTables.formValues(note)));
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
