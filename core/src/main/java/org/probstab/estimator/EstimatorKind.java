package org.probstab.estimator;

import java.util.List;
import org.probstab.config.Labelled;

/**
 * Which estimator a cell asks for (DESIGN §2). {@code auto} takes the exact method where one exists
 * (exact sum, enumeration, quadrature) and Monte-Carlo otherwise; {@code exact} refuses to fall back to
 * Monte-Carlo; {@code trajectory} runs renormalised products; {@code paper} runs the papers' cut-off protocol.
 */
public enum EstimatorKind implements Labelled {
    AUTO("auto"), EXACT("exact"), TRAJECTORY("trajectory"), PAPER("paper");

    private final String label;

    EstimatorKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** All labels, for messages. */
    public static List<String> labels() {
        return Labelled.labels(EstimatorKind.class);
    }

    /** Parses a label; bad input names the key and the allowed values. */
    public static EstimatorKind parse(String key, String raw) {
        return Labelled.parse(EstimatorKind.class, key, raw);
    }

    @Override
    public String toString() {
        return label;
    }
}
