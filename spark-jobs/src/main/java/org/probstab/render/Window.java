package org.probstab.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.probstab.config.InvalidInputException;

/**
 * A zoom window of a picture: a closed range per axis ({@code --window lambda=a:b,mu=c:d}); axes not named are not
 * limited. What a window does not contain is not drawn, and the axes span exactly the window.
 *
 * @param ranges axis name → {lo, hi}, lo &lt; hi
 */
public record Window(Map<String, double[]> ranges) {

    /** No window: everything is drawn. */
    public static final Window NONE = new Window(Map.of());

    public Window {
        Map<String, double[]> copy = new LinkedHashMap<>();
        ranges.forEach((k, v) -> copy.put(k, v.clone()));
        ranges = Collections.unmodifiableMap(copy);
    }

    /** Parses {@code axis=lo:hi[,axis=lo:hi…]}; null or blank is {@link #NONE}. */
    public static Window parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            String[] ab = kv.length == 2 ? kv[1].split(":", 2) : new String[0];
            double lo;
            double hi;
            try {
                lo = ab.length == 2 ? Double.parseDouble(ab[0].trim()) : Double.NaN;
                hi = ab.length == 2 ? Double.parseDouble(ab[1].trim()) : Double.NaN;
            } catch (NumberFormatException e) {
                lo = Double.NaN;
                hi = Double.NaN;
            }
            if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi) || kv[0].isBlank()
                    || m.containsKey(kv[0].trim())) {
                throw InvalidInputException.outOfRange("--window", part, "AXIS=LO:HI with finite LO < HI, each axis"
                        + " once, e.g. lambda=1.2:1.2001,mu=0.4:0.5");
            }
            m.put(kv[0].trim(), new double[] {lo, hi});
        }
        return new Window(m);
    }

    public boolean isNone() {
        return ranges.isEmpty();
    }

    /** The range of an axis, or null. */
    public double[] range(String axis) {
        double[] r = ranges.get(axis);
        return r == null ? null : r.clone();
    }

    /** Whether [lo, hi] on an axis meets the window (true for an axis the window does not limit). */
    public boolean meets(String axis, double lo, double hi) {
        double[] r = ranges.get(axis);
        return r == null || (hi >= r[0] && lo <= r[1]);
    }

    /** Whether a value on an axis is inside the window. */
    public boolean contains(String axis, double v) {
        return meets(axis, v, v);
    }
}
