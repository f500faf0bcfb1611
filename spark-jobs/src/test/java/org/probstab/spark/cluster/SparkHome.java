package org.probstab.spark.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Spark installation made from the Maven-resolved Spark jars, without a Spark distribution (DESIGN §9):
 * {@code jars/} holds symbolic links to the Spark runtime classpath the build wrote to
 * {@code target/spark-runtime-classpath.txt} (Spark, Scala, the shaded Hadoop client — not our code, not test
 * libraries), {@code conf/} is empty. Workers build their executors' classpath from {@code $SPARK_HOME/jars/*},
 * so what an executor can load is exactly what a real cluster would give it.
 */
final class SparkHome {

    /** System property naming the file of {@code dependency:build-classpath} output (set by surefire). */
    static final String CLASSPATH_FILE_PROPERTY = "probstab.sparkRuntimeClasspath";

    private final Path home;

    private SparkHome(Path home) {
        this.home = home;
    }

    /** Creates {@code dir} with {@code jars/} and {@code conf/}; reuses it when it exists already. */
    static SparkHome create(Path dir) {
        try {
            Path jars = dir.resolve("jars");
            Files.createDirectories(jars);
            Files.createDirectories(dir.resolve("conf"));
            for (Map.Entry<String, Path> e : runtimeJars().entrySet()) {
                Path link = jars.resolve(e.getKey());
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, e.getValue());
                }
            }
            return new SparkHome(dir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a SPARK_HOME in " + dir, e);
        }
    }

    /** The Spark runtime jars by link name (file name, made unique if two artifacts share one). */
    static Map<String, Path> runtimeJars() throws IOException {
        String property = System.getProperty(CLASSPATH_FILE_PROPERTY, "target/spark-runtime-classpath.txt");
        Path file = Path.of(property);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no Spark runtime classpath at " + file.toAbsolutePath()
                    + " (written by the build: mvn -pl spark-jobs -am generate-test-resources)");
        }
        Map<String, Path> jars = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (String entry : Files.readString(file).strip().split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path jar = Path.of(entry);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Spark runtime classpath entry " + jar + " does not exist");
            }
            String name = jar.getFileName().toString();
            for (int k = 2; !names.add(name); k++) {
                name = k + "-" + jar.getFileName();
            }
            jars.put(name, jar);
        }
        if (jars.keySet().stream().noneMatch(n -> n.startsWith("spark-core_"))) {
            throw new IllegalStateException(file + " holds no spark-core jar");
        }
        return jars;
    }

    Path path() {
        return home;
    }

    /** {@code conf/:jars/*}, as Spark's own scripts build it. */
    String classpath() {
        return home.resolve("conf") + "/" + java.io.File.pathSeparator + home.resolve("jars") + "/*";
    }

    /** The environment every Spark process of a test gets: loopback only, Scala 2.13, this installation. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_CONF_DIR", home.resolve("conf").toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    /**
     * JIT flag of every JVM of the cluster tests (daemons, drivers, executors): the client compiler only. These JVMs
     * live for seconds and spend most of them warming Spark up (class loading, Scala reflection, codegen); on 2
     * cores C2 compiling in the background doubles that. Measured for the test sweep on {@code local[2]}: 31-41 s
     * with tiered C2, 13-18 s with C1 only. Results do not depend on it (Java floating point is strict).
     */
    static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    /**
     * Daemon and driver JVM flags: a tag to find leftovers with {@code pkill -f}, {@link #QUICK_JIT}, plus
     * {@code extra}.
     */
    static List<String> jvmArgs(String tag, String... extra) {
        List<String> args = new ArrayList<>();
        args.add("-Dprobstab.test.process=" + tag);
        args.add(QUICK_JIT);
        args.addAll(List.of(extra));
        return args;
    }
}
