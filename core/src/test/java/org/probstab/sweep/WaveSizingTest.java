package org.probstab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaveSizingTest {

    @Test
    void theFirstWaveTakesOneChunkPerTaskAndLaterWavesFillTheTargetTime() {
        // 8 tasks: the first wave takes 8 chunks and measures; at 0.25 s a chunk the next takes 60 / 0.25 = 240 chunks,
        // unless fewer than 8 (one per task) would be left for a last wave: of 247 it takes all, of 248 it leaves 8.
        assertThat(WaveSizing.next(0, 8, 256, Double.NaN)).isEqualTo(8);
        assertThat(WaveSizing.next(0, 8, 10_000, 0.25)).isEqualTo(240);
        assertThat(WaveSizing.next(0, 8, 247, 0.25)).isEqualTo(247);
        assertThat(WaveSizing.next(0, 8, 248, 0.25)).isEqualTo(240);
        // Slow chunks: never fewer than one per task.
        assertThat(WaveSizing.next(0, 8, 10_000, 100.0)).isEqualTo(8);
        // Fewer chunks than tasks, or a fixed size.
        assertThat(WaveSizing.next(0, 8, 3, Double.NaN)).isEqualTo(3);
        assertThat(WaveSizing.next(4, 8, 10, 0.01)).isEqualTo(4);
        assertThat(WaveSizing.next(4, 8, 3, 0.01)).isEqualTo(3);
    }
}
