package org.probstab.boundary;

import java.util.Arrays;

/**
 * f(λ) = Σ_k w_k log|1 − λc_k| for atoms (c_k, w_k), prepared for {@link PoleBracketing}: Λ₋ is c = χ_B, Λ₊ is
 * c = −χ_B (DESIGN §2). Atoms with c = 0 are dropped (their term is 0).
 *
 * <p><b>Layout.</b> Atoms are split into weight classes (atoms of exactly equal weight: one class at S = 1, one
 * per multinomial coefficient at S &gt; 1), each an array sorted in pole order (the pole of c is λ = 1/c; ascending
 * 1/c is descending c among negatives, then descending c among positives). Equal c are one <i>pole group</i>
 * g with total weight W_g; for every group and class the index range of its atoms is kept, so the sum without a
 * group's terms, R_g(λ) = f(λ) − W_g log|1 − λc_g|, costs one pass that skips a range.
 *
 * <p><b>Evaluation.</b> Each factor is 1 − λc formed with one fused multiply-add, so it is the correctly rounded
 * factor of the double λ, even next to a pole (no cancellation). Within a class Σ log|x_k| = log Π|x_k| is
 * taken as ln 2 · Σ (binary exponents) + log Π (mantissas in [1, 2)), with two interleaved mantissa products
 * renormalised every 64 factors and one logarithm at the end (as {@code ExactFiniteSum.exponentOnly}): the
 * rounding error is ≤ (n + 2) ulp of 1 in the log of the product, i.e. ~n·1.1e-16·w in f for n atoms of weight
 * w — a few 1e-16 for the laws used here. Near λ = 0 (|λ|·max|c| ≤ 1/8) the terms are taken as log1p(−λc)
 * instead, so f keeps its relative accuracy where it is small. A factor that is exactly 0 (λc = 1 exactly) gives
 * −∞; zero, subnormal or overflowing factors take a careful per-term path.
 *
 * <p>The first and second derivatives are f'(λ) = Σ w (−c)/(1 − λc) and f''(λ) = −Σ w c²/(1 − λc)² &lt; 0: every
 * term is concave between its poles, so f is strictly concave on every interval between consecutive poles.
 *
 * <p>Not thread-safe (a small scratch array); one instance per thread and row.
 */
final class LogFactorSum {

    private static final long ABS_MASK = 0x7FFFFFFFFFFFFFFFL;
    private static final long MANTISSA_MASK = 0x000FFFFFFFFFFFFFL;
    private static final long ONE_BITS = 0x3FF0000000000000L;
    private static final long MIN_NORMAL_BITS = 0x0010000000000000L;
    private static final long MAX_FINITE_BITS = 0x7FEFFFFFFFFFFFFFL;
    private static final double LN2 = 0x1.62e42fefa39efp-1;
    /** Factors per renormalisation of the mantissa products: 32 per product stay below 2³². */
    private static final int BLOCK = 64;
    /** Below this |λ|·max|c| the terms are taken as log1p(−λc). */
    private static final double NEAR_ZERO = 0.125;

    /** Weight of each class. */
    private final double[] classWeight;
    /** Coefficients c of each class, in pole order. */
    private final double[][] coefficients;
    /** Distinct c ≠ 0 in pole order. */
    private final double[] groupCoefficient;
    private final double[] groupWeight;
    /** 1/c_g as a double-double: hi = RN(1/c), lo = (1 − hi·c)/c. */
    private final double[] poleHi;
    private final double[] poleLo;
    private final double[] logAbsCoefficient;
    /** [class][group]: the range of the group's atoms in that class (empty when it has none). */
    private final int[][] groupStart;
    private final int[][] groupEnd;
    private final double maxAbsCoefficient;
    private final double totalWeight;
    private final double[] scratch = new double[3];

