package splab.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import splab.data.Vocabulary;
import splab.graph.AllShortestPaths;
import splab.graph.SmallGraph;
import splab.model.ActivationRecorder;
import splab.model.GreedyDecoder;
import splab.model.PathTransformer;
import splab.spectral.IncidenceDecomposition;

/**
 * Does the model's later layer read the spectral part of the edge representations? Held-out queries are decoded
 * greedily while the residual stream at the paper's layer is edited at every {@code <e>} position of the prompt
 * (the edge representations the alignment figures read), with the edit applied at every decoding step:
 * <ul>
 *   <li>{@code unedited}: the identity edit (the same code path, so any difference is the edit's);</li>
 *   <li>{@code incidence_only}: R replaced by its mean plus its incidence projection B^T X (keeps what node codes
 *       carry);</li>
 *   <li>{@code spectral_removed}: the span of eigenvectors 1..k' of the Laplacian of L(G) projected out across the
 *       edges; its control draws random k'-dimensional subspaces inside the incidence span (orthogonal to the
 *       constant) and projects those out instead, once per draw;</li>
 *   <li>{@code node_codes_swapped}: B^T X replaced by B^T X' with X' the node codes of another analysed graph with
 *       the same n and m (residual and mean kept).</li>
 * </ul>
 */
final class Claim2Interventions {
    /** One analysed graph ready for editing: a tokenised edge order and where its {@code <e>} tokens sit. */
    record Graph(SmallGraph g, int[] prefix, int[] edgeTokenPositions, double[][] eig, double[][] reps,
            List<int[]> queries) {}

    private final PathTransformer model;
    private final NDManager manager;
    private final Vocabulary vocab;
    private final String layer;

    Claim2Interventions(PathTransformer model, NDManager manager, String layer) {
        this.model = model;
        this.manager = manager;
        this.vocab = model.config().vocabulary();
        this.layer = layer;
    }

    Claim2Results.Interventions run(List<Graph> graphs, int controls, long seed) {
        long start = System.nanoTime();
        Random rng = new Random(seed * 7919 + 3);
        Map<String, Tally> main = new LinkedHashMap<>();
        for (String c : List.of("unedited", "incidence_only", "spectral_removed", "top_pcs_removed", "node_codes_swapped")) {
            main.put(c, new Tally(c));
        }
        List<Tally> control = new ArrayList<>();
        for (int c = 0; c < controls; c++) {
            control.add(new Tally("random_incidence_removed_" + c));
        }
        for (int gi = 0; gi < graphs.size(); gi++) {
            Graph gr = graphs.get(gi);
            double[][] span = IncidenceDecomposition.spanBasis(gr.g());
            IncidenceDecomposition.Parts parts = IncidenceDecomposition.of(gr.g(), gr.reps());
            decode(gr, R -> R, main.get("unedited"));
            decode(gr, R -> withMean(R, parts.incidencePart()), main.get("incidence_only"));
            double[][] eigBasis = orthonormal(gr.eig());
            decode(gr, R -> IncidenceDecomposition.orthogonalPart(eigBasis, R), main.get("spectral_removed"));
            main.get("spectral_removed").removed(IncidenceDecomposition.removedShare(eigBasis, gr.reps()));
            double[][] pcs = orthonormal(splab.spectral.EmbeddingComparison.pca(gr.reps(), gr.eig()[0].length).scores());
            decode(gr, R -> IncidenceDecomposition.orthogonalPart(pcs, R), main.get("top_pcs_removed"));
            main.get("top_pcs_removed").removed(IncidenceDecomposition.removedShare(pcs, gr.reps()));
            Graph other = partner(graphs, gi);
            if (other != null) {
                double[][] swapped = swap(gr.g(), IncidenceDecomposition.of(other.g(), other.reps()).nodeCodes(), parts.residual());
                decode(gr, R -> withMean(R, swapped), main.get("node_codes_swapped"));
            } else {
                main.get("node_codes_swapped").skip(gr);
            }
            int k = gr.eig()[0].length;
            for (Tally t : control) {
                double[][] q = randomInside(span, k, rng);
                decode(gr, R -> IncidenceDecomposition.orthogonalPart(q, R), t);
                t.removed(IncidenceDecomposition.removedShare(q, gr.reps()));
            }
        }
        Map<String, double[]> perQuery = new LinkedHashMap<>();
        main.forEach((name, t) -> perQuery.put(name, t.perQuery()));
        return new Claim2Results.Interventions(layer, main.values().stream().map(Tally::condition).toList(),
                control.stream().map(Tally::condition).toList(), perQuery, graphs.size(), (System.nanoTime() - start) / 1e9);
    }

