package splab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import splab.navigate.ScoreSheet;
import splab.analysis.SpectralResults;
import splab.config.LabConfig;
import splab.model.ModelConfig;
import splab.train.TrainConfig;

/**
 * The report of a whole run ({@code splab run}): navigators on the same held-out pairs, training curves from
 * {@code metrics.jsonl} (held-out accuracy by distance against examples seen), the model's first mistakes,
 * then the spectral comparison with its null baselines.
 */
public final class RunReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunReport() {}

    /** Writes the report of {@code runDir}; {@code config} is the run's resolved config (null: no recipe line). */
    public static Report write(Path runDir, LabConfig config, List<ScoreSheet> sheets, SpectralResults spectral) {
        Report r = new Report("shortest-path-lab report: " + runDir.toAbsolutePath().normalize().getFileName());
        r.paragraph("Correct means a valid path from s to t of length d(s, t) (any shortest path); exact means the "
                + "label path drawn among the shortest paths. Held-out graphs share no isomorphism class with training.");
        navigators(r, sheets);
        training(r, runDir, config);
        mistakes(r, sheets);
        if (spectral != null) {
            SpectralSections.append(r, runDir, spectral);
        }
        r.write(runDir);
        return r;
    }

    private static void navigators(Report r, List<ScoreSheet> sheets) {
        if (sheets == null || sheets.isEmpty()) {
            return;
        }
        r.heading(1, "Navigators on the same held-out pairs");
        List<Integer> ds = new ArrayList<>();
        for (ScoreSheet s : sheets) {
            for (int d : s.distances()) {
                if (!ds.contains(d) && d <= 4) {
                    ds.add(d);
                }
            }
        }
        ds.sort(null);
        List<String> header = new ArrayList<>(List.of("navigator", "pairs", "correct", "exact"));
        for (int d : ds) {
            header.add("d=" + d);
        }
        header.add("d>=3");
        List<List<String>> rows = new ArrayList<>();
        for (ScoreSheet s : sheets) {
            List<String> row = new ArrayList<>(List.of(s.navigator(), Long.toString(s.total().pairs()),
                    f(s.total().accuracy()), f(s.total().exactAccuracy())));
            for (int d : ds) {
                row.add(s.distances().contains(d) ? f(s.byDistance(d).accuracy()) : "-");
            }
            ScoreSheet.Cell hard = s.fromDistance(3);
            row.add(hard.pairs() == 0 ? "-" : f(hard.accuracy()) + " (" + hard.pairs() + ")");
            rows.add(row);
        }
        r.table(header, rows);
    }

    /** One sentence on the model and training recipe of {@code config}; null without a config. */
    static String recipe(LabConfig config) {
        if (config == null) {
            return null;
        }
        ModelConfig m = config.model();
        TrainConfig t = config.train();
        String objective = t.anyShortestTarget()
                ? "loss on the probability mass of every valid next node (any shortest path is right)"
                : "cross-entropy on the label path";
        return String.format(Locale.ROOT,
                "Model: dModel %d, %d heads, %d layers, %s positions. Training: %,d steps of batch %d, peak lr %s, "
                        + "weight decay %s; %s; pairs drawn with distance exponent %s (1 = the natural mix)%s.",
                m.dModel(), m.heads(), m.layers(), m.positions().name().toLowerCase(Locale.ROOT), t.steps(), t.batchSize(), t.learningRate(),
                t.weightDecay(), objective, t.distanceExponent(),
                t.relabelNodes() ? "; node labels redrawn at every draw" : "");
    }

    private static void training(Report r, Path runDir, LabConfig config) {
        Path file = runDir.resolve("metrics.jsonl");
        if (!Files.exists(file)) {
            return;
        }
        List<double[]> evalRows = new ArrayList<>(), lossRows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o = JSON.readTree(line);
                double seen = o.path("examples_seen").asDouble();
                if (o.has("loss")) {
                    lossRows.add(new double[] {seen, o.path("loss").asDouble()});
                }
                if (o.has("eval_correct")) {
                    evalRows.add(new double[] {seen, num(o, "eval_correct"), num(o, "eval_d1"), num(o, "eval_d2"),
                        num(o, "eval_d3plus")});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        r.heading(1, "Training");
        String recipe = recipe(config);
        if (recipe != null) {
            r.paragraph(recipe);
        }
        if (!evalRows.isEmpty()) {
            List<String> names = List.of("all", "d=1", "d=2", "d>=3");
            List<double[]> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int c = 1; c <= 4; c++) {
                double[] x = new double[evalRows.size()], y = new double[evalRows.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = evalRows.get(i)[0];
                    y[i] = evalRows.get(i)[c];
                }
                xs.add(x);
                ys.add(y);
            }
            byte[] png = Charts.writePng(runDir.resolve("figures/training_accuracy.png"), Charts.lines(
                    "held-out correct (greedy decoding) by distance", names, xs, ys, "examples seen", "correct", 0, 1));
            r.figure("Held-out accuracy (any shortest path) against examples seen, overall and by distance d.",
                    "figures/training_accuracy.png", png);
            double[] last = evalRows.get(evalRows.size() - 1);
            r.paragraph(String.format(Locale.ROOT, "Last evaluation after %,.0f examples: correct %.4f, d=1 %.4f, "
                    + "d=2 %.4f, d>=3 %.4f.", last[0], last[1], last[2], last[3], last[4]));
        }
        if (!lossRows.isEmpty()) {
            double[] x = lossRows.stream().mapToDouble(a -> a[0]).toArray();
            double[] y = lossRows.stream().mapToDouble(a -> a[1]).toArray();
            double top = java.util.Arrays.stream(y).max().orElse(1);
            byte[] png = Charts.writePng(runDir.resolve("figures/training_loss.png"), Charts.lines(
                    "training loss (path tokens)", List.of("loss"), List.of(x), List.of(y), "examples seen", "loss", 0, top));
            r.figure("Training loss on the path tokens of training batches (the objective named above).", "figures/training_loss.png", png);
        }
    }

    private static void mistakes(Report r, List<ScoreSheet> sheets) {
        if (sheets == null) {
            return;
        }
        for (ScoreSheet s : sheets) {
            if (s.navigator().equals("model") && !s.mistakes().isEmpty()) {
                r.heading(1, "Mistakes the model makes (the first " + s.mistakes().size() + ")");
                List<List<String>> rows = new ArrayList<>();
                for (ScoreSheet.Mistake m : s.mistakes()) {
                    rows.add(List.of(m.query().graph().toEdgeString(), m.query().source() + " -> " + m.query().target(),
                            Integer.toString(m.distance()), java.util.Arrays.toString(m.result().path()), m.outcome()));
                }
                r.table(List.of("graph (edges)", "query", "d", "model's path", "outcome"), rows);
            }
        }
    }

    private static double num(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    private static String f(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.4f", x);
    }
}
