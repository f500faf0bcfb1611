package org.probstab.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A ZEPPELIN_HOME assembled from the jars Maven resolved (no Zeppelin distribution is on Maven Central): the server
 * 0.10.0 ({@code notebooks/zeppelin-server}), and the Spark interpreter process ({@code notebooks/zeppelin-spark}):
 * the 0.10.1 shaded interpreter jar running the 0.9.0-preview1 Spark interpreter on Spark 3.1.2 / Scala 2.12.10,
 * with Scala 2.12.18's LambdaDeserializer first on its classpath (2.12.10's fails on JDK 17), and on both JVMs'
 * classpaths first a Thrift server socket that binds 127.0.0.1 ({@link LoopbackThrift}). Jars are linked, not copied.
 * Layout:
 *
 * <pre>
 *   bin/interpreter.sh                 what the server runs to start an interpreter process (written here)
 *   conf/log4j.properties
 *   lib/ → the server's jars
 *   lambdafix/ → scala/runtime/LambdaDeserializ*.class of 2.12.18
 *   loopback/server, loopback/interpreter   Thrift's TServerSocket binding 127.0.0.1 ({@link LoopbackThrift})
 *   interpreter/zeppelin-interpreter-shaded-0.10.1.jar
 *   interpreter/spark/*.jar, scala-2.12/, dep/ (Spark 3.1.2 and its dependencies)
 *   interpreter/spark/interpreter-setting.json   spark + sql only (the jar's own lists python/R interpreters)
 *   notebook/, logs/, run/, webapp/, local-repo/
 * </pre>
 */
final class ZeppelinHome {

    /** The interpreter properties of the tests (defaults of the {@code spark} setting). */
    static final Map<String, String> SPARK_PROPERTIES = Map.of(
            "spark.master", "local[2]",
            "spark.ui.enabled", "false",
            "spark.driver.host", "127.0.0.1",
            "spark.driver.bindAddress", "127.0.0.1",
            "spark.sql.shuffle.partitions", "2",
            "zeppelin.spark.useHiveContext", "false",
            "zeppelin.spark.enableSupportedVersionCheck", "false",
            "zeppelin.spark.scala.color", "false",
            "zeppelin.spark.deprecatedMsg.show", "false");

    /**
     * The Zeppelin JVMs live for one test class and run small jobs: the C1 compiler alone warms them up with far less
     * CPU than C1 + C2 on a 2-core machine.
     */
    static final String SHORT_RUN_JIT = "-XX:TieredStopAtLevel=1";

    final Path dir;

    private ZeppelinHome(Path dir) {
        this.dir = dir;
    }

    Path logs() {
        return dir.resolve("logs");
    }

    /** Assembles a fresh home at {@code dir} (anything there before is removed). */
    static ZeppelinHome assemble(Path dir, Path serverJars, Path sparkJars, String jvmFlags) throws IOException {
        TestTables.deleteTree(dir);
        for (String d : List.of("bin", "conf", "notebook", "logs", "run", "webapp", "local-repo", "interpreter/spark")) {
            Files.createDirectories(dir.resolve(d));
        }
        link(dir.resolve("lib"), existing(serverJars.resolve("lib")));
        link(dir.resolve("lambdafix"), existing(sparkJars.resolve("lambdafix")));
        Path shaded = onlyJar(sparkJars.resolve("interpreter"));
        link(dir.resolve("interpreter").resolve(shaded.getFileName()), shaded);
        Path spark = dir.resolve("interpreter/spark");
        Path interpreterJar = null;
        for (Path jar : jars(sparkJars.resolve("spark"))) {
            link(spark.resolve(jar.getFileName()), jar);
            if (jar.getFileName().toString().startsWith("spark-interpreter-")) {
                interpreterJar = jar;
            }
        }
        if (interpreterJar == null) {
            throw new IllegalStateException("no spark-interpreter jar in " + sparkJars.resolve("spark"));
        }
        link(spark.resolve("scala-2.12"), existing(sparkJars.resolve("spark/scala-2.12")));
        link(spark.resolve("dep"), existing(sparkJars.resolve("dep")));
        Files.writeString(spark.resolve("interpreter-setting.json"), sparkSetting(interpreterJar));
        Files.writeString(dir.resolve("conf/log4j.properties"), """
                log4j.rootLogger = WARN, stdout
                log4j.logger.org.apache.zeppelin = INFO
                log4j.appender.stdout = org.apache.log4j.ConsoleAppender
                log4j.appender.stdout.layout = org.apache.log4j.PatternLayout
                log4j.appender.stdout.layout.ConversionPattern = %5p [%d] ({%t} %c{1}) - %m%n
                """);
        try (Stream<Path> libs = Files.list(serverJars.resolve("lib"))) {
            Path thrift = libs.filter(p -> p.getFileName().toString().matches("libthrift-[0-9.]+\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no libthrift jar in " + serverJars.resolve("lib")));
            LoopbackThrift.compile("org.apache.thrift.transport", thrift, dir.resolve("loopback/server"));
        }
        LoopbackThrift.compile("org.apache.zeppelin.shaded.org.apache.thrift.transport", shaded,
                dir.resolve("loopback/interpreter"));
        ZeppelinHome home = new ZeppelinHome(dir);
        home.writeInterpreterLauncher(shaded, jvmFlags);
        return home;
    }

