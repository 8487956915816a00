package splab.analysis;

import java.util.List;
import java.util.Map;

import splab.spectral.EigenTarget;
import splab.graph.SmallGraph;
import splab.navigate.ScoreSheet;

/**
 * Everything one spectral analysis measured, ready for CSV, arrays, figures and the report.
 *
 * @param config      the settings used
 * @param layers      activation names compared, in order ({@code embed}, {@code blocks.0.resid_post}, ...)
 * @param metrics     per layer, per condition: one row per analysed graph
 * @param attention   per condition (trained, untrained): mean attention masses per layer, head and d
 * @param navigators  score sheets of SLN on eigenvectors and of the learned SLN (trained and untrained)
 * @param slnLayer    the activation name the learned SLN used
 * @param examples    graphs kept in full for figures
 * @param arrays      flat arrays for .npy export
 * @param heads       attention heads per layer
 * @param seconds     wall time of the analysis
 * @param claim2      the claim-2 figures: incidence decomposition, stronger nulls, interventions
 */
public record SpectralResults(SpectralConfig config, List<String> layers,
        Map<String, Map<Condition, List<GraphMetrics>>> metrics,
        Map<Condition, List<AttentionAnalysis.Row>> attention, List<ScoreSheet> navigators, String slnLayer,
        List<Example> examples, ExportArrays arrays, int heads, double seconds, Claim2Results claim2) {

    /** What the edge representations are compared with. */
    public enum Condition {
        /** The trained model against the graph's own eigenvectors. */
        TRAINED("trained"),
        /** The untrained model (same seed, same architecture) against the graph's own eigenvectors: null 1. */
        UNTRAINED("untrained model"),
        /** The trained model against the eigenvectors of another random graph with the same n and m: null 2. */
        RANDOM_GRAPH("other graph's eigenvectors"),
        /**
         * Random node vectors x_v (Gaussian, d = dModel) and r_e = x_u + x_v against the graph's own eigenvectors: null 3,
         * what incidence alone gives. Such vectors span the range of B^T (B the node-edge incidence matrix), where the
         * line graph's structure lives (A(L(G)) = B^T B - 2I), so they align with the eigenvectors above k'/(m-1).
         */
        ENDPOINT_SUM("random endpoint sums");

        private final String label;

        Condition(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** A short name for file names and CSV. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The metrics of one graph under one condition.
     *
     * @param graph     index of the graph among the analysed ones
     * @param k         eigenvectors compared (k grown to whole eigenspaces)
     * @param bestCorr  mean over eigenvectors of the best |Pearson r| with any of the top-k' PCs
     * @param alignment mean squared cosine of the principal angles, top-k' PCs vs eigenvectors 1..k'
     * @param chance    what a random k'-dimensional subspace would score on alignment: k'/(m-1)
     * @param probeR2   leave-one-edge-out R² of the ridge probe
     * @param absCorr   [pc][eigenvector] |Pearson r|
     */
    public record GraphMetrics(int graph, int n, int m, int k, double bestCorr, double alignment, double chance,
            double probeR2, double[][] absCorr) {
    }

    /** One graph kept whole for figures: its trained-model PCs and correlations per layer, and attention. */
    public record Example(int graph, SmallGraph g, int[] tokens, int[][] edgePositions, int[] path, int pathStart,
            EigenTarget target, Map<String, double[][]> pcScores, Map<String, double[][]> absCorr,
            List<float[][][]> patterns) {
    }

    /**
     * Flat row-major arrays: {@code reps} per layer [edges, dModel] (trained model), {@code untrainedReps} the same
     * for the untrained model, {@code eigenvectors} [edges, kMax] (NaN-padded), {@code eigenvalues} [graphs, kMax],
     * {@code edgeGraph} [edges], {@code edgeNodes} [edges, 2], {@code attention} [graphs, layers, heads, T, T] for the
     * first graphs (zero-padded to T = {@code attentionT}), {@code attentionTokens} [graphs, T] (-1 padded).
     */
    public record ExportArrays(Map<String, float[]> reps, Map<String, float[]> untrainedReps, int dModel, float[] eigenvectors,
            float[] eigenvalues, int kMax, int[] edgeGraph, int[] edgeNodes, float[] attention, int[] attentionTokens,
            int attentionGraphs, int attentionLayers, int attentionT) {
    }
}
