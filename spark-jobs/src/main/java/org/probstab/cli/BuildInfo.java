package org.probstab.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of this build, from the jar manifest or the Maven project version. */
public final class BuildInfo implements IVersionProvider {

    /** The code version recorded in manifests of tables. */
    public static String version() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"probstab " + version() + " (Java " + Runtime.version() + ")"};
    }
}
