package splab.analysis;

import java.util.List;
import java.util.Map;

/**
 * What the claim-2 analysis measured: per layer and metric, one value per analysed graph (NaN where the metric
 * is undefined for that graph), and the accuracy of greedy decoding under edits of the paper's layer.
 *
 * <p>Metrics per graph and layer (k' = eigenvectors compared, m edges, n nodes, r = dimension of the incidence span):
 * <ul>
 *   <li>{@code alignment:trained|untrained|endpoint_matched|token_embedding}: mean squared cosine between the top-k'
 *       principal components of the edge representations and eigenvectors 1..k' of the Laplacian of L(G); undefined
 *       when k' >= m - 1 (the target then spans the whole centred space and every condition scores 1).
 *       {@code endpoint_matched} sums random node codes with the covariance of the trained model's own least-squares
 *       node codes; {@code token_embedding} is E[u] + E[v] from the model's embedding table (no computation).</li>
 *   <li>{@code chance}: k'/(m - 1), what a random subspace scores.</li>
 *   <li>{@code incidence_share:trained|untrained}: share of the centred representations' squared norm in the
 *       incidence span; {@code incidence_share:eigenvectors}: the same share of the eigenvectors' energy.</li>
 *   <li>{@code node_alignment:trained|untrained}, {@code node_chance}: the least-squares node codes X against
 *       eigenvectors 1..k' of G's own Laplacian (chance k'/(n - 1)); {@code node_signless:trained|untrained}:
 *       against the top k' eigenvectors of the signless Laplacian D + A.</li>
 *   <li>{@code residual_alignment:trained|untrained}, {@code residual_chance}: the residual R - B^T X against
 *       the part of the eigenvectors orthogonal to the incidence span (undefined when that part is empty or
 *       the residual space is no larger than k').</li>
 * </ul>
 *
 * @param layers activation names, in order
 * @param paperLayer the point the paper calls layer 1: {@code blocks.0.resid_post}
 * @param n nodes per graph; @param m edges per graph; @param k eigenvectors compared per graph
 * @param values layer -> metric -> per-graph values
 * @param interventions decoding accuracy under edits (null when turned off)
 */
public record Claim2Results(List<String> layers, String paperLayer, int[] n, int[] m, int[] k,
        Map<String, Map<String, double[]>> values, Interventions interventions) {

    /**
     * Correct answers of one intervention condition over the same held-out queries; {@code removed} is the mean share
     * of the edited representations' centred squared norm that a projection removed (NaN for other edits).
     */
    public record Condition(String name, String description, long correct, long pairs, long[] correctByD, long[] pairsByD,
            double removed) {
        public double accuracy() {
            return pairs == 0 ? Double.NaN : (double) correct / pairs;
        }
    }

    /**
     * Greedy decoding of held-out queries with the paper's layer edited at the prompt's edge positions.
     *
     * @param layer the edited activation
     * @param conditions unedited (through the identity edit), incidence projection, spectral subspace removed, the
     *        representations' own top-k' principal directions removed (an energy control), node codes swapped with
     *        another graph's
     * @param controls the spectral removal's control: random subspaces of the same dimension inside the
     *        incidence span, one entry per draw
     * @param perQuery 1/0 correctness per query for the main conditions, in query order (for paired intervals)
     * @param graphs graphs edited; @param seconds wall time
     */
    public record Interventions(String layer, List<Condition> conditions, List<Condition> controls,
            Map<String, double[]> perQuery, int graphs, double seconds) {}

    public double[] get(String layer, String metric) {
        double[] v = values.getOrDefault(layer, Map.of()).get(metric);
        if (v == null) {
            throw new IllegalArgumentException("no claim-2 metric '" + metric + "' at " + layer);
        }
        return v;
    }
}
