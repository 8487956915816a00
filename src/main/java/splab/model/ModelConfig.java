package splab.model;

import splab.data.Vocabulary;

/**
 * Shape of the decoder-only path transformer. Every field is checked on construction, so a bad
 * value fails with a message naming the field instead of a native shape error deep in a forward pass.
 *
 * @param vocabSize number of token ids ({@link Vocabulary#size()} of the lab's token layout)
 * @param maxSeqLen longest sequence the model accepts (learned positions are sized by it)
 * @param dModel width of the residual stream
 * @param heads attention heads per layer; must divide {@code dModel}
 * @param layers number of decoder blocks
 * @param mlpWidth hidden width of each block's MLP (4 x dModel by default)
 * @param dropout dropout rate on attention output and MLP output, in [0, 1)
 * @param positions how positions enter the model
 */
public record ModelConfig(
        int vocabSize,
        int maxSeqLen,
        int dModel,
        int heads,
        int layers,
        int mlpWidth,
        float dropout,
        Positions positions) {

    /** Position encoding: rotary (on queries and keys) or a learned table added to the embedding. */
    public enum Positions { ROPE, LEARNED }

    public ModelConfig {
        require(vocabSize >= 2, "vocabSize must be at least 2, got " + vocabSize);
        require(maxSeqLen >= 2, "maxSeqLen must be at least 2, got " + maxSeqLen);
        require(dModel >= 1, "dModel must be positive, got " + dModel);
        require(heads >= 1, "heads must be positive, got " + heads);
        require(dModel % heads == 0,
                "dModel (" + dModel + ") must be divisible by heads (" + heads + ")");
        require(layers >= 1, "layers must be positive, got " + layers);
        require(mlpWidth >= 1, "mlpWidth must be positive, got " + mlpWidth);
        require(dropout >= 0f && dropout < 1f, "dropout must be in [0, 1), got " + dropout);
        require(positions != null, "positions must be ROPE or LEARNED, got null");
        require(positions != Positions.ROPE || (dModel / heads) % 2 == 0,
                "RoPE needs an even head size, got dModel/heads = " + (dModel / heads));
    }

    /** Defaults of the lab: 2 layers, MLP 4 x dModel, no dropout, RoPE. */
    public static ModelConfig of(int vocabSize, int maxSeqLen, int dModel, int heads) {
        return new ModelConfig(vocabSize, maxSeqLen, dModel, heads, 2, 4 * dModel, 0f, Positions.ROPE);
    }

    /** Vocabulary size for graphs of up to {@code maxNodes} nodes (the {@link Vocabulary} layout). */
    public static int vocabSizeFor(int maxNodes) {
        return new Vocabulary(maxNodes).size();
    }

    /** The token layout this model reads and writes. */
    public Vocabulary vocabulary() {
        return Vocabulary.ofSize(vocabSize);
    }

    public int headSize() {
        return dModel / heads;
    }

    public ModelConfig withHeads(int h) {
        return new ModelConfig(vocabSize, maxSeqLen, dModel, h, layers, mlpWidth, dropout, positions);
    }

    public ModelConfig withLayers(int l) {
        return new ModelConfig(vocabSize, maxSeqLen, dModel, heads, l, mlpWidth, dropout, positions);
    }

    public ModelConfig withPositions(Positions p) {
        return new ModelConfig(vocabSize, maxSeqLen, dModel, heads, layers, mlpWidth, dropout, p);
    }

    public ModelConfig withDropout(float d) {
        return new ModelConfig(vocabSize, maxSeqLen, dModel, heads, layers, mlpWidth, d, positions);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
