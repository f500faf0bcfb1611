package org.probstab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.probstab.net.MemoryBudget;
import org.probstab.net.model.TaskResources;

/** What a net task may use, as its chunk evaluator reads it from Spark. */
class NetChunkEvaluatorTest {

    /**
     * Spark's user memory, (heap − 300 MiB) × (1 − spark.memory.fraction), split over the tasks that run at once:
     * a 4096 MiB heap at the default fraction 0.6 with 2 task slots leaves 3796 × 0.4 / 2 = 759.2 MiB per task (the
     * product is exact to well below a byte in double); a heap below the reserve still leaves 1 MiB.
     */
    @Test
    void theTaskShareIsSparksUserMemoryOverTheSlots() {
        assertThat(NetChunkEvaluator.userMemoryShare(4096 * MemoryBudget.MIB, 0.6, 2))
                .isEqualTo((long) (3796 * 0.4 / 2 * MemoryBudget.MIB));
        assertThat(NetChunkEvaluator.userMemoryShare(200 * MemoryBudget.MIB, 0.6, 4)).isEqualTo(MemoryBudget.MIB);
    }

    /** On local[2] a task has one core (spark.task.cpus = 1), no GPU resource, and a share of this JVM's heap. */
    @Test
    void aLocalTaskSeesOneCoreAndNoGpu() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(TestSpark.local2().sparkContext());
        List<String> seen = jsc.parallelize(List.of(1, 2), 2).map(x -> {
            TaskResources r = NetChunkEvaluator.resources();
            return r.cpus() + "/" + r.gpus() + "/" + (r.memoryCapBytes() > 0);
        }).collect();
        assertThat(seen).containsOnly("1/[]/true");
        assertThat(NetChunkEvaluator.resources()).as("outside a task").isEqualTo(TaskResources.single());
    }
}
