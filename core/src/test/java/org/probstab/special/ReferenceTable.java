package org.probstab.special;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The rows of one kind of {@code reference/special_functions_reference.csv} (kind,n,i,x,value,value2). */
final class ReferenceTable {

    /** One row: n and i (0 where empty), x, value and value2 as decimal strings' exact values. */
    record Row(int n, int i, BigDecimal x, BigDecimal value, BigDecimal value2) {
    }

    private ReferenceTable() {
    }

    static List<Row> rows(String kind) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ReferenceTable.class.getResourceAsStream("/reference/special_functions_reference.csv"),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (!f[0].equals(kind)) {
                    continue;
                }
                int n = f[1].isEmpty() ? 0 : Integer.parseInt(f[1]);
                int i = f[2].isEmpty() ? 0 : Integer.parseInt(f[2]);
                rows.add(new Row(n, i, new BigDecimal(f[3]), new BigDecimal(f[4]),
                        f[5].isEmpty() ? null : new BigDecimal(f[5])));
            }
        }
        assertThat(rows).as("rows of kind %s", kind).isNotEmpty();
        return rows;
    }

    /** |computed − reference| as a double (exact difference, then rounded). */
    static double error(double computed, BigDecimal reference) {
        return new BigDecimal(computed).subtract(reference).abs().doubleValue();
    }
}
