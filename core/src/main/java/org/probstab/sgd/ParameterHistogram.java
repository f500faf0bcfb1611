package org.probstab.sgd;

import java.util.Objects;

/**
 * The histogram of one final parameter over the runs of a cell (002 Fig. 1): equal bins on [edges₀, edges_B),
 * counts per bin, and the runs outside the range and the non-finite (diverged) ones counted apart, so that
 * Σ counts + below + above + nonFinite = runs.
 *
 * @param coordinate the parameter's name ({@code w}, {@code w1}, …)
 * @param edges      B + 1 increasing bin edges
 * @param counts     B counts; bin i is [edges_i, edges_{i+1})
 * @param below      runs with a final value &lt; edges₀
 * @param above      runs with a final value ≥ edges_B
 * @param nonFinite  runs whose final value is ±∞ or NaN
 */
public record ParameterHistogram(String coordinate, double[] edges, long[] counts, long below, long above,
                                 long nonFinite) {

    public ParameterHistogram {
        Objects.requireNonNull(coordinate, "coordinate");
        if (edges.length != counts.length + 1 || counts.length < 1) {
            throw new IllegalArgumentException("a histogram needs B >= 1 counts and B + 1 edges");
        }
        edges = edges.clone();
        counts = counts.clone();
    }

    /** B equal bins on [−range, range) of the values {@code x[0, n)}. */
    public static ParameterHistogram of(String coordinate, double[] x, int n, int bins, double range) {
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = -range + 2 * range * i / bins;
        }
        edges[bins] = range;
        long[] counts = new long[bins];
        long below = 0;
        long above = 0;
        long nonFinite = 0;
        double width = 2 * range / bins;
        for (int r = 0; r < n; r++) {
            double v = x[r];
            if (!Double.isFinite(v)) {
                nonFinite++;
            } else if (v < -range) {
                below++;
            } else if (v >= range) {
                above++;
            } else {
                int b = (int) Math.floor((v + range) / width);
                // Rounding can put a value just below an edge into the next bin: place it by the edges themselves.
                b = Math.max(0, Math.min(bins - 1, b));
                while (b > 0 && v < edges[b]) {
                    b--;
                }
                while (b < bins - 1 && v >= edges[b + 1]) {
                    b++;
                }
                counts[b]++;
            }
        }
        return new ParameterHistogram(coordinate, edges, counts, below, above, nonFinite);
    }

    /** A copy of the edges. */
    @Override
    public double[] edges() {
        return edges.clone();
    }

    /** A copy of the counts. */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Σ counts + below + above + nonFinite. */
    public long runs() {
        long n = below + above + nonFinite;
        for (long c : counts) {
            n += c;
        }
        return n;
    }
}
