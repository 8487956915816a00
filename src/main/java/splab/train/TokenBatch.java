package splab.train;

/**
 * A batch of right-padded token sequences in the lab's layout
 * ({@code <bos> u v <e> ... <q> s t <p> s ... t <eos> <pad>...}) and, per row, the index of {@code <p>}.
 * All rows have the same length. The loss is taken on the tokens after {@code <p>}, never on padding.
 */
public record TokenBatch(int[][] tokens, int[] pathStart) {

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
        }
    }

    public int size() {
        return tokens.length;
    }

    public int length() {
        return tokens[0].length;
    }
}
