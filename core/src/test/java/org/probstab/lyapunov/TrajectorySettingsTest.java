package org.probstab.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrajectorySettingsTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        TrajectorySettings s = TrajectorySettings.defaults();
        assertThat(s).isEqualTo(new TrajectorySettings(64, 10_000, 100, 1, 1e-3));
        assertThat(s.withRuns(8).withSteps(5).withBurnIn(0).withRenormEvery(3).withEpsilon(0.5))
                .isEqualTo(new TrajectorySettings(8, 5, 0, 3, 0.5));
    }

    @Test
    void invalidValuesAreRejectedWithTheFieldAndItsRange() {
        assertThatThrownBy(() -> new TrajectorySettings(0, 10, 0, 1, 1e-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("runs must be in [1, ");
        assertThatThrownBy(() -> new TrajectorySettings(1, 0, 0, 1, 1e-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("steps must be in [1, ");
        assertThatThrownBy(() -> new TrajectorySettings(1, 1, -1, 1, 1e-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("burnIn must be in [0, ");
        assertThatThrownBy(() -> new TrajectorySettings(1, 1, 0, 0, 1e-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("renormEvery must be in [1, ");
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new TrajectorySettings(1, 1, 0, 1, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("epsilon must be in (0, inf), got " + bad);
        }
    }
}
