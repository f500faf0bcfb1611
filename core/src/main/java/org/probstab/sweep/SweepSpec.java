package org.probstab.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.EstimatorSettings;
import org.probstab.model.Model;
import org.probstab.model.ModelRegistry;
import org.probstab.param.ParameterSpec;

/**
 * A validated sweep (DESIGN §3): model, fixed parameters, axes, estimator, seed and output settings, parsed from a
 * HOCON config against a whitelist. Every key, value and range is checked here, before anything runs or is
 * written; a bad one is a one-line {@link InvalidInputException} whose key is the full config path.
 *
 * <pre>
 * sweep {
 *   name = "lambda-mu-ninf"          # [A-Za-z0-9._-], names the sweep_id
 *   model = mf-gaussian              # a model of ModelRegistry
 *   seed = 1                         # sweep seed (default 1)
 *   description = "..."              # optional free text, kept in the manifest
 *   params { S = 1, N = inf, sigma = 2.0 }   # fixed model parameters
 *   axes {                           # any model or estimator parameter; first in axis_order varies slowest
 *     lambda { from = 0.015, to = 3.0, steps = 200, scale = linear }   # or scale = log
 *     mu = [0.1, 0.5, 0.9]                                              # or a list (N may hold inf)
 *   }
 *   axis_order = [lambda, mu]        # optional; default: axis names in alphabetical order
 *   estimator { kind = auto, runs = 64, steps = 10000 }   # kind and the shared estimator parameters
 *   max_cells = 100000000            # refuse larger grids
 * }
 * output { path = "out/lambda-mu-ninf", chunk_cells = 0, wave_chunks = 0 }   # 0 = automatic (a model may
 *                                                                          # ask for its own chunk size)
 * </pre>
 *
 * <p>The config hash is SHA-256 of the canonical (sorted, concise JSON) rendering of the resolved {@code sweep}
 * block and the chunk size: everything that decides the table's content and layout, nothing that only says where
 * it goes.
 */
