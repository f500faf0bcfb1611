package org.probstab.sgd;

/**
 * The sparsity of the solutions the runs of a cell reached (000 Fig. 3): per run the fraction of the D weights that
 * are zero within a stated threshold, averaged over the R runs.
 *
 * @param mean          the mean over runs, in [0, 1]
 * @param standardError sd over runs / √R (0 with one run)
 * @param reference     the sparsity of the solution it is compared with (the lasso's), or NaN
 */
public record SparsityEstimate(double mean, double standardError, double reference) {

    public SparsityEstimate {
        if (!(mean >= 0 && mean <= 1) || !(standardError >= 0)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1] with SE >= 0, got " + mean + " +- "
                    + standardError);
        }
    }
}
