package org.probstab.notebooks;

import java.util.ArrayList;
import java.util.List;

/**
 * How a note ran on one engine: per paragraph its status ({@code FINISHED}, {@code ERROR}, or another Zeppelin
 * status for a paragraph that did not run), its result messages and its error text.
 *
 * @param engine "Zeppelin" or "Spark 3.5.6", named in failures
 */
record NoteRun(String engine, Note note, List<Outcome> outcomes) {

    /** One result message: Zeppelin's type ({@code TABLE}, {@code TEXT}, {@code HTML}, …) and data. */
    record Message(String type, String data) {

        /** A table with a header and at least one row, or a text that is not blank. */
        boolean nonEmpty() {
            return switch (type) {
                case "TABLE" -> data.strip().lines().filter(l -> !l.isBlank()).count() >= 2;
                case "TEXT" -> !data.isBlank();
                default -> false;
            };
        }
    }

    record Outcome(Note.Paragraph paragraph, String status, List<Message> messages, String error) {

        Outcome {
            messages = List.copyOf(messages);
        }

        boolean finishedWithResult() {
            return status.equals("FINISHED") && messages.stream().anyMatch(Message::nonEmpty);
        }

        /** Every message's data, for assertions on what a paragraph printed. */
        String text() {
            StringBuilder sb = new StringBuilder();
            messages.forEach(m -> sb.append(m.data()).append('\n'));
            if (error != null) {
                sb.append(error);
            }
            return sb.toString();
        }
    }

    NoteRun {
        outcomes = List.copyOf(outcomes);
    }

    Outcome outcome(int number) {
        return outcomes.stream().filter(o -> o.paragraph().number() == number).findFirst()
                .orElseThrow(() -> new AssertionError(note.name() + " has no paragraph " + number));
    }

    /**
     * Fails unless every paragraph is FINISHED with a non-empty TABLE or TEXT result. The message names the engine,
     * the note, each failing paragraph and its error text.
     */
    void assertEveryParagraphFinished() {
        List<String> failures = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.finishedWithResult()) {
                continue;
            }
            String what;
            if (o.status().equals("ERROR")) {
                what = "ERROR: " + (o.error() == null || o.error().isBlank() ? o.text() : o.error()).strip();
            } else if (o.status().equals("FINISHED")) {
                what = "FINISHED without a non-empty TABLE or TEXT result (" + o.messages() + ")";
            } else {
                what = "status " + o.status() + " (not run: an earlier paragraph failed or the run stopped)";
            }
            failures.add(engine + ": " + note.label(o.paragraph()) + ": " + what);
        }
        if (outcomes.isEmpty()) {
            failures.add(engine + ": note '" + note.name() + "' ran no paragraph");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }
}
