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
 * @param grid   how a from/to/steps axis was made (its values follow from it), or null for a list
 */
public record Axis(String name, List<Object> values, Grid grid) implements java.io.Serializable {

    /**
     * The recipe of a from/to/steps axis: its values are {@link #value}(i), i = 0 … steps − 1, with repeats of
     * rounded integer values dropped. Adaptive refinement places finer points with the same formula.
     *
     * @param from    first value
     * @param to      last value (≥ from)
     * @param steps   number of grid points before integer de-duplication (≥ 1)
     * @param scale   linear or log spacing
     * @param integer whether values are rounded to integers
     */
    public record Grid(double from, double to, long steps, Scale scale, boolean integer)
            implements java.io.Serializable {

        public Grid {
            if (steps < 1 || !(from <= to) || scale == null || (scale == Scale.LOG && !(from > 0))) {
                throw new IllegalArgumentException("grid needs steps >= 1, from <= to and from > 0 on a log scale,"
                        + " got " + from + ".." + to + " in " + steps + " " + scale);
            }
        }

        /**
         * The value at position i of the grid (0 ≤ i &lt; steps, exact below 2⁵³): from + (to − from)·i/(steps − 1)
         * (linear) or from·(to/from)^{i/(steps − 1)} (log), the last one exactly {@code to}, rounded for integer
         * parameters. The one formula of every grid point, so a point of a refined grid is bit-identical to the same
         * point of a uniform grid with more steps.
         */
        public double value(long i) {
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
            return integer ? Math.rint(x) : x;
        }

        /** The same recipe with another number of steps. */
        public Grid withSteps(long newSteps) {
            return new Grid(from, to, newSteps, scale, integer);
        }
    }

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

    /** A list axis: the values as given. */
    public Axis(String name, List<Object> values) {
        this(name, values, null);
    }

    /** The grid of a from/to/steps axis (arguments already validated: steps ≥ 1, from ≤ to, log needs from > 0). */
    public static Axis grid(String name, double from, double to, int steps, Scale scale, boolean integer) {
        Grid grid = new Grid(from, to, steps, scale, integer);
        List<Object> out = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            out.add(grid.value(i));
        }
        return new Axis(name, new ArrayList<>(new LinkedHashSet<>(out)), grid);
    }

    /** Whether this axis is a from/to/steps grid (as opposed to a list of values). */
    public boolean isGrid() {
        return grid != null;
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
