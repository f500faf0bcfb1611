package org.probstab.spark.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spark-submit} without the scripts: {@code java <module flags> <driver -D options> -cp SPARK_HOME/jars/*
 * org.apache.spark.deploy.SparkSubmit --master M --deploy-mode client --class C app.jar args} in its own JVM
 * (DESIGN §9). In client mode the driver is this JVM, so driver options go on the {@code java} line: loopback
 * addresses, UI off, the logging config, the heap.
 */
public final class SparkSubmitProcess {

    private SparkSubmitProcess() {
    }

    public static Builder builder(SparkHome sparkHome) {
        return new Builder(sparkHome);
    }

    /** What to submit; {@link #start()} launches it. */
    public static final class Builder {
        private final SparkHome sparkHome;
        private String name = "driver";
        private String master;
        private String mainClass;
        private Path appJar;
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> conf = new LinkedHashMap<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private String driverMemory = "512m";
        private Path log;
        private Path log4jConfig;

        private Builder(SparkHome sparkHome) {
            this.sparkHome = sparkHome;
            conf.put("spark.ui.enabled", "false");
            conf.put("spark.driver.host", "127.0.0.1");
            conf.put("spark.driver.bindAddress", "127.0.0.1");
            // Spark adds its JDK 17 module flags to these itself.
            conf.put("spark.executor.extraJavaOptions", SparkHome.QUICK_JIT);
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder master(String value) {
            master = value;
            return this;
        }

        public Builder mainClass(String value) {
            mainClass = value;
            return this;
        }

        public Builder appJar(Path value) {
            appJar = value;
            return this;
        }

        public Builder args(List<String> value) {
            args.addAll(value);
            return this;
        }

        /** A {@code --conf key=value} of spark-submit. */
        public Builder conf(String key, String value) {
            conf.put(key, value);
            return this;
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder driverMemory(String value) {
            driverMemory = value;
            return this;
        }

        public Builder log(Path value) {
            log = value;
            return this;
        }

        /** A log4j2 configuration for the driver (default: Spark's, INFO to stderr). */
        public Builder log4jConfig(Path value) {
            log4jConfig = value;
            return this;
        }

        /** The SparkSubmit arguments this builder stands for (for messages and for {@code bin/cluster-local}). */
        public List<String> submitArguments() {
            if (master == null || mainClass == null || appJar == null) {
                throw new IllegalStateException("master, mainClass and appJar must be set");
            }
            List<String> submit = new ArrayList<>(List.of("--master", master, "--deploy-mode", "client",
                    "--class", mainClass, "--name", name));
            for (Map.Entry<String, String> e : conf.entrySet()) {
                submit.add("--conf");
                submit.add(e.getKey() + "=" + e.getValue());
            }
            submit.add(appJar.toAbsolutePath().toString());
            submit.addAll(args);
            return submit;
        }

        /** Starts the driver JVM; its output goes to the log file. */
        public JvmProcess start() throws IOException {
            if (log == null) {
                throw new IllegalStateException("log must be set");
            }
            List<String> jvm = SparkHome.jvmArgs("probstab-driver-" + name, "-Xmx" + driverMemory,
                    "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1");
            if (log4jConfig != null) {
                jvm.add("-Dlog4j2.configurationFile=" + log4jConfig.toAbsolutePath());
            }
            Map<String, String> environment = new LinkedHashMap<>(sparkHome.environment());
            environment.putAll(env);
            return JvmProcess.start(name, jvm, sparkHome.classpath(), "org.apache.spark.deploy.SparkSubmit",
                    submitArguments(), environment, log);
        }
    }
}
