package org.probstab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

/**
 * A theory curve drawn over a map: one legend entry, possibly several disconnected branches, in data coordinates
 * (x = λ, y = the value of the y axis).
 *
 * @param label    legend text
 * @param color    line colour
 * @param stroke   line style
 * @param branches each branch a list of {x, y} points, in drawing order
 */
public record OverlayLine(String label, Color color, BasicStroke stroke, List<List<double[]>> branches) {

    public OverlayLine {
        branches = List.copyOf(branches);
    }

    public static BasicStroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    public static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f);
    }

    public static BasicStroke dotted(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 5f}, 0f);
    }
}
