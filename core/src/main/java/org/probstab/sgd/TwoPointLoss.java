package org.probstab.sgd;

import java.util.List;
import java.util.Locale;
import org.probstab.config.InvalidInputException;
import org.probstab.config.Labelled;

/**
 * The one-dimensional losses of 002 §4–6 and App. A.1, with x drawn afresh at every step:
 * <pre>
 *   quadratic:  ℓ(w; x) = x w²/2,            ∇ℓ = x w          (002 eq. 4)
 *   quartic:    ℓ(w; x) = x w²/2 + w⁴/4,     ∇ℓ = x w + w³     (002 §6.1, Fig. 1-right, Fig. 5)
 * </pre>
 * (002 §5.1's remark writes the quartic as x w² + w⁴, and Fig. 1's caption as x w²/2 + w⁴; §6.1, which describes
 * the experiment, writes x w²/2 + w⁴/4, which is what is implemented.)
 */
public enum TwoPointLoss implements Labelled {
    QUADRATIC, QUARTIC;

    /** The word users write. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The words users may write. */
    public static List<String> labels() {
        return Labelled.labels(TwoPointLoss.class);
    }

    /** ∇ℓ(w; x). */
    public double gradient(double w, double x) {
        return this == QUARTIC ? x * w + w * w * w : x * w;
    }

    /** ℓ(w; x). */
    public double loss(double w, double x) {
        return this == QUARTIC ? x * w * w / 2 + w * w * w * w / 4 : x * w * w / 2;
    }

    /**
     * The loss named by {@code word}.
     *
     * @throws InvalidInputException naming {@code key} otherwise
     */
    public static TwoPointLoss parse(String key, String word) {
        return Labelled.parse(TwoPointLoss.class, key, word);
    }
}
