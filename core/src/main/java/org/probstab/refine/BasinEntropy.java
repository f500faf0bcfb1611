package org.probstab.refine;

import java.util.Arrays;

/**
 * Basin entropy S_b and boundary basin entropy S_bb (Daza, Wagemakers, Georgeot, Guéry-Odelin &amp; Sanjuán,
 * Sci. Rep. 6 (2016) 31416) of a uniform grid of labels. The grid is tiled by N boxes of n × n cells (a remainder
 * strip that does not fill a box is left out); in box i with label fractions p_ij,
 * <pre>
 *   S_i = −Σ_j p_ij ln p_ij,     S_b = (1/N) Σ_i S_i,     S_bb = (1/N_b) Σ_i S_i,
 * </pre>
 * N_b the number of boxes with more than one label (boundary boxes). The ln 2 criterion: S_bb &gt; ln 2 implies a
 * fractal boundary (sufficient, not necessary; with two labels S_i ≤ ln 2, so it can only fire with three or more).
 * It is tested as S_bb &gt; ln 2 · (1 + 1e-12), so that the rounding of a mean of entropies equal to ln 2 (a
 * checkerboard) does not fire it.
 */
public final class BasinEntropy {

    private BasinEntropy() {
    }

    /**
     * @param labels  {@code labels[row][col]}, a rectangular grid
     * @param boxSize n ≥ 1, at most the smaller grid side
     */
    public static BasinEntropyResult of(int[][] labels, int boxSize) {
        int rows = labels.length;
        int cols = rows == 0 ? 0 : labels[0].length;
        if (boxSize < 1 || boxSize > Math.min(rows, cols)) {
            throw new IllegalArgumentException("box size must be in [1, " + Math.min(rows, cols) + "], got " + boxSize);
        }
        int cells = boxSize * boxSize;
        int[] box = new int[cells];
        long boxes = 0;
        long boundary = 0;
        double sum = 0;
        for (int i0 = 0; i0 + boxSize <= rows; i0 += boxSize) {
            for (int j0 = 0; j0 + boxSize <= cols; j0 += boxSize) {
                int next = 0;
                for (int i = i0; i < i0 + boxSize; i++) {
                    if (labels[i].length != cols) {
                        throw new IllegalArgumentException("labels must be a rectangular grid");
                    }
                    for (int j = j0; j < j0 + boxSize; j++) {
                        box[next++] = labels[i][j];
                    }
                }
                Arrays.sort(box);
                double entropy = 0;
                int run = 1;
                for (int c = 1; c <= cells; c++) {
                    if (c < cells && box[c] == box[c - 1]) {
                        run++;
                    } else {
                        if (run < cells) {
                            double p = (double) run / cells;
                            entropy -= p * Math.log(p);
                        }
                        run = 1;
                    }
                }
                boxes++;
                if (box[0] != box[cells - 1]) {
                    boundary++;
                    sum += entropy;
                }
            }
        }
        double sb = sum / boxes;
        double sbb = boundary > 0 ? sum / boundary : 0.0;
        return new BasinEntropyResult(boxSize, boxes, boundary, sb, sbb, sbb > Math.log(2) * (1 + 1e-12));
    }
}
