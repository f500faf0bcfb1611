package org.probstab.sweep;

import static org.probstab.config.InvalidInputException.oneLine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.probstab.config.InvalidInputException;

/**
 * Reads a sweep config: a HOCON file (Typesafe Config) plus command-line overrides {@code key=value}, each a
 * HOCON assignment that wins over the file ({@code --set sweep.axes.lambda.steps=400}). Substitutions are
 * resolved; environment variables and system properties are <em>not</em> merged in, so a config means the same on
 * every machine. Syntax errors become one-line {@link InvalidInputException}s naming the file and line.
 */
public final class SweepConfig {

    private SweepConfig() {
    }

    /** The file with the overrides applied, resolved. */
    public static Config load(Path file, List<String> overrides) {
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.of("config", "config file '" + file + "' does not exist or is not a file");
        }
        Config base;
        try {
            base = ConfigFactory.parseFile(file.toFile(),
                    ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
        } catch (ConfigException e) {
            throw InvalidInputException.of("config", "malformed config " + oneLine(e.getMessage()));
        }
        return withOverrides(base, overrides);
    }

    /** A config given as text (tests, embedded use). */
    public static Config parse(String text, List<String> overrides) {
        Config base;
        try {
            base = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF));
        } catch (ConfigException e) {
            throw InvalidInputException.of("config", "malformed config " + oneLine(e.getMessage()));
        }
        return withOverrides(base, overrides);
    }

    private static Config withOverrides(Config base, List<String> overrides) {
        Config merged = base;
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw InvalidInputException.of("--set", "--set '" + o + "' is not key=value (e.g. --set"
                        + " sweep.axes.lambda.steps=400)");
            }
            String key = o.substring(0, eq).trim();
            Config one;
            try {
                one = ConfigFactory.parseString(key + " = " + o.substring(eq + 1),
                        ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF));
            } catch (ConfigException e) {
                throw InvalidInputException.of(key, "--set '" + o + "' is not a valid HOCON assignment: "
                        + oneLine(e.getMessage()));
            }
            merged = one.withFallback(merged);
        }
        try {
            return merged.resolve();
        } catch (ConfigException e) {
            throw InvalidInputException.of("config", "config cannot be resolved: " + oneLine(e.getMessage()));
        }
    }
}
