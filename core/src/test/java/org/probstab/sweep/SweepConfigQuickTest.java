package org.probstab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probstab.config.InvalidInputException;

/** The quick size of a config: a block of overrides between the file and --set, never part of the sweep itself. */
class SweepConfigQuickTest {

    static final String WITH_QUICK = SweepSpecTest.ISSUE_EXAMPLE + """
            quick {
              sweep.axes.lambda.steps = 4
              sweep.params { S = 2 }
              output.path = "out/quick"
            }
            """;

    static SweepSpec spec(String text, boolean quick, String... overrides) {
        return SweepSpec.from(SweepConfig.parse(text, List.of(overrides), quick), "default-name");
    }

    @Test
    void theQuickBlockReplacesKeysAndMergesObjects() {
        SweepSpec quick = spec(WITH_QUICK, true);
        assertThat(quick.axes().get(0).size()).isEqualTo(4);
        assertThat(quick.axes().get(0).value(3)).isEqualTo(3.0);
        assertThat(quick.axes().get(1).size()).isEqualTo(200);
        // sweep.params { S = 2 } merges into the file's params: N and sigma stay.
        assertThat(quick.fixed()).containsEntry("S", 2.0).containsEntry("N", Double.POSITIVE_INFINITY)
                .containsEntry("sigma", 2.0);
        assertThat(quick.outputPath()).isEqualTo("out/quick");
    }

    @Test
    void withoutQuickTheBlockIsIgnoredAndTheSweepIsTheFilesOwn() {
        SweepSpec full = spec(WITH_QUICK, false);
        SweepSpec plain = spec(SweepSpecTest.ISSUE_EXAMPLE, false);
        assertThat(full.axes().get(0).size()).isEqualTo(200);
        assertThat(full.hash()).isEqualTo(plain.hash());
        assertThat(spec(WITH_QUICK, true).hash()).isNotEqualTo(full.hash());
    }

    @Test
    void setWinsOverTheQuickBlock() {
        SweepSpec s = spec(WITH_QUICK, true, "sweep.axes.lambda.steps=6");
        assertThat(s.axes().get(0).size()).isEqualTo(6);
        assertThat(s.fixed()).containsEntry("S", 2.0);
    }

    @Test
    void quickWithoutABlockOrABlockThatIsNotAnObjectIsOneLine() {
        Throwable none = catchThrowable(() -> spec(SweepSpecTest.ISSUE_EXAMPLE, true));
        assertThat(none).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) none).key()).isEqualTo("--quick");
        assertThat(none.getMessage()).contains("declares no quick size").doesNotContain("\n");
        Throwable list = catchThrowable(() -> spec(SweepSpecTest.ISSUE_EXAMPLE + "quick = [1, 2]\n", false));
        assertThat(list).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) list).key()).isEqualTo("quick");
    }
}
