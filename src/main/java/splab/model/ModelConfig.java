package splab.model;

import splab.data.Vocabulary;

/**
 * The transformer's shape: the {@code model} section of a lab config (the architecture a researcher chooses) and
 * what a checkpoint records to rebuild the model. Every field is checked on construction, so a bad value fails
 * with a message naming the key instead of a native shape error deep in a forward pass.
 *
 * <p>{@code vocabSize} and {@code maxSeqLen} are not config keys: they follow from the data settings (the lab
 * config fills them in from {@code data.maxNodes} and {@code data.nMax}); 0 means "not filled in yet", and a
 * model cannot be built from such a config.
 *
 * @param vocabSize number of token ids ({@link Vocabulary#size()} of the lab's token layout), or 0
 * @param maxSeqLen longest sequence the model accepts (learned positions are sized by it), or 0
 * @param dModel width of the residual stream (the paper: 512)
 * @param heads attention heads per layer; must divide {@code dModel} (1, 2, 4, 8 compared in the paper)
 * @param layers number of decoder blocks (the paper: 2)
 * @param mlpWidth hidden width of each block's MLP; 0 means 4 x dModel (see {@link #hiddenWidth()})
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

    /** Position encoding: rotary (on queries and keys, as in the paper) or a learned table added to the embedding. */
    public enum Positions { ROPE, LEARNED }

    public ModelConfig {
        require(vocabSize == 0 || vocabSize >= 2, "model vocabSize must be at least 2, got " + vocabSize);
        require(maxSeqLen == 0 || maxSeqLen >= 2, "model maxSeqLen must be at least 2, got " + maxSeqLen);
        require(dModel >= 1, "model.dModel must be positive, got " + dModel);
        require(heads >= 1, "model.heads must be positive, got " + heads);
        require(dModel % heads == 0, "model.dModel (" + dModel + ") must be divisible by heads (" + heads + ")");
        require(layers >= 1, "model.layers must be positive, got " + layers);
        require(mlpWidth >= 0, "model.mlpWidth must be >= 0 (0 = 4 x dModel), got " + mlpWidth);
        require(dropout >= 0f && dropout < 1f, "model.dropout must be in [0, 1), got " + dropout);
        require(positions != null, "model.positions must be rope or learned");
        require(positions != Positions.ROPE || (dModel / heads) % 2 == 0,
                "model: RoPE needs an even head size, got dModel/heads = " + (dModel / heads));
    }

    /** The lab's default architecture: dModel 128, 4 heads, 2 layers, MLP 4 x dModel, no dropout, RoPE. */
    public static ModelConfig defaults() {
        return new ModelConfig(0, 0, 128, 4, 2, 0, 0f, Positions.ROPE);
    }

    /** Defaults of the lab (2 layers, MLP 4 x dModel, no dropout, RoPE) at a given size. */
    public static ModelConfig of(int vocabSize, int maxSeqLen, int dModel, int heads) {
        return new ModelConfig(vocabSize, maxSeqLen, dModel, heads, 2, 0, 0f, Positions.ROPE);
    }

    /** Vocabulary size for graphs of up to {@code maxNodes} nodes (the {@link Vocabulary} layout). */
    public static int vocabSizeFor(int maxNodes) {
        return new Vocabulary(maxNodes).size();
    }

    /** The same architecture for a vocabulary size and a longest sequence. */
    public ModelConfig withTokens(int newVocabSize, int newMaxSeqLen) {
        return new ModelConfig(newVocabSize, newMaxSeqLen, dModel, heads, layers, mlpWidth, dropout, positions);
    }

    /** The token layout this model reads and writes. */
    public Vocabulary vocabulary() {
        requireTokens();
        return Vocabulary.ofSize(vocabSize);
    }

    /** Fails unless {@code vocabSize} and {@code maxSeqLen} are filled in (a model needs both). */
    public void requireTokens() {
        require(vocabSize >= 2 && maxSeqLen >= 2, "a model needs vocabSize and maxSeqLen (they follow from the data "
                + "settings), got " + vocabSize + " and " + maxSeqLen);
    }

    public int headSize() {
        return dModel / heads;
    }

    /** The MLP's hidden width: {@code mlpWidth}, or 4 x dModel when it is 0. */
    public int hiddenWidth() {
        return mlpWidth == 0 ? 4 * dModel : mlpWidth;
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