    /**
     * bin/interpreter.sh: the server calls it as {@code -d DIR -c HOST -p PORT -r RANGE -i GROUP -l REPO -g SETTING}
     * (the distribution's script, which Maven Central does not have); it execs the interpreter JVM, so that JVM is
     * the server's child process.
     */
    private void writeInterpreterLauncher(Path shadedJar, String jvmFlags) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = String.join(":", dir.resolve("lambdafix").toString(),
                dir.resolve("loopback/interpreter/classes").toString(),
                dir.resolve("interpreter").resolve(shadedJar.getFileName()).toString(),
                "${INTERPRETER_DIR}/*", "${INTERPRETER_DIR}/dep/*", dir.resolve("conf").toString());
        String script = """
                #!/usr/bin/env bash
                # Written by the probstab notebook tests (ZeppelinHome): starts a Zeppelin interpreter process.
                while getopts "hc:p:r:i:d:l:v:u:g:" o; do
                  case "$o" in
                    d) INTERPRETER_DIR=$OPTARG;; c) CALLBACK_HOST=$OPTARG;; p) CALLBACK_PORT=$OPTARG;;
                    r) PORT_RANGE=$OPTARG;; i) GROUP_ID=$OPTARG;; g) SETTING=$OPTARG;; *) ;;
                  esac
                done
                export ZEPPELIN_HOME='%1$s' ZEPPELIN_LOCAL_IP=127.0.0.1 SPARK_LOCAL_IP=127.0.0.1
                LOG="$ZEPPELIN_HOME/logs/interpreter-$SETTING-$GROUP_ID.log"
                exec '%2$s' %3$s -Xmx1g %5$s -Dzeppelin.log.file="$LOG" -cp "%4$s" \\
                  org.apache.zeppelin.interpreter.remote.RemoteInterpreterServer \\
                  "$CALLBACK_HOST" "$CALLBACK_PORT" "$GROUP_ID" "$PORT_RANGE" >> "$LOG" 2>&1
                """.formatted(dir, java, jvmFlags, cp, SHORT_RUN_JIT);
        Path sh = dir.resolve("bin/interpreter.sh");
        Files.writeString(sh, script);
        Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The jar's interpreter-setting.json reduced to spark + sql, with the tests' property defaults. */
    private static String sparkSetting(Path interpreterJar) throws IOException {
        JsonNode all;
        try (ZipFile zip = new ZipFile(interpreterJar.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("interpreter-setting.json"))) {
            all = Note.JSON.readTree(in);
        }
        ArrayNode kept = Note.JSON.createArrayNode();
        for (JsonNode i : all) {
            String name = i.path("name").asText();
            if (!name.equals("spark") && !name.equals("sql")) {
                continue;
            }
            ObjectNode copy = i.deepCopy();
            ObjectNode props = (ObjectNode) copy.get("properties");
            if (name.equals("spark")) {
                SPARK_PROPERTIES.forEach((key, value) -> setProperty(props, key, value));
            } else {
                setProperty(props, "zeppelin.spark.sql.stacktrace", "false");
            }
            kept.add(copy);
        }
        return Note.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(kept);
    }

    private static void setProperty(ObjectNode props, String key, String value) {
        ObjectNode found = null;
        for (JsonNode p : (Iterable<JsonNode>) props::elements) {
            if (p.path("propertyName").asText().equals(key)) {
                found = (ObjectNode) p;
            }
        }
        if (found == null) {
            found = props.putObject(key);
            found.putNull("envName");
            found.put("propertyName", key);
            found.put("description", "set by the probstab notebook tests");
        }
        boolean flag = value.equals("true") || value.equals("false");
        if (flag) {
            found.put("defaultValue", Boolean.parseBoolean(value));
            found.put("type", "checkbox");
        } else {
            found.put("defaultValue", value);
            found.put("type", "string");
        }
    }

    private static Path existing(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: Maven copies it in generate-resources of the"
                    + " notebooks/zeppelin-* modules (run the build from the root, or with -am)");
        }
        return p;
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(existing(dir))) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".jar")).sorted().toList());
        }
    }

    private static Path onlyJar(Path dir) throws IOException {
        List<Path> j = jars(dir);
        if (j.size() != 1) {
            throw new IllegalStateException("expected one jar in " + dir + ", found " + j);
        }
        return j.get(0);
    }

    private static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
