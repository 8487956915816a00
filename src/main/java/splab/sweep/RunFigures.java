package splab.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import splab.io.AtomicFiles;

/**
 * The figures a sweep compares, read back from one finished run folder: the model's held-out scores from
 * {@code navigators.csv} (every held-out pair, any shortest path correct), the training curve's held-out
 * evaluations from {@code metrics.jsonl}, the wall time from both (see {@link #wallSeconds}), and the spectral summary's means
 * from {@code spectral/summary.csv}.
 *
 * @param correct share of held-out pairs the model answered with a shortest path
 * @param byDistance accuracy at d = 1, 2 and d >= 3 (NaN where a run has no such pair)
 * @param pairsFar held-out pairs at d >= 3
 * @param bySize accuracy by graph size n (the node count), for the sizes the held-out pairs have; with
 *        {@code data.trainNMax} set, the sizes above it were never trained on
 * @param curveExamples training examples seen at each held-out evaluation during training
 * @param curveCorrect the evaluation's share correct at those points
 * @param wallSeconds the run's wall time over all its invocations, resumes included
 * @param spectral spectral summary means by "layer metric condition"
 */
public record RunFigures(double correct, double[] byDistance, long pairsFar, SortedMap<Integer, Double> bySize,
        double[] curveExamples, double[] curveCorrect, double wallSeconds, Map<String, Double> spectral) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first evaluation at which the held-out share correct reached {@code level}: examples seen, or NaN. */
    public double examplesToReach(double level) {
        for (int i = 0; i < curveCorrect.length; i++) {
            if (curveCorrect[i] >= level) {
                return curveExamples[i];
            }
        }
        return Double.NaN;
    }

    /** Reads the figures of the finished run in {@code dir}; a missing or malformed file is named. */
    public static RunFigures read(Path dir) {
        long[] pairs = new long[4];
        long[] correct = new long[4]; // index 0: all; 1, 2: d; 3: d >= 3
        List<String> lines = lines(dir.resolve("navigators.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int nav = column(header, "navigator", dir), n = column(header, "n", dir), d = column(header, "d", dir);
        int p = column(header, "pairs", dir), c = column(header, "correct", dir);
        SortedMap<Integer, Double> bySize = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (!f[nav].equals("model")) {
                continue;
            }
            if (!f[n].equals("all")) {
                if (f[d].equals("all") && Long.parseLong(f[p]) > 0) {
                    bySize.put(Integer.parseInt(f[n]), Double.parseDouble(f[c]) / Long.parseLong(f[p]));
                }
                continue;
            }
            int slot = f[d].equals("all") ? 0 : Math.min(3, Integer.parseInt(f[d]));
            pairs[slot] += Long.parseLong(f[p]);
            correct[slot] += Long.parseLong(f[c]);
        }
        if (pairs[0] == 0) {
            throw new IllegalArgumentException(dir.resolve("navigators.csv") + ": no row for the model");
        }
        double[] byD = new double[3];
        for (int i = 1; i <= 3; i++) {
            byD[i - 1] = pairs[i] == 0 ? Double.NaN : (double) correct[i] / pairs[i];
        }
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        double trainingWall = Double.NaN;
        for (String line : lines(dir.resolve("metrics.jsonl"))) {
            JsonNode m = json(line, dir.resolve("metrics.jsonl"));
            trainingWall = m.path("wall_s").asDouble(trainingWall);
            if (m.has("eval_correct")) {
                xs.add(m.path("examples_seen").asDouble());
                ys.add(m.path("eval_correct").asDouble());
            }
        }
        JsonNode run = json(String.join("\n", lines(dir.resolve("run.json"))), dir.resolve("run.json"));
        return new RunFigures((double) correct[0] / pairs[0], byD, pairs[3], bySize, toArray(xs), toArray(ys),
                wallSeconds(run, trainingWall), spectral(dir.resolve("spectral").resolve("summary.csv")));
    }

    /**
     * The run's wall time over all its invocations. run.json times only the last one, which for a resumed run may
     * have found training done; the training's own wall time, counted across resumes, is the last {@code wall_s}
     * of metrics.jsonl. So: the last invocation's time with its training span ({@code trainDoneSeconds} less
     * {@code dataDoneSeconds}) replaced by that; run.json's {@code wallSeconds} alone when a figure is missing.
     * Training lost after the last checkpoint of an interrupted invocation is not counted (its metrics lines are
     * cut on resume).
     */
    static double wallSeconds(JsonNode run, double trainingWall) {
        double wall = run.path("wallSeconds").asDouble(Double.NaN);
        double trainDone = run.path("trainDoneSeconds").asDouble(Double.NaN);
        double dataDone = run.path("dataDoneSeconds").asDouble(Double.NaN);
        if (Double.isNaN(trainingWall) || Double.isNaN(trainDone) || Double.isNaN(dataDone) || Double.isNaN(wall)) {
            return wall;
        }
        return wall - Math.max(0, trainDone - dataDone) + trainingWall;
    }

    /** Every defined mean of the spectral summary ({@code layer,metric,condition,graphs,mean,...}); empty if absent. */
    private static Map<String, Double> spectral(Path file) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        List<String> lines = lines(file);
        List<String> header = List.of(lines.get(0).split(","));
        int layer = header.indexOf("layer"), metric = header.indexOf("metric"), cond = header.indexOf("condition");
        int mean = header.indexOf("mean");
        if (layer < 0 || metric < 0 || cond < 0 || mean < 0) {
            return out;
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length > mean) {
                double v = parse(f[mean]);
                if (!Double.isNaN(v)) {
                    out.put(f[layer] + " " + f[metric] + " " + f[cond], v);
                }
            }
        }
        return out;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static int column(List<String> header, String name, Path dir) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(dir.resolve("navigators.csv") + ": no column '" + name + "'");
        }
        return i;
    }

    private static List<String> lines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file + ": empty");
            }
            return lines;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(file + " not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static JsonNode json(String text, Path file) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": malformed JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
