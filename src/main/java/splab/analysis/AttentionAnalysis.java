package splab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import splab.graph.SmallGraph;

/**
 * Where attention goes while the path is written (claim 3). At a path position whose token is the current node
 * c (the position that predicts the next node), for each layer and head: the attention mass on the tokens
 * (u, v, {@code <e>}) of edges incident to c, on those of edges incident to the target t, and elsewhere (1 minus
 * the mass on the union of the two sets; the edge c-t, when present, counts for both). Beside each mass the
 * share a uniform attention over the visible keys would give, so a number can be read against chance.
 */
public final class AttentionAnalysis {

    /** Masses at one query position of one head. */
    public record Masses(double current, double target, double elsewhere, double uniformCurrent, double uniformTarget) {
    }

    /**
     * Masses at query position {@code query} of head {@code head} in a pattern [B, H, T, T].
     *
     * @param currentKeys per key position: token of an edge incident to the current node
     * @param targetKeys  per key position: token of an edge incident to the target
     */
    public static Masses at(float[] pattern, long[] shape, int batch, int head, int query,
            boolean[] currentKeys, boolean[] targetKeys) {
        int h = (int) shape[1], t = (int) shape[2];
        int off = ((batch * h + head) * t + query) * t;
        double cur = 0, tgt = 0, union = 0;
        int nCur = 0, nTgt = 0;
        for (int k = 0; k <= query; k++) {
            double p = pattern[off + k];
            if (currentKeys[k]) {
                cur += p;
                nCur++;
            }
            if (targetKeys[k]) {
                tgt += p;
                nTgt++;
            }
            if (currentKeys[k] || targetKeys[k]) {
                union += p;
            }
        }
        return new Masses(cur, tgt, Math.max(0, 1 - union), nCur / (double) (query + 1), nTgt / (double) (query + 1));
    }

    /** Key positions holding a token of an edge incident to {@code node}. */
    public static boolean[] incidentKeys(SmallGraph graph, int[][] edgePositions, int node, int length) {
        boolean[] keys = new boolean[length];
        for (int e = 0; e < edgePositions.length; e++) {
            int[] uv = graph.edge(e);
            if (uv[0] == node || uv[1] == node) {
                for (int p : edgePositions[e]) {
                    keys[p] = true;
                }
            }
        }
        return keys;
    }

    /** Averages of {@link Masses} per (layer, head, d); d = 0 collects every distance (each add counts there too). */
    public static final class Accumulator {
        private final Map<String, double[]> sums = new TreeMap<>();
        private final Map<String, int[]> keys = new TreeMap<>();

        public void add(int layer, int head, int d, Masses m) {
            addOne(layer, head, d, m);
            addOne(layer, head, 0, m);
        }

        private void addOne(int layer, int head, int d, Masses m) {
            String key = String.format("%03d|%03d|%03d", layer, head, d);
            double[] s = sums.computeIfAbsent(key, x -> new double[6]);
            keys.putIfAbsent(key, new int[] {layer, head, d});
            s[0] += m.current();
            s[1] += m.target();
            s[2] += m.elsewhere();
            s[3] += m.uniformCurrent();
            s[4] += m.uniformTarget();
            s[5] += 1;
        }

        /** One row per (layer, head, d) in that order; d = 0 means all distances. */
        public List<Row> rows() {
            List<Row> out = new ArrayList<>();
            for (Map.Entry<String, double[]> e : sums.entrySet()) {
                int[] k = keys.get(e.getKey());
                double[] s = e.getValue();
                double n = s[5];
                out.add(new Row(k[0], k[1], k[2], (long) n, s[0] / n, s[1] / n, s[2] / n, s[3] / n, s[4] / n));
            }
            return out;
        }
    }

    /** Mean masses over {@code positions} path positions of one (layer, head, d); d = 0: all distances. */
    public record Row(int layer, int head, int d, long positions, double current, double target, double elsewhere,
            double uniformCurrent, double uniformTarget) {
    }

    private AttentionAnalysis() {
    }
}
