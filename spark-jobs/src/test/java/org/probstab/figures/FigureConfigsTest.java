package org.probstab.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepPlan;
import org.probstab.sweep.SweepSpec;

/** Every sweep config in conf/ loads and validates; every figure config cites its paper figure. */
class FigureConfigsTest {

    static final Path CONF = Path.of("..", "conf");

    @Test
    void everyConfigInConfLoadsAndValidates() throws IOException {
        List<Path> configs;
        try (Stream<Path> files = Files.list(CONF)) {
            // spark-defaults.conf is a Spark properties file, not a sweep.
            configs = files.filter(p -> p.toString().endsWith(".conf"))
                    .filter(p -> !p.getFileName().toString().equals("spark-defaults.conf")).sorted().toList();
        }
        assertThat(configs).hasSizeGreaterThanOrEqualTo(10);
        for (Path p : configs) {
            String name = p.getFileName().toString().replace(".conf", "");
            SweepSpec spec = SweepSpec.from(SweepConfig.load(p, List.of()), name);
            assertThat(spec.name()).as(p.toString()).isEqualTo(name);
            assertThat(new SweepPlan(spec).cellCount()).as(p.toString()).isPositive();
            if (Files.readString(p).contains("\nquick {")) {
                SweepSpec quick = SweepSpec.from(SweepConfig.load(p, List.of(), true), name);
                assertThat(new SweepPlan(quick).cellCount()).as(p + " --quick").isPositive()
                        .isLessThanOrEqualTo(new SweepPlan(spec).cellCount());
            }
        }
    }

    @Test
    void everyFigureConfigCitesAPaperFigureAndDeclaresAQuickSizeThatValidates() throws IOException {
        for (Figure f : Figures.FIGURES) {
            for (String c : f.configs()) {
                Path p = CONF.resolve(c);
                String header = Files.readAllLines(p).get(0);
                assertThat(header).as(c).startsWith("#").containsPattern("00[012] Fig\\. \\d");
                SweepSpec quick = SweepSpec.from(SweepConfig.load(p, List.of(), true), c);
                SweepSpec full = SweepSpec.from(SweepConfig.load(p, List.of()), c);
                assertThat(new SweepPlan(quick).cellCount()).as(c).isLessThanOrEqualTo(
                        new SweepPlan(full).cellCount()).isLessThanOrEqualTo(20_000);
                assertThat(quick.hash()).as(c + ": the quick block changes the sweep").isNotEqualTo(full.hash());
            }
        }
    }
}
