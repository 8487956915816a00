package splab.train;

import splab.data.Batcher;

/**
 * A batch of right-padded token sequences in the lab's layout
 * ({@code <bos> u v <e> ... <q> s t <p> s ... t <eos> <pad>...}) and, per row, the index of {@code <p>}.
 * All rows have the same length. The loss is taken on the tokens after {@code <p>}, never on padding.
 *
 * <p>{@code validTargets} is null for the plain label objective. Otherwise {@code validTargets[b][k]} lists
 * every token accepted as the k-th scored target of row b (the token at index {@code pathStart[b] + 1 + k}):
 * the source, then at each step every neighbour one step closer to t, then {@code <eos>}.
 */
public record TokenBatch(int[][] tokens, int[] pathStart, int[][][] validTargets) {

    /** A batch scored against its label tokens only. */
    public TokenBatch(int[][] tokens, int[] pathStart) {
        this(tokens, pathStart, null);
    }

    public TokenBatch {
        if (tokens.length == 0 || tokens.length != pathStart.length) {
            throw new IllegalArgumentException("need one <p> index per row: " + tokens.length + " rows, "
                    + pathStart.length + " indexes");
        }
        int len = tokens[0].length;
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].length != len) {
                throw new IllegalArgumentException("row " + i + " has length " + tokens[i].length + ", row 0 " + len);
            }
            if (pathStart[i] < 0 || pathStart[i] >= len - 1) {
                throw new IllegalArgumentException("row " + i + ": <p> index " + pathStart[i]
                        + " leaves no token to predict in length " + len);
            }
            if (validTargets != null) {
                int scored = validTargets.length == tokens.length ? validTargets[i].length : -1;
                if (scored < 1 || pathStart[i] + scored >= len) {
                    throw new IllegalArgumentException("row " + i + ": " + scored + " valid-target sets do not fit after <p> at "
                            + pathStart[i] + " in length " + len);
                }
            }
        }
    }

    /** The batch of {@link Batcher}'s arrays (its valid-target sets included). */
    public static TokenBatch of(Batcher.Batch b) {
        return new TokenBatch(b.tokens(), b.pathStart(), b.validTargets());
    }

    public int size() {
        return tokens.length;
    }

    public int length() {
        return tokens[0].length;
    }
}
