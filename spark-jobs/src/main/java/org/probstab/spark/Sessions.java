package org.probstab.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the SparkSession of a probstab command (DESIGN §5, §9). The master is, in order: the command line's
 * {@code --master}, the {@code spark.master} that {@code spark-submit} set, or {@code local[*]}. Kryo with
 * registration required is always on. Run from {@code bin/probstab}, {@code conf/spark-defaults.conf} fills in
 * settings nobody else set; a local master binds to 127.0.0.1 and writes local files through
 * {@link NioLocalFileSystem} (no {@code chmod} process per file).
 */
public final class Sessions {

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private Sessions() {
    }

    public static SparkSession create(String appName, String master, Map<String, String> extra) {
        SparkConf conf = new SparkConf();
        if (master != null && !master.isBlank()) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setAppName(appName);
        ProbstabKryoRegistrator.SETTINGS.forEach(conf::set);
        conf.setIfMissing("spark.sql.debug.maxToStringFields", "200");
        extra.forEach(conf::set);
        String home = System.getProperty("probstab.home");
        if (home != null) {
            Path defaults = Path.of(home, "conf", "spark-defaults.conf");
            if (Files.isRegularFile(defaults)) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(defaults)) {
                    p.load(r);
                } catch (IOException e) {
                    LOG.warn("cannot read {}: {}", defaults, e.getMessage());
                }
                for (String key : p.stringPropertyNames()) {
                    if (!conf.contains(key)) {
                        conf.set(key, p.getProperty(key).strip());
                    }
                }
            }
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName());
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
