package splab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import splab.data.Vocabulary;

/**
 * Batched greedy decoding: append the arg-max token to every prompt until it emits {@code <eos>},
 * reaches {@code maxNewTokens} or fills the model's context. Prompts may differ in length (for example
 * up to {@code <p>}, or up to {@code <p> s}). There is no key/value cache: each iteration re-runs the
 * model on the still-active rows, in a sub-manager that is closed at once, which is cheap at the lab's
 * sequence lengths and keeps memory flat.
 */
public final class GreedyDecoder {

    private final PathTransformer model;
    private final int eosToken;
    private final int padToken;

    public GreedyDecoder(PathTransformer model, int eosToken, int padToken) {
        this.model = model;
        this.eosToken = eosToken;
        this.padToken = padToken;
    }

    /** Decoder for the lab's layout with {@code maxNodes} node tokens ({@link Vocabulary}'s EOS and PAD). */
    public static GreedyDecoder forMaxNodes(PathTransformer model, int maxNodes) {
        Vocabulary vocab = new Vocabulary(maxNodes);
        return new GreedyDecoder(model, vocab.eos(), vocab.pad());
    }

    /**
     * Returns, per prompt, the generated tokens only (the prompt excluded), ending with {@code <eos>}
     * when the model produced it.
     */
    public int[][] decode(int[][] prompts, int maxNewTokens, NDManager manager) {
        return decode(prompts, maxNewTokens, manager, null);
    }

    /**
     * As {@link #decode(int[][], int, NDManager)}, with {@code hooks} (may be null) given to every forward pass, so
     * its edits apply at every step (e.g. to the prompt's edge positions, which every step recomputes).
     */
    public int[][] decode(int[][] prompts, int maxNewTokens, NDManager manager, ActivationRecorder hooks) {
        int maxLen = model.config().maxSeqLen();
        int n = prompts.length;
        int[][] sequences = new int[n][];
        int[] length = new int[n];
        List<List<Integer>> generated = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (prompts[i].length == 0 || prompts[i].length > maxLen) {
                throw new IllegalArgumentException("prompt " + i + " has length " + prompts[i].length
                        + "; it must be in 1.." + maxLen);
            }
            sequences[i] = Arrays.copyOf(prompts[i], maxLen);
            length[i] = prompts[i].length;
            generated.add(new ArrayList<>());
            done[i] = maxNewTokens <= 0 || length[i] == maxLen;
        }
        while (true) {
            int[] active = java.util.stream.IntStream.range(0, n).filter(i -> !done[i]).toArray();
            if (active.length == 0) {
                break;
            }
            int width = 0;
            for (int i : active) {
                width = Math.max(width, length[i]);
            }
            int[][] batch = new int[active.length][width];
            for (int r = 0; r < active.length; r++) {
                int i = active[r];
                System.arraycopy(sequences[i], 0, batch[r], 0, length[i]);
                Arrays.fill(batch[r], length[i], width, padToken);
            }
            int[] best;
            try (NDManager sub = manager.newSubManager()) {
                NDArray logits = model.forward(sub.create(batch), false, hooks);
                best = logits.argMax(2).toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
            }
            for (int r = 0; r < active.length; r++) {
                int i = active[r];
                int token = best[r * width + length[i] - 1];
                sequences[i][length[i]++] = token;
                generated.get(i).add(token);
                done[i] = token == eosToken || generated.get(i).size() >= maxNewTokens || length[i] == maxLen;
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = generated.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }
}
