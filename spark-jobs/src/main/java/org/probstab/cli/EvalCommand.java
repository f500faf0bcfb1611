package org.probstab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.probstab.config.InvalidInputException;
import org.probstab.table.CellTable;
import org.probstab.table.Column;
import org.probstab.table.Row;
import org.probstab.estimator.EstimatorKind;
import org.probstab.model.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code probstab eval}: evaluates one cell and prints its row, in the columns of its model's table kind (phase,
 * simulation outcome or net cell). The output is a pure function of the
 * arguments (the wall time is left out unless {@code --timing}), so it is bit-identical across runs.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate one cell and print its row (the columns of its model's table kind).")
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "model: mf-gaussian, mf-data, mf-two-point, linreg,"
            + " random-sym, net-two-layer, mf-linear-50 (a net model trains its one cell), sgd-two-point,"
            + " sgd-four-minimum, sgd-swish, sgd-spred, sgd-relu (a simulation runs its runs)")
    String model;

    @Option(names = "--param", description = "a parameter as key=value (repeatable), e.g. --param lambda=0.3")
    List<String> params = List.of();

    @Option(names = "--estimator", defaultValue = "auto", description = "auto|exact|trajectory|paper"
            + " (default: ${DEFAULT-VALUE})")
    String estimator;

    @Option(names = "--seed", defaultValue = "1", description = "sweep seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--cell-id", defaultValue = "0", description = "cell id naming the random streams"
            + " (default: ${DEFAULT-VALUE})")
    long cellId;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--timing", description = "include elapsed_ns (then the output varies between runs)")
    boolean timing;

    @Override
    public Integer call() throws Exception {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw InvalidInputException.of(p, "--param '" + p + "' is not key=value: allowed e.g."
                        + " --param lambda=0.3");
            }
            String key = p.substring(0, eq).trim();
            if (raw.put(key, p.substring(eq + 1).trim()) != null) {
                throw InvalidInputException.of(key, "parameter '" + key + "' is given twice: allowed once");
            }
        }
        EstimatorKind kind = EstimatorKind.parse("estimator", estimator);
        Row result = ModelRegistry.evaluate(model, raw, kind, seed, cellId);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cell_id", cellId);
        row.put("seed", seed);
        row.put("estimator", kind.label());
        row.putAll(result.kind().values(result));
        row.remove(CellTable.LEVEL.name());
        if (!timing) {
            result.kind().columns().stream().filter(Column::timing).forEach(c -> row.remove(c.name()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
            out.println(mapper.writeValueAsString(row));
        } else {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                Object v = e.getValue();
                out.printf("%-13s %s%n", e.getKey(), v instanceof double[] a ? java.util.Arrays.toString(a) : v);
            }
        }
        out.flush();
        return 0;
    }
}
