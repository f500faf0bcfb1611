package org.probstab.refine;

import java.util.Arrays;

/**
 * The uncertainty-exponent curve f(ε) ∝ ε^α and its fit ({@link UncertaintyExponent}).
 *
 * @param epsilons    the perturbation sizes ε, ascending (normalised units)
 * @param fractions   f(ε): the fraction of ε-uncertain points
 * @param fractionSes binomial standard errors of f (sampled version; 0 for the exact fraction of a grid)
 * @param alpha       the uncertainty exponent: least-squares slope of ln f against ln ε over [fitFrom, fitTo]
 * @param alphaSe     its standard error ({@link ScalingFit})
 * @param dimension   d − α, the box dimension of the boundary that the exponent implies
 * @param fitFrom     index of the first fitted ε (inclusive)
 * @param fitTo       index of the last fitted ε (inclusive)
 */
public record UncertaintyResult(double[] epsilons, double[] fractions, double[] fractionSes, double alpha,
                                double alphaSe, double dimension, int fitFrom, int fitTo) {

    public UncertaintyResult {
        if (epsilons.length != fractions.length || epsilons.length != fractionSes.length || epsilons.length < 2) {
            throw new IllegalArgumentException("an uncertainty curve needs >= 2 scales with one fraction and SE each");
        }
        if (fitFrom < 0 || fitTo >= epsilons.length || fitTo <= fitFrom) {
            throw new IllegalArgumentException("fit range [" + fitFrom + ", " + fitTo + "] must hold >= 2 of the "
                    + epsilons.length + " scales");
        }
        epsilons = epsilons.clone();
        fractions = fractions.clone();
        fractionSes = fractionSes.clone();
    }

    @Override
    public double[] epsilons() {
        return epsilons.clone();
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    @Override
    public double[] fractionSes() {
        return fractionSes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UncertaintyResult r && Arrays.equals(epsilons, r.epsilons)
                && Arrays.equals(fractions, r.fractions) && Arrays.equals(fractionSes, r.fractionSes)
                && Double.compare(alpha, r.alpha) == 0 && Double.compare(alphaSe, r.alphaSe) == 0
                && fitFrom == r.fitFrom && fitTo == r.fitTo;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fractions) + Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "UncertaintyResult[eps=" + Arrays.toString(epsilons) + ", f=" + Arrays.toString(fractions)
                + ", alpha=" + alpha + " ± " + alphaSe + ", D=" + dimension + "]";
    }
}
