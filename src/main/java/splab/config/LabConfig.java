package splab.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import splab.data.DataConfig;
import splab.data.Vocabulary;
import splab.model.ModelConfig;
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
 * @param model the transformer: the architecture is the {@code model} section; its vocabulary size and longest
 *              sequence follow from {@code data.maxNodes} and {@code data.nMax} (filled in here, not keys)
 * @param train the training recipe
 * @param navigate navigators to score and the Spectral Line Navigator's settings
 * @param spectral the comparison of edge representations and attention with the line-graph spectrum
 */
public record LabConfig(long seed, DataConfig data, @JsonIgnoreProperties({"vocabSize", "maxSeqLen"}) ModelConfig model,
        TrainConfig train, NavigateConfig navigate, SpectralConfig spectral) {

    public LabConfig {
        int nMax = data.nMax();
        model = model.withTokens(new Vocabulary(data.maxNodes()).size(),
                Vocabulary.sequenceLength(nMax * (nMax - 1) / 2, nMax - 1));
    }

    /** The embedded default configuration ({@code experiments/default.json} holds the same values). */
    public static LabConfig defaults() {
        return new LabConfig(1, DataConfig.defaults(), ModelConfig.defaults(), TrainConfig.defaults(), NavigateConfig.defaults(),
                SpectralConfig.defaults());
    }
}
