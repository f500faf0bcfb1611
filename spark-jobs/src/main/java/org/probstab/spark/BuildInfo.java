package org.probstab.spark;

/** The version of this build, from the jar manifest or the Maven project version. */
public final class BuildInfo {

    private BuildInfo() {
    }

    /** The code version recorded in manifests of tables. */
    public static String version() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
