package org.probstab.refine;

/**
 * The labels that an adaptive refinement determines on a uniform grid (DESIGN §6): a point of the grid that was
 * evaluated has its own label; any other lies in a <i>leaf box</i> — a box that was not subdivided — whose corners all
 * have one label, and takes it (the refinement's own assumption: nothing changes inside a box whose corners agree).
 * The leaf boxes of all levels tile the map, so every grid point gets a label.
 *
 * <p>The grid is a sub-grid of the finest one: every {@code stride}-th finest point along both refined axes of a
 * 2-D refinement, so {@code (size − 1)/stride + 1} points per axis. Painting costs one write per grid point and leaf
 * box touch.
 */
public final class RefinedLabels {

    private final int[][] labels;
    private final long stride;

    /**
     * @param sizes  points of the finest grid on the two refined axes (first: rows of {@link #labels}, second: its
     *               columns)
     * @param stride the sub-grid spacing in finest points (a power of 2 dividing the finest intervals)
     */
    public RefinedLabels(long[] sizes, long stride) {
        if (sizes.length != 2 || stride < 1 || (sizes[0] - 1) % stride != 0 || (sizes[1] - 1) % stride != 0) {
            throw new IllegalArgumentException("a 2-D grid whose intervals the stride divides, got sizes "
                    + java.util.Arrays.toString(sizes) + ", stride " + stride);
        }
        long rows = (sizes[0] - 1) / stride + 1;
        long cols = (sizes[1] - 1) / stride + 1;
        if (rows * cols > (1L << 26)) {
            throw new IllegalArgumentException("sub-grid of " + rows + " x " + cols + " points is too large");
        }
        this.stride = stride;
        this.labels = new int[(int) rows][(int) cols];
        for (int[] row : labels) {
            java.util.Arrays.fill(row, -1);
        }
    }

    /** The smallest power-of-2 stride whose sub-grid has at most {@code maxSide} points per axis. */
    public static long stride(long[] sizes, int maxSide) {
        long stride = 1;
        while (((Math.max(sizes[0], sizes[1]) - 1) / stride + 1 > maxSide)
                && (sizes[0] - 1) % (2 * stride) == 0 && (sizes[1] - 1) % (2 * stride) == 0) {
            stride *= 2;
        }
        return stride;
    }

    /** Paints a leaf box [j0, j0 + w0] × [j1, j1 + w1] (finest indices) whose corners all have {@code label}. */
    public void leaf(long j0, long j1, long w0, long w1, int label) {
        long a0 = ceilDiv(j0, stride);
        long b0 = Math.floorDiv(j0 + w0, stride);
        long a1 = ceilDiv(j1, stride);
        long b1 = Math.floorDiv(j1 + w1, stride);
        for (long i = a0; i <= b0; i++) {
            int[] row = labels[(int) i];
            for (long j = a1; j <= b1; j++) {
                row[(int) j] = label;
            }
        }
    }

    /** Sets an evaluated point's own label (call after the leaves: it wins). */
    public void point(long j0, long j1, int label) {
        if (j0 % stride == 0 && j1 % stride == 0) {
            labels[(int) (j0 / stride)][(int) (j1 / stride)] = label;
        }
    }

    /** The labels, {@code [row][col]}; −1 where nothing was painted. */
    public int[][] labels() {
        return labels;
    }

    /** The number of grid points nothing painted (0 for a complete refinement). */
    public long unpainted() {
        long n = 0;
        for (int[] row : labels) {
            for (int v : row) {
                if (v < 0) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
