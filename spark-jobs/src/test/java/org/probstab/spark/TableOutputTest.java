package org.probstab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing a wave (no Spark needed): only the chunk directories of the attempts the job reported are moved into
 * the table; what failed or killed attempts left behind goes with the staging directory.
 */
class TableOutputTest {

    @TempDir
    Path tmp;

    private static void file(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void onlyTheReportedAttemptOfEachChunkIsPublished() throws IOException {
        TableOutput out = new TableOutput(tmp.resolve("table").toString(), new Configuration());
        org.apache.hadoop.fs.Path staged = out.stagingFor(3);
        Path wave = tmp.resolve("table/_staging/wave-3");
        // Attempt 7 died in chunk 5 (a hidden partial file); attempt 9 redid chunk 5; attempt 8 wrote chunk 6.
        file(wave.resolve("attempt-7/chunk=5/." + TableOutput.chunkFileName(5) + ".inprogress"), "partial");
        file(wave.resolve("attempt-9/chunk=5/" + TableOutput.chunkFileName(5)), "chunk 5 by attempt 9");
        file(wave.resolve("attempt-8/chunk=6/" + TableOutput.chunkFileName(6)), "chunk 6 by attempt 8");

        out.publish(staged, "s1", List.of(5L, 6L), List.of(new long[] {6, 8}, new long[] {5, 9}));

        Path sweep = tmp.resolve("table/sweep_id=s1");
        assertThat(Files.readString(sweep.resolve("chunk=5/" + TableOutput.chunkFileName(5))))
                .isEqualTo("chunk 5 by attempt 9");
        assertThat(Files.readString(sweep.resolve("chunk=6/" + TableOutput.chunkFileName(6))))
                .isEqualTo("chunk 6 by attempt 8");
        try (var listing = Files.list(sweep.resolve("chunk=5"))) {
            assertThat(listing.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")))
                    .containsExactly(TableOutput.chunkFileName(5));
        }
        assertThat(Files.exists(wave)).isFalse();
        assertThat(out.completeChunks("s1")).containsExactly(5L, 6L);
    }

    @Test
    void aWaveWithAChunkUnreportedOrReportedTwiceIsNotPublished() throws IOException {
        TableOutput out = new TableOutput(tmp.resolve("table").toString(), new Configuration());
        org.apache.hadoop.fs.Path staged = out.stagingFor(0);
        file(tmp.resolve("table/_staging/wave-0/attempt-1/chunk=0/" + TableOutput.chunkFileName(0)), "x");

        assertThatThrownBy(() -> out.publish(staged, "s1", List.of(0L, 1L), List.<long[]>of(new long[] {0, 1})))
                .isInstanceOf(IOException.class).hasMessageContaining("expected [0, 1]");
        assertThatThrownBy(() -> out.publish(staged, "s1", List.of(0L),
                List.of(new long[] {0, 1}, new long[] {0, 2})))
                .isInstanceOf(IOException.class).hasMessageContaining("reported twice");
        assertThat(out.completeChunks("s1")).isEmpty();
    }
}
