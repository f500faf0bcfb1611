package org.probstab.notebooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the {@code %spark.sql} paragraphs of a note on the project's Spark (3.5.6), in order, with the text Zeppelin
 * would send: forms resolved, {@code {name}} interpolated from what the first paragraph publishes with {@code z.put}
 * (here: the form values, already qualified), statements split as Zeppelin splits them. Scala paragraphs other than
 * the first are not run here (the real Zeppelin runs them).
 */
final class ProjectSpark {

    /** Rows of a result shown, as Zeppelin's zeppelin.spark.maxResult. */
    private static final int MAX_RESULT = 1000;

    private static SparkSession session;

    private ProjectSpark() {
    }

    /** One local[2] session for the notebook tests, opened after the tables are produced. */
    static synchronized SparkSession session() {
        TestTables.all();
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSession.builder().appName("probstab notebook tests").master("local[2]")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
        }
        return session;
    }

    static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }

    /** Runs the note's SQL paragraphs with its first paragraph's forms set to {@code formValues}. */
    static NoteRun run(Note note, Map<String, String> formValues) {
        SparkSession spark = session();
        Map<String, String> pool = new LinkedHashMap<>();
        for (String name : NoteForms.scalaPuts(note.tables().text())) {
            String v = formValues.get(name);
            if (v != null) {
                pool.put(name, v);
            }
        }
        List<NoteRun.Outcome> outcomes = new ArrayList<>();
        for (Note.Paragraph p : note.paragraphs()) {
            if (!p.isSql()) {
                continue;
            }
            String text = NoteForms.resolveForms(p.body(), Map.of());
            if (Boolean.parseBoolean(p.localProperties().getOrDefault("interpolate", "false"))) {
                text = NoteForms.interpolate(text, pool);
            }
            List<NoteRun.Message> messages = new ArrayList<>();
            String error = null;
            try {
                for (String statement : NoteForms.statements(text)) {
                    Dataset<Row> df = spark.sql(statement);
                    if (df.columns().length > 0) {
                        messages.add(new NoteRun.Message("TABLE", asTable(df)));
                    }
                }
            } catch (Exception e) { // AnalysisException is a checked exception thrown from Scala
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            outcomes.add(new NoteRun.Outcome(p, error == null ? "FINISHED" : "ERROR", messages, error));
            if (error != null) {
                break;
            }
        }
        return new NoteRun("Spark " + spark.version(), note, outcomes);
    }

    /** A result as Zeppelin's %table text: tab-separated header, then rows. */
    private static String asTable(Dataset<Row> df) {
        StringBuilder sb = new StringBuilder(String.join("\t", df.columns())).append('\n');
        for (Row r : df.limit(MAX_RESULT).collectAsList()) {
            for (int i = 0; i < r.size(); i++) {
                sb.append(i > 0 ? "\t" : "").append(r.isNullAt(i) ? "null" : String.valueOf(r.get(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
