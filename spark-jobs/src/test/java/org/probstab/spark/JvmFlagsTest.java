package org.probstab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * The JDK 17 flags are listed once, in conf/jvm.properties: they hold every flag Spark's own launcher lists, and the
 * build passes them to the test JVM (so the launchers, which read the same file, get them too).
 */
class JvmFlagsTest {

    @Test
    void theOneListHoldsSparksFlagsAndReachesTheTestJvm() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(System.getProperty("basedir", "."), "..", "conf",
                "jvm.properties"))) {
            p.load(in);
        }
        List<String> ours = Arrays.asList(p.getProperty("jdk17.opens").trim().split("\\s+"));
        assertThat(ours).containsAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().trim().split("\\s+")));
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(ours);
    }
}
