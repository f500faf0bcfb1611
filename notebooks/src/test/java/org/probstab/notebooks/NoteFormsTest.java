package org.probstab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The redone Zeppelin text processing, on cases whose Zeppelin result is known from its source and docs. */
class NoteFormsTest {

    @Test
    void textBoxesTakeTheirValueOrDefault() {
        String sql = "SELECT * FROM t WHERE ${slice=true} AND x < ${max=3} -- ${empty}";
        assertThat(NoteForms.resolveForms(sql, Map.of("max", "7")))
                .isEqualTo("SELECT * FROM t WHERE true AND x < 7 -- ");
        assertThat(NoteForms.forms(sql)).containsExactly("slice=true", "max=3", "empty");
        assertThatThrownBy(() -> NoteForms.resolveForms("${checkbox:x=a,b|a|b}", Map.of()))
                .hasMessageContaining("only text boxes");
    }

    @Test
    void interpolationIsAllOrNothingAsInZeppelin() {
        Map<String, String> pool = Map.of("t", "file:/x", "u", "file:/y");
        assertThat(NoteForms.interpolate("path '{t}' and '{u}'", pool)).isEqualTo("path 'file:/x' and 'file:/y'");
        assertThat(NoteForms.interpolate("a {{b}} c", pool)).isEqualTo("a {b} c");
        // An unknown name leaves the whole text as it was (AbstractInterpreter.interpolate).
        assertThat(NoteForms.interpolate("'{t}' '{nope}'", pool)).isEqualTo("'{t}' '{nope}'");
    }

    @Test
    void statementsSplitOutsideQuotesAndComments() {
        List<String> s = NoteForms.statements("""
                -- it's a comment; not a split
                CREATE VIEW v AS SELECT 'a;b' AS x;
                /* block; comment */
                SELECT `c;d` FROM v WHERE y = "e;f";
                -- trailing comment only
                """);
        assertThat(s).hasSize(2);
        assertThat(s.get(0)).startsWith("-- it's a comment; not a split").endsWith("SELECT 'a;b' AS x");
        assertThat(s.get(1)).startsWith("/* block; comment */").endsWith("WHERE y = \"e;f\"");
    }

    @Test
    void scalaFormsAndPublishedNames() {
        String scala = """
                val (a, m) = probstabTable("phase", "f", z.textbox("table_a", "out/x").toString, "make")
                val b = z.input("table_b", "out/y")
                z.put("table_a", a)
                """;
        assertThat(NoteForms.scalaInputs(scala)).containsExactly(Map.entry("table_a", "out/x"),
                Map.entry("table_b", "out/y"));
        assertThat(NoteForms.scalaPuts(scala)).containsExactly("table_a");
    }
}
