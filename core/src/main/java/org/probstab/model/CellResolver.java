package org.probstab.model;

import java.util.List;
import java.util.Map;
import org.probstab.config.InvalidInputException;
import org.probstab.estimator.EstimatorKind;
import org.probstab.param.CellParameters;
import org.probstab.param.ParameterSpec;
import org.probstab.table.Row;

/**
 * The validation of {@link ModelRegistry#resolve} split between a grid and its cells. A grid's fixed parameters
 * and each value of each axis are validated once, when the resolver is made (unknown keys, ranges, missing
 * required keys, defaults and the paper estimator's defaults, exactly as {@code resolve} does); a cell then takes
 * its axis values by index into a copy of the fixed values and runs only the model's cross-checks
 * ({@link Model#validate}), which depend on the combination. The parameters, and so the rows, are the ones
 * {@code resolve} gives for the same raw values. Immutable and thread-safe.
 */
public final class CellResolver {

    private final Model model;
    private final ModelRegistry.Catalogue catalogue;
    private final EstimatorKind estimator;
    private final double[] fixedNumbers;
    private final String[] fixedTexts;
    /** Per axis: its slot (numbers first, then texts at numberCount + text slot). */
    private final int[] axisSlots;
    /** Per axis: its checked numeric values (null for a text axis). */
    private final double[][] axisNumbers;
    /** Per axis: its checked text values (null for a numeric axis). */
    private final String[][] axisTexts;

    CellResolver(Model model, Map<String, ?> fixed, List<String> axisNames, List<? extends List<?>> axisValues,
                 EstimatorKind estimator) {
        if (axisNames.size() != axisValues.size()) {
            throw new IllegalArgumentException(axisNames.size() + " axis names for " + axisValues.size()
                    + " value lists");
        }
        this.model = model;
        this.catalogue = ModelRegistry.catalogue(model);
        this.estimator = estimator;
        CellParameters.Layout layout = catalogue.layout();
        int numberCount = layout.numberCount();
        fixedNumbers = new double[numberCount];
        fixedTexts = new String[layout.textCount()];
        boolean[] given = new boolean[numberCount + fixedTexts.length];
        for (Map.Entry<String, ?> e : fixed.entrySet()) {
            if (axisNames.contains(e.getKey())) {
                continue;
            }
            ParameterSpec spec = ModelRegistry.parameter(model, e.getKey());
            Object v = e.getValue();
            if (spec.numeric()) {
                int slot = layout.numberSlot(spec.name());
                fixedNumbers[slot] = checkNumber(spec, v);
                given[slot] = true;
            } else {
                int slot = layout.textSlot(spec.name());
                fixedTexts[slot] = spec.checkText(String.valueOf(v));
                given[numberCount + slot] = true;
            }
        }
        int axes = axisNames.size();
        axisSlots = new int[axes];
        axisNumbers = new double[axes][];
        axisTexts = new String[axes][];
        for (int k = 0; k < axes; k++) {
            ParameterSpec spec = ModelRegistry.parameter(model, axisNames.get(k));
            List<?> values = axisValues.get(k);
            if (spec.numeric()) {
                axisSlots[k] = layout.numberSlot(spec.name());
                axisNumbers[k] = new double[values.size()];
                for (int i = 0; i < values.size(); i++) {
                    axisNumbers[k][i] = checkNumber(spec, values.get(i));
                }
            } else {
                axisSlots[k] = numberCount + layout.textSlot(spec.name());
                axisTexts[k] = new String[values.size()];
                for (int i = 0; i < values.size(); i++) {
                    axisTexts[k][i] = spec.checkText(String.valueOf(values.get(i)));
                }
            }
            given[axisSlots[k]] = true;
        }
        catalogue.fillDefaults(model, estimator, given, fixedNumbers, fixedTexts);
    }

    private static double checkNumber(ParameterSpec spec, Object v) {
        return v instanceof Number num ? spec.check(num.doubleValue()) : spec.parseNumber(String.valueOf(v));
    }

    /** The model. */
    public Model model() {
        return model;
    }

    /**
     * The validated parameters of the cell with these axis indices (one per axis, in the order given).
     *
     * @throws InvalidInputException if the model's cross-checks refuse the combination
     */
    public CellParameters resolve(int[] index) {
        if (index.length != axisSlots.length) {
            throw new IllegalArgumentException(index.length + " indices for " + axisSlots.length + " axes");
        }
        double[] numbers = fixedNumbers.clone();
        String[] texts = fixedTexts.length == 0 ? fixedTexts : fixedTexts.clone();
        for (int k = 0; k < index.length; k++) {
            if (axisNumbers[k] != null) {
                numbers[axisSlots[k]] = axisNumbers[k][index[k]];
            } else {
                texts[axisSlots[k] - numbers.length] = axisTexts[k][index[k]];
            }
        }
        CellParameters p = catalogue.layout().cell(numbers, texts);
        model.validate(p, estimator);
        return p;
    }

    /**
     * Resolves and evaluates one cell, as {@link ModelRegistry#evaluate(String, Map, EstimatorKind, long, long, int)}
     * does with the same raw values.
     */
    public Row evaluate(int[] index, long seed, long cellId, int level) {
        return ModelRegistry.evaluate(model, catalogue.elapsed(), resolve(index), estimator, seed, cellId, level);
    }
}
