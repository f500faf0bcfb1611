package org.probstab.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Zeppelin note as stored in a {@code .zpln} file (the JSON that Zeppelin 0.10 exports and imports): its name and
 * paragraphs, and copies of it with other form values, other paragraph texts or fewer paragraphs, for import.
 */
record Note(String file, String name, ObjectNode json, List<Paragraph> paragraphs) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One paragraph: its 1-based position, Zeppelin id, title and text ({@code %interpreter(props)} first line). */
    record Paragraph(int number, String id, String title, String text) {

        /** The interpreter of the first line: {@code spark} or {@code spark.sql}. */
        String interpreter() {
            String head = firstLine();
            if (!head.startsWith("%")) {
                return "";
            }
            int end = head.indexOf('(');
            return (end < 0 ? head.substring(1) : head.substring(1, end)).strip();
        }

        /** The local properties of the first line, e.g. {@code interpolate=true} of {@code %spark.sql(interpolate=true)}. */
        Map<String, String> localProperties() {
            String head = firstLine();
            int open = head.indexOf('(');
            int close = head.lastIndexOf(')');
            Map<String, String> props = new java.util.LinkedHashMap<>();
            if (open >= 0 && close > open) {
                for (String kv : head.substring(open + 1, close).split(",")) {
                    String[] p = kv.split("=", 2);
                    if (!p[0].isBlank()) {
                        props.put(p[0].strip(), p.length > 1 ? p[1].strip() : "");
                    }
                }
            }
            return props;
        }

        /** The code after the interpreter line. */
        String body() {
            int nl = text.indexOf('\n');
            return nl < 0 ? "" : text.substring(nl + 1);
        }

        boolean isSql() {
            return interpreter().equals("spark.sql");
        }

        boolean isScala() {
            return interpreter().equals("spark");
        }

        private String firstLine() {
            int nl = text.indexOf('\n');
            return (nl < 0 ? text : text.substring(0, nl)).strip();
        }
    }

    /** Reads a {@code .zpln} file. */
    static Note read(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (!(root instanceof ObjectNode o)) {
                throw new IllegalArgumentException(file + " is not a JSON object");
            }
            return of(file.getFileName().toString(), o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Note of(String file, ObjectNode json) {
        List<Paragraph> ps = new ArrayList<>();
        JsonNode array = json.path("paragraphs");
        for (int i = 0; i < array.size(); i++) {
            JsonNode p = array.get(i);
            ps.add(new Paragraph(i + 1, p.path("id").asText(""), p.path("title").asText(""), p.path("text").asText("")));
        }
        return new Note(file, json.path("name").asText(""), json, List.copyOf(ps));
    }

    /** Every note of a directory ({@code *.zpln}), by file name. */
    static List<Note> all(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".zpln")).sorted().map(Note::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The notes of {@code notebooks/}. */
    static List<Note> all() {
        return all(NotebookPaths.notebooks());
    }

    /** "note 'NAME' (FILE), paragraph K 'TITLE'": how failures name a paragraph. */
    String label(Paragraph p) {
        return "note '" + name + "' (" + file + "), paragraph " + p.number() + " '" + p.title() + "'";
    }

    /** The first paragraph: it holds the table paths as forms. */
    Paragraph tables() {
        return paragraphs.get(0);
    }

    /** A copy under another name (Zeppelin refuses two notes with the same path). */
    Note named(String newName) {
        ObjectNode copy = json.deepCopy();
        copy.put("name", newName);
        return of(file, copy);
    }

    /** A copy whose first paragraph's forms hold {@code values} (Zeppelin's {@code settings.params}). */
    Note withFormValues(Map<String, String> values) {
        ObjectNode copy = json.deepCopy();
        ObjectNode first = (ObjectNode) copy.get("paragraphs").get(0);
        ObjectNode settings = first.get("settings") instanceof ObjectNode s ? s : first.putObject("settings");
        ObjectNode params = settings.putObject("params");
        values.forEach(params::put);
        return of(file, copy);
    }

    /** A copy with paragraph {@code number}'s text replaced. */
    Note withText(int number, String text) {
        ObjectNode copy = json.deepCopy();
        ((ObjectNode) copy.get("paragraphs").get(number - 1)).put("text", text);
        return of(file, copy);
    }

    /** A copy without the paragraphs {@code drop} matches. */
    Note without(Predicate<Paragraph> drop) {
        ObjectNode copy = json.deepCopy();
        ArrayNode kept = JSON.createArrayNode();
        for (Paragraph p : paragraphs) {
            if (!drop.test(p)) {
                kept.add(json.path("paragraphs").get(p.number() - 1).deepCopy());
            }
        }
        copy.set("paragraphs", kept);
        return of(file, copy);
    }

    /** The note as JSON text, as {@code POST /api/notebook/import} takes it. */
    String toJson() {
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
