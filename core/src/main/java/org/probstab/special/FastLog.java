package org.probstab.special;

/**
 * A table-driven natural logarithm for the exponent loops: faster than {@link Math#log} one value at a time and
 * more so in bulk ({@link #logAll}, whose second pass the JIT vectorises; the README has the measured numbers), and
 * bit-reproducible on every JVM (only +, −, ×, bit operations and a table computed once by {@link StrictMath#log},
 * all of which Java evaluates exactly as IEEE 754 prescribes; {@code Math.log} is an intrinsic that may differ
 * between platforms by an ulp).
 *
 * <p>Method (the classical table + polynomial scheme; Tang, ACM TOMS 16 (1990); Muller, <i>Elementary
 * Functions</i>, ch. 6). For a positive normal x with bit pattern {@code ix}, subtracting the offset {@code OFF}
 * from the bits splits x = 2^k · z with z in [0.68726, 1.37451) (x near 1 gets k = 0); the next 10 bits pick
 * one of 1024 subintervals, whose bit-midpoint c has at most 12 significant bits, so z − c is exact
 * (Sterbenz). Then
 * <pre>
 *   log x = k·ln 2 + log c + log1p(r),   r = (z − c)·RN(1/c),   |r| ≤ 2⁻¹¹,
 *   log1p(r) ≈ r − r²/2 + r³/3 − r⁴/4 + r⁵/5          (truncation |r|⁶/6 ≤ 2⁻⁶⁸·⁶),
 * </pre>
 * with RN(1/c) and log c (StrictMath, &lt; 1 ulp) tabulated at class initialisation. x = 1 is the midpoint of its
 * own subinterval, so on [1 − 2⁻¹², 1 + 2⁻¹¹) c = 1, log c = 0 and r = x − 1 exactly: relative accuracy holds
 * near 1 too. Error: ≤ 2 ulp of the result from {@code StrictMath.log} (checked by {@code FastLogTest} on
 * random normal, subnormal and near-1 arguments).
 */
public final class FastLog {

    private static final int TABLE_BITS = 10;
    private static final int SHIFT = 52 - TABLE_BITS;
    /** Bits of 0.687255859375: the lower end of the reduced range, chosen so that 1.0 is a subinterval midpoint. */
    private static final long OFF = 0x3FE5FE0000000000L;
    private static final long EXPONENT_MASK = 0xFFF0000000000000L;
    private static final long INDEX_MASK = ((1L << TABLE_BITS) - 1) << SHIFT;
    private static final long HALF_WIDTH = 1L << (SHIFT - 1);
    private static final long MIN_NORMAL_BITS = 0x0010000000000000L;
    private static final long MAX_FINITE_BITS = 0x7FEFFFFFFFFFFFFFL;
    private static final double C3 = 1.0 / 3;

    /** Row i: RN(1/c_i), log c_i. */
    private static final double[] TABLE = new double[2 << TABLE_BITS];

    static {
        for (int i = 0; i < 1 << TABLE_BITS; i++) {
            double c = Double.longBitsToDouble(OFF + ((long) i << SHIFT) + HALF_WIDTH);
            TABLE[2 * i] = 1.0 / c;
            TABLE[2 * i + 1] = StrictMath.log(c);
        }
    }

    private FastLog() {
    }

    /** log x for any double, with the special values of {@link Math#log} (−∞ at ±0, NaN below 0, +∞ at +∞). */
    public static double log(double x) {
        long ix = Double.doubleToRawLongBits(x);
        if (ix < MIN_NORMAL_BITS || ix > MAX_FINITE_BITS) {
            return special(x, ix);
        }
        long tmp = ix - OFF;
        int row = (int) (tmp >>> (SHIFT - 1)) & (((1 << TABLE_BITS) - 1) << 1);
        double z = Double.longBitsToDouble(ix - (tmp & EXPONENT_MASK));
        double c = Double.longBitsToDouble(OFF + (tmp & INDEX_MASK) + HALF_WIDTH);
        double r = (z - c) * TABLE[row];
        double base = (double) (tmp >> 52) * Constants.LN2 + TABLE[row + 1];
        return base + log1pKernel(r);
    }

    /**
     * out[i] = log x[i] for from ≤ i &lt; to, in two passes (a scalar reduction, then a polynomial pass the JIT
     * vectorises); bit-identical to {@link #log} element by element. Returns false, leaving {@code out[from, to)}
     * unspecified, if some x[i] is not a positive normal finite double (0, subnormal, infinite, negative or NaN):
     * the caller then takes its careful path.
     *
     * @param scratch at least {@code to} doubles; [from, to) is overwritten
     */
    public static boolean logAll(double[] x, int from, int to, double[] out, double[] scratch) {
        long flags = 0;
        for (int i = from; i < to; i++) {
            long ix = Double.doubleToRawLongBits(x[i]);
            flags |= (ix - MIN_NORMAL_BITS) | (MAX_FINITE_BITS - ix);
            long tmp = ix - OFF;
            int row = (int) (tmp >>> (SHIFT - 1)) & (((1 << TABLE_BITS) - 1) << 1);
            double z = Double.longBitsToDouble(ix - (tmp & EXPONENT_MASK));
            double c = Double.longBitsToDouble(OFF + (tmp & INDEX_MASK) + HALF_WIDTH);
            scratch[i] = (z - c) * TABLE[row];
            out[i] = (double) (tmp >> 52) * Constants.LN2 + TABLE[row + 1];
        }
        for (int i = from; i < to; i++) {
            double r = scratch[i];
            double r2 = r * r;
            out[i] = out[i] + (r + r2 * ((-0.5 + r * C3) + r2 * (-0.25 + r * 0.2)));
        }
        return flags >= 0;
    }

    /** log1p(r) for |r| ≤ 2⁻¹¹; the same expression as the second pass of {@link #logAll}. */
    private static double log1pKernel(double r) {
        double r2 = r * r;
        return r + r2 * ((-0.5 + r * C3) + r2 * (-0.25 + r * 0.2));
    }

    private static double special(double x, long ix) {
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (ix < 0 || x != x) {
            return Double.NaN;
        }
        if (ix > MAX_FINITE_BITS) {
            return x;
        }
        // Positive subnormal: 2^54·x is normal.
        return log(x * 0x1p54) - 54 * Constants.LN2;
    }
}
