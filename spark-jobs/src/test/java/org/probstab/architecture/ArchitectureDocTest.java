package org.probstab.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probstab.table.CellTable;
import org.probstab.table.FractalTable;
import org.probstab.table.NetCellTable;
import org.probstab.table.PhaseTable;
import org.probstab.table.RefinedCellTable;
import org.probstab.table.SimulationTable;
import org.probstab.table.TableKind;

/** docs/architecture.md stays true: it names every column of every table kind, as `name`. */
class ArchitectureDocTest {

    @Test
    void theArchitecturePageNamesEveryColumnOfEveryKind() throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("basedir", "."), "..", "docs", "architecture.md"),
                StandardCharsets.UTF_8);
        for (TableKind kind : List.of(CellTable.KIND, PhaseTable.KIND, RefinedCellTable.KIND, SimulationTable.KIND,
                NetCellTable.KIND, FractalTable.KIND)) {
            assertThat(doc).as("kind %s", kind.name()).contains("**" + kind.name() + "**");
            for (String column : kind.columnNames()) {
                assertThat(doc).as("column %s of kind %s", column, kind.name()).contains("`" + column + "`");
            }
        }
    }
}
