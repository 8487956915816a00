package splab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import splab.config.ConfigLoader;
import splab.config.LabConfig;

/** The options every command that reads a config shares: {@code --config}, {@code --set}, {@code --seed}. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON config (sections data, model, train, navigate, spectral); default: the embedded defaults")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one config key, e.g. --set data.nMax=8 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "S", description = "The run's seed (same as --set seed=S)")
    Long seed;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The arguments as given on the command line (run.json records them). */
    List<String> arguments() {
        ParseResult parsed = command == null ? null : command.commandLine().getParseResult();
        return parsed == null ? List.of() : List.copyOf(parsed.originalArgs());
    }

    /** Resolves defaults, file, overrides and command-specific extras (applied last). */
    LabConfig resolve(List<String> extras) {
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        all.addAll(extras);
        return ConfigLoader.load(config, all);
    }
}
