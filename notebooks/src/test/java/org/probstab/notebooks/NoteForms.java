package org.probstab.notebooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Zeppelin does to a paragraph's text before Spark sees it, redone here so that the notes' SQL can also run on
 * the project's Spark: the dynamic forms ({@code z.textbox("name", "default")} in Scala, {@code ${name=default}} in
 * any paragraph), the interpolation of {@code {name}} from the resource pool ({@code z.put}) in
 * {@code %spark.sql(interpolate=true)}, and the split of a SQL paragraph into statements.
 */
final class NoteForms {

    /** {@code z.textbox("name", "default")} (or the older {@code z.input}) with string literals. */
    static final Pattern SCALA_INPUT = Pattern.compile(
            "z\\.(?:textbox|input)\\(\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"\\s*\\)");

    /** {@code z.put("name", value)}. */
    static final Pattern SCALA_PUT = Pattern.compile("z\\.put\\(\\s*\"([^\"]*)\"\\s*,");

    /** Zeppelin's form pattern (org.apache.zeppelin.display.Input.VAR_PTN, paragraph forms). */
    static final Pattern FORM = Pattern.compile("([_])?[$][{]([^=}]*([=][^}]*)?)[}]");

    /** A form this resolver understands: a text box {@code name} or {@code name=default}. */
    static final Pattern TEXTBOX = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?", Pattern.DOTALL);

    /** Zeppelin's interpolation patterns (org.apache.zeppelin.interpreter.AbstractInterpreter). */
    private static final Pattern VARIABLES = Pattern.compile("([^{}]*)([{]+[^{}]*[}]+)(.*)", Pattern.DOTALL);
    private static final Pattern VARIABLE_IN_BRACES = Pattern.compile("[{][^{}]+[}]");
    private static final Pattern VARIABLE_IN_DOUBLE_BRACES = Pattern.compile("[{]{2}[^{}]+[}]{2}");

    private NoteForms() {
    }

    /** The Scala paragraph's text boxes, name → default, in order. */
    static Map<String, String> scalaInputs(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher x = SCALA_INPUT.matcher(text);
        while (x.find()) {
            m.put(x.group(1), x.group(2));
        }
        return m;
    }

    /** The names a Scala paragraph publishes with {@code z.put}. */
    static List<String> scalaPuts(String text) {
        List<String> names = new ArrayList<>();
        Matcher x = SCALA_PUT.matcher(text);
        while (x.find()) {
            names.add(x.group(1));
        }
        return names;
    }

    /** The {@code ${...}} forms of a text, as written (without {@code ${ }}). */
    static List<String> forms(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = FORM.matcher(text);
        while (m.find()) {
            found.add(m.group(2));
        }
        return found;
    }

    /**
     * The text with every {@code ${name=default}} replaced by {@code values.get(name)}, else its default (Zeppelin's
     * {@code Input.getSimpleQuery} for text boxes).
     *
     * @throws IllegalArgumentException for a form that is not a text box
     */
    static String resolveForms(String text, Map<String, String> values) {
        Matcher m = FORM.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Matcher box = TEXTBOX.matcher(m.group(2));
            if (m.group(1) != null || !box.matches()) {
                throw new IllegalArgumentException("unsupported form ${" + m.group(2) + "}: only text boxes ${name=default}");
            }
            String value = values.getOrDefault(box.group(1), box.group(2) == null ? "" : box.group(2));
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Zeppelin's interpolation: {@code {name}} → the value of {@code name}, {@code {{text}}} → {@code {text}}; if any
     * name has no value, or braces do not pair, the text is left exactly as it was (as Zeppelin does).
     */
    static String interpolate(String cmd, Map<String, String> pool) {
        StringBuilder sb = new StringBuilder();
        String st = cmd;
        Matcher m;
        while ((m = VARIABLES.matcher(st)).matches()) {
            sb.append(m.group(1));
            String varPat = m.group(2);
            if (VARIABLE_IN_BRACES.matcher(varPat).matches()) {
                String value = pool.get(varPat.substring(1, varPat.length() - 1));
                if (value == null) {
                    return cmd;
                }
                sb.append(value);
            } else if (VARIABLE_IN_DOUBLE_BRACES.matcher(varPat).matches()) {
                sb.append('{').append(varPat, 2, varPat.length() - 2).append('}');
            } else {
                return cmd;
            }
            st = m.group(3);
        }
        return sb.append(st).toString();
    }

    /**
     * A SQL paragraph's statements: split at {@code ;} outside quotes ({@code ' " `}) and comments ({@code --},
     * {@code /* * /}); statements that are only blanks and comments are dropped.
     */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean onlyComments = true;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && quote != '`' && next != 0) {
                    cur.append(next);
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '-' && next == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                cur.append(sql, i, end);
                i = end - 1;
            } else if (c == '/' && next == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                cur.append(sql, i, end);
                i = end - 1;
            } else if (c == ';') {
                if (!onlyComments) {
                    out.add(cur.toString().strip());
                }
                cur.setLength(0);
                onlyComments = true;
            } else {
                if (c == '\'' || c == '"' || c == '`') {
                    quote = c;
                }
                if (!Character.isWhitespace(c)) {
                    onlyComments = false;
                }
                cur.append(c);
            }
        }
        if (!onlyComments) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
