package org.probstab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.probstab.table.BoundaryTable;
import org.probstab.table.FractalTable;
import org.probstab.table.NetCellTable;
import org.probstab.table.PhaseTable;
import org.probstab.table.SimulationTable;
import org.probstab.table.TableKind;

/**
 * The notes are valid Zeppelin 0.10 JSON and follow the conventions the tests and users rely on: a name, an id, a
 * config and info; paragraphs with an id, a title, a config and a text in {@code %spark} or {@code %spark.sql}; a
 * first paragraph that holds every table path as a form (defaulting to a README output, with the command that makes
 * it) and publishes it for the SQL; every note registered with its tables in {@link NoteTables}.
 */
class NoteFormatTest {

    private static final Pattern PARAGRAPH_ID = Pattern.compile("paragraph_\\d{13}_\\d{9}");
    private static final Pattern NOTE_ID = Pattern.compile("[A-Z0-9]{9,12}");
    private static final Set<String> GRAPH_MODES = Set.of("table", "multiBarChart", "pieChart", "stackedAreaChart",
            "lineChart", "scatterChart");
    /**
     * A table form of the first paragraph and the command its error message proposes: a command on a config (form,
     * default, command, verb, config, further arguments) or {@code fractal} on another table (form, default, command,
     * the analysed table).
     */
    private static final Pattern TABLE_FORM = Pattern.compile("z\\.textbox\\(\"(\\w+)\", \"([^\"]+)\"\\)\\.toString,"
            + "\\s*\"(bin/probstab (sweep|train|boundary|refine) conf/([\\w.-]+\\.conf)([^\"]*))\"\\)");
    private static final Pattern FRACTAL_FORM = Pattern.compile("z\\.textbox\\(\"(\\w+)\", \"([^\"]+)\"\\)"
            + "\\.toString,\\s*\"(bin/probstab fractal (out/[\\w.-]+))\"\\)");
    /** What each command adds to the config's output path when no --out is given. */
    private static final Map<String, String> OUTPUT_SUFFIX = Map.of("sweep", "", "train", "", "boundary", "-boundary",
            "refine", "-refined");
    /** The table check's kind and manifest format: {@code probstabTable("phase", "probstab-phase-table", ...}. */
    private static final Pattern TABLE_KIND = Pattern.compile("probstabTable\\(\"(\\w+)\", \"([\\w-]+)\",");
    /** The kinds a note may check for, by name: the format its manifest carries is the kind's own. */
    private static final Map<String, TableKind> KINDS = Map.of(PhaseTable.KIND.name(), PhaseTable.KIND,
            NetCellTable.KIND.name(), NetCellTable.KIND, FractalTable.KIND.name(), FractalTable.KIND,
            SimulationTable.KIND.name(), SimulationTable.KIND, "boundary", BoundaryTable.of(List.of("mu"), Map.of()).kind());
    private static final Pattern INTERPOLATED = Pattern.compile("(?<![{]|\\$)[{](\\w+)[}]");

    @Test
    void theNotesAreThere() {
        assertThat(Note.all()).extracting(Note::file)
                .containsExactlyInAnyOrderElementsOf(NoteTables.FORMS.keySet());
    }

    @Test
    void everyNoteIsZeppelinJson() {
        Set<String> noteIds = new HashSet<>();
        Set<String> paragraphIds = new HashSet<>();
        for (Note note : Note.all()) {
            JsonNode j = note.json();
            String stem = note.file().substring(0, note.file().length() - ".zpln".length());
            assertThat(note.name()).as(note.file()).isEqualTo("probstab/" + stem);
            assertThat(j.path("id").asText()).as("%s id", note.file()).matches(NOTE_ID);
            assertThat(noteIds.add(j.path("id").asText())).as("%s id unique", note.file()).isTrue();
            assertThat(j.path("config").isObject()).as("%s config", note.file()).isTrue();
            assertThat(j.path("info").isObject()).as("%s info", note.file()).isTrue();
            assertThat(j.path("defaultInterpreterGroup").asText()).as(note.file()).isEqualTo("spark");
            assertThat(j.path("paragraphs").isArray()).as("%s paragraphs", note.file()).isTrue();
            assertThat(note.paragraphs()).as(note.file()).isNotEmpty();
            for (int i = 0; i < note.paragraphs().size(); i++) {
                Note.Paragraph p = note.paragraphs().get(i);
                JsonNode pj = j.path("paragraphs").get(i);
                String where = note.label(p);
                assertThat(pj.path("text").isTextual()).as("%s text", where).isTrue();
                assertThat(p.id()).as("%s id", where).matches(PARAGRAPH_ID);
                assertThat(paragraphIds.add(p.id())).as("%s id unique", where).isTrue();
                assertThat(p.title()).as("%s title", where).isNotBlank();
                assertThat(pj.path("config").isObject()).as("%s config", where).isTrue();
                assertThat(p.interpreter()).as("%s interpreter", where).isIn("spark", "spark.sql");
                assertThat(p.body()).as("%s code", where).isNotBlank();
                assertThat(pj.path("settings").path("params").isObject()).as("%s settings.params", where).isTrue();
                for (JsonNode result : (Iterable<JsonNode>) () -> pj.path("config").path("results").elements()) {
                    assertThat(result.path("graph").path("mode").asText()).as("%s chart", where).isIn(GRAPH_MODES);
                }
            }
        }
    }

