package org.probstab.estimator;

import java.util.Arrays;
import java.util.List;
import org.probstab.config.InvalidInputException;

/**
 * Which estimator a cell asks for (DESIGN §2). {@code auto} takes the exact method where one exists
 * (exact sum, enumeration, quadrature) and Monte-Carlo otherwise; {@code exact} refuses to fall back to
 * Monte-Carlo; {@code trajectory} runs renormalised products; {@code paper} runs the papers' cut-off protocol.
 */
public enum EstimatorKind {
    AUTO("auto"), EXACT("exact"), TRAJECTORY("trajectory"), PAPER("paper");

    private final String label;

    EstimatorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** All labels, for messages. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(EstimatorKind::label).toList();
    }

    /** Parses a label; bad input names the key and the allowed values. */
    public static EstimatorKind parse(String key, String raw) {
        for (EstimatorKind k : values()) {
            if (k.label.equals(raw)) {
                return k;
            }
        }
        throw InvalidInputException.outOfRange(key, "'" + raw + "'", String.join("|", labels()));
    }

    @Override
    public String toString() {
        return label;
    }
}
