package org.probstab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.probstab.table.Row;
import org.probstab.model.ModelRegistry;

/** The plan's numbering is checked against nested loops, the reference enumeration of a grid. */
class SweepPlanTest {

    private static final String THREE_AXES = """
            sweep {
              model = mf-gaussian
              seed = 7
              params { lambda = 0.4 }
              axes { mu = [0.1, 0.5, 0.9], S = [1, 2], N = [4, 10, 100, inf] }
              axis_order = [mu, S, N]
            }
            output { chunk_cells = 5 }
            """;

    @Test
    void cellIdsFollowNestedLoopsWithTheFirstAxisSlowest() {
        SweepPlan plan = new SweepPlan(SweepSpecTest.spec(THREE_AXES));
        assertThat(plan.cellCount()).isEqualTo(24);
        long id = 0;
        for (double mu : new double[] {0.1, 0.5, 0.9}) {
            for (double s : new double[] {1, 2}) {
                for (double n : new double[] {4, 10, 100, Double.POSITIVE_INFINITY}) {
                    Map<String, Object> p = plan.parameters(id);
                    assertThat(p).containsEntry("mu", mu).containsEntry("S", s).containsEntry("N", n)
                            .containsEntry("lambda", 0.4);
                    id++;
                }
            }
        }
    }

    @Test
    void everyPrefixOfTheSpreadOrderSamplesTheWholeGrid() {
        for (int n : new int[] {0, 1, 2, 3, 7, 256, 1000}) {
            List<Long> chunks = new ArrayList<>();
            for (long c = 0; c < n; c++) {
                chunks.add(100 + c);
            }
            List<Long> order = SweepPlan.spreadOrder(chunks);
            assertThat(order).as("n = %d", n).containsExactlyInAnyOrderElementsOf(chunks);
            // A prefix of length k = 2^m of a power-of-two list hits each of k equal blocks exactly once; for other n
            // each block of n/k consecutive chunks is hit at most twice.
            for (int k = 1; k <= n / 2; k *= 2) {
                int[] hits = new int[k];
                for (int i = 0; i < k; i++) {
                    hits[(int) ((order.get(i) - 100) * k / n)]++;
                }
                for (int h : hits) {
                    assertThat(h).as("n = %d, prefix %d", n, k).isBetween(0, 2);
                }
                if (Integer.bitCount(n) == 1) {
                    assertThat(hits).as("n = %d, prefix %d", n, k).containsOnly(1);
                }
            }
        }
    }

    @Test
    void chunksPartitionTheCells() {
        SweepPlan plan = new SweepPlan(SweepSpecTest.spec(THREE_AXES));
        assertThat(plan.chunkCells()).isEqualTo(5);
        assertThat(plan.chunkCount()).isEqualTo(5);
        Set<Long> seen = new HashSet<>();
        List<Long> chunks = new ArrayList<>();
        for (long c = 0; c < plan.chunkCount(); c++) {
            chunks.add(c);
        }
        // The spread order is a permutation: 0..7 bit-reversed is 0 4 2 6 1 5 3 7, without the indices ≥ 5.
        assertThat(SweepPlan.spreadOrder(chunks)).containsExactly(0L, 4L, 2L, 1L, 3L);
        for (long c : chunks) {
            for (long id = plan.chunkStart(c); id < plan.chunkEnd(c); id++) {
                assertThat(plan.chunkOf(id)).isEqualTo(c);
                assertThat(seen.add(id)).isTrue();
            }
        }
        assertThat(seen).hasSize(24);
        assertThat(plan.chunkEnd(4)).isEqualTo(24);
    }

    @Test
    void automaticChunksAimAtAFewHundredPerSweep() {
        assertThat(SweepPlan.chunkCells(40_000, 0)).isEqualTo(1000);     // at least 1000 cells per chunk
        assertThat(SweepPlan.chunkCells(10_000_000, 0)).isEqualTo(39_063); // ⌈10⁷/256⌉
        assertThat(SweepPlan.chunkCells(24, 0)).isEqualTo(24);           // never more than the grid
        assertThat(SweepPlan.chunkCells(24, 5)).isEqualTo(5);
    }

    @Test
    void aCellIsThePureFunctionOfItsId() {
        SweepPlan plan = new SweepPlan(SweepSpecTest.spec(THREE_AXES));
        // The plan resolves its cells through a CellResolver (fixed and axis values checked once): every cell must
        // still be the registry's row of the cell's raw parameters.
        for (long id = 0; id < plan.cellCount(); id++) {
            Row a = plan.evaluate(id);
            Row direct = ModelRegistry.evaluate("mf-gaussian", plan.parameters(id),
                    plan.spec().estimator(), 7, id);
            assertThat(describe(a)).isEqualTo(describe(direct));
        }
    }

    @Test
    void largeGridsAreDecodedWithoutAList() {
        SweepPlan plan = new SweepPlan(SweepSpecTest.spec("""
                sweep { model = mf-gaussian, max_cells = 1000000000000, params { S = 1 }
                  axes { lambda { from = 0.01, to = 3, steps = 100000 }, mu { from = 0, to = 1, steps = 100000 } } }
                """));
        assertThat(plan.cellCount()).isEqualTo(10_000_000_000L);
        long last = plan.cellCount() - 1;
        assertThat(plan.parameters(last)).containsEntry("lambda", 3.0).containsEntry("mu", 1.0);
        assertThat(plan.indices(1234L * 100_000 + 56_789)).containsExactly(1234, 56_789);
    }

    /** Every column but the elapsed time, arrays by content. */
    static String describe(Row r) {
        return r.kind().comparableValues(r).toString();
    }
}
