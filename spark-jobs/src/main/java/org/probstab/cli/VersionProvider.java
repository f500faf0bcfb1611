package org.probstab.cli;

import org.probstab.spark.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code probstab --version}: the build's version and the JVM it runs on. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"probstab " + BuildInfo.version() + " (Java " + Runtime.version() + ")"};
    }
}
