package org.probstab.refine;

import java.util.Arrays;

/**
 * A box-counting curve N(ε) at ε = 2^−k and the dimension fitted over a stated range of k ({@link BoxCounting}).
 *
 * @param exponents   k, ascending and consecutive
 * @param counts      N(2^−k): the number of boxes of side 2^−k that contain part of the set
 * @param fitFrom     the first k of the fit (inclusive)
 * @param fitTo       the last k of the fit (inclusive)
 * @param dimension   the least-squares slope of ln N against ln(1/ε) = k ln 2 over [fitFrom, fitTo]
 * @param dimensionSe its standard error ({@link ScalingFit}; NaN when the fit has two scales)
 * @param localSlopes per octave: log₂(N(2^−k−1)/N(2^−k)) for k = exponents[0] … exponents[last − 1], so a crossover
 *                    between scales shows as a change of local slope rather than being averaged into one number
 */
public record BoxCountingCurve(int[] exponents, long[] counts, int fitFrom, int fitTo, double dimension,
                               double dimensionSe, double[] localSlopes) {

    public BoxCountingCurve {
        if (exponents.length != counts.length || exponents.length < 2
                || localSlopes.length != exponents.length - 1) {
            throw new IllegalArgumentException("a box-counting curve needs >= 2 scales, one count each and one local"
                    + " slope per octave");
        }
        for (int i = 1; i < exponents.length; i++) {
            if (exponents[i] != exponents[i - 1] + 1) {
                throw new IllegalArgumentException("scales must be consecutive powers of 2");
            }
        }
        if (fitFrom < exponents[0] || fitTo > exponents[exponents.length - 1] || fitTo - fitFrom < 1) {
            throw new IllegalArgumentException("fit range [" + fitFrom + ", " + fitTo + "] must hold >= 2 of the"
                    + " scales " + exponents[0] + ".." + exponents[exponents.length - 1]);
        }
        exponents = exponents.clone();
        counts = counts.clone();
        localSlopes = localSlopes.clone();
    }

    /** ε = 2^−k for every k of the curve. */
    public double[] epsilons() {
        double[] e = new double[exponents.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.scalb(1.0, -exponents[i]);
        }
        return e;
    }

    @Override
    public int[] exponents() {
        return exponents.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public double[] localSlopes() {
        return localSlopes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoxCountingCurve c && Arrays.equals(exponents, c.exponents)
                && Arrays.equals(counts, c.counts) && fitFrom == c.fitFrom && fitTo == c.fitTo
                && Double.compare(dimension, c.dimension) == 0 && Double.compare(dimensionSe, c.dimensionSe) == 0
                && Arrays.equals(localSlopes, c.localSlopes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Double.hashCode(dimension);
    }

    @Override
    public String toString() {
        return "BoxCountingCurve[k=" + Arrays.toString(exponents) + ", N=" + Arrays.toString(counts) + ", D="
                + dimension + " ± " + dimensionSe + " over k " + fitFrom + ".." + fitTo + ", local="
                + Arrays.toString(localSlopes) + "]";
    }
}
