package org.probstab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.probstab.config.InvalidInputException;
import org.probstab.spark.TableReader;
import org.probstab.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code probstab export TABLE --csv}: prints a phase table (or the rows a {@code --where} SQL condition keeps) as
 * CSV on stdout, ordered by {@code sweep_id, cell_id}, so a table can be inspected without knowing Spark. Doubles
 * are printed in Java's shortest round-trip form (so the CSV is exact), −∞ as {@code -Infinity}, a null as an empty
 * field; {@code params} as {@code key=value;…} and arrays ({@code spectrum}, {@code singular_values}) as
 * {@code v1;v2;…}. Columns come in the order of the table's kind (its manifest's model), e.g. the net-cell kind for
 * {@code probstab train}'s tables.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print a phase table (or part of it) as CSV.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;


    @Mixin
    TableArgument input = new TableArgument();

    @Mixin
    MasterOption master = new MasterOption();

    @Option(names = "--csv", description = "CSV output (the default and only format)")
    boolean csv = true;


    @Option(names = "--columns", split = ",", paramLabel = "COL", description = "columns to print (default: all"
            + " but chunk)")
    List<String> columns;


    @Override
    public Integer call() throws Exception {
        input.checkLocal();
        String table = input.table;
        String where = input.where;
        SparkSession spark = Sessions.create("probstab export", master.or("local[1]"),
                Map.of("spark.ui.enabled", "false"));
        try {
            Dataset<Row> df;
            try {
                df = spark.read().parquet(table);
            } catch (Exception e) {
                throw InvalidInputException.of("TABLE", "TABLE '" + table + "' is not a readable phase table: "
                        + TableReader.firstLine(e));
            }
            List<String> all = new ArrayList<>(Arrays.asList(df.columns()));
            if (!all.contains("cell_id")) {
                throw InvalidInputException.of("TABLE", "TABLE '" + table + "' has no cell_id column: not a phase"
                        + " table");
            }
            List<String> selected = columns;
            if (selected == null) {
                // The table's own order (DESIGN §4): its kind from the manifest (a phase table when it has none),
                // the partition column sweep_id first, as written; chunk is bookkeeping.
                selected = new ArrayList<>();
                for (String c : TableReader.kind(spark, table).orElse(org.probstab.table.PhaseTable.KIND)
                        .tableColumnNames()) {
                    if (all.contains(c) && !c.equals("chunk")) {
                        selected.add(c);
                    }
                }
                for (String c : all) {
                    if (!selected.contains(c) && !c.equals("chunk")) {
                        selected.add(c);
                    }
                }
            }
            for (String c : selected) {
                if (!all.contains(c)) {
                    throw InvalidInputException.of("--columns", "unknown column '" + c + "': allowed "
                            + String.join(", ", all));
                }
            }
            if (where != null) {
                try {
                    df = df.where(where);
                    df.schema();
                } catch (Exception e) {
                    throw InvalidInputException.of("--where", "--where '" + where + "' is not a valid condition on"
                            + " this table: " + TableReader.firstLine(e));
                }
            }
            Dataset<Row> ordered = df.orderBy(functions.col("sweep_id"), functions.col("cell_id"))
                    .select(selected.stream().map(functions::col).toArray(Column[]::new));
            PrintWriter out = spec.commandLine().getOut();
            out.println(String.join(",", selected));
            Iterator<Row> rows;
            try {
                rows = ordered.toLocalIterator();
            } catch (Exception e) {
                throw InvalidInputException.of("--where", "--where '" + where + "': " + TableReader.firstLine(e));
            }
            StringBuilder line = new StringBuilder();
            while (rows.hasNext()) {
                Row r = rows.next();
                line.setLength(0);
                for (int i = 0; i < r.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append(field(r, i));
                }
                out.println(line);
            }
            out.flush();
        } finally {
            spark.stop();
        }
        return 0;
    }

    /**
     * Field {@code i} of a row as CSV. Maps and arrays go through {@link Row#getJavaMap} and {@link Row#getList},
     * which exist on every Scala version Spark is built for (the jar runs on Scala 2.12 and 2.13 builds alike).
     */
    static String field(Row r, int i) {
        String s;
        Object v = r.get(i);
        if (v == null) {
            return "";
        } else if (r.schema().fields()[i].dataType() instanceof org.apache.spark.sql.types.MapType) {
            Map<Object, Object> sorted = new TreeMap<>(r.getJavaMap(i));
            StringBuilder b = new StringBuilder();
            sorted.forEach((k, x) -> b.append(b.length() == 0 ? "" : ";").append(k).append('=').append(x));
            s = b.toString();
        } else if (r.schema().fields()[i].dataType() instanceof org.apache.spark.sql.types.ArrayType) {
            StringBuilder b = new StringBuilder();
            r.getList(i).forEach(x -> b.append(b.length() == 0 ? "" : ";").append(x));
            s = b.toString();
        } else {
            s = String.valueOf(v);
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
