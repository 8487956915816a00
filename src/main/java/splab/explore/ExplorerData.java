package splab.explore;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON that {@code explorer.html} embeds: the run's settings, the drawn graphs and the chosen queries. Edges
 * are in the lab's edge order (pairs u < v sorted); every per-edge array is indexed by that order. Numbers are
 * rounded to 3 decimals, which is all a drawing can show and keeps the page small.
 *
 * @param run            the run folder's name
 * @param layers         names of the representation layers ({@code embed}, then each block's output)
 * @param attentionLayers blocks whose attention is shown
 * @param heads          heads per block
 * @param variant        Laplacian of L(G) the eigenvectors come from
 * @param position       which token(s) stand for an edge in the representations
 * @param navigators     full names of the navigators whose walks are shown, by short name
 * @param graphs         the drawn graphs
 * @param queries        the queries to pick from, the model's mistakes first
 */
public record ExplorerData(String run, List<String> layers, int attentionLayers, int heads, String variant,
        String position, Map<String, String> navigators, List<GraphView> graphs, List<QueryView> queries) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One graph.
     *
     * @param n            nodes
     * @param edges        the edges, u < v, in the lab's order
     * @param xy           row v: the drawing position of node v in [0, 1]^2
     * @param eigenvalues  eigenvalues 1..k of the Laplacian of L(G) (eigenvalue 0 skipped)
     * @param eigenvectors row j: eigenvector j + 1, one value per edge
     */
    public record GraphView(int n, int[][] edges, double[][] xy, double[] eigenvalues, double[][] eigenvectors) {
    }

    /**
     * A navigator's answer to one query.
     *
     * @param path    the vertices walked, s first (for a failure: as far as it got)
     * @param outcome {@code correct}, {@code longer} (a valid walk to t that is not shortest) or a failure kind in
     *                lower case ({@code revisit}, {@code non_edge}, ...)
     */
    public record Walk(int[] path, String outcome) {
        public boolean correct() {
            return outcome.equals(CORRECT);
        }
    }

    /** The outcome of a shortest path. */
    public static final String CORRECT = "correct";

    /**
     * One query with everything the page shows about it.
     *
     * @param id            its place in {@link ExplorerData#queries} (the page's {@code #query=ID})
     * @param graph         index into {@link ExplorerData#graphs}
     * @param d             distance from s to t
     * @param shortestPaths number of shortest paths from s to t
     * @param label         the dataset's label path (one shortest path)
     * @param exact         whether the model's path equals the label path
     * @param pcs           [layer][pc][edge]: principal-component scores of the model's edge representations in
     *                      this query's prompt
     * @param explained     [layer][pc]: share of variance each component explains
     * @param attention     one entry per position of the model's path
     */
    public record QueryView(int id, int graph, int s, int t, int d, long shortestPaths, int[] label, boolean exact,
            Walk model, Walk sln, Walk steinerberger, double[][][] pcs, double[][] explained, List<Step> attention) {
    }

    /**
     * The model at the position of its path holding {@code node} (the position that predicts the next node).
     *
     * @param node  the current node
     * @param heads [layer][head]
     */
    public record Step(int node, List<List<Head>> heads) {
    }

    /**
     * Where one head's attention goes from one position, in thousandths (integers keep the page small).
     * {@code edges[e]} is the mass on the three tokens of edge e (u, v, {@code <e>}); {@code bos}, {@code query}
     * ({@code <q> s t <p>}) and {@code path} (path tokens written so far) hold the rest, so the five parts sum to
     * 1000 up to rounding. {@code current} and {@code target} are the masses on the tokens of edges at the current
     * node and at the target (an edge between them counts for both).
     */
    public record Head(int[] edges, int bos, int query, int path, int current, int target) {
    }

    /** A probability in thousandths. */
    static int permille(double p) {
        return (int) Math.round(p * 1000);
    }

    /** The whole structure as compact JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("explorer data not serialisable: " + e.getMessage(), e);
        }
    }

    static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    static double[] round(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = round(x[i]);
        }
        return out;
    }
}
