package org.probstab.net.model;

import java.util.List;
import org.probstab.config.InvalidInputException;

/**
 * What the task that trains a list of cells may use: its CPU cores (the {@code cpu} backend's threads), the GPU
 * ordinals it was assigned (a Spark task: the addresses of its {@code gpu} resource; the {@code djl} backend uses the
 * first), and a cap on the batch memory (a Spark task's share of its executor's user memory).
 *
 * @param cpus           cores, ≥ 1
 * @param gpus           GPU ordinals, possibly none
 * @param memoryCapBytes the most one batch may use whatever {@code memory_mb} says, &gt; 0
 */
public record TaskResources(int cpus, List<Integer> gpus, long memoryCapBytes) {

    public TaskResources {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be >= 1, got " + cpus);
        }
        gpus = List.copyOf(gpus);
        for (int g : gpus) {
            if (g < 0) {
                throw new IllegalArgumentException("GPU ordinals are >= 0, got " + gpus);
            }
        }
        if (memoryCapBytes <= 0) {
            throw new IllegalArgumentException("memoryCapBytes must be > 0, got " + memoryCapBytes);
        }
    }

    /** One core, no assigned GPU (a GPU device means GPU 0), no cap: a single cell in this JVM. */
    public static TaskResources single() {
        return new TaskResources(1, List.of(), Long.MAX_VALUE);
    }

    /** Parses GPU addresses as a resource manager gives them (decimal ordinals). */
    public static List<Integer> gpuOrdinals(String[] addresses) {
        List<Integer> out = new java.util.ArrayList<>();
        for (String a : addresses) {
            try {
                out.add(Integer.parseInt(a.trim()));
            } catch (NumberFormatException e) {
                throw InvalidInputException.outOfRange("gpu", "'" + a + "'", "GPU addresses that are ordinals 0, 1, …"
                        + " (the addresses spark.executor.resource.gpu.discoveryScript reports)");
            }
        }
        return out;
    }
}
