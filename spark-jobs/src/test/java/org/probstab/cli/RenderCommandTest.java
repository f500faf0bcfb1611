package org.probstab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code probstab render} and {@code figures}: bad input that is refused before Spark starts exits with 2. */
class RenderCommandTest {

    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProbstabCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void badInputExitsWithTwoAndOneLineNamingTheOption() {
        String[][] cases = {
            {"render", tmp.resolve("missing").toString(), "--png", tmp.resolve("a.png").toString()},
            {"render", tmp.toString(), "--png", tmp.resolve("a.png").toString(), "--size", "10x10"},
            {"render", tmp.toString(), "--png", tmp.resolve("a.png").toString(), "--overlay-rows", "1"},
            {"render", tmp.toString()},
            {"render", tmp.toString(), "--png", tmp.toString()},
            {"figures", "--conf", tmp.toString(), "--out", tmp.resolve("f").toString()},
        };
        String[] keys = {"TABLE", "--size", "--overlay-rows", "--png", "--png", "--conf"};
        for (int i = 0; i < cases.length; i++) {
            String[] o = run(cases[i]);
            assertThat(o[0]).as(String.join(" ", cases[i]) + ": " + o[2]).isEqualTo("2");
            assertThat(o[1]).isEmpty();
            assertThat(o[2].strip()).doesNotContain("\n").contains(keys[i]).contains("error:");
        }
    }
}
