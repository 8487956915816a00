package splab.data;

/**
 * Token ids of the paper's path format. Node {@code v} is token {@code v} for {@code 0 <= v < maxNodes}, so a
 * sequence of ids reads as the graph's own vertex numbers; the special tokens follow:
 *
 * <pre>
 *   maxNodes + 0  &lt;pad&gt;   right padding, never scored
 *   maxNodes + 1  &lt;bos&gt;   start of sequence
 *   maxNodes + 2  &lt;e&gt;     closes an edge "u v &lt;e&gt;"
 *   maxNodes + 3  &lt;q&gt;     starts the query "s t"
 *   maxNodes + 4  &lt;p&gt;     starts the path "s ... t"
 *   maxNodes + 5  &lt;eos&gt;   ends the path
 * </pre>
 */
public record Vocabulary(int maxNodes) {
    public static final String[] SPECIAL_NAMES = {"<pad>", "<bos>", "<e>", "<q>", "<p>", "<eos>"};

    public Vocabulary {
        if (maxNodes < 2 || maxNodes > 64) {
            throw new IllegalArgumentException("maxNodes must be in 2..64, got " + maxNodes);
        }
    }

    /** The layout whose {@link #size()} is {@code vocabSize} (a model's vocabulary size). */
    public static Vocabulary ofSize(int vocabSize) {
        return new Vocabulary(vocabSize - SPECIAL_NAMES.length);
    }

    public int size() {
        return maxNodes + SPECIAL_NAMES.length;
    }

    public int pad() {
        return maxNodes;
    }

    public int bos() {
        return maxNodes + 1;
    }

    public int edgeEnd() {
        return maxNodes + 2;
    }

    public int query() {
        return maxNodes + 3;
    }

    public int pathStart() {
        return maxNodes + 4;
    }

    public int eos() {
        return maxNodes + 5;
    }

    public boolean isNode(int token) {
        return token >= 0 && token < maxNodes;
    }

    /** The token of node v. */
    public int node(int v) {
        if (v < 0 || v >= maxNodes) {
            throw new IllegalArgumentException(
                    "node " + v + " is outside the vocabulary's nodes 0.." + (maxNodes - 1) + " (raise maxNodes)");
        }
        return v;
    }

    /** Human-readable name of a token id: {@code "7"} or {@code "<e>"}. */
    public String name(int token) {
        if (isNode(token)) {
            return Integer.toString(token);
        }
        int k = token - maxNodes;
        if (k >= 0 && k < SPECIAL_NAMES.length) {
            return SPECIAL_NAMES[k];
        }
        return "<unk:" + token + ">";
    }

    /** Space-separated names, for printing sequences. */
    public String render(int[] tokens) {
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(name(t));
        }
        return sb.toString();
    }

    /** The longest sequence for a graph with m edges and a path of d edges, &lt;eos&gt; included. */
    public static int sequenceLength(int m, int d) {
        return 1 + 3 * m + 3 + 1 + (d + 1) + 1;
    }
}
