package splab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes examples in the paper's format {@code <bos> u v <e> ... <q> s t <p> s ... t <eos>} and reads them
 * back. Edge order and the order of each edge's two endpoints are shuffled per call when a random source is
 * given (the model must not rely on the order the graph was written in).
 */
public final class PathTokenizer {
    private final Vocabulary vocab;

    public PathTokenizer(Vocabulary vocab) {
        this.vocab = vocab;
    }

    public Vocabulary vocabulary() {
        return vocab;
    }

    /** The full sequence, path and {@code <eos>} included; edges shuffled with {@code rng} unless it is null. */
    public int[] encode(PathExample ex, RandomGenerator rng) {
        int[] prompt = encodePrompt(ex.n(), ex.edges(), ex.source(), ex.target(), rng);
        int[] seq = Arrays.copyOf(prompt, prompt.length + ex.path().length + 1);
        for (int i = 0; i < ex.path().length; i++) {
            seq[prompt.length + i] = vocab.node(ex.path()[i]);
        }
        seq[seq.length - 1] = vocab.eos();
        return seq;
    }

    /** The prompt up to and including {@code <p>}: what a model sees before writing the path. */
    public int[] encodePrompt(int n, int[][] edges, int source, int target, RandomGenerator rng) {
        if (n > vocab.maxNodes()) {
            throw new IllegalArgumentException(
                    "graph has " + n + " nodes but the vocabulary holds " + vocab.maxNodes() + " (raise maxNodes)");
        }
        int[] order = new int[edges.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (rng != null) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        int[] seq = new int[1 + 3 * edges.length + 4];
        int k = 0;
        seq[k++] = vocab.bos();
        for (int i : order) {
            int u = edges[i][0], v = edges[i][1];
            if (rng != null && rng.nextBoolean()) {
                int t = u;
                u = v;
                v = t;
            }
            seq[k++] = vocab.node(u);
            seq[k++] = vocab.node(v);
            seq[k++] = vocab.edgeEnd();
        }
        seq[k++] = vocab.query();
        seq[k++] = vocab.node(source);
        seq[k++] = vocab.node(target);
        seq[k] = vocab.pathStart();
        return seq;
    }

    /** Index of the {@code <p>} token, or -1. */
    public int pathStartIndex(int[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] == vocab.pathStart()) {
                return i;
            }
        }
        return -1;
    }

    /** A sequence read back: the graph's edges in written order, the query, and the path (may be empty). */
    public record Decoded(int[][] edges, int source, int target, int[] path, boolean terminated) {}

    /**
     * Parses a full sequence (padding after {@code <eos>} allowed).
     *
     * @throws IllegalArgumentException naming the position and token where the sequence breaks the format
     */
    public Decoded decode(int[] tokens) {
        int i = 0;
        expect(tokens, i++, vocab.bos());
        List<int[]> edges = new ArrayList<>();
        while (i < tokens.length && tokens[i] != vocab.query()) {
            int u = nodeAt(tokens, i), v = nodeAt(tokens, i + 1);
            expect(tokens, i + 2, vocab.edgeEnd());
            edges.add(new int[] {u, v});
            i += 3;
        }
        expect(tokens, i++, vocab.query());
        int s = nodeAt(tokens, i++), t = nodeAt(tokens, i++);
        expect(tokens, i++, vocab.pathStart());
        int[] path = readPath(tokens, i);
        int end = i + path.length;
        boolean terminated = end < tokens.length && tokens[end] == vocab.eos();
        return new Decoded(edges.toArray(new int[0][]), s, t, path, terminated);
    }

    /** Node tokens from {@code from} up to the first non-node token. */
    public int[] readPath(int[] tokens, int from) {
        int j = from;
        while (j < tokens.length && vocab.isNode(tokens[j])) {
            j++;
        }
        return Arrays.copyOfRange(tokens, from, j);
    }

    private int nodeAt(int[] tokens, int i) {
        if (i >= tokens.length || !vocab.isNode(tokens[i])) {
            throw new IllegalArgumentException("expected a node token at position " + i + ", found "
                    + (i >= tokens.length ? "the end" : vocab.name(tokens[i])));
        }
        return tokens[i];
    }

    private void expect(int[] tokens, int i, int token) {
        if (i >= tokens.length || tokens[i] != token) {
            throw new IllegalArgumentException("expected " + vocab.name(token) + " at position " + i + ", found "
                    + (i >= tokens.length ? "the end" : vocab.name(tokens[i])));
        }
    }
}
