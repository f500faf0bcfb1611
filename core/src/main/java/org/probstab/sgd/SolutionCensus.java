package org.probstab.sgd;

import java.util.List;
import java.util.Objects;

/**
 * Where the runs of a cell ended (000 Fig. 4; 002 Fig. 3): the fraction at each named solution (a minimum, a
 * saddle), of the runs near none of them ({@code other}) and of the diverged ones, with the mean generalisation loss
 * of the runs at each solution on fresh data (NaN where no run ended there or the model has no data).
 *
 * @param names              solution names, the last two always {@code other} and {@code diverged}
 * @param fractions          fraction of the runs per name (sums to 1)
 * @param meanTestLoss       mean generalisation loss of those runs, per name (NaN if none or not applicable;
 *                           always NaN for {@code diverged})
 * @param overallTestLoss    mean generalisation loss over all runs that did not diverge (NaN if none)
 * @param testLossReference  the generalisation loss of the noise alone, E ε² of the labels (the floor), or NaN
 */
public record SolutionCensus(List<String> names, double[] fractions, double[] meanTestLoss, double overallTestLoss,
                             double testLossReference) {

    public SolutionCensus {
        names = List.copyOf(names);
        Objects.requireNonNull(fractions, "fractions");
        if (fractions.length != names.size() || meanTestLoss.length != names.size() || names.size() < 2
                || !names.get(names.size() - 2).equals("other") || !names.get(names.size() - 1).equals("diverged")) {
            throw new IllegalArgumentException("names must end with other, diverged and match the arrays");
        }
        fractions = fractions.clone();
        meanTestLoss = meanTestLoss.clone();
    }

    /** The fraction of runs at the named solution. */
    public double fraction(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no solution " + name + " in " + names);
        }
        return fractions[i];
    }

    /** The mean test loss of the runs at the named solution. */
    public double testLoss(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no solution " + name + " in " + names);
        }
        return meanTestLoss[i];
    }

    /** A copy of the fractions. */
    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    /** A copy of the test losses. */
    @Override
    public double[] meanTestLoss() {
        return meanTestLoss.clone();
    }
}
