package splab.config;

import splab.data.DataConfig;
import splab.navigate.NavigateConfig;

/**
 * The whole resolved configuration of a run. Defaults live here in code; a JSON file and {@code --set
 * key=value} overrides change them (see {@link ConfigLoader}); the resolved result is saved with every run.
 *
 * @param seed the one seed every random choice of the run derives from
 * @param data graphs, labels and the split
 * @param navigate navigators to score and the Spectral Line Navigator's settings
 */
public record LabConfig(long seed, DataConfig data, NavigateConfig navigate) {

    /** The embedded default configuration ({@code experiments/default.json} holds the same values). */
    public static LabConfig defaults() {
        return new LabConfig(1, DataConfig.defaults(), NavigateConfig.defaults());
    }

    public LabConfig withSeed(long newSeed) {
        return new LabConfig(newSeed, data, navigate);
    }
}
