package org.probstab.notebooks;

import java.nio.file.Path;

/** Where the build put things (surefire system properties of notebooks/pom.xml), with fallbacks for an IDE run. */
final class NotebookPaths {

    private NotebookPaths() {
    }

    private static Path property(String key, String fallback) {
        return Path.of(System.getProperty(key, fallback)).toAbsolutePath().normalize();
    }

    /** {@code notebooks/}: the notes. */
    static Path notebooks() {
        return property("probstab.notebooks", ".");
    }

    /** {@code conf/}: the sweep configs. */
    static Path conf() {
        return property("probstab.conf", "../conf");
    }

    /** The JDK 17 flags Spark needs ({@code jdk17.opens} of {@code conf/jvm.properties}), for the JVMs tests start. */
    static String jdk17Flags() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = java.nio.file.Files.newBufferedReader(conf().resolve("jvm.properties"))) {
            p.load(r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String flags = p.getProperty("jdk17.opens");
        if (flags == null || flags.isBlank()) {
            throw new IllegalStateException("conf/jvm.properties has no jdk17.opens");
        }
        return flags.trim();
    }

    /** Where the tests write their tables (fresh in every build). */
    static Path tables() {
        return property("probstab.tables", "target/tables");
    }

    /** The Zeppelin home the tests assemble. */
    static Path zeppelinHome() {
        return property("probstab.zeppelin.home", "target/zeppelin-home");
    }

    /** {@code notebooks/zeppelin-server/target}: the server jars Maven copied ({@code lib/}). */
    static Path zeppelinServerJars() {
        return property("probstab.zeppelin.server", "zeppelin-server/target");
    }

    /** {@code notebooks/zeppelin-spark/target}: the interpreter jars Maven copied. */
    static Path zeppelinSparkJars() {
        return property("probstab.zeppelin.spark", "zeppelin-spark/target");
    }
}
