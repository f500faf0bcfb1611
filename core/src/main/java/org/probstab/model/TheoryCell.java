package org.probstab.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The cell of an exactly solvable model that is the linearised theory of a cell of another model — e.g. a trained
 * network compared with the matrix-factorisation saddle of 000 Prop. 1 at the rate the network's saddle sees
 * (DESIGN §7). Pictures use it to draw the theory's exact boundaries over the other model's map: the theory's
 * λ-roots λ*ₜ are drawn at λ = λ*ₜ / {@code lambdaScale} on the map's own λ axis.
 *
 * @param model       the theory's model name (a model of {@link ModelRegistry} with exact exponents)
 * @param parameters  the theory cell's raw parameters, λ included: {@code lambda} = {@code lambdaScale} × the
 *                    cell's λ
 * @param lambdaScale the factor c from the cell's λ to the theory's, c &gt; 0
 */
public record TheoryCell(String model, Map<String, Object> parameters, double lambdaScale) {

    public TheoryCell {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a theory cell names its model");
        }
        if (!(lambdaScale > 0) || Double.isInfinite(lambdaScale)) {
            throw new IllegalArgumentException("lambdaScale must be finite and > 0, got " + lambdaScale);
        }
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** The theory's parameters without λ (a row of a boundary search along λ). */
    public Map<String, Object> parametersButLambda() {
        Map<String, Object> p = new TreeMap<>(parameters);
        p.remove("lambda");
        return p;
    }
}
