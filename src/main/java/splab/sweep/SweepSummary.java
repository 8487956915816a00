package splab.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import splab.io.AtomicFiles;
import splab.report.BandChart;
import splab.report.Charts;
import splab.report.Report;

/**
 * Aggregates a sweep: {@code sweep.csv} with one row per setting x seed (the final figures, examples seen until
 * the held-out evaluation first reached 0.95 and 0.99, wall time, spectral means) and {@code sweep.html} /
 * {@code sweep.md} with, per setting, the mean over seeds and its 95% interval, the held-out learning curves
 * with their spread over seeds, rank tests between settings ({@link SettingComparisons}), and the spectral
 * alignment by setting. Unfinished runs are listed, not guessed.
 */
public final class SweepSummary {
    static final double[] LEVELS = {0.95, 0.99};

    private SweepSummary() {}

    /** Reads every finished run of {@code plan}, writes the CSV and the report, and returns the finished count. */
    public static int write(SweepPlan plan) {
        Map<SweepPlan.Run, RunFigures> done = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (SweepPlan.Run r : plan.runs()) {
            if (r.finished()) {
                done.put(r, RunFigures.read(r.folder()));
            } else {
                missing.add(r.name());
            }
        }
        Set<String> spectralKeys = new LinkedHashSet<>();
        done.values().forEach(f -> spectralKeys.addAll(f.spectral().keySet()));
        SortedSet<Integer> sizes = sizes(done.values());
        AtomicFiles.writeString(plan.folder().resolve("sweep.csv"), csv(plan, done, spectralKeys, sizes));
        report(plan, done, missing, spectralKeys, sizes).write(plan.folder(), "sweep");
        return done.size();
    }

    /** Every graph size with held-out pairs in some finished run, ascending. */
    static SortedSet<Integer> sizes(Collection<RunFigures> done) {
        SortedSet<Integer> sizes = new TreeSet<>();
        done.forEach(f -> sizes.addAll(f.bySize().keySet()));
        return sizes;
    }

