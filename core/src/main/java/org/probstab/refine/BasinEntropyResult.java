package org.probstab.refine;

/**
 * Basin entropy of a labelled grid ({@link BasinEntropy}).
 *
 * @param boxSize              n: boxes of n × n cells
 * @param boxes                N, the number of boxes
 * @param boundaryBoxes        N_b, boxes with more than one label
 * @param basinEntropy         S_b = (1/N) Σ S_i
 * @param boundaryBasinEntropy S_bb = (1/N_b) Σ S_i (0 when no box is a boundary box)
 * @param fractalByLn2         S_bb &gt; ln 2 (Daza et al.'s sufficient criterion for a fractal boundary)
 */
public record BasinEntropyResult(int boxSize, long boxes, long boundaryBoxes, double basinEntropy,
                                 double boundaryBasinEntropy, boolean fractalByLn2) {

    public BasinEntropyResult {
        if (boxSize < 1 || boxes < 1 || boundaryBoxes < 0 || boundaryBoxes > boxes) {
            throw new IllegalArgumentException("basin entropy needs >= 1 box of size >= 1 and 0 <= N_b <= N");
        }
        if (!(basinEntropy >= 0) || !(boundaryBasinEntropy >= basinEntropy)) {
            throw new IllegalArgumentException("entropies must satisfy 0 <= S_b <= S_bb, got " + basinEntropy + ", "
                    + boundaryBasinEntropy);
        }
    }
}
