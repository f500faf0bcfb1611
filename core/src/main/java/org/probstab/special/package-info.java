/**
 * Special functions and numerical building blocks, one implementation of each, used by the estimators above:
 * {@link org.probstab.special.LogGamma} (log Γ and the Stirling remainder), {@link org.probstab.special.StandardNormal}
 * (Φ and Φ⁻¹), {@link org.probstab.special.GaussLegendre} (nodes and weights), {@link org.probstab.special.Chebyshev}
 * (series evaluation and interpolation coefficients), {@link org.probstab.special.FastLog} (the table-driven
 * logarithm of the exponent loops), {@link org.probstab.special.Constants} (ln 2) and
 * {@link org.probstab.special.RunningMoments} (mean and variance: running, weighted, merged, two-pass).
 *
 * <p>The bottom of {@code core}: this package depends on the JDK only. Every function has its own reference test
 * (closed forms, or a high-precision mpmath script under {@code src/test/resources/reference/} with the CSV it
 * produced).
 */
package org.probstab.special;
