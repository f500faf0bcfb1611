package org.probstab.boundary;

import java.util.Arrays;
import org.probstab.special.Constants;

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
 * taken from products of blocks of 8 factors whose binary exponents go into an integer sum and whose mantissas
 * into one running product in [1, 2), with one logarithm at the end ({@link #logProduct}): the rounding error is
 * ≤ (9n/8 + 2) ulp of 1 in the log of the product, i.e. ~n·1.2e-16·w in f for n atoms of weight w — a few 1e-16
 * for the laws used here. Near λ = 0 (|λ|·max|c| ≤ 1/8) the terms are taken as log1p(−λc)
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
    /** Factors per block product. */
    private static final int BLOCK = 8;
    /** Up to this |λ|·max|c| every factor is at most 2¹²⁰ and the block products cannot overflow. */
    private static final double BLOCK_RANGE = 0x1p119;
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
        boolean blocks = Math.abs(lambda) * maxAbsCoefficient <= BLOCK_RANGE;
        double sum = 0;
        for (int q = 0; q < classWeight.length; q++) {
            double[] cs = coefficients[q];
            double s;
            if (g < 0) {
                s = blocks ? logProduct(cs, 0, cs.length, lambda) : carefully(cs, 0, cs.length, lambda);
            } else {
                int a = groupStart[q][g];
                int b = groupEnd[q][g];
                s = blocks ? logProduct(cs, 0, a, lambda) + logProduct(cs, b, cs.length, lambda)
                        : carefully(cs, 0, a, lambda) + carefully(cs, b, cs.length, lambda);
            }
            sum += classWeight[q] * s;
        }
        return sum;
    }

    /** R_g(λ) and R_g'(λ) (g = −1: f and f') into out[0..1], in one pass. λ must not be a pole of the terms. */
    void valueAndSlope(int g, double lambda, double[] out) {
        derivatives(g, lambda, out);
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
        out[0] = nearZero || Math.abs(lambda) * maxAbsCoefficient > BLOCK_RANGE ? valueExcept(g, lambda) : value;
        out[1] = d1;
        out[2] = d2;
    }

    /**
     * Adds Σ log|1 − λc_i|, Σ −c_i/(1 − λc_i) and −Σ (c_i/(1 − λc_i))² over [from, to) to acc[0..2]: the same
     * block-product scheme as {@link #logProduct}, with the derivative terms from the same factors.
     */
    static void withDerivatives(double[] c, int from, int to, double lambda, double[] acc) {
        double a1 = 0;
        double a2 = 0;
        double b1 = 0;
        double b2 = 0;
        long exponents = 0;
        double mantissa = 1;
        double careful = 0;
        int i = from;
        for (; i + BLOCK <= to; i += BLOCK) {
            double p0 = 1;
            double p1 = 1;
            for (int j = i; j < i + BLOCK; j += 2) {
                double x0 = Math.fma(-lambda, c[j], 1.0);
                double x1 = Math.fma(-lambda, c[j + 1], 1.0);
                p0 *= x0;
                p1 *= x1;
                double r0 = c[j] / x0;
                double r1 = c[j + 1] / x1;
                a1 -= r0;
                a2 -= r0 * r0;
                b1 -= r1;
                b2 -= r1 * r1;
            }
            long bits = Double.doubleToRawLongBits(p0 * p1) & ABS_MASK;
            if (((bits - MIN_NORMAL_BITS) | (MAX_FINITE_BITS - bits)) < 0) {
                careful += carefully(c, i, i + BLOCK, lambda);
                continue;
            }
            exponents += (bits >>> 52) - 1023;
            long m = Double.doubleToRawLongBits(mantissa * Double.longBitsToDouble((bits & MANTISSA_MASK) | ONE_BITS));
            exponents += (m >>> 52) - 1023;
            mantissa = Double.longBitsToDouble((m & MANTISSA_MASK) | ONE_BITS);
        }
        for (; i < to; i++) {
            double x = Math.fma(-lambda, c[i], 1.0);
            double r = c[i] / x;
            a1 -= r;
            a2 -= r * r;
            careful += carefully(c, i, i + 1, lambda);
        }
        acc[0] += exponents * Constants.LN2 + Math.log(mantissa) + careful;
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

    /**
     * Σ_{from ≤ i &lt; to} log|1 − λc_i| by block products (class comment): the factors of a block of 8 are
     * multiplied in two interleaved products and the block's binary exponent is split off into an integer sum, its
     * mantissa into a running product in [1, 2). A non-zero factor 1 − λc of doubles is at least 2⁻¹⁰⁶ in
     * magnitude (it is a multiple of ulp(λ)·ulp(c) when λc ≈ 1) and at most 1 + |λ| max|c|, so when that is below
     * 2¹²⁰ (the caller checks; {@link #carefully} otherwise) no partial product of a block can overflow or become
     * subnormal; a block that holds a zero factor takes the careful per-term path, as do the last (to − from) mod 8
     * terms.
     */
    static double logProduct(double[] c, int from, int to, double lambda) {
        long exponents = 0;
        double mantissa = 1;
        double careful = 0;
        int i = from;
        for (; i + BLOCK <= to; i += BLOCK) {
            double p0 = Math.fma(-lambda, c[i], 1.0) * Math.fma(-lambda, c[i + 2], 1.0)
                    * Math.fma(-lambda, c[i + 4], 1.0) * Math.fma(-lambda, c[i + 6], 1.0);
            double p1 = Math.fma(-lambda, c[i + 1], 1.0) * Math.fma(-lambda, c[i + 3], 1.0)
                    * Math.fma(-lambda, c[i + 5], 1.0) * Math.fma(-lambda, c[i + 7], 1.0);
            long bits = Double.doubleToRawLongBits(p0 * p1) & ABS_MASK;
            if (((bits - MIN_NORMAL_BITS) | (MAX_FINITE_BITS - bits)) < 0) {
                careful += carefully(c, i, i + BLOCK, lambda);
                continue;
            }
            exponents += (bits >>> 52) - 1023;
            long m = Double.doubleToRawLongBits(mantissa * Double.longBitsToDouble((bits & MANTISSA_MASK) | ONE_BITS));
            exponents += (m >>> 52) - 1023;
            mantissa = Double.longBitsToDouble((m & MANTISSA_MASK) | ONE_BITS);
        }
        if (i < to) {
            careful += carefully(c, i, to, lambda);
        }
        return exponents * Constants.LN2 + Math.log(mantissa) + careful;
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
