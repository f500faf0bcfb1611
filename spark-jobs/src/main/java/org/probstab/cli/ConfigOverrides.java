package org.probstab.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --set KEY=VALUE} (repeatable): overrides of config keys, shared by every command that reads a config. */
final class ConfigOverrides {

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key (repeatable), e.g."
            + " --set sweep.axes.lambda.steps=400")
    List<String> overrides = List.of();
}
