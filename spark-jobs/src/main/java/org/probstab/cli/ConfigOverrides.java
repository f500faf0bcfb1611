package org.probstab.cli;

import java.nio.file.Path;
import java.util.List;
import org.probstab.sweep.SweepConfig;
import org.probstab.sweep.SweepSpec;
import picocli.CommandLine.Option;

/** {@code --set KEY=VALUE} (repeatable): overrides of config keys, shared by every command that reads a config. */
final class ConfigOverrides {

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key (repeatable), e.g."
            + " --set sweep.axes.lambda.steps=400")
    List<String> overrides = List.of();

    /**
     * The sweep of a config file with these overrides (at its quick size if asked); a config without a name is named
     * after its file, {@code conf/NAME.conf} → NAME.
     */
    SweepSpec sweep(Path config, boolean quick) {
        String fileName = config.getFileName().toString();
        String defaultName = fileName.endsWith(".conf") ? fileName.substring(0, fileName.length() - 5) : fileName;
        return SweepSpec.from(SweepConfig.load(config, overrides, quick), defaultName);
    }
}
