package splab.spectral;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongConsumer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

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
import splab.spectral.SpectralResults.Condition;
import splab.spectral.SpectralResults.GraphMetrics;

/**
 * Runs the spectral analysis of a trained model against the spectrum of the line graph (claims 2-4 of PAPER.md).
 *
 * <p>For each analysed held-out graph one example is tokenised (edges shuffled with a seeded generator) with its
 * label path, and one teacher-forced forward pass per model records every layer's residual stream and attention
 * pattern. Causal attention means an edge token has seen only the edges written before it; the prompt part does
 * not depend on the query, so the edge representations are those of the graph as written in that order.
 *
 * <p>Edge representations (m x d per layer) are compared with {@link EigenTarget} by {@link EmbeddingComparison},
 * {@link SubspaceAlignment} and {@link LinearProbe}, under four conditions ({@link Condition}): the trained model,
 * the untrained model with the training seed, the trained model against a random graph's eigenvectors with the
 * same n and m, and random endpoint sums (what incidence alone gives). Attention masses ({@link AttentionAnalysis}) are measured at every path position. The learned SLN
 * (SLN's greedy rule on the model's own edge representations at {@link SpectralConfig#slnLayer}) is scored with
 * {@link NavigatorScores} on every test query of the analysed graphs, beside SLN on eigenvectors.
 *
 * <p>Each forward pass runs in its own sub-manager, closed at once (DJL-NOTES trap 3).
 */
public final class SpectralAnalysis {
    private final PathTransformer trained;
    private final PathTransformer untrained;
    private final NDManager manager;
    private final SpectralConfig config;
    private final PathTokenizer tokenizer;
    private final List<String> layers = new ArrayList<>();

