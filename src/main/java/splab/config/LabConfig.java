package splab.config;

import splab.data.DataConfig;
import splab.data.Vocabulary;
import splab.model.ModelConfig;
import splab.model.ModelSettings;
import splab.navigate.NavigateConfig;
import splab.analysis.SpectralConfig;
import splab.train.TrainConfig;

/**
 * The whole resolved configuration of a run. Defaults live here in code; a JSON file and {@code --set
 * key=value} overrides change them (see {@link ConfigLoader}); the resolved result is saved with every run.
 *
 * @param seed the one seed every random choice of the run derives from (training, sampling, the spectral nulls:
 *             each derives its own stream from it where it is used)
 * @param data graphs, labels and the split
 * @param model the transformer's architecture
 * @param train the training recipe
 * @param navigate navigators to score and the Spectral Line Navigator's settings
 * @param spectral the comparison of edge representations and attention with the line-graph spectrum
 */
public record LabConfig(long seed, DataConfig data, ModelSettings model, TrainConfig train, NavigateConfig navigate,
        SpectralConfig spectral) {

    /** The embedded default configuration ({@code experiments/default.json} holds the same values). */
    public static LabConfig defaults() {
        return new LabConfig(1, DataConfig.defaults(), ModelSettings.defaults(), TrainConfig.defaults(), NavigateConfig.defaults(),
                SpectralConfig.defaults());
    }

    /** The model's full shape: vocabulary from data.maxNodes, longest sequence from data.nMax. */
    public ModelConfig modelConfig() {
        int nMax = data.nMax();
        int longest = Vocabulary.sequenceLength(nMax * (nMax - 1) / 2, nMax - 1);
        return model.toConfig(new Vocabulary(data.maxNodes()).size(), longest);
    }
}
