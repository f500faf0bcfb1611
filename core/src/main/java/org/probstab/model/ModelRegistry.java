package org.probstab.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.ScalarBatchLaw;
import org.probstab.estimator.EstimatorKind;
import org.probstab.estimator.EstimatorSettings;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.CellTable;
import org.probstab.table.Column;
import org.probstab.table.Row;

/**
 * The models probstab knows — those of core, then any {@link Model} other modules on the class path declare in
 * {@code META-INF/services/org.probstab.model.Model} — and the one place where raw parameter values (command line text or sweep-axis
 * numbers) become validated {@link CellParameters}: unknown keys are errors, required keys must be present,
 * every value is range-checked, defaults are filled in, then the model's cross-checks run (STYLE 7).
 */
public final class ModelRegistry {

    private static final Map<String, Model> MODELS = new LinkedHashMap<>();

    /**
     * Per model, built once: its parameters followed by the estimator parameters it takes, by name and by slot of the
     * model's {@link CellParameters.Layout}, with the parsed defaults — {@link #resolve} runs for every cell of a
     * sweep, so it must not rebuild lists, parse text or fill maps.
     *
     * @param numberSpecs    the numeric specs by slot
     * @param textSpecs      the text specs by slot
     * @param numberDefaults the parsed default by slot (NaN for a required parameter)
     * @param paperDefaults  the default under {@code --estimator paper} by slot (NaN: the ordinary default)
     */
    record Catalogue(List<ParameterSpec> all, Map<String, ParameterSpec> byName, CellParameters.Layout layout,
                     ParameterSpec[] numberSpecs, ParameterSpec[] textSpecs, double[] numberDefaults,
                     double[] paperDefaults, Column.Int64 elapsed) {

        /** Fills the parameters not given ({@code given} by slot, numbers first) with their defaults. */
        void fillDefaults(Model model, EstimatorKind estimator, boolean[] given, double[] numbers, String[] texts) {
            for (ParameterSpec spec : all) {
                int slot = spec.numeric() ? layout.numberSlot(spec.name())
                        : layout.numberCount() + layout.textSlot(spec.name());
                if (given[slot]) {
                    continue;
                }
                if (spec.numeric() && estimator == EstimatorKind.PAPER && !Double.isNaN(paperDefaults[slot])) {
                    numbers[slot] = paperDefaults[slot];
                    continue;
                }
                if (spec.required()) {
                    throw InvalidInputException.missing(spec.name(), spec.allowed() + " (model " + model.name() + ")");
                }
                if (spec.numeric()) {
                    numbers[slot] = numberDefaults[slot];
                } else {
                    texts[slot - layout.numberCount()] = spec.defaultValue();
                }
            }
        }
    }

    private static final Map<String, Catalogue> CATALOGUES = new HashMap<>();

    /** With {@code --estimator paper}, runs and steps default to the papers' 800 runs of at most 5000 steps. */
    private static final Map<String, String> PAPER_DEFAULTS = Map.of(EstimatorSettings.RUNS, "800",
            EstimatorSettings.STEPS, "5000");

    static {
        register(new MfGaussianModel());
        register(new MfDataModel());
        register(new MfTwoPointModel());
        register(new LinearRegressionModel());
        register(new RandomSymmetricModel());
        // Models of other modules on the class path (e.g. the gpu-worker's deep-net cells), in class-path order.
        for (Model m : java.util.ServiceLoader.load(Model.class, ModelRegistry.class.getClassLoader())) {
            register(m);
        }
    }

    private ModelRegistry() {
    }

