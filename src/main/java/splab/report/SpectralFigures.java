package splab.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import splab.analysis.AttentionAnalysis;
import splab.analysis.SpectralResults;
import splab.analysis.SpectralResults.Condition;
import splab.analysis.SpectralResults.GraphMetrics;

/** The figures of the spectral sections ({@link SpectralSections}), each drawn with {@link Charts}. */
final class SpectralFigures {
    private SpectralFigures() {
    }

    static BufferedImage metricsByLayer(SpectralResults r) {
        List<BufferedImage> panels = new ArrayList<>();
        List<String> layers = r.layers();
        List<String> series = new ArrayList<>();
        for (Condition c : Condition.values()) {
            series.add(c.label());
        }
        for (SpectralFiles.Metric metric : SpectralFiles.Metric.values()) {
            double[][] mean = new double[series.size()][layers.size()], sd = new double[series.size()][layers.size()];
            double[] chance = metric == SpectralFiles.Metric.ALIGNMENT ? new double[layers.size()] : null;
            double lo = 0;
            for (int l = 0; l < layers.size(); l++) {
                Map<Condition, List<GraphMetrics>> m = r.metrics().get(layers.get(l));
                for (Condition c : Condition.values()) {
                    SpectralFiles.Stat s = SpectralFiles.Stat.of(m.get(c), metric::of);
                    mean[c.ordinal()][l] = s.mean();
                    sd[c.ordinal()][l] = s.sd();
                    if (!Double.isNaN(s.mean())) {
                        lo = Math.min(lo, s.mean() - s.sd());
                    }
                }
                if (chance != null) {
                    chance[l] = SpectralFiles.Stat.of(m.get(Condition.TRAINED), GraphMetrics::chance).mean();
                }
            }
            panels.add(Charts.groupedBars(metric.shortLabel(), layers.stream().map(SpectralFiles::layerKey).toList(), series,
                    mean, sd, chance, chance == null ? null : "chance", metric.key(), Math.max(-1, Math.min(0, Math.floor(lo * 5) / 5)), 1));
        }
        return Charts.grid(panels, 3);
    }

    static BufferedImage correlationExamples(SpectralResults r) {
        List<BufferedImage> panels = new ArrayList<>();
        // layers whose representations are constant over edges (embed at <e> under RoPE) have no PCs: left out
        List<String> shown = r.layers().stream()
                .filter(l -> r.examples().stream().anyMatch(ex -> ex.absCorr().get(l).length > 0)).toList();
        for (SpectralResults.Example ex : r.examples()) {
            for (String layer : shown) {
                double[][] c = ex.absCorr().get(layer);
                List<String> rows = new ArrayList<>(), cols = new ArrayList<>();
                for (int i = 0; i < c.length; i++) {
                    rows.add("PC" + (i + 1));
                }
                for (int j = 0; j < ex.target().k(); j++) {
                    cols.add(String.format(Locale.ROOT, "φ%d", j + 1));
                }
                panels.add(Charts.heatmap("graph " + ex.graph() + ", " + SpectralFiles.layerKey(layer), c, rows, cols,
                        "principal component", "eigenvector of the Laplacian of L(G)", 0, 1));
            }
        }
        return Charts.grid(panels, Math.max(1, shown.size()));
    }

    static BufferedImage scatter(SpectralResults.Example ex, String layer) {
        double[][] pcs = ex.pcScores().get(layer);
        double[][] corr = ex.absCorr().get(layer);
        List<BufferedImage> panels = new ArrayList<>();
        int k = ex.target().k();
        for (int j = 0; j < k && j < 4; j++) {
            int best = 0;
            for (int i = 0; i < corr.length; i++) {
                if (corr[i][j] > corr[best][j]) {
                    best = i;
                }
            }
            if (corr.length == 0) {
                break;
            }
            double[] x = new double[pcs.length], y = new double[pcs.length];
            for (int e = 0; e < pcs.length; e++) {
                x[e] = ex.target().vectors()[e][j];
                y[e] = pcs[e][best];
            }
            panels.add(Charts.scatter(String.format(Locale.ROOT, "φ%d vs PC%d, |r| = %.2f", j + 1, best + 1, corr[best][j]),
                    x, y, "eigenvector φ" + (j + 1), "PC" + (best + 1) + " score"));
        }
        return Charts.grid(panels, 4);
    }

    static BufferedImage attentionBars(SpectralResults r) {
        List<String> cats = new ArrayList<>();
        List<AttentionAnalysis.Row> t = r.attention().get(Condition.TRAINED).stream().filter(a -> a.d() == 0).toList();
        List<AttentionAnalysis.Row> u = r.attention().get(Condition.UNTRAINED).stream().filter(a -> a.d() == 0).toList();
        double[][] mean = new double[4][t.size()];
        double[] ref = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            cats.add("L" + t.get(i).layer() + "H" + t.get(i).head());
            mean[0][i] = t.get(i).current();
            mean[1][i] = t.get(i).target();
            mean[2][i] = u.get(i).current();
            mean[3][i] = u.get(i).target();
            ref[i] = t.get(i).uniformCurrent();
        }
        return Charts.groupedBars("attention mass at path positions", cats,
                List.of("trained: current", "trained: target", "untrained: current", "untrained: target"), mean, null, ref,
                "uniform (current)", "mass", 0, 1);
    }

    static BufferedImage attentionExample(SpectralResults.Example ex) {
        List<BufferedImage> panels = new ArrayList<>();
        int steps = ex.path().length - 1;
        int target = ex.path()[ex.path().length - 1];
        for (int l = 0; l < ex.patterns().size(); l++) {
            float[][][] p = ex.patterns().get(l);
            for (int i = 0; i < steps; i++) {
                int q = ex.pathStart() + 1 + i;
                double[] w = new double[ex.g().edgeCount()];
                for (int e = 0; e < w.length; e++) {
                    for (int pos : ex.edgePositions()[e]) {
                        for (float[][] head : p) {
                            w[e] += head[q][pos] / p.length;
                        }
                    }
                }
                panels.add(Charts.graphPanel(String.format(Locale.ROOT, "layer %d, at node %d", l, ex.path()[i]), ex.g(), w,
                        ex.path(), i, ex.path()[i], target));
            }
        }
        return Charts.grid(panels, Math.max(1, steps));
    }
}
