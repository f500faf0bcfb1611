package org.probstab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probstab.table.RowDigest;

/**
 * The golden sweeps (STYLE 5): small seeded sweeps of every model with every estimator (src/test/resources/golden),
 * each cell evaluated as a sweep evaluates it, every column but the wall time hashed to the bit ({@link RowDigest})
 * and compared with the checked-in digests in golden/digests.txt. A change of random generator, JDK, or algorithm
 * that moves any bit of any cell fails here. When a change of results is intended (an accuracy improvement, a new
 * column), replace the digests with the printed ones in the same commit and say why.
 */
class GoldenSweepTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    /** name → {config file, --set overrides…}. */
    static Map<String, String[]> sweeps() {
        String data = "sweep.params.data=\"" + GOLDEN.resolve("data.csv").toAbsolutePath() + "\"";
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("mf-gaussian auto", new String[] {"mf-gaussian.conf"});
        m.put("mf-gaussian trajectory", new String[] {"mf-gaussian.conf", "sweep.estimator.kind=trajectory"});
        m.put("mf-gaussian paper", new String[] {"mf-gaussian.conf", "sweep.estimator.kind=paper"});
        m.put("mf-two-point auto", new String[] {"mf-two-point.conf"});
        m.put("mf-two-point trajectory", new String[] {"mf-two-point.conf", "sweep.estimator.kind=trajectory"});
        m.put("mf-data auto", new String[] {"mf-data.conf", data});
        m.put("linreg auto", new String[] {"linreg.conf"});
        m.put("linreg trajectory", new String[] {"linreg.conf", "sweep.estimator.kind=trajectory"});
        m.put("linreg paper", new String[] {"linreg.conf", "sweep.estimator.kind=paper"});
        m.put("linreg N=inf auto", new String[] {"linreg-ninf.conf"});
        m.put("random-sym qr", new String[] {"random-sym.conf"});
        m.put("random-sym vector", new String[] {"random-sym.conf", "sweep.params.product=vector"});
        m.put("random-sym paper", new String[] {"random-sym.conf", "sweep.estimator.kind=paper"});
        m.put("random-sym d=1 auto", new String[] {"random-sym-d1.conf"});
        m.put("random-sym d=1 trajectory", new String[] {"random-sym-d1.conf", "sweep.estimator.kind=trajectory"});
        m.put("sgd-two-point", new String[] {"sgd-two-point.conf"});
        m.put("sgd-four-minimum", new String[] {"sgd-others.conf"});
        m.put("sgd-swish", new String[] {"sgd-others.conf", "sweep.model=sgd-swish", "sweep.params.start=B"});
        m.put("sgd-spred", new String[] {"sgd-others.conf", "sweep.model=sgd-spred"});
        m.put("sgd-relu", new String[] {"sgd-others.conf", "sweep.model=sgd-relu", "sweep.params.theory_runs=4",
                "sweep.params.theory_steps=50"});
        return m;
    }

    static String digest(String[] sweep) {
        List<String> overrides = List.of(sweep).subList(1, sweep.length);
        SweepPlan plan = new SweepPlan(SweepSpec.from(SweepConfig.load(GOLDEN.resolve(sweep[0]), overrides), "g"));
        RowDigest d = new RowDigest();
        for (long id = 0; id < plan.cellCount(); id++) {
            d.add(plan.evaluate(id));
        }
        return d.hex() + "  " + d.rows();
    }

    @Test
    void everyGoldenSweepHasItsCheckedInDigest() throws IOException {
        List<String> actual = new ArrayList<>();
        sweeps().forEach((name, sweep) -> actual.add(digest(sweep) + "  " + name));
        List<String> expected = Files.readAllLines(GOLDEN.resolve("digests.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(actual).as("golden digests (sha256, rows, sweep); if the change is intended, put these in"
                + " golden/digests.txt:%n%s", String.join("\n", actual)).isEqualTo(expected);
    }

    /** The digest sees every bit: one ulp in one column of one cell changes it. */
    @Test
    void theDigestSeesOneUlp() {
        var row = org.probstab.model.ModelRegistry.evaluate("mf-two-point", Map.of("lambda", 0.5, "a", -1.0),
                org.probstab.estimator.EstimatorKind.AUTO, 1, 0);
        double e = row.get(org.probstab.table.PhaseTable.EXP_MINUS);
        var moved = row.toBuilder().set(org.probstab.table.PhaseTable.EXP_MINUS, Math.nextUp(e)).build();
        var slower = row.toBuilder().set(org.probstab.table.PhaseTable.ELAPSED_NS, 123_456_789L).build();
        String base = new RowDigest().add(row).hex();
        assertThat(new RowDigest().add(moved).hex()).isNotEqualTo(base);
        assertThat(new RowDigest().add(slower).hex()).isEqualTo(base);
    }
}
