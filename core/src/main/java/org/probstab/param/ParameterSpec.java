package org.probstab.param;

import java.util.List;
import java.util.Locale;
import org.probstab.config.InvalidInputException;

/**
 * One named parameter of a model or estimator with its allowed range: the whitelist entry against which command
 * line values and sweep axes are validated (STYLE 7, 8).
 *
 * @param name         the key users write (λ is {@code lambda}, μ {@code mu}, S {@code S}, N {@code N})
 * @param kind         real, integer, or text
 * @param min          lower bound (numeric kinds)
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          upper bound (numeric kinds); +∞ for none
 * @param allowInfinity whether the literal {@code inf} (+∞) is allowed (N = ∞)
 * @param defaultValue the default as text, or null if the parameter is required
 * @param choices      for text kinds with a fixed vocabulary, the allowed words; empty otherwise
 * @param description  one line for help texts
 */
public record ParameterSpec(String name, Kind kind, double min, boolean minInclusive, double max,
                            boolean allowInfinity, String defaultValue, List<String> choices, String description) {

    /** The value kinds. */
    public enum Kind { REAL, INTEGER, TEXT }

    public ParameterSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must be given");
        }
        choices = List.copyOf(choices);
    }

    public static ParameterSpec real(String name, double min, boolean minInclusive, double max, String defaultValue,
                                     String description) {
        return new ParameterSpec(name, Kind.REAL, min, minInclusive, max, false, defaultValue, List.of(), description);
    }

    public static ParameterSpec integer(String name, long min, long max, boolean allowInfinity, String defaultValue,
                                        String description) {
        return new ParameterSpec(name, Kind.INTEGER, min, true, max, allowInfinity, defaultValue, List.of(),
                description);
    }

    public static ParameterSpec text(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.TEXT, Double.NaN, false, Double.NaN, false, defaultValue, List.of(),
                description);
    }

    public static ParameterSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParameterSpec(name, Kind.TEXT, Double.NaN, false, Double.NaN, false, defaultValue, choices,
                description);
    }

    public boolean numeric() {
        return kind != Kind.TEXT;
    }

    public boolean required() {
        return defaultValue == null;
    }

    /** The allowed range in words, e.g. "(0, inf)", "integers in [1, inf] (inf allowed)", "with|without". */
    public String allowed() {
        switch (kind) {
            case TEXT:
                return choices.isEmpty() ? "any text" : String.join("|", choices);
            case INTEGER:
                return "integers in [" + fmt(min) + ", " + fmt(max) + "]" + (allowInfinity ? " or inf" : "");
            default:
                return (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + (Double.isInfinite(max) ? ")" : "]");
        }
    }

    /** Parses and range-checks a numeric value given as text ({@code inf} → +∞ where allowed). */
    public double parseNumber(String raw) {
        if (!numeric()) {
            throw new IllegalStateException(name + " is not numeric");
        }
        String s = raw.trim();
        double v;
        if (s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity") || s.equals("∞")) {
            v = Double.POSITIVE_INFINITY;
        } else {
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw InvalidInputException.notANumber(name, raw, allowed());
            }
        }
        return check(v);
    }

    /** Range-checks a numeric value. */
    public double check(double v) {
        if (Double.isNaN(v)) {
            throw InvalidInputException.outOfRange(name, fmt(v), allowed());
        }
        if (Double.isInfinite(v)) {
            if (v > 0 && allowInfinity) {
                return v;
            }
            throw InvalidInputException.outOfRange(name, fmt(v), allowed());
        }
        boolean aboveMin = minInclusive ? v >= min : v > min;
        if (!aboveMin || v > max) {
            throw InvalidInputException.outOfRange(name, fmt(v), allowed());
        }
        if (kind == Kind.INTEGER && v != Math.rint(v)) {
            throw InvalidInputException.outOfRange(name, fmt(v), allowed());
        }
        return v;
    }

    /** Checks a text value against the vocabulary. */
    public String checkText(String raw) {
        if (numeric()) {
            throw new IllegalStateException(name + " is numeric");
        }
        if (!choices.isEmpty() && !choices.contains(raw)) {
            throw InvalidInputException.outOfRange(name, "'" + raw + "'", allowed());
        }
        return raw;
    }

    static String fmt(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (v == Math.rint(v)) {
            // 1e100, not 1.0E100
            return Double.toString(v).replace(".0E", "e").replace("E", "e");
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
