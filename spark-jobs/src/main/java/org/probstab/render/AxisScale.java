package org.probstab.render;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * How a sweep axis is placed on a chart: evenly spaced values on a linear axis, geometric values (a
 * {@code scale = log} axis) on a logarithmic one, anything else (a list such as N ∈ {3, 4, 8, 100}) at equally
 * spaced positions 0, 1, 2, … labelled with the values, so that every cell of a map has the same size.
 */
public final class AxisScale {

    enum Kind { LINEAR, LOG, INDEX }

    private final double[] values;
    private final Kind kind;

    private AxisScale(double[] values, Kind kind) {
        this.values = values;
        this.kind = kind;
    }

    /** The scale of the distinct, sorted values of an axis. */
    static AxisScale of(double[] distinctSorted) {
        double[] v = distinctSorted;
        if (v.length < 3) {
            return new AxisScale(v, Kind.LINEAR);
        }
        double step = (v[v.length - 1] - v[0]) / (v.length - 1);
        boolean linear = true;
        boolean geometric = v[0] > 0;
        double ratio = geometric ? Math.pow(v[v.length - 1] / v[0], 1.0 / (v.length - 1)) : 0;
        for (int i = 1; i < v.length; i++) {
            linear &= Math.abs(v[i] - v[i - 1] - step) <= 1e-6 * Math.abs(step) + 1e-12;
            geometric &= Math.abs(v[i] / v[i - 1] - ratio) <= 1e-6 * ratio;
        }
        return new AxisScale(v, linear ? Kind.LINEAR : geometric ? Kind.LOG : Kind.INDEX);
    }

    Kind kind() {
        return kind;
    }

    /** Whether every value is an integer (S, N axes). */
    boolean integers() {
        return Arrays.stream(values).allMatch(v -> v == Math.rint(v));
    }

    int size() {
        return values.length;
    }

    /** Where a value goes on the chart's axis (the value itself, or its index for INDEX axes). */
    double position(double value) {
        if (kind != Kind.INDEX) {
            return value;
        }
        int i = Arrays.binarySearch(values, value);
        return i >= 0 ? i : Double.NaN;
    }

    /** Lower end of the axis: half a cell below the first value (a factor for log axes). */
    double min() {
        return switch (kind) {
            case LINEAR -> values.length < 2 ? values[0] - 0.5 : values[0] - 0.5 * (values[1] - values[0]);
            case LOG -> values[0] / Math.sqrt(values[1] / values[0]);
            case INDEX -> -0.5;
        };
    }

    double max() {
        int n = values.length;
        return switch (kind) {
            case LINEAR -> n < 2 ? values[0] + 0.5 : values[n - 1] + 0.5 * (values[n - 1] - values[n - 2]);
            case LOG -> values[n - 1] * Math.sqrt(values[n - 1] / values[n - 2]);
            case INDEX -> n - 0.5;
        };
    }

    /**
     * Tick labels of INDEX axes: the value at an integer position, and an invisible label elsewhere. XChart drops
     * all labels of an axis whose labels are not unique, so the invisible ones are runs of zero-width spaces of
     * different lengths.
     */
    Function<Double, String> tickLabels() {
        return position -> {
            long i = Math.round(position);
            if (kind != Kind.INDEX || Math.abs(position - i) > 1e-9 || i < 0 || i >= values.length) {
                return "\u200B".repeat(1 + (int) Math.floorMod(Math.round(position * 64), 4096L));
            }
            return format(values[(int) i]);
        };
    }

    public static String format(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }
}