public record SweepSpec(String name, String model, long seed, String description, EstimatorKind estimator,
                        Map<String, Object> fixed, List<Axis> axes, long maxCells, String outputPath,
                        long chunkCells, long waveChunks, String canonical, String hash)
        implements java.io.Serializable {

    /** Default of {@code sweep.max_cells}. */
    public static final long DEFAULT_MAX_CELLS = 100_000_000L;
    /** Largest allowed {@code sweep.max_cells}. */
    public static final long MAX_MAX_CELLS = 1_000_000_000_000L;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Set<String> TOP_KEYS = Set.of("sweep", "output");
    private static final Set<String> SWEEP_KEYS = Set.of("name", "model", "seed", "description", "params", "axes",
            "axis_order", "estimator", "max_cells");
    private static final Set<String> OUTPUT_KEYS = Set.of("path", "chunk_cells", "wave_chunks");
    private static final Set<String> RANGE_KEYS = Set.of("from", "to", "steps", "scale");
    /** Largest number of points on one from/to/steps axis. */
    private static final int MAX_STEPS = 100_000_000;

    public SweepSpec {
        fixed = java.util.Collections.unmodifiableMap(new TreeMap<>(fixed));
        axes = List.copyOf(axes);
    }

    /** The partition value naming this sweep in tables: {@code name-hash8}. */
    public String sweepId() {
        return name + "-" + hash.substring(0, 8);
    }

    /** Parses and validates a resolved config; {@code defaultName} names the sweep if the config does not. */
    public static SweepSpec from(Config config, String defaultName) {
        checkKeys(config.root(), "", TOP_KEYS);
        if (!config.hasPath("sweep")) {
            throw InvalidInputException.missing("sweep", "a block sweep { model = ..., axes { ... } }");
        }
        ConfigObject sweepObject = object(config.root(), "sweep", "sweep");
        checkKeys(sweepObject, "sweep.", SWEEP_KEYS);
        Config sweep = sweepObject.toConfig();

        String name = sweep.hasPath("name") ? text(sweep, "name", "sweep.name") : defaultName;
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidInputException.outOfRange("sweep.name", "'" + name + "'",
                    "1 to 100 characters from [A-Za-z0-9._-]");
        }
        if (!sweep.hasPath("model")) {
            throw InvalidInputException.missing("sweep.model", String.join("|", ModelRegistry.names()));
        }
        String modelName = text(sweep, "model", "sweep.model");
        Model model;
        try {
            model = ModelRegistry.get(modelName);
        } catch (InvalidInputException e) {
            throw InvalidInputException.outOfRange("sweep.model", "'" + modelName + "'",
                    String.join("|", ModelRegistry.names()));
        }
        long seed = sweep.hasPath("seed") ? integer(sweep, "seed", "sweep.seed", 0, Long.MAX_VALUE) : 1L;
        String description = sweep.hasPath("description") ? text(sweep, "description", "sweep.description") : "";
        long maxCells = sweep.hasPath("max_cells")
                ? integer(sweep, "max_cells", "sweep.max_cells", 1, MAX_MAX_CELLS) : DEFAULT_MAX_CELLS;

        // Estimator: kind plus the shared estimator parameters.
        EstimatorKind kind = EstimatorKind.AUTO;
        Map<String, Object> fixed = new TreeMap<>();
        if (sweep.hasPath("estimator")) {
            ConfigObject est = object(sweepObject, "estimator", "sweep.estimator");
            Set<String> allowed = new TreeSet<>();
            allowed.add("kind");
            EstimatorSettings.PARAMETERS.forEach(p -> allowed.add(p.name()));
            checkKeys(est, "sweep.estimator.", allowed);
            if (est.containsKey("kind")) {
                kind = EstimatorKind.parse("sweep.estimator.kind", text(est.toConfig(), "kind",
                        "sweep.estimator.kind"));
            }
            for (String key : est.keySet()) {
                if (!key.equals("kind")) {
                    fixed.put(key, scalar(model, key, est.get(key), "sweep.estimator." + key));
                }
            }
        }
        if (sweep.hasPath("params")) {
            ConfigObject params = object(sweepObject, "params", "sweep.params");
            for (String key : new TreeSet<>(params.keySet())) {
                String path = "sweep.params." + key;
                parameter(model, key, path);
                if (fixed.containsKey(key)) {
                    throw InvalidInputException.of(path, "'" + key + "' is set twice (in sweep.params and"
                            + " sweep.estimator): allowed once");
                }
                fixed.put(key, scalar(model, key, params.get(key), path));
            }
        }

        // Axes.
        if (!sweep.hasPath("axes")) {
            throw InvalidInputException.missing("sweep.axes", "at least one axis, e.g. axes { lambda { from = 0.1,"
                    + " to = 2, steps = 100 } }");
        }
        ConfigObject axesObject = object(sweepObject, "axes", "sweep.axes");
        if (axesObject.isEmpty()) {
            throw InvalidInputException.of("sweep.axes", "sweep.axes is empty: allowed one or more axes");
        }
        Map<String, Axis> byName = new TreeMap<>();
        for (String key : axesObject.keySet()) {
            String path = "sweep.axes." + key;
            ParameterSpec spec = parameter(model, key, path);
            if (fixed.containsKey(key)) {
                throw InvalidInputException.of(path, "'" + key + "' is both an axis and a fixed parameter: allowed"
                        + " one of them");
            }
            byName.put(key, axis(spec, axesObject.get(key), path));
        }
        List<Axis> axes = orderAxes(sweep, byName);

        long cells = 1;
        for (Axis a : axes) {
            try {
                cells = Math.multiplyExact(cells, a.size());
            } catch (ArithmeticException e) {
                cells = Long.MAX_VALUE;
            }
        }
        if (cells > maxCells) {
            throw InvalidInputException.of("sweep.max_cells", "the grid has " + cells + " cells, more than"
                    + " sweep.max_cells = " + maxCells + ": shrink the axes or raise sweep.max_cells (allowed up to "
                    + MAX_MAX_CELLS + ")");
        }

        // Output.
        String outputPath = "out/" + name;
        long chunkCells = 0;
        long waveChunks = 0;
        if (config.hasPath("output")) {
            ConfigObject out = object(config.root(), "output", "output");
            checkKeys(out, "output.", OUTPUT_KEYS);
            Config o = out.toConfig();
            if (o.hasPath("path")) {
                outputPath = text(o, "path", "output.path");
                if (outputPath.isBlank()) {
                    throw InvalidInputException.outOfRange("output.path", "''", "a non-empty path or URI");
                }
            }
            if (o.hasPath("chunk_cells")) {
                chunkCells = integer(o, "chunk_cells", "output.chunk_cells", 0, 1_000_000_000L);
            }
            if (o.hasPath("wave_chunks")) {
                waveChunks = integer(o, "wave_chunks", "output.wave_chunks", 0, 1_000_000L);
            }
        }

        if (chunkCells == 0) {
            chunkCells = model.chunkCells();
        }
        SweepSpec candidate = new SweepSpec(name, modelName, seed, description, kind, fixed, axes, maxCells,
                outputPath, chunkCells, waveChunks, "", "0".repeat(64));
        SweepPlan.checkCombinations(candidate);

        String canonical = sweepObject.render(ConfigRenderOptions.concise());
        long resolvedChunk = SweepPlan.chunkCells(cells, chunkCells);
        String hash = sha256(canonical + "\nchunk_cells=" + resolvedChunk);
        return new SweepSpec(name, modelName, seed, description, kind, fixed, axes, maxCells, outputPath,
                chunkCells, waveChunks, canonical, hash);
    }

    /** This spec writing to another place (the command line's {@code --out}). */
    public SweepSpec withOutputPath(String path) {
        if (path == null || path.isBlank()) {
            throw InvalidInputException.outOfRange("--out", "''", "a non-empty path or URI");
        }
        return new SweepSpec(name, model, seed, description, estimator, fixed, axes, maxCells, path, chunkCells,
                waveChunks, canonical, hash);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<Axis> orderAxes(Config sweep, Map<String, Axis> byName) {
        if (!sweep.hasPath("axis_order")) {
            return new ArrayList<>(byName.values());
        }
        List<String> order;
        try {
            order = sweep.getStringList("axis_order");
        } catch (com.typesafe.config.ConfigException e) {
            throw InvalidInputException.outOfRange("sweep.axis_order", "'" + sweep.getValue("axis_order").unwrapped()
                    + "'", "a list of the axis names " + byName.keySet());
        }
        if (order.size() != byName.size() || !new TreeSet<>(order).equals(byName.keySet())) {
            throw InvalidInputException.outOfRange("sweep.axis_order", order, "each axis name exactly once: "
                    + byName.keySet());
        }
        List<Axis> axes = new ArrayList<>();
        order.forEach(n -> axes.add(byName.get(n)));
        return axes;
    }

    private static Axis axis(ParameterSpec spec, ConfigValue value, String path) {
        List<Object> values = new ArrayList<>();
        if (value.valueType() == ConfigValueType.LIST) {
            ConfigList list = (ConfigList) value;
            if (list.isEmpty()) {
                throw InvalidInputException.of(path, path + " is an empty list: allowed one or more values, "
                        + spec.allowed());
            }
            for (int i = 0; i < list.size(); i++) {
                Object v = scalarValue(spec, list.get(i), path + "[" + i + "]");
                if (values.contains(v)) {
                    throw InvalidInputException.of(path, path + " lists " + Axis.format(v) + " twice: allowed"
                            + " distinct values");
                }
                values.add(v);
            }
            return new Axis(spec.name(), values);
        }
        if (value.valueType() != ConfigValueType.OBJECT) {
            throw InvalidInputException.outOfRange(path, value.render(ConfigRenderOptions.concise()),
                    "a list [v1, v2, ...] or { from = a, to = b, steps = n, scale = linear|log }");
        }
        if (!spec.numeric()) {
            throw InvalidInputException.of(path, path + ": a text parameter needs a list of values, e.g. [with,"
                    + " without]");
        }
        ConfigObject range = (ConfigObject) value;
        checkKeys(range, path + ".", RANGE_KEYS);
        Config c = range.toConfig();
        for (String k : List.of("from", "to", "steps")) {
            if (!c.hasPath(k)) {
                throw InvalidInputException.missing(path + "." + k, "from, to and steps are all needed");
            }
        }
        double from = (Double) scalarValue(spec, range.get("from"), path + ".from");
        double to = (Double) scalarValue(spec, range.get("to"), path + ".to");
        int steps = (int) integer(c, "steps", path + ".steps", 1, MAX_STEPS);
        Axis.Scale scale = c.hasPath("scale") ? Axis.Scale.parse(path + ".scale", text(c, "scale", path + ".scale"))
                : Axis.Scale.LINEAR;
        if (Double.isInfinite(from) || Double.isInfinite(to)) {
            throw InvalidInputException.outOfRange(path, "from = " + Axis.format(from) + ", to = " + Axis.format(to),
                    "finite ends (put inf in a list instead: [3, 10, inf])");
        }
        if (from > to) {
            throw InvalidInputException.of(path + ".from", path + ".from = " + Axis.format(from) + " is above "
                    + path + ".to = " + Axis.format(to) + ": allowed from <= to");
        }
        if (from == to && steps > 1) {
            throw InvalidInputException.of(path + ".steps", path + ".steps = " + steps + " with from = to: allowed"
                    + " steps = 1 (or from < to)");
        }
        if (scale == Axis.Scale.LOG && from <= 0) {
            throw InvalidInputException.outOfRange(path + ".from", Axis.format(from), "> 0 with scale = log");
        }
        Axis axis = Axis.grid(spec.name(), from, to, steps, scale, spec.kind() == ParameterSpec.Kind.INTEGER);
        for (Object v : axis.values()) {
            checkValue(spec, (Double) v, path);
        }
        return axis;
    }

    private static Object scalar(Model model, String key, ConfigValue value, String path) {
        return scalarValue(parameter(model, key, path), value, path);
    }

    /** A single configured value: Double (numeric kinds, {@code inf} allowed where the parameter allows it) or text. */
    private static Object scalarValue(ParameterSpec spec, ConfigValue value, String path) {
        Object raw = value.unwrapped();
        if (value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST
                || value.valueType() == ConfigValueType.NULL) {
            throw InvalidInputException.outOfRange(path, value.render(ConfigRenderOptions.concise()),
                    spec.allowed());
        }
        if (!spec.numeric()) {
            return rename(path, () -> spec.checkText(String.valueOf(raw)));
        }
        if (raw instanceof Number n) {
            return checkValue(spec, n.doubleValue(), path);
        }
        return rename(path, () -> spec.parseNumber(String.valueOf(raw)));
    }

    private static Double checkValue(ParameterSpec spec, double v, String path) {
        return rename(path, () -> spec.check(v));
    }

    private static <T> T rename(String path, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            throw InvalidInputException.of(path, path + ": " + e.getMessage());
        }
    }

    private static ParameterSpec parameter(Model model, String key, String path) {
        try {
            return ModelRegistry.parameter(model, key);
        } catch (InvalidInputException e) {
            throw InvalidInputException.of(path, "unknown key '" + path + "': model " + model.name()
                    + " has parameters " + String.join(", ", ModelRegistry.parameters(model).stream()
                    .map(ParameterSpec::name).toList()));
        }
    }

    private static void checkKeys(ConfigObject object, String prefix, Set<String> allowed) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw InvalidInputException.of(prefix + key, "unknown key '" + prefix + key + "': allowed "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private static ConfigObject object(ConfigObject parent, String key, String path) {
        ConfigValue v = parent.get(key);
        if (v == null || v.valueType() != ConfigValueType.OBJECT) {
            throw InvalidInputException.outOfRange(path, v == null ? "null" : v.render(ConfigRenderOptions.concise()),
                    "a block " + key + " { ... }");
        }
        return (ConfigObject) v;
    }

    private static String text(Config c, String key, String path) {
        ConfigValue v = c.getValue(key);
        if (v.valueType() != ConfigValueType.STRING && v.valueType() != ConfigValueType.NUMBER
                && v.valueType() != ConfigValueType.BOOLEAN) {
            throw InvalidInputException.outOfRange(path, v.render(ConfigRenderOptions.concise()), "a text value");
        }
        return String.valueOf(v.unwrapped());
    }

    private static long integer(Config c, String key, String path, long min, long max) {
        ConfigValue v = c.getValue(key);
        String allowed = "integers in [" + min + ", " + max + "]";
        Object raw = v.unwrapped();
        double d;
        if (raw instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(String.valueOf(raw).trim());
            } catch (NumberFormatException e) {
                throw InvalidInputException.notANumber(path, String.valueOf(raw), allowed);
            }
        }
        if (Double.isNaN(d) || d != Math.rint(d) || d < min || d > max) {
            throw InvalidInputException.outOfRange(path, raw, allowed);
        }
        return raw instanceof Long || raw instanceof Integer ? ((Number) raw).longValue() : (long) d;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The axes as name → values (formatted), in order: for manifests and logs. */
    public Map<String, List<String>> axisSummary() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Axis a : axes) {
            m.put(a.name(), a.values().stream().map(Axis::format).toList());
        }
        return m;
    }
}
