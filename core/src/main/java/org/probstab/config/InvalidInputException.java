package org.probstab.config;

/**
 * Bad user input: a parameter, config key or path that is missing, unknown or out of range. The message is one
 * line naming the key, the offending value and what is allowed; the command line turns it into exit code 2
 * (DESIGN §8). All such messages are built here, so their shape is the same everywhere.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public InvalidInputException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The parameter or config key at fault. */
    public String key() {
        return key;
    }

    /** "{kind} 'key' = value is out of range: allowed …". */
    public static InvalidInputException outOfRange(String key, Object value, String allowed) {
        return new InvalidInputException(key, "parameter '" + key + "' = " + value + " is out of range: allowed "
                + allowed);
    }

    public static InvalidInputException notANumber(String key, String value, String allowed) {
        return new InvalidInputException(key, "parameter '" + key + "' = '" + value + "' is not a valid value: allowed "
                + allowed);
    }

    public static InvalidInputException unknown(String key, String kind, Iterable<String> allowed) {
        return new InvalidInputException(key, "unknown " + kind + " '" + key + "': allowed " + String.join(", ", allowed));
    }

    public static InvalidInputException missing(String key, String allowed) {
        return new InvalidInputException(key, "missing parameter '" + key + "': allowed " + allowed);
    }

    public static InvalidInputException of(String key, String message) {
        return new InvalidInputException(key, message);
    }

    /** A foreign message (a parser's, a file system's) folded onto one line, for embedding in these messages. */
    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
