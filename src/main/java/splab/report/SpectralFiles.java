package splab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import splab.io.AtomicFiles;
import splab.navigate.NavigatorScores;
import splab.analysis.AttentionAnalysis;
import splab.analysis.SpectralResults;
import splab.analysis.SpectralResults.Condition;
import splab.analysis.SpectralResults.GraphMetrics;

/**
 * Writes the numbers of a spectral analysis into {@code runDir/spectral/}: one CSV per metric and layer (a row per
 * graph, a column per condition), the |r| matrices per layer, a summary, attention masses, the learned-SLN score
 * table, and the arrays as {@code .npy}.
 */
public final class SpectralFiles {
    /** The per-graph metrics, by file-name key. */
    public enum Metric {
        BEST_CORR("best_corr", "best-match |r| (PC vs eigenvector)", "best |r|, PC vs eigenvector", GraphMetrics::bestCorr),
        ALIGNMENT("alignment", "subspace alignment (mean cos² of principal angles)", "alignment (mean cos²)",
                GraphMetrics::alignment),
        PROBE_R2("probe_r2", "linear probe R² (held-out edges)", "probe R² (held-out edges)", GraphMetrics::probeR2);

        private final String key;
        private final String label;
        private final String shortLabel;
        private final ToDoubleFunction<GraphMetrics> value;

        Metric(String key, String label, String shortLabel, ToDoubleFunction<GraphMetrics> value) {
            this.key = key;
            this.label = label;
            this.shortLabel = shortLabel;
            this.value = value;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public String shortLabel() {
            return shortLabel;
        }

        public double of(GraphMetrics m) {
            return value.applyAsDouble(m);
        }
    }

    /** Mean and standard deviation over graphs (NaN values skipped). */
    public record Stat(long count, double mean, double sd) {
        public static Stat of(List<GraphMetrics> rows, ToDoubleFunction<GraphMetrics> f) {
            double s = 0, s2 = 0;
            long n = 0;
            for (GraphMetrics m : rows) {
                double x = f.applyAsDouble(m);
                if (!Double.isNaN(x)) {
                    s += x;
                    s2 += x * x;
                    n++;
                }
            }
            if (n == 0) {
                return new Stat(0, Double.NaN, Double.NaN);
            }
            double mean = s / n;
            return new Stat(n, mean, n > 1 ? Math.sqrt(Math.max(0, (s2 - n * mean * mean) / (n - 1))) : 0);
        }
    }

    private SpectralFiles() {
    }

    /** A layer name usable in a file name: {@code blocks.0.resid_post} gives {@code blocks0}. */
    public static String layerKey(String layer) {
        return layer.startsWith("blocks.") ? "blocks" + layer.split("\\.")[1] : layer.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** Writes every file; returns the paths written. */
    public static List<Path> write(Path runDir, SpectralResults r) {
        Path dir = runDir.resolve("spectral");
        AtomicFiles.ensureWritableDirectory(dir);
        List<Path> written = new ArrayList<>();
        for (String layer : r.layers()) {
            Map<Condition, List<GraphMetrics>> byCond = r.metrics().get(layer);
            for (Metric metric : Metric.values()) {
                StringBuilder s = new StringBuilder("graph,n,m,k");
                for (Condition c : Condition.values()) {
                    s.append(',').append(c.key());
                }
                s.append(metric == Metric.ALIGNMENT ? ",chance\n" : "\n");
                List<GraphMetrics> trained = byCond.get(Condition.TRAINED);
                for (int i = 0; i < trained.size(); i++) {
                    GraphMetrics g = trained.get(i);
                    s.append(g.graph()).append(',').append(g.n()).append(',').append(g.m()).append(',').append(g.k());
                    for (Condition c : Condition.values()) {
                        s.append(',').append(num(metric.of(byCond.get(c).get(i))));
                    }
                    if (metric == Metric.ALIGNMENT) {
                        s.append(',').append(num(g.chance()));
                    }
                    s.append('\n');
                }
                Path p = dir.resolve(metric.key() + "_" + layerKey(layer) + ".csv");
                AtomicFiles.writeString(p, s.toString());
                written.add(p);
            }
            StringBuilder c = new StringBuilder("graph,pc,eigenvector,abs_r\n");
            for (GraphMetrics g : byCond.get(Condition.TRAINED)) {
                for (int i = 0; i < g.absCorr().length; i++) {
                    for (int j = 0; j < g.absCorr()[i].length; j++) {
                        c.append(g.graph()).append(',').append(i + 1).append(',').append(j + 1).append(',')
                                .append(num(g.absCorr()[i][j])).append('\n');
                    }
                }
            }
            Path p = dir.resolve("correlations_" + layerKey(layer) + ".csv");
            AtomicFiles.writeString(p, c.toString());
            written.add(p);
        }
        written.add(writeSummary(dir, r));
        written.add(writeAttention(dir, r));
        Path sln = dir.resolve("learned_sln.csv");
        NavigatorScores.writeCsv(sln, r.navigators());
        written.add(sln);
        written.addAll(writeArrays(dir, r));
        return written;
    }

    private static Path writeSummary(Path dir, SpectralResults r) {
        StringBuilder s = new StringBuilder("layer,metric,condition,graphs,mean,sd\n");
        for (String layer : r.layers()) {
            for (Metric metric : Metric.values()) {
                for (Condition c : Condition.values()) {
                    Stat st = Stat.of(r.metrics().get(layer).get(c), metric::of);
                    s.append(layer).append(',').append(metric.key()).append(',').append(c.key()).append(',')
                            .append(st.count()).append(',').append(num(st.mean())).append(',').append(num(st.sd())).append('\n');
                }
            }
            Stat chance = Stat.of(r.metrics().get(layer).get(Condition.TRAINED), GraphMetrics::chance);
            s.append(layer).append(",alignment,chance,").append(chance.count()).append(',').append(num(chance.mean()))
                    .append(',').append(num(chance.sd())).append('\n');
        }
        if (r.claim2() != null) { // claim-2 means, as layer,claim2_<metric>,<condition>: read by sweeps like the rest
            for (String layer : r.layers()) {
                r.claim2().values().get(layer).forEach((metric, v) -> {
                    double[] d = java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
                    String[] mc = metric.contains(":") ? metric.split(":", 2) : new String[] {metric, "value"};
                    double mean = java.util.Arrays.stream(d).average().orElse(Double.NaN);
                    double sd = d.length < 2 ? Double.NaN : Math.sqrt(java.util.Arrays.stream(d)
                            .map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1));
                    s.append(layer).append(",claim2_").append(mc[0]).append(',').append(mc[1]).append(',').append(d.length)
                            .append(',').append(num(mean)).append(',').append(num(sd)).append('\n');
                });
            }
        }
        Path p = dir.resolve("summary.csv");
        AtomicFiles.writeString(p, s.toString());
        return p;
    }

