package splab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import splab.analysis.SpectralResults.Condition;
import splab.analysis.SpectralResults.GraphMetrics;
import splab.data.PathExample;
import splab.graph.SmallGraph;
import splab.navigate.ScoreSheet;
import splab.spectral.EigenTarget;

/**
 * What {@link SpectralAnalysis} gathers graph by graph: per-layer metrics under each {@link Condition}, attention
 * masses, the representations the learned SLN navigates on, the example graphs drawn in figures and the arrays
 * exported for Python. {@link #results} turns it into {@link SpectralResults}.
 */
final class SpectralTally {
    private final int nLayers;
    private final int heads;
    private final Map<String, Map<Condition, List<GraphMetrics>>> metrics = new LinkedHashMap<>();
    private final Map<Condition, AttentionAnalysis.Accumulator> attention = new EnumMap<>(Condition.class);
    private final Map<SmallGraph, double[][]> learned = new HashMap<>();
    private final Map<SmallGraph, double[][]> learnedUntrained = new HashMap<>();
    private final List<SpectralResults.Example> examples = new ArrayList<>();
    private final Map<String, List<double[][]>> repsTrained = new LinkedHashMap<>();
    private final Map<String, List<double[][]>> repsUntrained = new LinkedHashMap<>();
    private final List<EigenTarget> targets = new ArrayList<>();
    private final List<int[]> attentionTokens = new ArrayList<>();
    private final List<float[]> attentionArrays = new ArrayList<>();
    private int kMax;
    private int attentionT;

    SpectralTally(List<String> layers, int nLayers, int heads) {
        this.nLayers = nLayers;
        this.heads = heads;
        for (String layer : layers) {
            Map<Condition, List<GraphMetrics>> byCondition = new EnumMap<>(Condition.class);
            for (Condition c : Condition.values()) {
                byCondition.put(c, new ArrayList<>());
            }
            metrics.put(layer, byCondition);
            repsTrained.put(layer, new ArrayList<>());
            repsUntrained.put(layer, new ArrayList<>());
        }
        attention.put(Condition.TRAINED, new AttentionAnalysis.Accumulator());
        attention.put(Condition.UNTRAINED, new AttentionAnalysis.Accumulator());
    }

    void addTarget(EigenTarget target) {
        targets.add(target);
        kMax = Math.max(kMax, target.k());
    }

    /** One graph's representations at {@code layer} (trained, untrained) and its metrics under every condition. */
    void addLayer(String layer, double[][] trained, double[][] untrained, Map<Condition, GraphMetrics> byCondition) {
        repsTrained.get(layer).add(trained);
        repsUntrained.get(layer).add(untrained);
        for (Condition c : Condition.values()) {
            metrics.get(layer).get(c).add(byCondition.get(c));
        }
    }

    void addLearned(SmallGraph g, double[][] trained, double[][] untrained) {
        learned.put(g, trained);
        learnedUntrained.put(g, untrained);
    }

    Map<SmallGraph, double[][]> learned() {
        return learned;
    }

    Map<SmallGraph, double[][]> learnedUntrained() {
        return learnedUntrained;
    }

    AttentionAnalysis.Accumulator attention(Condition condition) {
        return attention.get(condition);
    }

    void addExample(SpectralResults.Example example) {
        examples.add(example);
    }

    /** Keeps one graph's full attention patterns ([layer][head][query][key]) for export. */
    void addAttention(int[] tokens, List<float[][][]> patterns) {
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

    SpectralResults results(SpectralConfig config, List<String> layers, List<ScoreSheet> sheets, String slnLayer,
            List<PathExample> picked, double seconds, Claim2Results claim2) {
        Map<Condition, List<AttentionAnalysis.Row>> att = new EnumMap<>(Condition.class);
        attention.forEach((c, acc) -> att.put(c, acc.rows()));
        return new SpectralResults(config, layers, metrics, att, sheets, slnLayer, examples, pack(picked), heads,
                seconds, claim2);
    }

    private SpectralResults.ExportArrays pack(List<PathExample> picked) {
        int edges = 0;
        for (PathExample e : picked) {
            edges += e.edges().length;
        }
        int d = repsTrained.values().iterator().next().get(0)[0].length;
        Map<String, float[]> rt = new LinkedHashMap<>(), ru = new LinkedHashMap<>();
        for (String layer : repsTrained.keySet()) {
            rt.put(layer, flatten(repsTrained.get(layer), edges, d));
            ru.put(layer, flatten(repsUntrained.get(layer), edges, d));
        }
        float[] eig = new float[edges * kMax];
        Arrays.fill(eig, Float.NaN);
        float[] values = new float[targets.size() * kMax];
        Arrays.fill(values, Float.NaN);
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
        int a = attentionArrays.size();
        int attT = attentionT;
        float[] att = new float[a * nLayers * heads * attT * attT];
        int[] tokens = new int[a * attT];
        Arrays.fill(tokens, -1);
        for (int i = 0; i < a; i++) {
            int t = attentionTokens.get(i).length;
            System.arraycopy(attentionTokens.get(i), 0, tokens, i * attT, t);
            float[] src = attentionArrays.get(i);
            for (int lh = 0; lh < nLayers * heads; lh++) {
                for (int q = 0; q < t; q++) {
                    System.arraycopy(src, (lh * t + q) * t, att, ((i * nLayers * heads + lh) * attT + q) * attT, t);
                }
            }
        }
        return new SpectralResults.ExportArrays(rt, ru, d, eig, values, kMax, edgeGraph, edgeNodes, att, tokens, a,
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
