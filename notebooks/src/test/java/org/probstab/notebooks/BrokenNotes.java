package org.probstab.notebooks;

/**
 * Test fixtures: copies of real notes with one mistake, to show that the checks catch it.
 */
final class BrokenNotes {

    /** The paragraph of phase-map that gets the wrong column ("Phase map"). */
    static final int PARAGRAPH = 3;
    static final String COLUMN = "exp_minus";
    static final String WRONG = "exp_minsu";

    private BrokenNotes() {
    }

    /** phase-map with {@code exp_minus} misspelt in its map query. */
    static Note wrongColumn() {
        Note note = Note.read(NotebookPaths.notebooks().resolve("phase-map.zpln"));
        String text = note.paragraphs().get(PARAGRAPH - 1).text();
        if (!text.contains(COLUMN)) {
            throw new IllegalStateException("phase-map paragraph " + PARAGRAPH + " no longer uses " + COLUMN
                    + ": pick another column for this fixture");
        }
        return note.withText(PARAGRAPH, text.replace(COLUMN, WRONG));
    }
}
