package org.probstab.sweep;

/**
 * How many chunks the next wave of a sweep takes (DESIGN §5). A wave is one Spark job; its chunks are published into
 * the table when it ends, so a run that dies loses at most the wave it was in, and each wave costs a job launch and
 * a barrier (the slowest task). Waves are therefore sized by time, not by count: the first takes one chunk per task
 * ({@code partitions}) and measures the speed, every later one as many chunks as the last wave's speed says fit in
 * {@link #TARGET_SECONDS}. Chunks are taken in {@link SweepPlan#spreadOrder}, so each wave's cost per chunk is
 * representative. A configured {@code output.wave_chunks > 0} fixes the size instead.
 *
 * <p>The table does not depend on this: a row is a function of (config, cell id) only.
 */
public final class WaveSizing {

    /** Intended wall time of a wave after the first. */
    public static final double TARGET_SECONDS = 60;

    private WaveSizing() {
    }

    /**
     * @param configured      {@code output.wave_chunks}, 0 = automatic
     * @param partitions      tasks per wave
     * @param remaining       chunks still to compute (≥ 1)
     * @param secondsPerChunk wall time per chunk of the last wave; NaN before the first wave
     * @return chunks for the next wave, in [1, remaining]
     */
    public static int next(long configured, int partitions, int remaining, double secondsPerChunk) {
        if (remaining < 1) {
            throw new IllegalArgumentException("no chunks remain");
        }
        long size;
        if (configured > 0) {
            size = configured;
        } else if (Double.isNaN(secondsPerChunk)) {
            size = partitions;
        } else {
            size = Math.max(partitions, (long) Math.floor(TARGET_SECONDS / Math.max(secondsPerChunk, 1e-9)));
            if (remaining - size < partitions) {
                size = remaining; // no short last wave: its barrier would cost more than the wave saves
            }
        }
        return (int) Math.max(1, Math.min(size, remaining));
    }
}