    static String csv(SweepPlan plan, Map<SweepPlan.Run, RunFigures> done, Set<String> spectralKeys,
                      SortedSet<Integer> sizes) {
        Set<String> axes = new LinkedHashSet<>();
        plan.runs().forEach(r -> axes.addAll(r.values().keySet()));
        List<String> header = new ArrayList<>(List.of("run", "setting"));
        header.addAll(axes);
        header.addAll(List.of("seed", "status", "correct", "correct_d1", "correct_d2", "correct_d3plus", "pairs_d3plus",
                "examples_to_0.95", "examples_to_0.99", "wall_s"));
        sizes.forEach(n -> header.add("correct_n" + n));
        spectralKeys.forEach(k -> header.add(k.replace(' ', ':')));
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (SweepPlan.Run r : plan.runs()) {
            List<String> row = new ArrayList<>(List.of(r.name(), '"' + r.setting() + '"'));
            axes.forEach(a -> row.add(r.values().getOrDefault(a, "")));
            row.add(Long.toString(r.seed()));
            RunFigures f = done.get(r);
            if (f == null) {
                row.add("unfinished");
            } else {
                row.addAll(List.of("finished", num(f.correct()), num(f.byDistance()[0]), num(f.byDistance()[1]),
                        num(f.byDistance()[2]), Long.toString(f.pairsFar()), num(f.examplesToReach(LEVELS[0])),
                        num(f.examplesToReach(LEVELS[1])), num(f.wallSeconds())));
                sizes.forEach(n -> row.add(num(f.bySize().getOrDefault(n, Double.NaN))));
                spectralKeys.forEach(k -> row.add(num(f.spectral().getOrDefault(k, Double.NaN))));
            }
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }

    private static Report report(SweepPlan plan, Map<SweepPlan.Run, RunFigures> done, List<String> missing,
            Set<String> spectralKeys, SortedSet<Integer> sizes) {
        Map<String, List<RunFigures>> bySetting = new LinkedHashMap<>();
        plan.runs().forEach(r -> bySetting.computeIfAbsent(r.setting(), k -> new ArrayList<>()));
        done.forEach((r, f) -> bySetting.get(r.setting()).add(f));
        Report rep = new Report("shortest-path-lab sweep: " + plan.folder().getFileName());
        rep.paragraph(String.format(Locale.ROOT, "%d runs planned, %d finished%s. Base config: %s. Each figure is the "
                + "mean over the finished seeds of a setting with its two-sided 95%% Student-t interval (cut to the "
                + "values the figure can take, e.g. a share to [0, 1]); held-out figures count every "
                + "held-out pair, any shortest path correct.", plan.runs().size(), done.size(),
                missing.isEmpty() ? "" : " (unfinished: " + String.join(", ", missing) + ")",
                plan.base() == null ? "the embedded defaults" : "`" + plan.base() + "`"));
        List<List<String>> rows = new ArrayList<>();
        for (var e : bySetting.entrySet()) {
            List<RunFigures> fs = e.getValue();
            rows.add(List.of(e.getKey(), fs.size() + "", stat(fs, f -> f.correct(), "%.4f", 0, 1),
                    stat(fs, f -> f.byDistance()[2], "%.4f", 0, 1),
                    stat(fs, f -> f.examplesToReach(LEVELS[0]), "%,.0f", 0, Double.POSITIVE_INFINITY),
                    stat(fs, f -> f.examplesToReach(LEVELS[1]), "%,.0f", 0, Double.POSITIVE_INFINITY),
                    stat(fs, f -> f.wallSeconds(), "%.0f", 0, Double.POSITIVE_INFINITY)));
        }
        rep.heading(1, "Final figures by setting");
        rep.table(List.of("setting", "finished seeds", "correct", "correct at d >= 3", "examples to 0.95 held-out",
                "examples to 0.99 held-out", "wall s"), rows);
        rep.paragraph("Examples to a level: training examples seen at the first held-out evaluation during training "
                + "that reached it (a sample of held-out examples, every `train.evalInterval` steps); a seed that never "
                + "reached it is left out of the mean and counted.");
        SettingComparisons.add(rep, plan, bySetting);
        if (!sizes.isEmpty()) {
            List<List<String>> sizeRows = new ArrayList<>();
            bySetting.forEach((setting, fs) -> {
                List<String> row = new ArrayList<>(List.of(setting));
                sizes.forEach(n -> row.add(stat(fs, f -> f.bySize().getOrDefault(n, Double.NaN), "%.4f", 0, 1)));
                sizeRows.add(row);
            });
            List<String> header = new ArrayList<>(List.of("setting"));
            sizes.forEach(n -> header.add("n = " + n));
            rep.heading(1, "Correct by graph size");
            rep.table(header, sizeRows);
            rep.paragraph("The model's share correct on the held-out pairs of graphs with n nodes. With "
                    + "`data.trainNMax` set, the sizes above it were never seen in training: the out-of-distribution "
                    + "columns.");
        }
        List<BandChart.Series> curves = new ArrayList<>();
        bySetting.forEach((setting, fs) -> {
            if (!fs.isEmpty()) {
                curves.add(curve(setting, fs));
            }
        });
        if (!curves.isEmpty()) {
            byte[] png = Charts.png(BandChart.draw("Held-out correct during training (line: mean; band: min-max over seeds)",
                    curves, "training examples seen", "held-out correct", 0, 1));
            AtomicFiles.writeBytes(plan.folder().resolve("sweep_curves.png"), png);
            rep.figure("Held-out share correct against training examples seen, per setting", "sweep_curves.png", png);
        }
        List<List<String>> spectralRows = new ArrayList<>();
        for (String key : spectralKeys) {
            if (!key.contains("alignment ")) { // alignment rows, claim-2 alignments included
                continue;
            }
            List<String> row = new ArrayList<>(List.of(key));
            // probe R^2 is at most 1 and may be negative; best |r| and alignment lie in [0, 1]
            double min = key.contains("probe_r2") ? Double.NEGATIVE_INFINITY : 0;
            bySetting.values().forEach(fs -> row.add(stat(fs, f -> f.spectral().getOrDefault(key, Double.NaN), "%.3f", min, 1)));
            spectralRows.add(row);
        }
        if (!spectralRows.isEmpty()) {
            rep.heading(1, "Spectral alignment by setting");
            List<String> header = new ArrayList<>(List.of("layer, metric, condition"));
            header.addAll(bySetting.keySet());
            rep.table(header, spectralRows);
        }
        return rep;
    }

    /** Mean curve with the min-max band over seeds, on the union of evaluation points. */
    private static BandChart.Series curve(String name, List<RunFigures> fs) {
        TreeMap<Double, List<Double>> at = new TreeMap<>();
        for (RunFigures f : fs) {
            for (int i = 0; i < f.curveExamples().length; i++) {
                at.computeIfAbsent(f.curveExamples()[i], k -> new ArrayList<>()).add(f.curveCorrect()[i]);
            }
        }
        int n = at.size();
        double[] x = new double[n], mean = new double[n], lo = new double[n], hi = new double[n];
        int i = 0;
        for (var e : at.entrySet()) {
            x[i] = e.getKey();
            mean[i] = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            lo[i] = e.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            hi[i] = e.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            i++;
        }
        return new BandChart.Series(name, x, mean, lo, hi);
    }

    /** Mean and 95% interval over the seeds, the interval cut to [min, max], the values the figure can take. */
    private static String stat(List<RunFigures> fs, java.util.function.ToDoubleFunction<RunFigures> f, String pattern,
                               double min, double max) {
        if (fs.isEmpty()) {
            return "-";
        }
        return SeedInterval.of(fs.stream().mapToDouble(f).toArray()).within(min, max).format(pattern);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
