package splab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Cross-entropy on the path tokens only. For input positions 0..L-2 the targets are tokens 1..L-1;
 * a target at sequence index j counts when j > index of {@code <p>} and it is not padding, so the
 * source right after {@code <p>}, every later node and {@code <eos>} are scored.
 *
 * <p>With valid-target sets ({@link TokenBatch#validTargets}) the loss at a position is instead
 * {@code -log Σ p(v)} over every accepted token v: the model is free to put its mass on any shortest path.
 *
 * <p>Every scalar is an NDArray on the batch's manager: {@code mul(Number)} under autograd frees its
 * temporary scalar before backward reads it, so the gradient would read freed memory.
 */
public final class PathLoss {

    private PathLoss() {
    }

    /** [B, L-1] float mask over target positions (1 = scored). */
    public static float[][] targetMask(TokenBatch batch, int padToken) {
        int len = batch.length();
        float[][] mask = new float[batch.size()][len - 1];
        for (int b = 0; b < batch.size(); b++) {
            for (int j = batch.pathStart()[b] + 1; j < len; j++) {
                if (batch.tokens()[b][j] != padToken) {
                    mask[b][j - 1] = 1f;
                }
            }
        }
        return mask;
    }

    /**
     * Mean negative log-likelihood over masked positions.
     *
     * @param logits [B, T, V] float
     * @param targets [B, T] int token ids
     * @param mask [B, T] float, 1 where scored
     */
    public static NDArray maskedCrossEntropy(NDArray logits, NDArray targets, NDArray mask) {
        NDManager m = logits.getManager();
        int vocab = (int) logits.getShape().get(2);
        NDArray picked = logits.logSoftmax(2)
                .mul(targets.toType(DataType.INT32, false).oneHot(vocab))
                .sum(new int[] {2});
        float count = Math.max(1f, mask.sum().getFloat());
        return picked.mul(mask).sum().neg().mul(m.create(1f / count));
    }

    /** Number of masked positions whose arg-max prediction equals the target. */
    public static long correctTokens(NDArray logits, NDArray targets, NDArray mask) {
        NDArray hit = logits.argMax(2).toType(DataType.INT32, false)
                .eq(targets.toType(DataType.INT32, false)).toType(DataType.FLOAT32, false);
        return (long) hit.mul(mask).sum().getFloat();
    }

    /** Log-mask value of a token outside the accepted set: exp of it is 0 in float32. */
    static final float EXCLUDED = -1e9f;

    /**
     * [B, L-1, V] additive log-mask, flattened: 0 for accepted tokens at scored positions, {@link #EXCLUDED}
     * for the others; 0 everywhere at unscored positions (they are masked out anyway).
     */
    public static NDArray validTargetLogMask(TokenBatch batch, int vocab, NDManager m) {
        int len = batch.length() - 1;
        float[] out = new float[batch.size() * len * vocab];
        for (int b = 0; b < batch.size(); b++) {
            int[][] sets = batch.validTargets()[b];
            for (int k = 0; k < sets.length; k++) {
                int pos = batch.pathStart()[b] + k; // predicts the token at pathStart + 1 + k
                int base = (b * len + pos) * vocab;
                java.util.Arrays.fill(out, base, base + vocab, EXCLUDED);
                for (int token : sets[k]) {
                    out[base + token] = 0f;
                }
            }
        }
        return m.create(out, new Shape(batch.size(), len, vocab));
    }

    /**
     * Mean over masked positions of {@code -log Σ_{v accepted} p(v)}, a log-sum-exp of the log-probabilities
     * restricted by {@code logMask}.
     *
     * @param logits [B, T, V] float
     * @param logMask [B, T, V] float from {@link #validTargetLogMask}
     * @param mask [B, T] float, 1 where scored
     */
    public static NDArray maskedSetCrossEntropy(NDArray logits, NDArray logMask, NDArray mask) {
        NDManager m = logits.getManager();
        NDArray x = logits.logSoftmax(2).add(logMask);
        NDArray top = x.max(new int[] {2}, true).stopGradient();
        NDArray lse = x.sub(top).exp().sum(new int[] {2}).log().add(top.squeeze(2));
        float count = Math.max(1f, mask.sum().getFloat());
        return lse.mul(mask).sum().neg().mul(m.create(1f / count));
    }

    /** Number of masked positions whose arg-max prediction is an accepted token. */
    public static long correctInSet(NDArray logits, NDArray logMask, NDArray mask) {
        int vocab = (int) logits.getShape().get(2);
        NDArray accepted = logMask.eq(logMask.getManager().create(0f)).toType(DataType.FLOAT32, false);
        NDArray hit = logits.argMax(2).toType(DataType.INT32, false).oneHot(vocab).toType(DataType.FLOAT32, false)
                .mul(accepted).sum(new int[] {2});
        return (long) hit.mul(mask).sum().getFloat();
    }
}