    private static void register(Model m) {
        if (MODELS.putIfAbsent(m.name(), m) != null) {
            throw new IllegalStateException("two models are named " + m.name() + ": " + MODELS.get(m.name())
                    .getClass().getName() + " and " + m.getClass().getName());
        }
        List<ParameterSpec> all = new ArrayList<>(m.parameters());
        all.addAll(m.estimatorParameters());
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        List<String> numeric = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (ParameterSpec s : all) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalStateException("model " + m.name() + " declares parameter " + s.name()
                        + " twice (its own and a shared estimator parameter?): a model that has its own "
                        + s.name() + " leaves it out of estimatorParameters()");
            }
            (s.numeric() ? numeric : text).add(s.name());
        }
        CellParameters.Layout layout = CellParameters.Layout.of(numeric, text);
        ParameterSpec[] numberSpecs = new ParameterSpec[layout.numberCount()];
        ParameterSpec[] textSpecs = new ParameterSpec[layout.textCount()];
        double[] defaults = new double[numberSpecs.length];
        double[] paper = new double[numberSpecs.length];
        for (ParameterSpec s : all) {
            if (s.numeric()) {
                int slot = layout.numberSlot(s.name());
                numberSpecs[slot] = s;
                defaults[slot] = s.defaultValue() == null ? Double.NaN : s.parseNumber(s.defaultValue());
                String paperDefault = EstimatorSettings.PARAMETERS.contains(s) ? PAPER_DEFAULTS.get(s.name()) : null;
                paper[slot] = paperDefault == null ? Double.NaN : s.parseNumber(paperDefault);
            } else {
                textSpecs[layout.textSlot(s.name())] = s;
            }
        }
        if (!m.kind().accepts(CellTable.CELL_ID)) {
            throw new IllegalStateException("model " + m.name() + " fills " + m.kind() + ", not a table of cells");
        }
        CATALOGUES.put(m.name(), new Catalogue(List.copyOf(all), byName, layout, numberSpecs, textSpecs, defaults,
                paper, (Column.Int64) m.kind().column("elapsed_ns")));
    }

    static Catalogue catalogue(Model model) {
        Catalogue c = CATALOGUES.get(model.name());
        if (c == null) {
            throw new IllegalArgumentException("model " + model.name() + " is not registered");
        }
        return c;
    }

    /** Model names in registration order. */
    public static List<String> names() {
        return List.copyOf(MODELS.keySet());
    }

    /** The model of that name, or an error listing the known ones. */
    public static Model get(String name) {
        Model m = MODELS.get(name);
        if (m == null) {
            throw InvalidInputException.unknown(name == null ? "null" : name, "model", MODELS.keySet());
        }
        return m;
    }

    /** The model's parameters followed by the shared estimator parameters it takes. */
    public static List<ParameterSpec> parameters(Model model) {
        return catalogue(model).all();
    }

    /** The spec of one parameter of the model, or an error listing the allowed names. */
    public static ParameterSpec parameter(Model model, String key) {
        ParameterSpec s = catalogue(model).byName().get(key);
        if (s != null) {
            return s;
        }
        throw InvalidInputException.unknown(key, "parameter of model " + model.name(),
                parameters(model).stream().map(ParameterSpec::name).toList());
    }

    /**
     * Validates raw values: each is a {@link String} (command line) or a {@link Number} (sweep axes, HOCON).
     */
    public static CellParameters resolve(Model model, Map<String, ?> raw, EstimatorKind estimator) {
        Catalogue c = catalogue(model);
        CellParameters.Layout layout = c.layout();
        double[] numbers = new double[layout.numberCount()];
        String[] texts = new String[layout.textCount()];
        boolean[] given = new boolean[numbers.length + texts.length];
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            ParameterSpec spec = parameter(model, e.getKey());
            Object v = e.getValue();
            if (spec.numeric()) {
                int slot = layout.numberSlot(spec.name());
                numbers[slot] = v instanceof Number num ? spec.check(num.doubleValue())
                        : spec.parseNumber(String.valueOf(v));
                given[slot] = true;
            } else {
                int slot = layout.textSlot(spec.name());
                texts[slot] = spec.checkText(String.valueOf(v));
                given[numbers.length + slot] = true;
            }
        }
        c.fillDefaults(model, estimator, given, numbers, texts);
        CellParameters p = layout.cell(numbers, texts);
        model.validate(p, estimator);
        return p;
    }

    /**
     * The resolver of the cells of one grid: the fixed parameters validated once, each axis's values range-checked
     * once, so that a cell costs only the model's cross-checks ({@link CellResolver}).
     *
     * @param fixed      the raw fixed parameters (as for {@link #resolve})
     * @param axisNames  the parameters that vary from cell to cell
     * @param axisValues for each axis, its raw values (numbers or texts)
     */
    public static CellResolver resolver(String modelName, Map<String, ?> fixed, List<String> axisNames,
                                        List<? extends List<?>> axisValues, EstimatorKind estimator) {
        return new CellResolver(get(modelName), fixed, axisNames, axisValues, estimator);
    }

    /**
     * The law of χ_B of one cell of a commuting model (parameters validated as for {@code auto}), e.g. to draw
     * trajectories of z_{t+1} = (1 − λχ_B) z_t from it.
     */
    public static ScalarBatchLaw scalarLaw(String modelName, Map<String, ?> raw, long seed) {
        Model model = get(modelName);
        CellParameters p = resolve(model, raw, EstimatorKind.AUTO);
        return model.scalarLaw(p, seed).orElseThrow(() -> InvalidInputException.of("model", "model " + modelName
                + " is not a commuting (rank-1) model: allowed " + String.join(", ", MODELS.values().stream()
                .filter(m -> m.name().startsWith("mf-") || m.name().equals("linreg")).map(Model::name).toList())));
    }

    /**
     * The theory cell of one cell of a model ({@link Model#theory}), its parameters validated as for {@code auto};
     * empty when the model has none.
     */
    public static java.util.Optional<TheoryCell> theory(String modelName, Map<String, ?> raw) {
        Model model = get(modelName);
        return model.theory(resolve(model, raw, EstimatorKind.AUTO));
    }

    /** Resolves and evaluates one cell of a grid (level 0). */
    public static Row evaluate(String modelName, Map<String, ?> raw, EstimatorKind estimator, long seed,
                               long cellId) {
        return evaluate(modelName, raw, estimator, seed, cellId, 0);
    }

    /**
     * Resolves and evaluates one cell: a row of the model's table kind with its {@code cell_id}, {@code level} and
     * the wall time of the evaluation in {@code elapsed_ns}.
     */
    public static Row evaluate(String modelName, Map<String, ?> raw, EstimatorKind estimator, long seed,
                               long cellId, int level) {
        Model model = get(modelName);
        return evaluate(model, catalogue(model).elapsed(), resolve(model, raw, estimator), estimator, seed, cellId,
                level);
    }

    /** Evaluates one cell of validated parameters (see above); {@code elapsed} is the kind's timing column. */
    static Row evaluate(Model model, Column.Int64 elapsed, CellParameters p, EstimatorKind estimator, long seed,
                        long cellId, int level) {
        Row.Builder out = model.kind().newRow().set(CellTable.CELL_ID, cellId).set(CellTable.LEVEL, level);
        long t0 = System.nanoTime();
        model.evaluate(p, estimator, seed, cellId, out);
        return out.set(elapsed, System.nanoTime() - t0).build();
    }
}
