package org.probstab.lyapunov;

import java.util.Arrays;
import org.apache.spark.ml.linalg.DenseVector;

/**
 * A Lyapunov spectrum Λ₁ ≥ Λ₂ ≥ … ≥ Λ_d with one standard error per exponent (DESIGN §2, "Spectrum"), as
 * estimated by {@link QrLyapunovSpectrum}: Λ̂_i = mean over R runs of (1/T) Σ_t log R_ii(t), SE_i = sd_r/√R.
 *
 * <p>An exponent may be −∞ (a direction collapsed exactly: a singular factor), with SE 0. The arrays are copied in
 * and out; equality compares them element-wise.
 *
 * @param exponents      Λ̂_1 ≥ … ≥ Λ̂_d, no NaN
 * @param standardErrors SE_i ≥ 0 (+∞ when R = 1), aligned with {@code exponents}
 * @param runs           R ≥ 1
 * @param steps          T ≥ 1, measured steps per run
 */
public record SpectrumResult(double[] exponents, double[] standardErrors, long runs, long steps) {

    public SpectrumResult {
        if (exponents == null || standardErrors == null || exponents.length == 0
                || exponents.length != standardErrors.length) {
            throw new IllegalArgumentException("exponents and standardErrors must be non-empty and of equal length");
        }
        exponents = exponents.clone();
        standardErrors = standardErrors.clone();
        for (int i = 0; i < exponents.length; i++) {
            if (Double.isNaN(exponents[i])) {
                throw new IllegalArgumentException("exponent " + i + " is NaN");
            }
            if (i > 0 && exponents[i] > exponents[i - 1]) {
                throw new IllegalArgumentException("exponents must be sorted descending, got "
                        + Arrays.toString(exponents));
            }
            if (!(standardErrors[i] >= 0)) {
                throw new IllegalArgumentException("standard error " + i + " must be >= 0, got " + standardErrors[i]);
            }
        }
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
    }

    /** Λ̂_1 ≥ … ≥ Λ̂_d (a copy). */
    @Override
    public double[] exponents() {
        return exponents.clone();
    }

    /** SE_1 … SE_d (a copy). */
    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** d. */
    public int dimension() {
        return exponents.length;
    }

    /** Λ̂_1 + … + Λ̂_d, the volume growth rate; it estimates E log|det(I − λĤ)|. */
    public double sum() {
        double sum = 0;
        for (double e : exponents) {
            sum += e;
        }
        return sum;
    }

    /** The exponents as the MLlib-local interchange vector (DESIGN §1). */
    public DenseVector exponentsVector() {
        return new DenseVector(exponents.clone());
    }

    /** The standard errors as the MLlib-local interchange vector. */
    public DenseVector standardErrorsVector() {
        return new DenseVector(standardErrors.clone());
    }

    /**
     * From per-run exponents {@code perRun[r·d + i]} (column i of the QR frame in run r): mean and SE per column,
     * then sorted descending (the QR columns already come in Oseledets order in expectation; the sort only
     * reorders means that are equal within their noise), each SE travelling with its exponent.
     */
    static SpectrumResult fromRuns(double[] perRun, int runs, int d, long steps) {
        double[] column = new double[runs];
        Double[] means = new Double[d];
        double[] errors = new double[d];
        for (int i = 0; i < d; i++) {
            for (int r = 0; r < runs; r++) {
                column[r] = perRun[r * d + i];
            }
            means[i] = TrajectoryResult.mean(column);
            errors[i] = TrajectoryResult.standardError(column, means[i]);
        }
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(means[b], means[a]));
        double[] sortedMeans = new double[d];
        double[] sortedErrors = new double[d];
        for (int i = 0; i < d; i++) {
            sortedMeans[i] = means[order[i]];
            sortedErrors[i] = errors[order[i]];
        }
        return new SpectrumResult(sortedMeans, sortedErrors, runs, steps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpectrumResult other && runs == other.runs && steps == other.steps
                && Arrays.equals(exponents, other.exponents) && Arrays.equals(standardErrors, other.standardErrors);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(exponents) + Arrays.hashCode(standardErrors)) + Long.hashCode(runs)
                + 17 * Long.hashCode(steps);
    }

    @Override
    public String toString() {
        return "SpectrumResult[exponents=" + Arrays.toString(exponents) + ", standardErrors="
                + Arrays.toString(standardErrors) + ", runs=" + runs + ", steps=" + steps + "]";
    }
}