    @Test
    void theFirstParagraphHoldsTheTablesAsFormsAndPublishesThem() {
        String helper = null;
        for (Note note : Note.all()) {
            Note.Paragraph first = note.tables();
            String where = note.label(first);
            assertThat(first.isScala()).as("%s is %%spark", where).isTrue();
            Map<String, String> forms = NoteForms.scalaInputs(first.text());
            assertThat(forms.keySet()).as("%s forms = registered tables", where)
                    .containsExactlyInAnyOrderElementsOf(NoteTables.of(note).keySet());
            assertThat(NoteForms.scalaPuts(first.text())).as("%s publishes each form", where)
                    .containsExactlyInAnyOrderElementsOf(forms.keySet());
            Matcher m = TABLE_FORM.matcher(first.text());
            Set<String> checked = new TreeSet<>();
            while (m.find()) {
                checked.add(m.group(1));
                Path conf = NotebookPaths.conf().resolve(m.group(5));
                assertThat(conf).as("%s: the config of '%s'", where, m.group(3)).isRegularFile();
                if (!m.group(6).contains("--set") && !m.group(6).contains("--quick")) {
                    // The default is what the proposed command writes.
                    Config c = ConfigFactory.parseFile(conf.toFile());
                    assertThat(c.getString("output.path") + OUTPUT_SUFFIX.get(m.group(4)))
                            .as("%s default of %s", where, m.group(1)).isEqualTo(m.group(2));
                } else {
                    assertThat(m.group(2)).as("%s default of %s", where, m.group(1)).startsWith("out/");
                }
            }
            Matcher f = FRACTAL_FORM.matcher(first.text());
            while (f.find()) {
                checked.add(f.group(1));
                // fractal TABLE writes TABLE-fractal.
                assertThat(f.group(2)).as("%s default of %s", where, f.group(1)).isEqualTo(f.group(4) + "-fractal");
            }
            assertThat(checked).as("%s: every form is checked by probstabTable", where)
                    .containsExactlyInAnyOrderElementsOf(forms.keySet());
            Matcher kind = TABLE_KIND.matcher(first.text());
            int kinds = 0;
            while (kind.find()) {
                kinds++;
                assertThat(kind.group(2)).as("%s format of kind %s", where, kind.group(1))
                        .isEqualTo("probstab-" + kind.group(1) + "-table");
                assertThat(KINDS).as("%s checks a known table kind", where).containsKey(kind.group(1));
                // What the command writes into _manifest.json.
                assertThat(KINDS.get(kind.group(1)).format()).startsWith(kind.group(2) + "/");
            }
            assertThat(kinds).as("%s table checks", where).isEqualTo(forms.size());
            // One table check for all notes: a fix in one note must reach the others.
            String h = first.text().substring(first.text().indexOf("import org.apache.hadoop.fs.Path"),
                    first.text().indexOf("\n}\n", first.text().indexOf("def manifestSummary")) + 2);
            if (helper == null) {
                helper = h;
            }
            assertThat(h).as("%s: the table check differs from the other notes'", where).isEqualTo(helper);
        }
    }

    @Test
    void formsAndInterpolationAreWhatZeppelinAndTheTestsUnderstand() {
        for (Note note : Note.all()) {
            List<String> published = NoteForms.scalaPuts(note.tables().text());
            for (Note.Paragraph p : note.paragraphs()) {
                String where = note.label(p);
                if (p.isScala()) {
                    // Zeppelin reads ${...} in any paragraph as a form, Scala's string interpolation included.
                    assertThat(p.text()).as("%s has ${ (a Zeppelin form) in Scala", where).doesNotContain("${");
                    continue;
                }
                for (String form : NoteForms.forms(p.text())) {
                    assertThat(form).as("%s form ${%s}", where, form).matches("[A-Za-z_][A-Za-z0-9_]*=.*");
                }
                Matcher var = INTERPOLATED.matcher(p.body());
                boolean interpolates = false;
                while (var.find()) {
                    interpolates = true;
                    assertThat(published).as("%s interpolates {%s}", where, var.group(1)).contains(var.group(1));
                }
                assertThat(Boolean.parseBoolean(p.localProperties().getOrDefault("interpolate", "false")))
                        .as("%s: {name} needs %%spark.sql(interpolate=true), and only then", where)
                        .isEqualTo(interpolates);
            }
        }
    }

    @Test
    void theReadmeDescribesEveryNote() throws Exception {
        String readme = Files.readString(NotebookPaths.notebooks().resolve("README.md"));
        for (Note note : Note.all()) {
            assertThat(readme).as("notebooks/README.md").contains("`" + note.file() + "`");
            for (String form : NoteForms.scalaInputs(note.tables().text()).keySet()) {
                assertThat(readme).as("notebooks/README.md names form %s", form).contains("`" + form + "`");
            }
        }
    }
}
