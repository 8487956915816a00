package splab.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongConsumer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import splab.spectral.EigenTarget;
import splab.spectral.IncidenceDecomposition;
import splab.spectral.EmbeddingComparison;
import splab.spectral.LinearProbe;
import splab.spectral.RandomEdgeGraphs;
import splab.spectral.SubspaceAlignment;
import splab.data.PathExample;
import splab.data.PathTokenizer;
import splab.data.Vocabulary;
import splab.graph.SmallGraph;
import splab.model.ActivationRecorder;
import splab.model.PathTransformer;
import splab.navigate.EmbeddingLineNavigator;
import splab.navigate.NavigatorScores;
import splab.navigate.Query;
import splab.navigate.ScoreSheet;
import splab.navigate.SpectralLineNavigator;
import splab.analysis.SpectralResults.Condition;
import splab.analysis.SpectralResults.GraphMetrics;

/**
 * Runs the spectral analysis of a trained model against the spectrum of the line graph: are the model's edge
 * representations the low-frequency eigenvectors of L(G), and does its attention follow the current node and the
 * target?
 *
 * <p>For each analysed held-out graph one example is tokenised (edges shuffled with a seeded generator) with its
 * label path, and one teacher-forced forward pass per model records every layer's residual stream and attention
 * pattern. Causal attention means an edge token has seen only the edges written before it; the prompt part does
 * not depend on the query, so the edge representations are those of the graph as written in that order.
 *
 * <p>Edge representations (m x d per layer) are compared with {@link EigenTarget} by {@link EmbeddingComparison},
 * {@link SubspaceAlignment} and {@link LinearProbe}, under four conditions ({@link Condition}): the trained model,
 * the untrained model with the training seed, the trained model against a random graph's eigenvectors with the
 * same n and m, and random endpoint sums (what incidence alone gives). Attention masses
 * ({@link AttentionAnalysis}) are measured at every path position. The learned SLN
 * (SLN's greedy rule on the model's own edge representations at {@link SpectralConfig#slnLayer}) is scored with
 * {@link NavigatorScores} on every test query of the analysed graphs, beside SLN on eigenvectors.
 *
 * <p>Each forward pass runs in its own sub-manager, closed at once: DJL attaches every intermediate array to the
 * manager of its input, so arrays of a forward pass on a long-lived manager would stay alive until the analysis
 * ends.
 */
public final class SpectralAnalysis {
    private final PathTransformer trained;
    private final PathTransformer untrained;
    private final NDManager manager;
    private final SpectralConfig config;
    private final SpectralLineNavigator.Config sln;
    private final PathTokenizer tokenizer;
    private final List<String> layers = new ArrayList<>();

    /**
     * @param sln the Spectral Line Navigator scored beside the learned SLN (the run's {@code navigate.sln}, so the
     *            report's SLN row is the navigator of the navigators table)
     */
    public SpectralAnalysis(PathTransformer trained, PathTransformer untrained, NDManager manager, SpectralConfig config,
            SpectralLineNavigator.Config sln) {
        this.trained = trained;
        this.sln = sln;
        this.untrained = untrained;
        this.manager = manager;
        this.config = config;
        this.tokenizer = new PathTokenizer(trained.config().vocabulary());
        layers.add(ActivationRecorder.embed());
        for (int l = 0; l < trained.config().layers(); l++) {
            layers.add(ActivationRecorder.residPost(l));
        }
        if (config.slnLayer() >= layers.size()) {
            throw new IllegalArgumentException("spectral.slnLayer " + config.slnLayer() + " but the model has only "
                    + layers.size() + " layers of representations (0 = embed .. " + (layers.size() - 1) + ")");
        }
    }

    /** Activation names compared: {@code embed}, then each block's output. */
    public List<String> layers() {
        return List.copyOf(layers);
    }

