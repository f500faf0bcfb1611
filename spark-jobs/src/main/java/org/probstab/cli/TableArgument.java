package org.probstab.cli;

import org.probstab.config.InvalidInputException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code TABLE [--where SQL]}: the table a reading command reads, and the rows it keeps. */
final class TableArgument {

    @Parameters(index = "0", paramLabel = "TABLE", description = "the table directory (a sweep's output)")
    String table;

    @Option(names = "--where", paramLabel = "SQL", description = "keep rows matching a Spark SQL condition, e.g."
            + " \"phase = 'III' and mu < 0.5\"")
    String where;

    /** A local TABLE must be a directory (checked before Spark starts). */
    void checkLocal() {
        java.net.URI uri = new org.apache.hadoop.fs.Path(table).toUri();
        if ((uri.getScheme() == null || uri.getScheme().equals("file"))
                && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(uri.getPath()))) {
            throw InvalidInputException.of("TABLE", "TABLE '" + table + "' is not a directory: allowed a phase"
                    + " table directory (a sweep's output)");
        }
    }
}
