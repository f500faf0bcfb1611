package org.probstab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * One axis of a sweep: a parameter name and its values in sweep order (DESIGN §3). A value is a {@link Double}
 * (N = ∞ is {@code +∞}) or, for a text parameter, a {@link String}. Grids along an axis are built here:
 *
 * <ul>
 *   <li>linear: x_i = from + (to − from)·i/(steps − 1), i = 0 … steps − 1 (x_{steps−1} = to exactly);</li>
 *   <li>log: x_i = from·(to/from)^{i/(steps − 1)} (x_{steps−1} = to exactly);</li>
 *   <li>integer parameters (S, N, …) round every grid point to the nearest integer and drop repeats, so a
 *       log grid of S from 1 to 1000 has fewer than {@code steps} points at its lower end.</li>
 * </ul>
 *
 * @param name   the parameter this axis sets
 * @param values the values, in order, without repeats
 */
public record Axis(String name, List<Object> values) implements java.io.Serializable {

    /** Grid spacing of a from/to/steps axis. */
    public enum Scale {
        LINEAR, LOG;

        public static Scale parse(String key, String raw) {
            return switch (raw) {
                case "linear" -> LINEAR;
                case "log" -> LOG;
                default -> throw org.probstab.config.InvalidInputException.outOfRange(key, "'" + raw + "'",
                        "linear|log");
            };
        }
    }

    public Axis {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("axis " + name + " has no values");
        }
        values = List.copyOf(values);
    }

    /** The grid of a from/to/steps axis (arguments already validated: steps ≥ 1, from ≤ to, log needs from > 0). */
    public static Axis grid(String name, double from, double to, int steps, Scale scale, boolean integer) {
        List<Object> out = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            double x;
            if (steps == 1) {
                x = from;
            } else if (i == steps - 1) {
                x = to;
            } else if (scale == Scale.LOG) {
                x = from * Math.pow(to / from, (double) i / (steps - 1));
            } else {
                x = from + (to - from) * i / (steps - 1);
            }
            out.add(integer ? Math.rint(x) : x);
        }
        return new Axis(name, new ArrayList<>(new LinkedHashSet<>(out)));
    }

    public int size() {
        return values.size();
    }

    public Object value(int index) {
        return values.get(index);
    }

    /** A value as it is written in configs and manifests ({@code inf} for +∞, integers without ".0"). */
    public static String format(Object v) {
        if (v instanceof Double d) {
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return String.format(Locale.ROOT, "%s", d);
        }
        return String.valueOf(v);
    }
}