    /**
     * @param values  χ_B of the atoms
     * @param weights their weights (&gt; 0)
     * @param sign    +1 for Λ₋ (c = χ), −1 for Λ₊ (c = −χ)
     */
    LogFactorSum(double[] values, double[] weights, double sign) {
        // Classes: the distinct weights.
        double[] distinct = weights.clone();
        Arrays.sort(distinct);
        int classes = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[classes++] = distinct[i];
            }
        }
        classWeight = Arrays.copyOf(distinct, classes);
        int[] classSize = new int[classes];
        int[] classOf = new int[values.length];
        int kept = 0;
        double total = 0;
        double maxAbs = 0;
        for (int k = 0; k < values.length; k++) {
            if (values[k] == 0) {
                classOf[k] = -1;
                continue;
            }
            int q = Arrays.binarySearch(classWeight, weights[k]);
            classOf[k] = q;
            classSize[q]++;
            kept++;
            total += weights[k];
            maxAbs = Math.max(maxAbs, Math.abs(values[k]));
        }
        totalWeight = total;
        maxAbsCoefficient = maxAbs;
        coefficients = new double[classes][];
        for (int q = 0; q < classes; q++) {
            coefficients[q] = new double[classSize[q]];
        }
        double[] all = new double[kept];
        int[] fill = new int[classes];
        int next = 0;
        for (int k = 0; k < values.length; k++) {
            if (classOf[k] >= 0) {
                double c = sign * values[k];
                coefficients[classOf[k]][fill[classOf[k]]++] = c;
                all[next++] = c;
            }
        }
        for (int q = 0; q < classes; q++) {
            toPoleOrder(coefficients[q]);
        }
        toPoleOrder(all);
        int groups = 0;
        for (int i = 0; i < kept; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[groups++] = all[i];
            }
        }
        groupCoefficient = Arrays.copyOf(all, groups);
        groupWeight = new double[groups];
        groupStart = new int[classes][groups];
        groupEnd = new int[classes][groups];
        for (int q = 0; q < classes; q++) {
            double[] cs = coefficients[q];
            int i = 0;
            for (int g = 0; g < groups; g++) {
                groupStart[q][g] = i;
                while (i < cs.length && cs[i] == groupCoefficient[g]) {
                    i++;
                }
                groupEnd[q][g] = i;
                groupWeight[g] += (i - groupStart[q][g]) * classWeight[q];
            }
        }
        poleHi = new double[groups];
        poleLo = new double[groups];
        logAbsCoefficient = new double[groups];
        for (int g = 0; g < groups; g++) {
            double c = groupCoefficient[g];
            double hi = 1.0 / c;
            poleHi[g] = hi;
            poleLo[g] = Math.fma(-hi, c, 1.0) / c; // the remainder of a correctly rounded quotient is exact
            logAbsCoefficient[g] = Math.log(Math.abs(c));
        }
    }

    /** Sorts non-zero coefficients into pole order: negatives by descending c, then positives by descending c. */
    private static void toPoleOrder(double[] c) {
        Arrays.sort(c);
        int negatives = 0;
        while (negatives < c.length && c[negatives] < 0) {
            negatives++;
        }
        reverse(c, 0, negatives);
        reverse(c, negatives, c.length);
    }

    private static void reverse(double[] a, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** −1, 0, +1 as the pole 1/a comes before, with, after the pole 1/b (a, b ≠ 0). */
    static int comparePoleOrder(double a, double b) {
        boolean aPositive = a > 0;
        boolean bPositive = b > 0;
        if (aPositive != bPositive) {
            return aPositive ? 1 : -1;
        }
        return Double.compare(b, a); // on each side 1/c decreases as c grows
    }

    int groups() {
        return groupCoefficient.length;
    }

    double groupCoefficient(int g) {
        return groupCoefficient[g];
    }

    double groupWeight(int g) {
        return groupWeight[g];
    }

    double poleHi(int g) {
        return poleHi[g];
    }

    double poleLo(int g) {
        return poleLo[g];
    }

    double logAbsCoefficient(int g) {
        return logAbsCoefficient[g];
    }

    double totalWeight() {
        return totalWeight;
    }

    /** f(λ). */
    double value(double lambda) {
        return valueExcept(-1, lambda);
    }

    /** R_g(λ) = Σ over atoms not in group g of w log|1 − λc|; g = −1 excludes nothing. */
    double valueExcept(int g, double lambda) {
        if (Math.abs(lambda) * maxAbsCoefficient <= NEAR_ZERO) {
            return nearZero(g, lambda);
        }
        double sum = 0;
        for (int q = 0; q < classWeight.length; q++) {
            double[] cs = coefficients[q];
            double s;
            if (g < 0) {
                s = logProduct(cs, 0, cs.length, lambda);
            } else {
                s = logProduct(cs, 0, groupStart[q][g], lambda) + logProduct(cs, groupEnd[q][g], cs.length, lambda);
            }
            sum += classWeight[q] * s;
        }
        return sum;
    }

    /** R_g'(λ) alone (g = −1: f'(λ)), without logarithms. λ must not be a pole of the included terms. */
    double slopeExcept(int g, double lambda) {
        double d1 = 0;
        for (int q = 0; q < classWeight.length; q++) {
            double[] cs = coefficients[q];
            int to1 = g < 0 ? cs.length : groupStart[q][g];
            int from2 = g < 0 ? cs.length : groupEnd[q][g];
            double a = 0;
            double b = 0;
            for (int i = 0; i < to1; i++) {
                a -= cs[i] / Math.fma(-lambda, cs[i], 1.0);
            }
            for (int i = from2; i < cs.length; i++) {
                b -= cs[i] / Math.fma(-lambda, cs[i], 1.0);
            }
            d1 += classWeight[q] * (a + b);
        }
        return d1;
    }

    /**
     * f (or R_g when g ≥ 0) with its first two derivatives at λ, into out[0..2], in one pass. λ must not be a pole
     * of the included terms.
     */
    void derivatives(int g, double lambda, double[] out) {
        boolean nearZero = Math.abs(lambda) * maxAbsCoefficient <= NEAR_ZERO;
        double value = 0;
        double d1 = 0;
        double d2 = 0;
        double[] partial = scratch;
        for (int q = 0; q < classWeight.length; q++) {
            double[] cs = coefficients[q];
            partial[0] = 0;
            partial[1] = 0;
            partial[2] = 0;
            if (g < 0) {
                withDerivatives(cs, 0, cs.length, lambda, partial);
            } else {
                withDerivatives(cs, 0, groupStart[q][g], lambda, partial);
                withDerivatives(cs, groupEnd[q][g], cs.length, lambda, partial);
            }
            value += classWeight[q] * partial[0];
            d1 += classWeight[q] * partial[1];
            d2 += classWeight[q] * partial[2];
        }
        out[0] = nearZero ? nearZero(g, lambda) : value;
        out[1] = d1;
        out[2] = d2;
    }

    /**
     * Adds Σ log|1 − λc_i|, Σ −c_i/(1 − λc_i) and −Σ (c_i/(1 − λc_i))² over [from, to) to acc[0..2]: the same
     * exponent-and-mantissa scheme as {@link #logProduct}, with the derivative terms from the same factors.
     */
    static void withDerivatives(double[] c, int from, int to, double lambda, double[] acc) {
        long exponents = 0;
        long flags = 0;
        double product0 = 1;
        double product1 = 1;
        double a1 = 0;
        double a2 = 0;
        double b1 = 0;
        double b2 = 0;
        int i = from;
        while (i < to) {
            int end = Math.min(to, i + BLOCK);
            for (; i + 1 < end; i += 2) {
                double x0 = Math.fma(-lambda, c[i], 1.0);
                double x1 = Math.fma(-lambda, c[i + 1], 1.0);
                double r0 = c[i] / x0;
                double r1 = c[i + 1] / x1;
                a1 -= r0;
                a2 -= r0 * r0;
                b1 -= r1;
                b2 -= r1 * r1;
                long bits0 = Double.doubleToRawLongBits(x0) & ABS_MASK;
                long bits1 = Double.doubleToRawLongBits(x1) & ABS_MASK;
                flags |= (bits0 - MIN_NORMAL_BITS) | (MAX_FINITE_BITS - bits0)
                        | (bits1 - MIN_NORMAL_BITS) | (MAX_FINITE_BITS - bits1);
                exponents += (bits0 >>> 52) + (bits1 >>> 52);
                product0 *= Double.longBitsToDouble((bits0 & MANTISSA_MASK) | ONE_BITS);
                product1 *= Double.longBitsToDouble((bits1 & MANTISSA_MASK) | ONE_BITS);
            }
            if (i < end) {
                double x0 = Math.fma(-lambda, c[i], 1.0);
                double r0 = c[i] / x0;
                a1 -= r0;
                a2 -= r0 * r0;
                long bits0 = Double.doubleToRawLongBits(x0) & ABS_MASK;
                flags |= (bits0 - MIN_NORMAL_BITS) | (MAX_FINITE_BITS - bits0);
                exponents += bits0 >>> 52;
                product0 *= Double.longBitsToDouble((bits0 & MANTISSA_MASK) | ONE_BITS);
                i++;
            }
            long p0 = Double.doubleToRawLongBits(product0);
            long p1 = Double.doubleToRawLongBits(product1);
            exponents += (p0 >>> 52) + (p1 >>> 52) - 2046;
            product0 = Double.longBitsToDouble((p0 & MANTISSA_MASK) | ONE_BITS);
            product1 = Double.longBitsToDouble((p1 & MANTISSA_MASK) | ONE_BITS);
        }
        acc[0] += flags < 0 ? carefully(c, from, to, lambda)
                : (exponents - 1023L * (to - from)) * LN2 + Math.log(product0 * product1);
        acc[1] += a1 + b1;
        acc[2] += a2 + b2;
    }

    private double nearZero(int g, double lambda) {
        double sum = 0;
        for (int q = 0; q < classWeight.length; q++) {
            double[] cs = coefficients[q];
            double s = 0;
            for (int i = 0; i < cs.length; i++) {
                if (g >= 0 && i >= groupStart[q][g] && i < groupEnd[q][g]) {
                    continue;
                }
                s += Math.log1p(-lambda * cs[i]);
            }
            sum += classWeight[q] * s;
        }
        return sum;
    }

    /** Σ_{from ≤ i &lt; to} log|1 − λc_i| by exponent sums and mantissa products (class comment). */
    static double logProduct(double[] c, int from, int to, double lambda) {
        long exponents = 0;
        long flags = 0;
        double product0 = 1;
        double product1 = 1;
        int i = from;
        while (i < to) {
            int end = Math.min(to, i + BLOCK);
            for (; i + 1 < end; i += 2) {
                long bits0 = Double.doubleToRawLongBits(Math.fma(-lambda, c[i], 1.0)) & ABS_MASK;
                long bits1 = Double.doubleToRawLongBits(Math.fma(-lambda, c[i + 1], 1.0)) & ABS_MASK;
                flags |= (bits0 - MIN_NORMAL_BITS) | (MAX_FINITE_BITS - bits0)
                        | (bits1 - MIN_NORMAL_BITS) | (MAX_FINITE_BITS - bits1);
                exponents += (bits0 >>> 52) + (bits1 >>> 52);
                product0 *= Double.longBitsToDouble((bits0 & MANTISSA_MASK) | ONE_BITS);
                product1 *= Double.longBitsToDouble((bits1 & MANTISSA_MASK) | ONE_BITS);
            }
            if (i < end) {
                long bits0 = Double.doubleToRawLongBits(Math.fma(-lambda, c[i], 1.0)) & ABS_MASK;
                flags |= (bits0 - MIN_NORMAL_BITS) | (MAX_FINITE_BITS - bits0);
                exponents += bits0 >>> 52;
                product0 *= Double.longBitsToDouble((bits0 & MANTISSA_MASK) | ONE_BITS);
                i++;
            }
            long p0 = Double.doubleToRawLongBits(product0);
            long p1 = Double.doubleToRawLongBits(product1);
            exponents += (p0 >>> 52) + (p1 >>> 52) - 2046;
            product0 = Double.longBitsToDouble((p0 & MANTISSA_MASK) | ONE_BITS);
            product1 = Double.longBitsToDouble((p1 & MANTISSA_MASK) | ONE_BITS);
        }
        if (flags < 0) {
            return carefully(c, from, to, lambda);
        }
        return (exponents - 1023L * (to - from)) * LN2 + Math.log(product0 * product1);
    }

    /** The same sum term by term: −∞ for a zero factor, log|λ| + log|c| where λc overflows. */
    private static double carefully(double[] c, int from, int to, double lambda) {
        double s = 0;
        for (int i = from; i < to; i++) {
            double x = Math.abs(Math.fma(-lambda, c[i], 1.0));
            s += x == Double.POSITIVE_INFINITY ? Math.log(Math.abs(lambda)) + Math.log(Math.abs(c[i])) : Math.log(x);
        }
        return s;
    }
}
