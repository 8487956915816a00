package splab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import splab.data.Vocabulary;

/**
 * Greedy decoding with a {@link KeyValueCache}: the same tokens as {@link GreedyDecoder} (arg-max until
 * {@code <eos>}, {@code maxNewTokens} or the model's context is full) at a fraction of the work. Prompts are
 * grouped by length, up to {@code batchSize} per group; each group's prompts run through the model once (the
 * prefill), then every step feeds only the newest token of each row. Rows that have finished keep being fed
 * until the whole group is done (their extra tokens are discarded), so all rows stay at the same position.
 */
public final class CachedGreedyDecoder {

    private final PathTransformer model;
    private final int eosToken;
    private final int batchSize;

    public CachedGreedyDecoder(PathTransformer model, int eosToken, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.model = model;
        this.eosToken = eosToken;
        this.batchSize = batchSize;
    }

    /** Decoder for the lab's layout with {@code maxNodes} node tokens ({@link Vocabulary}'s EOS). */
    public static CachedGreedyDecoder forMaxNodes(PathTransformer model, int maxNodes, int batchSize) {
        return new CachedGreedyDecoder(model, new Vocabulary(maxNodes).eos(), batchSize);
    }

    /**
     * Returns, per prompt, the generated tokens only (the prompt excluded), ending with {@code <eos>} when the
     * model produced it; {@link GreedyDecoder#decode} gives the same result.
     */
    public int[][] decode(int[][] prompts, int maxNewTokens, NDManager manager) {
        int maxLen = model.config().maxSeqLen();
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int i = 0; i < prompts.length; i++) {
            if (prompts[i].length == 0 || prompts[i].length > maxLen) {
                throw new IllegalArgumentException("prompt " + i + " has length " + prompts[i].length
                        + "; it must be in 1.." + maxLen);
            }
            byLength.computeIfAbsent(prompts[i].length, k -> new ArrayList<>()).add(i);
        }
        int[][] out = new int[prompts.length][];
        for (List<Integer> group : byLength.values()) {
            for (int from = 0; from < group.size(); from += batchSize) {
                List<Integer> rows = group.subList(from, Math.min(group.size(), from + batchSize));
                int[][] generated = decodeEqualLength(rows.stream().map(i -> prompts[i]).toArray(int[][]::new),
                        maxNewTokens, manager);
                for (int r = 0; r < rows.size(); r++) {
                    out[rows.get(r)] = generated[r];
                }
            }
        }
        return out;
    }

    /** Decodes prompts that all have the same length. */
    private int[][] decodeEqualLength(int[][] prompts, int maxNewTokens, NDManager manager) {
        int n = prompts.length;
        int length = prompts[0].length;
        int steps = Math.min(maxNewTokens, model.config().maxSeqLen() - length);
        int[][] generated = new int[n][steps];
        int[] count = new int[n];
        boolean[] done = new boolean[n];
        int active = n;
        try (KeyValueCache cache = new KeyValueCache(model.config().layers(), manager)) {
            int[][] input = prompts;
            for (int step = 0; step < steps && active > 0; step++) {
                int[] best;
                try (NDManager sub = manager.newSubManager()) {
                    NDArray logits = model.forward(sub.create(input), cache, true); // [n, 1, vocab]
                    best = logits.argMax(2).toType(DataType.INT32, false).toIntArray();
                }
                input = new int[n][1];
                for (int r = 0; r < n; r++) {
                    input[r][0] = best[r];
                    if (!done[r]) {
                        generated[r][count[r]++] = best[r];
                        if (best[r] == eosToken) {
                            done[r] = true;
                            active--;
                        }
                    }
                }
            }
        }
        int[][] out = new int[n][];
        for (int r = 0; r < n; r++) {
            out[r] = Arrays.copyOf(generated[r], count[r]);
        }
        return out;
    }
}