    public SpectralAnalysis(PathTransformer trained, PathTransformer untrained, NDManager manager, SpectralConfig config) {
        this.trained = trained;
        this.untrained = untrained;
        this.manager = manager;
        this.config = config;
        this.tokenizer = new PathTokenizer(new Vocabulary(trained.config().vocabSize() - 6));
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

    /** The first example of each distinct graph with at least 3 edges, up to {@code limit} graphs, in file order. */
    public static List<PathExample> pickGraphs(List<PathExample> test, int limit) {
        Set<SmallGraph> seen = new LinkedHashSet<>();
        List<PathExample> out = new ArrayList<>();
        for (PathExample e : test) {
            if (out.size() >= limit) {
                break;
            }
            SmallGraph g = e.graph();
            if (g.edgeCount() >= 3 && g.isConnected() && seen.add(g)) {
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
        int heads = trained.config().heads();
        int nLayers = trained.config().layers();
        int kMax = 0;
        Map<String, Map<Condition, List<GraphMetrics>>> metrics = new LinkedHashMap<>();
        for (String layer : layers) {
            Map<Condition, List<GraphMetrics>> byCondition = new EnumMap<>(Condition.class);
            for (Condition c : Condition.values()) {
                byCondition.put(c, new ArrayList<>());
            }
            metrics.put(layer, byCondition);
        }
        Map<Condition, AttentionAnalysis.Accumulator> attention = new EnumMap<>(Condition.class);
        attention.put(Condition.TRAINED, new AttentionAnalysis.Accumulator());
        attention.put(Condition.UNTRAINED, new AttentionAnalysis.Accumulator());
        Map<SmallGraph, double[][]> learned = new HashMap<>();
        Map<SmallGraph, double[][]> learnedUntrained = new HashMap<>();
        List<SpectralResults.Example> examples = new ArrayList<>();
        Map<String, List<double[][]>> repsTrained = new LinkedHashMap<>();
        Map<String, List<double[][]>> repsUntrained = new LinkedHashMap<>();
        List<EigenTarget> targets = new ArrayList<>();
        List<int[]> attentionTokens = new ArrayList<>();
        List<float[]> attentionArrays = new ArrayList<>();
        int attentionT = 0;
        for (String layer : layers) {
            repsTrained.put(layer, new ArrayList<>());
            repsUntrained.put(layer, new ArrayList<>());
        }
        Random nullRng = new Random(config.seed() * 31 + 7);
        for (int gi = 0; gi < picked.size(); gi++) {
            PathExample ex = picked.get(gi);
            SmallGraph g = ex.graph();
            int[] tokens = tokenizer.encode(ex, new Random(config.seed() * 1_000_003L + gi));
            int[][] positions = EdgeRepresentations.edgePositions(tokens, g, tokenizer.vocabulary());
            int pathStart = tokenizer.pathStartIndex(tokens);
            ActivationRecorder recT = record(trained, tokens);
            ActivationRecorder recU = record(untrained, tokens);
            List<int[]> tokensByOrder = new ArrayList<>();
            List<ActivationRecorder> extraT = new ArrayList<>(), extraU = new ArrayList<>();
            for (int o = 1; o < config.orders(); o++) {
                int[] more = tokenizer.encode(ex, new Random((config.seed() * 1_000_003L + gi) * 31 + o));
                tokensByOrder.add(more);
                extraT.add(record(trained, more));
                extraU.add(record(untrained, more));
            }
            EigenTarget target = EigenTarget.of(g, config.variant(), config.k());
            targets.add(target);
            kMax = Math.max(kMax, target.k());
            SmallGraph other = RandomEdgeGraphs.sample(g.nodeCount(), g.edgeCount(), nullRng);
            EigenTarget otherTarget = EigenTarget.of(other, config.variant(), config.k());
            GraphMetrics endpointNull = measure(gi, g, endpointSums(g, trained.config().dModel(), nullRng), target);
            Map<String, double[][]> pcs = new LinkedHashMap<>();
            Map<String, double[][]> corrs = new LinkedHashMap<>();
            for (int li = 0; li < layers.size(); li++) {
                String layer = layers.get(li);
                ActivationRecorder.Activation at = recT.get(layer), au = recU.get(layer);
                double[][] rt = EdgeRepresentations.extract(at.data(), at.shape(), 0, positions, config.position());
                double[][] ru = EdgeRepresentations.extract(au.data(), au.shape(), 0, positions, config.position());
                for (int o = 1; o < config.orders(); o++) {
                    addInto(rt, extraT.get(o - 1), layer, tokensByOrder.get(o - 1), g);
                    addInto(ru, extraU.get(o - 1), layer, tokensByOrder.get(o - 1), g);
                }
                scale(rt, 1.0 / config.orders());
                scale(ru, 1.0 / config.orders());
                repsTrained.get(layer).add(rt);
                repsUntrained.get(layer).add(ru);
                GraphMetrics mt = measure(gi, g, rt, target);
                metrics.get(layer).get(Condition.TRAINED).add(mt);
                metrics.get(layer).get(Condition.UNTRAINED).add(measure(gi, g, ru, target));
                metrics.get(layer).get(Condition.RANDOM_GRAPH).add(measure(gi, g, rt, otherTarget));
                metrics.get(layer).get(Condition.ENDPOINT_SUM).add(endpointNull);
                if (li == slnIndex) {
                    learned.put(g, rt);
                    learnedUntrained.put(g, ru);
                }
                pcs.put(layer, EmbeddingComparison.pca(rt, target.k()).scores());
                corrs.put(layer, mt.absCorr());
            }
            List<float[][][]> patterns = new ArrayList<>();
            for (int l = 0; l < nLayers; l++) {
                String name = ActivationRecorder.pattern(l);
                measureAttention(attention.get(Condition.TRAINED), l, recT.get(name), g, ex, positions, pathStart, tokens.length);
                measureAttention(attention.get(Condition.UNTRAINED), l, recU.get(name), g, ex, positions, pathStart, tokens.length);
                patterns.add(unpack(recT.get(name)));
            }
            if (gi < config.exampleGraphs()) {
                examples.add(new SpectralResults.Example(gi, g, tokens, positions, ex.path(), pathStart, target, pcs,
                        corrs, patterns));
            }
            if (gi < config.attentionArrays()) {
                attentionTokens.add(tokens);
                attentionT = Math.max(attentionT, tokens.length);
                float[] flat = new float[nLayers * heads * tokens.length * tokens.length];
                int o = 0;
                for (float[][][] p : patterns) {
                    for (float[][] head : p) {
                        for (float[] row : head) {
                            System.arraycopy(row, 0, flat, o, row.length);
                            o += row.length;
                        }
                    }
                }
                attentionArrays.add(flat);
            }
            progress.accept(gi + 1);
        }
        List<ScoreSheet> sheets = scoreNavigators(test, learned, learnedUntrained, layers.get(slnIndex));
        SpectralResults.Arrays arrays = pack(repsTrained, repsUntrained, targets, kMax, picked, attentionTokens,
                attentionArrays, nLayers, heads, attentionT);
        Map<Condition, List<AttentionAnalysis.Row>> att = new EnumMap<>(Condition.class);
        attention.forEach((c, acc) -> att.put(c, acc.rows()));
        return new SpectralResults(config, layers(), metrics, att, sheets, layers.get(slnIndex), examples, arrays, heads,
                (System.nanoTime() - start) / 1e9);
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

    /** r_e = x_u + x_v for Gaussian node vectors x (the incidence-only null). */
    static double[][] endpointSums(SmallGraph g, int d, Random rng) {
        double[][] x = new double[g.nodeCount()][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[][] r = new double[g.edgeCount()][d];
        for (int e = 0; e < r.length; e++) {
            int[] uv = g.edge(e);
            for (int j = 0; j < d; j++) {
                r[e][j] = x[uv[0]][j] + x[uv[1]][j];
            }
        }
        return r;
    }

    private void addInto(double[][] sum, ActivationRecorder rec, String layer, int[] tokens, SmallGraph g) {
        ActivationRecorder.Activation a = rec.get(layer);
        int[][] pos = EdgeRepresentations.edgePositions(tokens, g, tokenizer.vocabulary());
        double[][] x = EdgeRepresentations.extract(a.data(), a.shape(), 0, pos, config.position());
        for (int e = 0; e < sum.length; e++) {
            for (int j = 0; j < sum[e].length; j++) {
                sum[e][j] += x[e][j];
            }
        }
    }

    private static void scale(double[][] a, double f) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
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
        SpectralLineNavigator.Config sln = SpectralLineNavigator.Config.defaults().withK(config.k()).withVariant(config.variant());
        sheets.add(NavigatorScores.score(new SpectralLineNavigator(sln), queries));
        sheets.add(NavigatorScores.score(new EmbeddingLineNavigator("learned-sln[trained," + layer + "]", learned), queries));
        sheets.add(NavigatorScores.score(new EmbeddingLineNavigator("learned-sln[untrained," + layer + "]", learnedUntrained), queries));
        return sheets;
    }

    private static SpectralResults.Arrays pack(Map<String, List<double[][]>> repsT, Map<String, List<double[][]>> repsU,
            List<EigenTarget> targets, int kMax, List<PathExample> picked, List<int[]> attTokens, List<float[]> att,
            int nLayers, int heads, int attT) {
        int edges = 0;
        for (PathExample e : picked) {
            edges += e.edges().length;
        }
        int d = repsT.values().iterator().next().get(0)[0].length;
        Map<String, float[]> rt = new LinkedHashMap<>(), ru = new LinkedHashMap<>();
        for (String layer : repsT.keySet()) {
            rt.put(layer, flatten(repsT.get(layer), edges, d));
            ru.put(layer, flatten(repsU.get(layer), edges, d));
        }
        float[] eig = new float[edges * kMax];
        java.util.Arrays.fill(eig, Float.NaN);
        float[] values = new float[targets.size() * kMax];
        java.util.Arrays.fill(values, Float.NaN);
        int[] edgeGraph = new int[edges], edgeNodes = new int[edges * 2];
        int row = 0;
        for (int gi = 0; gi < targets.size(); gi++) {
            EigenTarget t = targets.get(gi);
            SmallGraph g = picked.get(gi).graph();
            for (int j = 0; j < t.k(); j++) {
                values[gi * kMax + j] = (float) t.values()[j];
            }
            for (int e = 0; e < g.edgeCount(); e++, row++) {
                edgeGraph[row] = gi;
                edgeNodes[2 * row] = g.edge(e)[0];
                edgeNodes[2 * row + 1] = g.edge(e)[1];
                for (int j = 0; j < t.k(); j++) {
                    eig[row * kMax + j] = (float) t.vectors()[e][j];
                }
            }
        }
        int a = att.size();
        float[] attention = new float[a * nLayers * heads * attT * attT];
        int[] tokens = new int[a * attT];
        java.util.Arrays.fill(tokens, -1);
        for (int i = 0; i < a; i++) {
            int t = attTokens.get(i).length;
            System.arraycopy(attTokens.get(i), 0, tokens, i * attT, t);
            float[] src = att.get(i);
            for (int lh = 0; lh < nLayers * heads; lh++) {
                for (int q = 0; q < t; q++) {
                    System.arraycopy(src, (lh * t + q) * t, attention, ((i * nLayers * heads + lh) * attT + q) * attT, t);
                }
            }
        }
        return new SpectralResults.Arrays(rt, ru, d, eig, values, kMax, edgeGraph, edgeNodes, attention, tokens, a,
                nLayers, attT);
    }

    private static float[] flatten(List<double[][]> perGraph, int edges, int d) {
        float[] out = new float[edges * d];
        int o = 0;
        for (double[][] m : perGraph) {
            for (double[] r : m) {
                for (double x : r) {
                    out[o++] = (float) x;
                }
            }
        }
        return out;
    }
}
