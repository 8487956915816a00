package splab.analysis;

import java.util.Locale;

import splab.data.Vocabulary;
import splab.graph.SmallGraph;

/**
 * Where each edge of G sits in a tokenised prompt, and the model's representation of every edge read from a
 * recorded activation [B, T, D]. Edge order and endpoint order are shuffled per sequence, so edges are found by
 * their tokens and returned in the lab's edge order (row e = {@link SmallGraph#edge(int) edge e}), never by
 * position.
 */
public final class EdgeRepresentations {
    private EdgeRepresentations() {
    }

    /** Which position(s) stand for an edge. */
    public enum Position {
        /** The {@code <e>} token closing the edge: the first position that has seen both endpoints. */
        EDGE_TOKEN,
        /** The mean of the two endpoint tokens of the edge. */
        ENDPOINT_MEAN;

        public static Position parse(String s) {
            String t = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (t.equals("EDGE") || t.equals("E")) {
                return EDGE_TOKEN;
            }
            if (t.equals("MEAN") || t.equals("ENDPOINTS")) {
                return ENDPOINT_MEAN;
            }
            try {
                return valueOf(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown edge position '" + s + "' (expected edge_token or endpoint_mean)");
            }
        }
    }

    /**
     * Positions of every edge in {@code tokens}: row e holds the positions of its first-written endpoint, its
     * second endpoint and its {@code <e>} token.
     *
     * @throws IllegalArgumentException if the prompt's edges are not exactly the graph's edges
     */
    public static int[][] edgePositions(int[] tokens, SmallGraph graph, Vocabulary vocab) {
        int m = graph.edgeCount();
        int[][] pos = new int[m][];
        int i = 1;
        int found = 0;
        while (i + 2 < tokens.length && tokens[i] != vocab.query()) {
            if (tokens[i + 2] != vocab.edgeEnd()) {
                throw new IllegalArgumentException("expected <e> at position " + (i + 2));
            }
            int u = tokens[i], v = tokens[i + 1];
            int e = graph.edgeIndex(u, v);
            if (e < 0 || pos[e] != null) {
                throw new IllegalArgumentException("prompt edge " + u + "-" + v + " is not a (new) edge of " + graph);
            }
            pos[e] = new int[] {i, i + 1, i + 2};
            found++;
            i += 3;
        }
        if (found != m) {
            throw new IllegalArgumentException("prompt lists " + found + " edges, graph has " + m);
        }
        return pos;
    }

    /** Row e: the activation of sequence {@code batch} at the position(s) of edge e, as doubles (m x D). */
    public static double[][] extract(float[] data, long[] shape, int batch, int[][] positions, Position mode) {
        int t = (int) shape[1], d = (int) shape[2];
        double[][] out = new double[positions.length][d];
        for (int e = 0; e < positions.length; e++) {
            if (mode == Position.EDGE_TOKEN) {
                int off = (batch * t + positions[e][2]) * d;
                for (int j = 0; j < d; j++) {
                    out[e][j] = data[off + j];
                }
            } else {
                int a = (batch * t + positions[e][0]) * d, b = (batch * t + positions[e][1]) * d;
                for (int j = 0; j < d; j++) {
                    out[e][j] = 0.5 * (data[a + j] + data[b + j]);
                }
            }
        }
        return out;
    }
}
