package splab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import splab.report.Report;

/**
 * The sweep report's tests between settings, computed from the finished runs: for each pair of settings with at
 * least two finished seeds each, in how many seed pairs one is ahead and the exact two-sided Mann-Whitney p
 * ({@link RankTests}); and, when the grid has one numeric key with at least three values, Spearman's rank
 * correlation between that value and each figure over all finished runs. Figures compared: held-out correct,
 * correct at d >= 3, and examples seen until the held-out evaluation first reached 0.95 and 0.99, where fewer is
 * ahead and a run that never reached the level counts as slower than any that did.
 */
final class SettingComparisons {
    static final int SHUFFLES = 20_000;

    /** A figure of a run, and whether a larger value is ahead. */
    record Figure(String name, ToDoubleFunction<RunFigures> value, boolean higherAhead) {
        double of(RunFigures f) {
            double v = value.applyAsDouble(f);
            if (Double.isNaN(v) && !higherAhead && f.curveCorrect().length > 0) {
                return Double.POSITIVE_INFINITY; // evaluated but never reached: slower than any run that did
            }
            return v; // NaN when the run has no evaluations to read a level from: left out
        }
    }

    static final List<Figure> FIGURES = List.of(
            new Figure("correct", RunFigures::correct, true),
            new Figure("correct at d >= 3", f -> f.byDistance()[2], true),
            new Figure("examples to 0.95", f -> f.examplesToReach(SweepSummary.LEVELS[0]), false),
            new Figure("examples to 0.99", f -> f.examplesToReach(SweepSummary.LEVELS[1]), false));

    private SettingComparisons() {
    }

    /** Adds the section to {@code rep} when there is anything to compare; {@code bySetting} holds finished runs. */
    static void add(Report rep, SweepPlan plan, Map<String, List<RunFigures>> bySetting) {
        List<String> settings = new ArrayList<>();
        bySetting.forEach((s, fs) -> {
            if (fs.size() >= 2) {
                settings.add(s);
            }
        });
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            for (int j = i + 1; j < settings.size(); j++) {
                if (settings.size() > 5 && j != i + 1) {
                    continue; // many settings: neighbours in grid order only
                }
                for (Figure fig : FIGURES) {
                    rows.add(pairRow(fig, settings.get(i), bySetting.get(settings.get(i)),
                            settings.get(j), bySetting.get(settings.get(j))));
                }
            }
        }
        List<List<String>> trendRows = trend(plan, bySetting);
        if (rows.isEmpty() && trendRows.isEmpty()) {
            return;
        }
        rep.heading(1, "Comparisons between settings");
        if (!rows.isEmpty()) {
            rep.table(List.of("figure", "A", "B", "A ahead in (seed pairs)", "two-sided p", "least p possible"), rows);
            rep.paragraph("A seed pair is one run of A and one of B; ties count one half. p is the exact two-sided "
                    + "Mann-Whitney p: the share of all ways to split the pooled runs into groups of these sizes that "
                    + "put A at least as far ahead or behind (estimated from 200,000 random splits, and marked so, where "
                    + "there are more than 2,000,000 ways). With three seeds a side no p below 0.1 is possible, "
                    + "whatever the figures. No correction for the number of comparisons is made. For examples to a "
                    + "level, fewer is ahead and a run that never reached the level counts as slower than any that did.");
        }
        if (!trendRows.isEmpty()) {
            rep.table(List.of("figure", "setting value", "runs", "Spearman rho", "two-sided p (permutation)"), trendRows);
            rep.paragraph(String.format(Locale.ROOT, "Spearman's rank correlation between the setting's value and the "
                    + "figure over all finished runs (ties share ranks); p from %,d random reassignments of the "
                    + "figures to the runs (seed 1), counting those with |rho| at least the observed one. For "
                    + "examples to a level a negative rho means larger values reach it sooner.", SHUFFLES));
        }
    }

    private static List<String> pairRow(Figure fig, String a, List<RunFigures> fa, String b, List<RunFigures> fb) {
        double sign = fig.higherAhead() ? 1 : -1;
        double[] va = fa.stream().mapToDouble(f -> sign * fig.of(f)).filter(v -> !Double.isNaN(v)).toArray();
        double[] vb = fb.stream().mapToDouble(f -> sign * fig.of(f)).filter(v -> !Double.isNaN(v)).toArray();
        if (va.length == 0 || vb.length == 0) {
            return List.of(fig.name(), a, b, "no values", "-", "-");
        }
        RankTests.Comparison c = RankTests.mannWhitney(va, vb);
        return List.of(fig.name(), a, b, String.format(Locale.ROOT, "%s of %d", trim(c.u()), c.pairs()),
                String.format(Locale.ROOT, c.exact() ? "%.3f" : "%.4f (from random splits)", c.p()),
                String.format(Locale.ROOT, "%.3f", c.leastP()));
    }

    /** Spearman rows when the plan has a single grid key whose values are all numbers and at least three settings. */
    private static List<List<String>> trend(SweepPlan plan, Map<String, List<RunFigures>> bySetting) {
        Map<String, Double> valueOf = new LinkedHashMap<>();
        String key = null;
        for (SweepPlan.Run r : plan.runs()) {
            if (r.values().size() != 1) {
                return List.of();
            }
            var e = r.values().entrySet().iterator().next();
            if (key != null && !key.equals(e.getKey())) {
                return List.of();
            }
            key = e.getKey();
            try {
                valueOf.put(r.setting(), Double.parseDouble(e.getValue()));
            } catch (NumberFormatException notNumeric) {
                return List.of();
            }
        }
        long withRuns = bySetting.entrySet().stream().filter(e -> !e.getValue().isEmpty()).count();
        if (key == null || withRuns < 3) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        for (Figure fig : FIGURES) {
            List<double[]> pairs = new ArrayList<>();
            bySetting.forEach((s, fs) -> fs.forEach(f -> pairs.add(new double[] {valueOf.get(s), fig.of(f)})));
            pairs.removeIf(p -> Double.isNaN(p[1]));
            if (pairs.size() < 3) {
                continue;
            }
            RankTests.Trend t = RankTests.spearman(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                    pairs.stream().mapToDouble(p -> p[1]).toArray(), SHUFFLES, 1);
            rows.add(List.of(fig.name(), key, Integer.toString(t.runs()), String.format(Locale.ROOT, "%+.2f", t.rho()),
                    String.format(Locale.ROOT, "%.4f", t.p())));
        }
        return rows;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