    /**
     * The first example of each isomorphism class with at least 3 edges, up to {@code limit} graphs, in file order
     * (two labellings of one graph would count one graph twice in every average).
     */
    public static List<PathExample> pickGraphs(List<PathExample> test, int limit) {
        Set<splab.graph.Certificate> seen = new LinkedHashSet<>();
        List<PathExample> out = new ArrayList<>();
        for (PathExample e : test) {
            if (out.size() >= limit) {
                break;
            }
            SmallGraph g = e.graph();
            if (g.edgeCount() >= 3 && g.isConnected() && seen.add(splab.graph.CanonicalForm.certificate(g))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Analyses the first {@link SpectralConfig#graphs} distinct graphs of {@code test}; progress counts graphs. */
    public SpectralResults run(List<PathExample> test, LongConsumer progress) {
        long start = System.nanoTime();
        List<PathExample> picked = pickGraphs(test, config.graphs());
        if (picked.isEmpty()) {
            throw new IllegalArgumentException("no test graph with at least 3 edges to analyse");
        }
        int slnIndex = config.slnLayer() < 0 ? layers.size() - 1 : config.slnLayer();
        SpectralTally tally = new SpectralTally(layers, trained.config().layers(), trained.config().heads());
        Claim2Tally claim2 = new Claim2Tally(layers, config.seed());
        List<Claim2Interventions.Graph> edited = new ArrayList<>();
        Map<SmallGraph, List<int[]>> queries = Claim2Interventions.queriesByGraph(test, config.interventionQueries());
        Random nullRng = new Random(config.seed() * 31 + 7);
        for (int gi = 0; gi < picked.size(); gi++) {
            analyseGraph(gi, picked.get(gi), slnIndex, nullRng, tally, claim2, edited, queries);
            progress.accept(gi + 1);
        }
        List<ScoreSheet> sheets = scoreNavigators(test, tally.learned(), tally.learnedUntrained(), layers.get(slnIndex));
        Claim2Results.Interventions iv = config.interventionQueries() == 0 ? null
                : new Claim2Interventions(trained, manager, Claim2Tally.paperLayer(layers)).run(edited,
                        config.interventionControls(), config.seed());
        return tally.results(config, layers(), sheets, layers.get(slnIndex), picked, (System.nanoTime() - start) / 1e9,
                claim2.results(iv));
    }

    /** One graph's tokens in one edge order and both models' activations on them. */
    private record Recording(int[] tokens, int[][] positions, ActivationRecorder trained, ActivationRecorder untrained) {
    }

    /** Records both models on {@code orders} seeded edge orders of one example (order 0 first). */
    private List<Recording> recordOrders(int gi, PathExample ex) {
        List<Recording> out = new ArrayList<>();
        for (int o = 0; o < config.orders(); o++) {
            long seed = config.seed() * 1_000_003L + gi;
            int[] tokens = tokenizer.encode(ex, new Random(o == 0 ? seed : seed * 31 + o));
            int[][] positions = EdgeRepresentations.edgePositions(tokens, ex.graph(), tokenizer.vocabulary());
            out.add(new Recording(tokens, positions, record(trained, tokens), record(untrained, tokens)));
        }
        return out;
    }

    /** Compares every layer of one graph under the four conditions and measures its attention. */
    private void analyseGraph(int gi, PathExample ex, int slnIndex, Random nullRng, SpectralTally tally, Claim2Tally claim2,
            List<Claim2Interventions.Graph> edited, Map<SmallGraph, List<int[]>> queries) {
        SmallGraph g = ex.graph();
        List<Recording> orders = recordOrders(gi, ex);
        Recording first = orders.get(0);
        int pathStart = tokenizer.pathStartIndex(first.tokens());
        EigenTarget target = EigenTarget.of(g, config.variant(), config.k());
        SmallGraph other = RandomEdgeGraphs.sample(g.nodeCount(), g.edgeCount(), nullRng);
        EigenTarget otherTarget = EigenTarget.of(other, config.variant(), config.k());
        GraphMetrics endpointNull = measure(gi, g, IncidenceDecomposition.randomEndpointSums(g, trained.config().dModel(), nullRng), target);
        tally.addTarget(target);
        ActivationRecorder.Activation embed = first.trained().get(ActivationRecorder.embed());
        claim2.addGraph(g, target, EdgeRepresentations.extract(embed.data(), embed.shape(), 0, first.positions(),
                EdgeRepresentations.Position.ENDPOINT_MEAN)); // (E[u] + E[v]) / 2: the embedding table alone
        Map<String, double[][]> pcs = new LinkedHashMap<>();
        Map<String, double[][]> corrs = new LinkedHashMap<>();
        for (int li = 0; li < layers.size(); li++) {
            String layer = layers.get(li);
            double[][] rt = averageOverOrders(orders, layer, true);
            double[][] ru = averageOverOrders(orders, layer, false);
            GraphMetrics mt = measure(gi, g, rt, target);
            tally.addLayer(layer, rt, ru, Map.of(Condition.TRAINED, mt, Condition.UNTRAINED, measure(gi, g, ru, target),
                    Condition.RANDOM_GRAPH, measure(gi, g, rt, otherTarget), Condition.ENDPOINT_SUM, endpointNull));
            if (li == slnIndex) {
                tally.addLearned(g, rt, ru);
            }
            claim2.addLayer(layer, rt, ru);
            if (layer.equals(Claim2Tally.paperLayer(layers)) && config.interventionQueries() > 0) {
                int[] prefix = java.util.Arrays.copyOf(first.tokens(), pathStart - 3); // up to <q>
                int[] edgeTokens = java.util.Arrays.stream(first.positions()).mapToInt(p -> p[2]).toArray();
                edited.add(new Claim2Interventions.Graph(g, prefix, edgeTokens, target.vectors(), rt,
                        queries.getOrDefault(g, List.of())));
            }
            pcs.put(layer, EmbeddingComparison.pca(rt, target.k()).scores());
            corrs.put(layer, mt.absCorr());
        }
        List<float[][][]> patterns = new ArrayList<>();
        for (int l = 0; l < trained.config().layers(); l++) {
            String name = ActivationRecorder.pattern(l);
            int length = first.tokens().length;
            measureAttention(tally.attention(Condition.TRAINED), l, first.trained().get(name), g, ex, first.positions(), pathStart, length);
            measureAttention(tally.attention(Condition.UNTRAINED), l, first.untrained().get(name), g, ex, first.positions(), pathStart, length);
            patterns.add(unpack(first.trained().get(name)));
        }
        if (gi < config.exampleGraphs()) {
            tally.addExample(new SpectralResults.Example(gi, g, first.tokens(), first.positions(), ex.path(), pathStart,
                    target, pcs, corrs, patterns));
        }
        if (gi < config.attentionArrays()) {
            tally.addAttention(first.tokens(), patterns);
        }
    }

    /** Edge representations of one layer, summed over the edge orders in order and divided by their count. */
    private double[][] averageOverOrders(List<Recording> orders, String layer, boolean ofTrained) {
        double[][] sum = null;
        for (Recording r : orders) {
            ActivationRecorder.Activation a = (ofTrained ? r.trained() : r.untrained()).get(layer);
            double[][] x = EdgeRepresentations.extract(a.data(), a.shape(), 0, r.positions(), config.position());
            if (sum == null) {
                sum = x;
                continue;
            }
            for (int e = 0; e < sum.length; e++) {
                for (int j = 0; j < sum[e].length; j++) {
                    sum[e][j] += x[e][j];
                }
            }
        }
        double f = 1.0 / config.orders();
        for (double[] row : sum) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
        return sum;
    }

    private GraphMetrics measure(int gi, SmallGraph g, double[][] reps, EigenTarget target) {
        int k = target.k();
        EmbeddingComparison.Pca pca = EmbeddingComparison.pca(reps, k);
        double[][] corr = EmbeddingComparison.absCorrelations(pca.scores(), target.vectors());
        return new GraphMetrics(gi, g.nodeCount(), g.edgeCount(), k, EmbeddingComparison.bestMatchMean(corr),
                SubspaceAlignment.meanSquaredCosine(pca.scores(), target.vectors()),
                SubspaceAlignment.randomExpectation(g.edgeCount(), k),
                config.ridge() == 0 ? LinearProbe.selectedR2(reps, target.vectors())
                        : LinearProbe.leaveOneOutR2(reps, target.vectors(), config.ridge()), corr);
    }

    private static void measureAttention(AttentionAnalysis.Accumulator acc, int layer, ActivationRecorder.Activation a,
            SmallGraph g, PathExample ex, int[][] positions, int pathStart, int length) {
        int[] path = ex.path();
        int t = ex.target();
        boolean[] targetKeys = AttentionAnalysis.incidentKeys(g, positions, t, length);
        int heads = (int) a.shape()[1];
        // position pathStart + 1 + i holds path[i]; it predicts path[i + 1]
        for (int i = 0; i + 1 < path.length; i++) {
            int q = pathStart + 1 + i;
            boolean[] currentKeys = AttentionAnalysis.incidentKeys(g, positions, path[i], length);
            for (int h = 0; h < heads; h++) {
                acc.add(layer, h, ex.distance(), AttentionAnalysis.at(a.data(), a.shape(), 0, h, q, currentKeys, targetKeys));
            }
        }
    }

    private ActivationRecorder record(PathTransformer model, int[] tokens) {
        ActivationRecorder rec = new ActivationRecorder();
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(new int[][] {tokens});
            model.forward(x, false, rec);
        }
        return rec;
    }

    private static float[][][] unpack(ActivationRecorder.Activation a) {
        int h = (int) a.shape()[1], t = (int) a.shape()[2];
        float[][][] out = new float[h][t][t];
        for (int i = 0; i < h; i++) {
            for (int q = 0; q < t; q++) {
                System.arraycopy(a.data(), (i * t + q) * t, out[i][q], 0, t);
            }
        }
        return out;
    }

    private List<ScoreSheet> scoreNavigators(List<PathExample> test, Map<SmallGraph, double[][]> learned,
            Map<SmallGraph, double[][]> learnedUntrained, String layer) {
        List<Query> queries = new ArrayList<>();
        for (PathExample e : test) {
            SmallGraph g = e.graph();
            if (learned.containsKey(g)) {
                queries.add(new Query(g, e.source(), e.target(), e.path()));
            }
        }
        List<ScoreSheet> sheets = new ArrayList<>();
        sheets.add(NavigatorScores.score(new SpectralLineNavigator(sln), queries));
        sheets.add(NavigatorScores.score(new EmbeddingLineNavigator("learned-sln[trained," + layer + "]", learned), queries));
        sheets.add(NavigatorScores.score(new EmbeddingLineNavigator("learned-sln[untrained," + layer + "]", learnedUntrained), queries));
        return sheets;
    }
}