    /** Up to {@code limit} held-out (source, target) pairs per labelled graph, in file order. */
    static Map<SmallGraph, List<int[]>> queriesByGraph(List<splab.data.PathExample> test, int limit) {
        Map<SmallGraph, List<int[]>> out = new java.util.HashMap<>();
        for (splab.data.PathExample e : test) {
            List<int[]> q = out.computeIfAbsent(e.graph(), x -> new ArrayList<>());
            if (q.size() < limit) {
                q.add(new int[] {e.source(), e.target()});
            }
        }
        return out;
    }

    /** Another graph with the same n and m, the next one after {@code gi} in order (cyclic), or null. */
    private static Graph partner(List<Graph> graphs, int gi) {
        SmallGraph g = graphs.get(gi).g();
        for (int s = 1; s < graphs.size(); s++) {
            Graph o = graphs.get((gi + s) % graphs.size());
            if (o.g().nodeCount() == g.nodeCount() && o.g().edgeCount() == g.edgeCount()) {
                return o;
            }
        }
        return null;
    }

    private static double[][] swap(SmallGraph g, double[][] otherCodes, double[][] residual) {
        double[][] bt = IncidenceDecomposition.incidenceTranspose(g);
        double[][] out = new double[bt.length][residual[0].length];
        for (int e = 0; e < bt.length; e++) {
            for (int v = 0; v < bt[e].length; v++) {
                if (bt[e][v] != 0) {
                    for (int j = 0; j < out[e].length; j++) {
                        out[e][j] += otherCodes[v][j];
                    }
                }
            }
            for (int j = 0; j < out[e].length; j++) {
                out[e][j] += residual[e][j];
            }
        }
        return out;
    }

