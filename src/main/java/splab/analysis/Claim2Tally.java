package splab.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import splab.graph.SmallGraph;
import splab.spectral.EigenTarget;
import splab.spectral.IncidenceDecomposition;
import splab.spectral.Laplacian;
import splab.spectral.Spectrum;
import splab.spectral.SubspaceAlignment;

/** Gathers the claim-2 figures graph by graph (see {@link Claim2Results} for what each metric is). */
final class Claim2Tally {
    private final List<String> layers;
    private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
    private final List<int[]> sizes = new ArrayList<>();
    private final Random rng;
    private SmallGraph g;
    private double[][] eig;
    private double[][] span;
    private double[][] residualTarget;
    private double[][] nodeLaplacian;
    private double[][] nodeSignless;
    private double[][] tokenSums;
    private int k;

    Claim2Tally(List<String> layers, long seed) {
        this.layers = List.copyOf(layers);
        this.rng = new Random(seed * 131 + 17);
        layers.forEach(l -> values.put(l, new LinkedHashMap<>()));
    }

    /** Starts a graph: its eigenvectors and the model's embedding-table endpoint sums E[u] + E[v] (m x d). */
    void addGraph(SmallGraph graph, EigenTarget target, double[][] tokenEndpointSums) {
        g = graph;
        eig = target.vectors();
        k = target.k();
        span = IncidenceDecomposition.spanBasis(g);
        residualTarget = IncidenceDecomposition.orthogonalBasis(span, eig);
        Spectrum node = Spectrum.of(Laplacian.of(g, Laplacian.Variant.COMBINATORIAL));
        int kn = Math.min(k, g.nodeCount() - 1);
        nodeLaplacian = new double[g.nodeCount()][kn];
        for (int v = 0; v < g.nodeCount(); v++) {
            for (int j = 0; j < kn; j++) {
                nodeLaplacian[v][j] = node.component(v, j + 1);
            }
        }
        nodeSignless = IncidenceDecomposition.firstColumns(IncidenceDecomposition.signlessLaplacianTop(g), kn);
        tokenSums = tokenEndpointSums;
        sizes.add(new int[] {g.nodeCount(), g.edgeCount(), k});
    }

    /** One layer of the current graph: trained and untrained representations (m x d). */
    void addLayer(String layer, double[][] trained, double[][] untrained) {
        int m = g.edgeCount(), n = g.nodeCount();
        boolean defined = k < m - 1;
        IncidenceDecomposition.Parts pt = IncidenceDecomposition.of(g, trained);
        IncidenceDecomposition.Parts pu = IncidenceDecomposition.of(g, untrained);
        put(layer, "alignment:trained", defined ? align(trained, eig) : Double.NaN);
        put(layer, "alignment:untrained", defined ? align(untrained, eig) : Double.NaN);
        put(layer, "alignment:endpoint_matched", defined && !Double.isNaN(pt.share())
                ? align(IncidenceDecomposition.randomEndpointSumsLike(g, pt.nodeCodes(), rng), eig) : Double.NaN);
        put(layer, "alignment:token_embedding", defined ? align(tokenSums, eig) : Double.NaN);
        put(layer, "chance", defined ? SubspaceAlignment.randomExpectation(m, k) : Double.NaN);
        put(layer, "incidence_share:trained", pt.share());
        put(layer, "incidence_share:untrained", pu.share());
        put(layer, "incidence_share:eigenvectors", IncidenceDecomposition.energyShare(span, eig));
        boolean nodeDefined = nodeLaplacian[0].length < n - 1;
        put(layer, "node_alignment:trained", nodeDefined ? align(pt.nodeCodes(), nodeLaplacian) : Double.NaN);
        put(layer, "node_alignment:untrained", nodeDefined ? align(pu.nodeCodes(), nodeLaplacian) : Double.NaN);
        put(layer, "node_chance", nodeDefined ? SubspaceAlignment.randomExpectation(n, nodeLaplacian[0].length) : Double.NaN);
        put(layer, "node_signless:trained", nodeDefined ? align(pt.nodeCodes(), nodeSignless) : Double.NaN);
        put(layer, "node_signless:untrained", nodeDefined ? align(pu.nodeCodes(), nodeSignless) : Double.NaN);
        int residualDim = m - span[0].length;
        boolean residualDefined = residualTarget[0].length > 0 && residualDim > k;
        put(layer, "residual_alignment:trained", residualDefined ? align(pt.residual(), residualTarget) : Double.NaN);
        put(layer, "residual_alignment:untrained", residualDefined ? align(pu.residual(), residualTarget) : Double.NaN);
        put(layer, "residual_chance", residualDefined ? Math.min(1.0, (double) k / residualDim) : Double.NaN);
    }

    /** Alignment of the top-k' principal components of {@code reps} with {@code target}'s span. */
    private double align(double[][] reps, double[][] target) {
        return SubspaceAlignment.meanSquaredCosine(splab.spectral.EmbeddingComparison.pca(reps, target[0].length).scores(), target);
    }

    private void put(String layer, String metric, double v) {
        values.get(layer).computeIfAbsent(metric, x -> new ArrayList<>()).add(v);
    }

    Claim2Results results(Claim2Results.Interventions interventions) {
        int gN = sizes.size();
        int[] n = new int[gN], m = new int[gN], kk = new int[gN];
        for (int i = 0; i < gN; i++) {
            n[i] = sizes.get(i)[0];
            m[i] = sizes.get(i)[1];
            kk[i] = sizes.get(i)[2];
        }
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        values.forEach((layer, metrics) -> {
            Map<String, double[]> row = new LinkedHashMap<>();
            metrics.forEach((name, list) -> row.put(name, list.stream().mapToDouble(Double::doubleValue).toArray()));
            out.put(layer, row);
        });
        return new Claim2Results(layers, paperLayer(layers), n, m, kk, out, interventions);
    }

    /** The paper's "layer 1": the first block's output. */
    static String paperLayer(List<String> layers) {
        return layers.contains("blocks.0.resid_post") ? "blocks.0.resid_post" : layers.get(layers.size() - 1);
    }
}
