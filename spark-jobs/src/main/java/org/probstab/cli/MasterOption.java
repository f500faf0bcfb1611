package org.probstab.cli;

import picocli.CommandLine.Option;

/** {@code --master URL}, shared by every command that starts Spark; each command names its own fallback. */
final class MasterOption {

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2] or"
            + " spark://host:7077 (default: spark-submit's, else the command's own: local[*] to compute, local[1] to"
            + " read a table)")
    String master;

    /** The master given, else {@code fallback} (null: spark-submit's, else local[*]). */
    String or(String fallback) {
        return master != null ? master : fallback;
    }
}
