package org.probstab.render;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import org.probstab.stability.Phase;

/**
 * Fixed, colour-blind-safe colours: one per {@link Phase} (Okabe &amp; Ito 2008, "Color Universal Design"), and a
 * diverging blue–white–red scale (ColorBrewer RdBu, colour-blind safe) for signed numeric columns. The same phase
 * has the same colour in every figure; {@code undetermined} is black so that it stands out on any neighbour.
 */
public final class PhasePalette {

    private static final Map<String, Color> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put(Phase.IA.label(), new Color(0x009E73));       // bluish green: correct learning, L2 stable
        PHASES.put(Phase.IB.label(), new Color(0x56B4E9));       // sky blue: correct learning in probability only
        PHASES.put(Phase.II.label(), new Color(0xE69F00));       // orange: learning the wrong sign
        PHASES.put(Phase.III.label(), new Color(0xCC79A7));      // reddish purple: collapse onto the saddle
        PHASES.put(Phase.IV.label(), new Color(0xD55E00));       // vermillion: completely unstable
        PHASES.put(Phase.STABLE.label(), new Color(0x0072B2));   // blue
        PHASES.put(Phase.UNSTABLE.label(), new Color(0xF0E442)); // yellow
        PHASES.put(Phase.UNDETERMINED.label(), Color.BLACK);
    }

    /** RdBu, 10 classes, from most negative (blue) to most positive (red). */
    static final Color[] DIVERGING = {
        new Color(0x053061), new Color(0x2166AC), new Color(0x4393C3), new Color(0x92C5DE), new Color(0xD1E5F0),
        new Color(0xFDDBC7), new Color(0xF4A582), new Color(0xD6604D), new Color(0xB2182B), new Color(0x67001F)};

    /** The colour of −∞ (almost-sure collapse) in continuous maps. */
    static final Color MINUS_INFINITY = Color.BLACK;

    private PhasePalette() {
    }

    /** The colour of a phase label; unknown labels are grey. */
    public static Color color(String phase) {
        return PHASES.getOrDefault(phase, Color.GRAY);
    }

    /** Phase labels in legend order. */
    public static Iterable<String> labels() {
        return PHASES.keySet();
    }

    /** A short legend text for a phase label. */
    public static String legend(String phase) {
        return switch (phase) {
            case "Ia" -> "Ia  correct, L2-stable";
            case "Ib" -> "Ib  correct in prob. only";
            case "II" -> "II  wrong sign";
            case "III" -> "III collapse to saddle";
            case "IV" -> "IV  unstable";
            case "stable" -> "stable (Λ < 0)";
            case "unstable" -> "unstable (Λ > 0)";
            case "undetermined" -> "undetermined (|Λ| < z·SE)";
            default -> phase;
        };
    }
}