    /** The column means of {@code original} added back to the centred {@code centred}. */
    private static double[][] withMean(double[][] original, double[][] centred) {
        int m = original.length, d = original[0].length;
        double[] mean = new double[d];
        for (double[] row : original) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / m;
            }
        }
        double[][] out = new double[m][d];
        for (int e = 0; e < m; e++) {
            for (int j = 0; j < d; j++) {
                out[e][j] = mean[j] + centred[e][j];
            }
        }
        return out;
    }

    private static double[][] orthonormal(double[][] v) {
        return IncidenceDecomposition.orthonormal(v);
    }

    /** A random k-dimensional subspace of the incidence span orthogonal to the constant vector (orthonormal m x k). */
    private static double[][] randomInside(double[][] span, int k, Random rng) {
        int m = span.length, r = span[0].length;
        double[][] x = new double[m][k];
        for (int c = 0; c < k; c++) {
            double[] z = new double[r];
            for (int i = 0; i < r; i++) {
                z[i] = rng.nextGaussian();
            }
            double mean = 0;
            for (int e = 0; e < m; e++) {
                for (int i = 0; i < r; i++) {
                    x[e][c] += span[e][i] * z[i];
                }
                mean += x[e][c] / m;
            }
            for (int e = 0; e < m; e++) {
                x[e][c] -= mean;
            }
        }
        return orthonormal(x);
    }

    /** Decodes every query of {@code gr} with {@code edit} applied to the m x d edge rows of each sequence. */
    private void decode(Graph gr, java.util.function.UnaryOperator<double[][]> edit, Tally tally) {
        int[] pos = gr.edgeTokenPositions();
        ActivationRecorder hooks = ActivationRecorder.editor().editing(layer, x -> edited(x, pos, edit));
        int[][] prompts = new int[gr.queries().size()][];
        for (int i = 0; i < prompts.length; i++) {
            int[] q = gr.queries().get(i);
            int[] p = java.util.Arrays.copyOf(gr.prefix(), gr.prefix().length + 4);
            p[gr.prefix().length] = vocab.query();
            p[gr.prefix().length + 1] = vocab.node(q[0]);
            p[gr.prefix().length + 2] = vocab.node(q[1]);
            p[gr.prefix().length + 3] = vocab.pathStart();
            prompts[i] = p;
        }
        int[][] out = new GreedyDecoder(model, vocab.eos(), vocab.pad()).decode(prompts, gr.g().nodeCount() + 1, manager, hooks);
        AllShortestPaths sp = new AllShortestPaths(gr.g());
        for (int i = 0; i < prompts.length; i++) {
            int[] q = gr.queries().get(i);
            int d = sp.distance(q[0], q[1]);
            tally.add(d, correct(gr.g(), sp, q[0], q[1], out[i]));
        }
    }

    private boolean correct(SmallGraph g, AllShortestPaths sp, int s, int t, int[] generated) {
        int len = 0;
        while (len < generated.length && vocab.isNode(generated[len])) {
            len++;
        }
        if (len == 0 || len - 1 != sp.distance(s, t) || generated[0] != vocab.node(s) || generated[len - 1] != vocab.node(t)) {
            return false;
        }
        for (int i = 0; i + 1 < len; i++) {
            int u = generated[i], v = generated[i + 1]; // node tokens are the node ids
            if (u >= g.nodeCount() || v >= g.nodeCount() || !g.hasEdge(u, v)) {
                return false;
            }
        }
        return true;
    }

    /** Applies {@code edit} to rows {@code pos} of every sequence of x [B, T, D]; other positions are untouched. */
    private static NDArray edited(NDArray x, int[] pos, java.util.function.UnaryOperator<double[][]> edit) {
        long[] shape = x.getShape().getShape();
        int b = (int) shape[0], t = (int) shape[1], d = (int) shape[2];
        float[] data = x.toFloatArray();
        for (int row = 0; row < b; row++) {
            double[][] r = new double[pos.length][d];
            for (int e = 0; e < pos.length; e++) {
                for (int j = 0; j < d; j++) {
                    r[e][j] = data[(row * t + pos[e]) * d + j];
                }
            }
            double[][] out = edit.apply(r);
            if (out == r) {
                continue; // the identity edit leaves the floats exactly as they were
            }
            for (int e = 0; e < pos.length; e++) {
                for (int j = 0; j < d; j++) {
                    data[(row * t + pos[e]) * d + j] = (float) out[e][j];
                }
            }
        }
        return x.getManager().create(data, x.getShape());
    }

    /** Correct answers of one condition, overall and by distance, with per-query outcomes. */
    private static final class Tally {
        private final String name;
        private final long[] correct = new long[16];
        private final long[] pairs = new long[16];
        private final List<Double> perQuery = new ArrayList<>();
        private double removedSum;
        private int removedGraphs;

        Tally(String name) {
            this.name = name;
        }

        void add(int d, boolean ok) {
            int slot = Math.min(d, 15);
            pairs[slot]++;
            correct[slot] += ok ? 1 : 0;
            perQuery.add(ok ? 1.0 : 0.0);
        }

        void removed(double share) {
            if (!Double.isNaN(share)) {
                removedSum += share;
                removedGraphs++;
            }
        }

        void skip(Graph gr) {
            gr.queries().forEach(q -> perQuery.add(Double.NaN));
        }

        double[] perQuery() {
            return perQuery.stream().mapToDouble(Double::doubleValue).toArray();
        }

        Claim2Results.Condition condition() {
            long c = 0, p = 0;
            for (int i = 0; i < pairs.length; i++) {
                c += correct[i];
                p += pairs[i];
            }
            return new Claim2Results.Condition(name, name.replace('_', ' '), c, p, correct.clone(), pairs.clone(),
                    removedGraphs == 0 ? Double.NaN : removedSum / removedGraphs);
        }
    }
}
