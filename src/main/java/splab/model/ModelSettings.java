package splab.model;

import java.util.Locale;

/**
 * The {@code model} section of a lab config: the architecture choices a researcher makes. The vocabulary
 * size and the longest sequence follow from the data settings, so they are not keys here (see
 * {@link #toConfig(int, int)}).
 *
 * @param dModel    width of the residual stream (the paper: 512)
 * @param heads     attention heads per layer (1, 2, 4, 8 compared in the paper)
 * @param layers    decoder blocks (the paper: 2)
 * @param mlpWidth  hidden width of each MLP; 0 means 4 x dModel
 * @param dropout   dropout rate in [0, 1)
 * @param positions {@code rope} (rotary, as in the paper) or {@code learned} absolute positions
 */
public record ModelSettings(int dModel, int heads, int layers, int mlpWidth, double dropout, String positions) {

    public ModelSettings {
        if (mlpWidth < 0) {
            throw new IllegalArgumentException("model.mlpWidth must be >= 0 (0 = 4 x dModel), got " + mlpWidth);
        }
        build(16, 16, dModel, heads, layers, mlpWidth, dropout, positions); // the model's own checks
    }

    public static ModelSettings defaults() {
        return new ModelSettings(128, 4, 2, 0, 0.0, "rope");
    }

    /** The model's shape for a vocabulary and a longest sequence. */
    public ModelConfig toConfig(int vocabSize, int maxSeqLen) {
        return build(vocabSize, maxSeqLen, dModel, heads, layers, mlpWidth, dropout, positions);
    }

    private static ModelConfig build(int vocabSize, int maxSeqLen, int dModel, int heads, int layers, int mlpWidth,
            double dropout, String positions) {
        ModelConfig.Positions p = positionsOf(positions);
        try {
            return new ModelConfig(vocabSize, maxSeqLen, dModel, heads, layers, mlpWidth == 0 ? 4 * dModel : mlpWidth,
                    (float) dropout, p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model." + e.getMessage(), e);
        }
    }

    private static ModelConfig.Positions positionsOf(String s) {
        try {
            return ModelConfig.Positions.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("model.positions must be rope or learned, got '" + s + "'");
        }
    }
}
