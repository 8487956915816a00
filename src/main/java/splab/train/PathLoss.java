package splab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Cross-entropy on the path tokens only. For input positions 0..L-2 the targets are tokens 1..L-1;
 * a target at sequence index j counts when j > index of {@code <p>} and it is not padding, so the
 * source right after {@code <p>}, every later node and {@code <eos>} are scored.
 *
 * <p>Every scalar is an NDArray on the batch's manager: {@code mul(Number)} under autograd frees its
 * temporary scalar before backward reads it (DJL trap 1).
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
}
