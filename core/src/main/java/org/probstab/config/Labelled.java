package org.probstab.config;

import java.util.Arrays;
import java.util.List;

/**
 * A choice users write as a word (an estimator kind, an optimiser, an activation, ...): an enum constant with its
 * label. Parsing is the same for all of them: the constant whose label is the word, else one line naming the key,
 * the word and the labels allowed, in the order of declaration.
 */
public interface Labelled {

    /** The word users write for this choice. */
    String label();

    /** The labels of {@code type}'s constants, in the order of declaration. */
    static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList();
    }

    /**
     * The constant of {@code type} labelled {@code word}.
     *
     * @throws InvalidInputException naming {@code key}, the word and the labels allowed, if none is
     */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String key, String word) {
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(word)) {
                return e;
            }
        }
        throw InvalidInputException.outOfRange(key, "'" + word + "'", String.join("|", labels(type)));
    }
}
