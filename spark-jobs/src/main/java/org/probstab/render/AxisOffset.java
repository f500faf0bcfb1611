package org.probstab.render;

import java.util.Locale;

/**
 * How a narrow axis is drawn: as (v − origin)/unit with a title saying so ("λ − 1.48985, in 10⁻⁶"). XChart's tick
 * placement breaks down on axes only ~10⁻⁴ wide (ticks land on every data value), and labels of ten significant
 * digits would not be readable anyway; an axis spanning 0.01 or more is drawn as it is ({@link #NONE}).
 *
 * @param origin subtracted from every value (a multiple of the unit)
 * @param unit   the power of ten values are divided by
 */
record AxisOffset(double origin, double unit) {

    static final AxisOffset NONE = new AxisOffset(0, 1);

    /** The offset for an axis from lo to hi. */
    static AxisOffset of(double lo, double hi) {
        double span = hi - lo;
        if (!(span > 0) || span >= 0.01) {
            return NONE;
        }
        double unit = Math.pow(10, Math.floor(Math.log10(span)) - 1);
        // A round origin: lo rounded down to a multiple of the unit.
        return new AxisOffset(Math.floor(lo / unit) * unit, unit);
    }

    double apply(double v) {
        return (v - origin) / unit;
    }

    double[] apply(double[] range) {
        return new double[] {apply(range[0]), apply(range[1])};
    }

    /** A size (a width along the axis) in drawn units. */
    double size(double s) {
        return s / unit;
    }

    /** The axis title for a base title. */
    String title(String base) {
        if (this.equals(NONE)) {
            return base;
        }
        int e = (int) Math.round(Math.log10(unit));
        return String.format(Locale.ROOT, "%s − %s, in 10%s", base, new java.math.BigDecimal(origin).round(
                new java.math.MathContext(12)).stripTrailingZeros().toPlainString(), superscript(e));
    }

    private static String superscript(int e) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder(e < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
    }
}
