package org.probstab.sweep;

import static org.probstab.config.InvalidInputException.oneLine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.probstab.config.InvalidInputException;

/**
 * Reads a sweep config: a HOCON file (Typesafe Config) plus command-line overrides {@code key=value}, each a
 * HOCON assignment that wins over the file ({@code --set sweep.axes.lambda.steps=400}). Substitutions are
 * resolved; environment variables and system properties are <em>not</em> merged in, so a config means the same on
 * every machine. Syntax errors become one-line {@link InvalidInputException}s naming the file and line.
 *
 * <p><b>Quick size.</b> A config may declare its small (CI) size in a top-level block {@code quick}, whose keys
 * replace the file's when {@code --quick} is asked for — objects merge key by key, anything else is replaced:
 * <pre>
 * quick {
 *   sweep.axes.lambda.steps = 4
 *   sweep.params { d = 8, h = 8, steps = 400 }     # merged into sweep.params: its other keys stay
 * }
 * </pre>
 * Precedence, lowest first: the file, its {@code quick} block (with {@code --quick}), each {@code --set} in order.
 * The block itself is never part of the sweep (it is removed either way), so it does not enter the config hash;
 * what it changes does.
 */
public final class SweepConfig {

    /** The top-level key of the quick size. */
    public static final String QUICK = "quick";

    private SweepConfig() {
    }

    /** The file with the overrides applied, resolved (at full size). */
    public static Config load(Path file, List<String> overrides) {
        return load(file, overrides, false);
    }

    /** The file at its quick size ({@code quick} true) or full size, with the overrides applied, resolved. */
    public static Config load(Path file, List<String> overrides, boolean quick) {
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
        return withOverrides(base, overrides, quick, "'" + file + "'");
    }

    /** A config given as text (tests, embedded use), at full size. */
    public static Config parse(String text, List<String> overrides) {
        return parse(text, overrides, false);
    }

    /** A config given as text at its quick or full size. */
    public static Config parse(String text, List<String> overrides, boolean quick) {
        Config base;
        try {
            base = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF));
        } catch (ConfigException e) {
            throw InvalidInputException.of("config", "malformed config " + oneLine(e.getMessage()));
        }
        return withOverrides(base, overrides, quick, "given as text");
    }

    private static Config withOverrides(Config base, List<String> overrides, boolean quick, String source) {
        Config merged = base.root().withoutKey(QUICK).toConfig();
        ConfigValue block = base.root().get(QUICK);
        if (block != null) {
            if (block.valueType() != ConfigValueType.OBJECT) {
                throw InvalidInputException.outOfRange(QUICK, block.render(ConfigRenderOptions.concise()),
                        "a block quick { key = value ... }");
            }
            if (quick) {
                merged = ((ConfigObject) block).toConfig().withFallback(merged);
            }
        } else if (quick) {
            throw InvalidInputException.of("--quick", "--quick: the config " + source + " declares no quick size:"
                    + " allowed a config with a block quick { ... } (or drop --quick)");
        }
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
