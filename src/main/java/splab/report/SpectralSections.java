package splab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import splab.navigate.ScoreSheet;
import splab.analysis.AttentionAnalysis;
import splab.analysis.SpectralResults;
import splab.analysis.SpectralResults.Condition;
import splab.analysis.SpectralResults.GraphMetrics;

/**
 * The spectral part of a run's report: writes the CSVs and arrays ({@link SpectralFiles}) and the figures into
 * {@code runDir/figures/}, and appends sections that set each claim of the paper (2: edge representations vs the
 * spectrum of L(G); 3: attention on the current and target edges; 4: SLN) beside what this run measured and its
 * null baselines.
 */
public final class SpectralSections {
    private SpectralSections() {
    }

    /** Writes files and figures, then appends the sections to {@code report}. */
    public static void append(Report report, Path runDir, SpectralResults r) {
        SpectralFiles.write(runDir, r);
        Path figs = runDir.resolve("figures");
        String slnLayer = r.slnLayer();
        report.heading(1, "Spectral analysis (claims 2-4)");
        report.paragraph(String.format(Locale.ROOT, "%d held-out graphs analysed in %.0f s (%s). Layers compared: %s.",
                r.metrics().get(r.layers().get(0)).get(Condition.TRAINED).size(), r.seconds(), r.config().describe(),
                String.join(", ", r.layers().stream().map(l -> "`" + l + "`").toList())));
        report.paragraph("How it is measured. Each graph is written once (edges and endpoints shuffled with a seeded "
                + "generator) with a label path, and one forward pass records every layer. An edge's representation is "
                + "read at " + (r.config().position().name().equals("EDGE_TOKEN") ? "its closing `<e>` token" : "the mean of its two endpoint tokens")
                + " and matched to the edge by its tokens, not its position. Attention is causal, so an edge written "
                + "early has seen few other edges" + (r.config().orders() > 1 ? "; each edge's representation is averaged over "
                + r.config().orders() + " random edge orders" : " (`spectral.orders` averages over several random orders)") + ". The target is eigenvectors 1..k' of the " + r.config().variant().name().toLowerCase(Locale.ROOT)
                + " Laplacian of L(G), with k = " + r.config().k() + " grown to whole eigenspaces (k'), so repeated eigenvalues "
                + "are never cut. Metrics per graph: **best |r|**, the mean over eigenvectors of the best |Pearson r| with any of the "
                + "top-k' principal components of the m x d representation matrix; **alignment**, the mean squared cosine of the "
                + "principal angles between the top-k' PC span and the eigenvector span (sign- and basis-free; a random subspace "
                + "scores k'/(m-1), the 'chance' column); **probe R²**, ridge regression from representations to the k' "
                + "eigenvector coordinates fitted per graph and scored on held-out edges (exact leave-one-edge-out; ridge "
                + (r.config().ridge() == 0 ? "chosen per graph from a grid by the same criterion, for every condition alike" : "fixed at " + r.config().ridge())
                + "; near 0 means no linear read-out). The probe is "
                + "per graph because eigenvectors have no common frame across graphs (sign, basis inside repeated eigenvalues, "
                + "different m). Nulls: the **untrained** model with the training seed, and the trained model against the "
                + "eigenvectors of **another random graph** with the same n and m, and **random endpoint sums** "
                + "(r_e = x_u + x_v for Gaussian node vectors x), which measures what the incidence structure alone gives: "
                + "such vectors live in the span where the line graph's adjacency B^T B - 2I acts, so they beat 'chance'. "
                + "Read the trained column against the highest null: only the margin above it is evidence that training "
                + "shaped the representations toward the spectrum. A '-' marks a metric that is undefined, "
                + "e.g. `embed` read at `<e>` under rotary positions: every edge then has the same vector.");

        // claim 2
        report.heading(2, "Claim 2: edge representations follow the spectrum of the line graph");
        report.paragraph("Paper: the layer-1 edge embeddings are strongly correlated with the spectral decomposition of "
                + "L(G); principal components of the edge embeddings correlate with eigenvectors of the Laplacian of L(G).");
        List<List<String>> claimRows = new ArrayList<>();
        for (String layer : r.layers()) {
            Map<Condition, List<GraphMetrics>> m = r.metrics().get(layer);
            for (SpectralFiles.Metric metric : SpectralFiles.Metric.values()) {
                List<String> row = new ArrayList<>(List.of("`" + layer + "`", metric.label()));
                for (Condition c : Condition.values()) {
                    row.add(stat(SpectralFiles.Stat.of(m.get(c), metric::of)));
                }
                row.add(metric == SpectralFiles.Metric.ALIGNMENT
                        ? fmt(SpectralFiles.Stat.of(m.get(Condition.TRAINED), GraphMetrics::chance).mean()) : "");
                List<String> w = new ArrayList<>();
                for (Condition c : Condition.values()) {
                    if (c != Condition.TRAINED) {
                        w.add(wins(m.get(Condition.TRAINED), m.get(c), metric));
                    }
                }
                row.add(String.join(" / ", w));
                claimRows.add(row);
            }
        }
        List<String> header = new ArrayList<>(List.of("layer", "metric"));
        List<String> nulls = new ArrayList<>();
        for (Condition c : Condition.values()) {
            header.add(c == Condition.TRAINED ? "trained (mean ± sd)" : "null: " + c.label());
            if (c != Condition.TRAINED) {
                nulls.add(c.label());
            }
        }
        header.add("chance");
        header.add("graphs where trained beats: " + String.join(" / ", nulls));
        report.table(header, claimRows);
        report.figure("Metrics by layer, trained model against the nulls (bars: mean ± sd over graphs; dashed: chance "
                + "alignment k'/(m-1)).", "figures/spectral_metrics_by_layer.png",
                Charts.writePng(figs.resolve("spectral_metrics_by_layer.png"), SpectralFigures.metricsByLayer(r)));
        if (!r.examples().isEmpty()) {
            report.figure("|Pearson r| between the principal components (rows) and the eigenvectors 1..k' of the Laplacian "
                    + "of L(G) (columns), trained model; one row of panels per example graph, one column per layer.",
                    "figures/spectral_correlation_examples.png",
                    Charts.writePng(figs.resolve("spectral_correlation_examples.png"), SpectralFigures.correlationExamples(r)));
            report.figure("Example graph " + r.examples().get(0).graph() + ", layer `" + slnLayer + "`: each eigenvector "
                    + "against its best-matching principal component (one dot per edge).", "figures/spectral_pc_scatter.png",
                    Charts.writePng(figs.resolve("spectral_pc_scatter.png"), SpectralFigures.scatter(r.examples().get(0), slnLayer)));
        }

        if (r.claim2() != null) {
            Claim2Section.append(report, runDir, r.claim2(), r.config().bootstrap(), r.config().seed());
        }

        // claim 3
        report.heading(2, "Claim 3: attention on the current edge and the target's edges");
        report.paragraph("Paper (from summaries): attention heads focus on the current edge and on the target's edges while "
                + "the path is written. Measured teacher-forced on the label path: at each path position holding the "
                + "current node c (the position that predicts the next node), the attention mass on the tokens (u, v, `<e>`) "
                + "of edges incident to c, of edges incident to the target t, and elsewhere; beside it what uniform "
                + "attention over the visible keys would give, and the untrained model.");
        List<List<String>> attRows = new ArrayList<>();
        List<AttentionAnalysis.Row> trainedAtt = r.attention().get(Condition.TRAINED);
        List<AttentionAnalysis.Row> untrainedAtt = r.attention().get(Condition.UNTRAINED);
        for (int i = 0; i < trainedAtt.size(); i++) {
            AttentionAnalysis.Row a = trainedAtt.get(i), u = untrainedAtt.get(i);
            if (a.d() != 0) {
                continue;
            }
            attRows.add(List.of(Integer.toString(a.layer()), Integer.toString(a.head()), Long.toString(a.positions()),
                    fmt(a.current()), fmt(a.target()), fmt(a.elsewhere()), fmt(a.uniformCurrent()), fmt(a.uniformTarget()),
                    fmt(u.current()), fmt(u.target())));
        }
        report.table(List.of("layer", "head", "positions", "current-node edges", "target edges", "elsewhere",
                "uniform: current", "uniform: target", "untrained: current", "untrained: target"), attRows);
        List<List<String>> byD = new ArrayList<>();
        for (AttentionAnalysis.Row a : trainedAtt) {
            if (a.d() != 0) {
                byD.add(List.of(Integer.toString(a.layer()), Integer.toString(a.head()), Integer.toString(a.d()),
                        Long.toString(a.positions()), fmt(a.current()), fmt(a.target()), fmt(a.elsewhere())));
            }
        }
        report.paragraph("By distance d of the query (trained model):");
        report.table(List.of("layer", "head", "d", "positions", "current-node edges", "target edges", "elsewhere"), byD);
        report.figure("Attention mass per head (trained and untrained) on edges at the current node and at the target; "
                + "dashed: uniform attention's share for current-node edges.", "figures/attention_by_head.png",
                Charts.writePng(figs.resolve("attention_by_head.png"), SpectralFigures.attentionBars(r)));
        for (int i = 0; i < Math.min(3, r.examples().size()); i++) {
            SpectralResults.Example ex = r.examples().get(i);
            String name = "attention_example_" + ex.graph() + ".png";
            report.figure("Graph " + ex.graph() + ": attention (mean over heads) from each path position to each edge's "
                    + "tokens; one row per layer, one column per step. Orange: current node, red: target, dashed: path so far.",
                    "figures/" + name, Charts.writePng(figs.resolve(name), SpectralFigures.attentionExample(ex)));
        }

        // claim 4
        report.heading(2, "Claim 4: Spectral Line Navigator, and the learned SLN");
        report.paragraph("Paper: SLN finds shortest paths by greedily selecting nodes in the spectral embedding of the line "
                + "graph, with near-perfect accuracy. Here SLN on eigenvectors beside the learned SLN: the same greedy rule "
                + "on the model's own edge representations at `" + slnLayer + "` (trained, and untrained as the null), on "
                + "every test query of the analysed graphs. Correct = any shortest path; exact = the label path.");
        List<List<String>> navRows = new ArrayList<>();
        for (ScoreSheet s : r.navigators()) {
            ScoreSheet.Cell t = s.total();
            List<String> row = new ArrayList<>(List.of("`" + s.navigator() + "`", Long.toString(t.pairs()),
                    fmt(t.accuracy()), fmt(t.exactAccuracy())));
            for (int d = 1; d <= 3; d++) {
                ScoreSheet.Cell c = s.byDistance(d);
                row.add(c.pairs() == 0 ? "-" : fmt(c.accuracy()) + " (" + c.pairs() + ")");
            }
            long farPairs = 0, farCorrect = 0;
            for (int d : s.distances()) {
                if (d >= 4) {
                    farPairs += s.byDistance(d).pairs();
                    farCorrect += s.byDistance(d).correct();
                }
            }
            row.add(farPairs == 0 ? "-" : fmt(farCorrect / (double) farPairs) + " (" + farPairs + ")");
            navRows.add(row);
        }
        report.table(List.of("navigator", "pairs", "correct", "exact", "d = 1", "d = 2", "d = 3", "d >= 4"), navRows);
    }

    private static String wins(List<GraphMetrics> a, List<GraphMetrics> b, SpectralFiles.Metric metric) {
        int win = 0, n = 0;
        for (int i = 0; i < a.size(); i++) {
            double x = metric.of(a.get(i)), y = metric.of(b.get(i));
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                n++;
                if (x > y) {
                    win++;
                }
            }
        }
        return n == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * win / n);
    }

    private static String stat(SpectralFiles.Stat s) {
        return Double.isNaN(s.mean()) ? "-" : String.format(Locale.ROOT, "%.3f ± %.3f", s.mean(), s.sd());
    }

    private static String fmt(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3f", x);
    }
}
