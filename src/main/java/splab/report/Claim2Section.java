package splab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import splab.analysis.Claim2Results;
import splab.analysis.Claim2Verdict;
import splab.io.AtomicFiles;

/**
 * The report's "Claim 2: verdict" section and the files behind it in {@code runDir/claim2/}: every sentence of the
 * verdict is computed from the comparisons ({@link Claim2Verdict}), never fixed text.
 */
public final class Claim2Section {
    private Claim2Section() {}

    public static void append(Report report, Path runDir, Claim2Results c, int resamples, long seed) {
        List<Claim2Verdict.Comparison> comparisons = Claim2Verdict.comparisons(c, resamples, seed);
        writeFiles(runDir.resolve("claim2"), c, comparisons);
        report.heading(2, "Claim 2: verdict");
        report.paragraph("Question: are the edge representations spectral beyond what incidence alone gives, and does the "
                + "model use that structure? The paper's \"layer 1\" is `" + c.paperLayer() + "`, the first block's output. "
                + "Low eigenvectors of the Laplacian of L(G) lie mostly in the incidence span (the span of B^T, where "
                + "B^T B = A(L(G)) + 2I), so any code r_e = x_u + x_v looks spectral; the nulls below have that structure. "
                + "Graphs where k' >= m - 1 are excluded from alignment (every condition would score 1); held-out graphs "
                + "are de-duplicated by isomorphism class. Intervals: paired bootstrap over graphs (" + resamples
                + " resamples), 95%.");
        for (String sentence : Claim2Verdict.sentences(c, comparisons)) {
            report.paragraph(sentence);
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, Integer> undefined = new LinkedHashMap<>();
        for (Claim2Verdict.Comparison x : comparisons) {
            if (x.difference().n() == 0) {
                undefined.merge(x.layer(), 1, Integer::sum);
                continue;
            }
            rows.add(List.of("`" + x.layer() + "`", x.question(), x.a() + " - " + x.b(), x.difference().describe()));
        }
        report.table(List.of("layer", "question", "difference", "mean [95% interval], graphs, sign test"), rows);
        if (!undefined.isEmpty()) {
            List<String> parts = new ArrayList<>();
            undefined.forEach((layer, count) -> parts.add(count + " at `" + layer + "`"));
            report.paragraph("Left out of the table: comparisons with no graph where both values are defined ("
                    + String.join(", ", parts) + "); claim2/comparisons.csv lists them.");
        }
        report.paragraph("Alignment at `" + c.paperLayer() + "` by number of nodes n (normalized: (a - chance)/(1 - chance), "
                + "0 at chance, 1 at perfect alignment).");
        report.table(List.of("n", "graphs", "trained", "endpoint sums (matched)", "token embeddings", "chance",
                "trained, normalized"), byNodeCount(c));
        Claim2Results.Interventions iv = c.interventions();
        if (iv != null) {
            List<List<String>> ivRows = new ArrayList<>();
            for (Claim2Results.Condition k : iv.conditions()) {
                ivRows.add(List.of(k.description(), k.correct() + " / " + k.pairs(), fmt(k.accuracy()), wilson(k), fmt(k.removed())));
            }
            double[] acc = iv.controls().stream().mapToDouble(Claim2Results.Condition::accuracy).sorted().toArray();
            if (acc.length > 0) {
                ivRows.add(List.of("control: random incidence subspace removed (" + acc.length + " draws)", "-",
                        fmt(Claim2Verdict.mean(acc)), "range " + fmt(acc[0]) + " to " + fmt(acc[acc.length - 1]),
                        fmt(iv.controls().stream().mapToDouble(Claim2Results.Condition::removed).average().orElse(Double.NaN))));
            }
            report.paragraph(String.format(Locale.ROOT, "Interventions at `%s`, applied at every `<e>` position of the prompt "
                    + "at every decoding step, on %d analysed graphs (%.0f s).", iv.layer(), iv.graphs(), iv.seconds()));
            report.table(List.of("condition", "correct / pairs", "accuracy", "95% interval (Wilson)",
                    "variance removed"), ivRows);
        }
    }

    private static List<List<String>> byNodeCount(Claim2Results c) {
        String l = c.paperLayer();
        double[] t = c.get(l, "alignment:trained"), e = c.get(l, "alignment:endpoint_matched");
        double[] tok = c.get(l, "alignment:token_embedding"), ch = c.get(l, "chance");
        double[] norm = Claim2Verdict.normalized(t, ch);
        Map<Integer, List<Integer>> byN = new TreeMap<>();
        for (int i = 0; i < c.n().length; i++) {
            if (!Double.isNaN(t[i])) {
                byN.computeIfAbsent(c.n()[i], x -> new ArrayList<>()).add(i);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        byN.forEach((n, idx) -> rows.add(List.of(Integer.toString(n), Integer.toString(idx.size()), fmt(at(t, idx)),
                fmt(at(e, idx)), fmt(at(tok, idx)), fmt(at(ch, idx)), fmt(at(norm, idx)))));
        return rows;
    }

    private static double at(double[] v, List<Integer> idx) {
        return Claim2Verdict.mean(idx.stream().mapToDouble(i -> v[i]).toArray());
    }

    private static String wilson(Claim2Results.Condition k) {
        if (k.pairs() == 0) {
            return "-";
        }
        double n = k.pairs(), p = k.correct() / n, z = 1.96;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
        return "[" + fmt(centre - half) + ", " + fmt(centre + half) + "]";
    }

    private static String fmt(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3f", x);
    }

    private static void writeFiles(Path dir, Claim2Results c, List<Claim2Verdict.Comparison> comparisons) {
        AtomicFiles.ensureWritableDirectory(dir);
        StringBuilder g = new StringBuilder("layer,graph,n,m,k");
        List<String> metrics = new ArrayList<>(c.values().get(c.layers().get(0)).keySet());
        metrics.forEach(m -> g.append(',').append(m));
        g.append('\n');
        for (String layer : c.layers()) {
            for (int i = 0; i < c.n().length; i++) {
                g.append(layer).append(',').append(i).append(',').append(c.n()[i]).append(',').append(c.m()[i]).append(',')
                        .append(c.k()[i]);
                for (String m : metrics) {
                    g.append(',').append(SpectralFiles.num(c.get(layer, m)[i]));
                }
                g.append('\n');
            }
        }
        AtomicFiles.writeString(dir.resolve("per_graph.csv"), g.toString());
        StringBuilder s = new StringBuilder("layer,a,b,graphs,mean,low,high,positive,negative,sign_p\n");
        for (Claim2Verdict.Comparison x : comparisons) {
            var d = x.difference();
            s.append(String.join(",", x.layer(), x.a(), x.b(), Integer.toString(d.n()), SpectralFiles.num(d.mean()),
                    SpectralFiles.num(d.low()), SpectralFiles.num(d.high()), Integer.toString(d.positive()),
                    Integer.toString(d.negative()), SpectralFiles.num(d.signP()))).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("comparisons.csv"), s.toString());
        StringBuilder iv = new StringBuilder("condition,correct,pairs,accuracy,variance_removed\n");
        if (c.interventions() != null) {
            List<Claim2Results.Condition> all = new ArrayList<>(c.interventions().conditions());
            all.addAll(c.interventions().controls());
            for (Claim2Results.Condition k : all) {
                iv.append(k.name()).append(',').append(k.correct()).append(',').append(k.pairs()).append(',')
                        .append(SpectralFiles.num(k.accuracy())).append(',').append(SpectralFiles.num(k.removed())).append('\n');
            }
        }
        AtomicFiles.writeString(dir.resolve("interventions.csv"), iv.toString());
        AtomicFiles.writeString(dir.resolve("FILES.txt"), "per_graph.csv: one row per layer x analysed graph (n, m, k' and "
                + "every claim-2 metric; empty = undefined for that graph).\ncomparisons.csv: paired differences a - b over "
                + "graphs per layer: graphs with both defined, mean, bootstrap 95% interval (low, high), graphs above and "
                + "below, two-sided sign-test p.\ninterventions.csv: held-out queries decoded with the paper's layer edited "
                + "at the <e> positions: correct, pairs and accuracy per condition; random_incidence_removed_i are the "
                + "control draws.\n");
    }
}
