package splab.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDManager;

import splab.analysis.AttentionAnalysis;
import splab.analysis.EdgeRepresentations;
import splab.data.Vocabulary;
import splab.graph.SmallGraph;
import splab.model.ActivationRecorder;
import splab.model.PathTransformer;
import splab.spectral.EmbeddingComparison;

/**
 * Records the model on one query as it answered it: one teacher-forced forward pass over the query's prompt
 * (the same shuffled edge order the navigator decoded from) followed by the model's own path, from which come the
 * attention at every position of that path, mapped onto the graph's edges, and the principal components of the
 * edge representations at every layer.
 */
public final class ModelProbe {
    /** Principal components kept per layer. */
    public static final int COMPONENTS = 4;

    private final PathTransformer model;
    private final NDManager manager;
    private final Vocabulary vocab;
    private final EdgeRepresentations.Position position;
    private final List<String> layers = new ArrayList<>();

    public ModelProbe(PathTransformer model, NDManager manager, EdgeRepresentations.Position position) {
        this.model = model;
        this.manager = manager;
        this.vocab = model.config().vocabulary();
        this.position = position;
        layers.add(ActivationRecorder.embed());
        for (int l = 0; l < model.config().layers(); l++) {
            layers.add(ActivationRecorder.residPost(l));
        }
    }

    /** Representation layers: {@code embed}, then each block's output. */
    public List<String> layers() {
        return List.copyOf(layers);
    }

    /** Heads per block. */
    public int heads() {
        return model.config().heads();
    }

    /** What one forward pass gives the page. */
    public record Probe(double[][][] pcs, double[][] explained, List<ExplorerData.Step> attention) {
    }

    /**
     * Records the model on {@code prompt} (ending in {@code <p>}) followed by {@code path}; positions past the
     * model's longest sequence are dropped.
     */
    public Probe probe(SmallGraph g, int[] prompt, int[] path, int target) {
        int length = Math.min(prompt.length + path.length, model.config().maxSeqLen());
        int[] tokens = Arrays.copyOf(prompt, length);
        for (int i = prompt.length; i < length; i++) {
            tokens[i] = path[i - prompt.length];
        }
        ActivationRecorder rec = new ActivationRecorder();
        try (NDManager sub = manager.newSubManager()) {
            model.forward(sub.create(new int[][] {tokens}), false, rec);
        }
        int[][] edgePos = EdgeRepresentations.edgePositions(tokens, g, vocab);
        double[][][] pcs = new double[layers.size()][][];
        double[][] explained = new double[layers.size()][];
        for (int li = 0; li < layers.size(); li++) {
            ActivationRecorder.Activation a = rec.get(layers.get(li));
            EmbeddingComparison.Pca pca = EmbeddingComparison.pca(
                    EdgeRepresentations.extract(a.data(), a.shape(), 0, edgePos, position), COMPONENTS);
            pcs[li] = transposeRounded(pca.scores());
            explained[li] = ExplorerData.round(pca.explained());
        }
        return new Probe(pcs, explained, attention(rec, g, edgePos, tokens, prompt.length, path, target));
    }

    private List<ExplorerData.Step> attention(ActivationRecorder rec, SmallGraph g, int[][] edgePos, int[] tokens,
            int pathFrom, int[] path, int target) {
        int length = tokens.length;
        boolean[] targetKeys = AttentionAnalysis.incidentKeys(g, edgePos, target, length);
        int[] edgeOf = new int[length];
        Arrays.fill(edgeOf, -1);
        for (int e = 0; e < edgePos.length; e++) {
            for (int p : edgePos[e]) {
                edgeOf[p] = e;
            }
        }
        List<ExplorerData.Step> steps = new ArrayList<>();
        for (int q = pathFrom; q < length; q++) {
            int node = path[q - pathFrom];
            boolean[] currentKeys = AttentionAnalysis.incidentKeys(g, edgePos, node, length);
            List<List<ExplorerData.Head>> byLayer = new ArrayList<>();
            for (int l = 0; l < model.config().layers(); l++) {
                ActivationRecorder.Activation a = rec.get(ActivationRecorder.pattern(l));
                List<ExplorerData.Head> heads = new ArrayList<>();
                for (int h = 0; h < model.config().heads(); h++) {
                    heads.add(head(a, h, q, edgeOf, edgePos.length, pathFrom,
                            AttentionAnalysis.at(a.data(), a.shape(), 0, h, q, currentKeys, targetKeys)));
                }
                byLayer.add(heads);
            }
            steps.add(new ExplorerData.Step(node, byLayer));
        }
        return steps;
    }

    /** One head's attention row at query position {@code q}, summed by edge and by the other token groups. */
    private static ExplorerData.Head head(ActivationRecorder.Activation a, int h, int q, int[] edgeOf, int m, int pathFrom,
            AttentionAnalysis.Masses masses) {
        int t = (int) a.shape()[2];
        int off = (h * t + q) * t;
        double[] edges = new double[m];
        double bos = 0, query = 0, path = 0;
        for (int k = 0; k <= q; k++) {
            double p = a.data()[off + k];
            if (edgeOf[k] >= 0) {
                edges[edgeOf[k]] += p;
            } else if (k == 0) {
                bos += p;
            } else if (k < pathFrom) {
                query += p; // <q> s t <p>
            } else {
                path += p;
            }
        }
        int[] thousandths = new int[m];
        for (int e = 0; e < m; e++) {
            thousandths[e] = ExplorerData.permille(edges[e]);
        }
        return new ExplorerData.Head(thousandths, ExplorerData.permille(bos), ExplorerData.permille(query),
                ExplorerData.permille(path), ExplorerData.permille(masses.current()), ExplorerData.permille(masses.target()));
    }

    private static double[][] transposeRounded(double[][] x) {
        int rows = x.length, cols = rows == 0 ? 0 : x[0].length;
        double[][] out = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j][i] = ExplorerData.round(x[i][j]);
            }
        }
        return out;
    }
}