    private static Path writeAttention(Path dir, SpectralResults r) {
        StringBuilder s = new StringBuilder("condition,layer,head,d,positions,current_edges,target_edges,elsewhere,"
                + "uniform_current,uniform_target\n");
        for (Map.Entry<Condition, List<AttentionAnalysis.Row>> e : r.attention().entrySet()) {
            for (AttentionAnalysis.Row row : e.getValue()) {
                s.append(e.getKey().key()).append(',').append(row.layer()).append(',').append(row.head()).append(',')
                        .append(row.d() == 0 ? "all" : Integer.toString(row.d())).append(',').append(row.positions())
                        .append(',').append(num(row.current())).append(',').append(num(row.target())).append(',')
                        .append(num(row.elsewhere())).append(',').append(num(row.uniformCurrent())).append(',')
                        .append(num(row.uniformTarget())).append('\n');
            }
        }
        Path p = dir.resolve("attention.csv");
        AtomicFiles.writeString(p, s.toString());
        return p;
    }

    private static List<Path> writeArrays(Path dir, SpectralResults r) {
        SpectralResults.ExportArrays a = r.arrays();
        List<Path> out = new ArrayList<>();
        int edges = a.edgeGraph().length;
        for (String layer : r.layers()) {
            Path p = dir.resolve("reps_" + layerKey(layer) + ".npy");
            NpyWriter.writeFloat(p, a.reps().get(layer), edges, a.dModel());
            out.add(p);
            Path u = dir.resolve("untrained_reps_" + layerKey(layer) + ".npy");
            NpyWriter.writeFloat(u, a.untrainedReps().get(layer), edges, a.dModel());
            out.add(u);
        }
        Path eig = dir.resolve("eigenvectors.npy");
        NpyWriter.writeFloat(eig, a.eigenvectors(), edges, a.kMax());
        Path val = dir.resolve("eigenvalues.npy");
        NpyWriter.writeFloat(val, a.eigenvalues(), a.eigenvalues().length / Math.max(1, a.kMax()), a.kMax());
        Path eg = dir.resolve("edge_graph.npy");
        NpyWriter.writeInt(eg, a.edgeGraph(), edges);
        Path en = dir.resolve("edge_nodes.npy");
        NpyWriter.writeInt(en, a.edgeNodes(), edges, 2);
        Path att = dir.resolve("attention.npy");
        NpyWriter.writeFloat(att, a.attention(), a.attentionGraphs(), a.attentionLayers(), r.heads(), a.attentionT(), a.attentionT());
        Path tok = dir.resolve("attention_tokens.npy");
        NpyWriter.writeInt(tok, a.attentionTokens(), a.attentionGraphs(), a.attentionT());
        out.addAll(List.of(eig, val, eg, en, att, tok));
        StringBuilder readme = new StringBuilder("Arrays of the spectral analysis (numpy.load). Row order: edges of graph 0 in the"
                + " lab's edge order (pairs u<v sorted), then graph 1, ...\n");
        readme.append("reps_<layer>.npy [edges, dModel]: trained model's edge representation (").append(r.config().position())
                .append(")\nuntrained_reps_<layer>.npy: the same for the untrained model (training seed)\n")
                .append("eigenvectors.npy [edges, kMax]: eigenvectors 1..k' of the Laplacian of L(G), NaN-padded\n")
                .append("eigenvalues.npy [graphs, kMax]; edge_graph.npy [edges]; edge_nodes.npy [edges, 2]\n")
                .append("attention.npy [graphs, layers, heads, T, T] for the first graphs, zero-padded; attention_tokens.npy [graphs, T], -1 padded\n");
        Path rm = dir.resolve("ARRAYS.txt");
        AtomicFiles.writeString(rm, readme.toString());
        out.add(rm);
        return out;
    }

    static String num(double x) {
        return Double.isNaN(x) ? "NaN" : String.format(Locale.ROOT, "%.6g", x);
    }
}
