package splab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import splab.navigate.NavigationResult;
import splab.navigate.Navigator;
import splab.navigate.NavigatorScores;
import splab.navigate.ScoreSheet;
import splab.navigate.SpectralLineNavigator;
import splab.graph.AllShortestPaths;
import splab.graph.SmallGraph;
import splab.io.AtomicFiles;
import splab.spectral.Laplacian;

/**
 * A grid over SLN settings: k x Laplacian variant x weighting x distance rule, each scored on every ordered
 * pair of the same graphs. The line-graph eigendecomposition is computed once per graph and variant and
 * shared by all settings, so the sweep costs little more than one run per variant.
 */
public final class SlnSweep {
    private SlnSweep() {
    }

    /** One setting and its scores. */
    public record Row(SpectralLineNavigator.Config config, ScoreSheet sheet) {
        public double accuracy() {
            return sheet.total().accuracy();
        }

        /** Accuracy at distance d over all n (NaN if no pair has that distance). */
        public double accuracyAt(int d) {
            return sheet.byDistance(d).accuracy();
        }
    }

    /** The default grid: k = 1..6, both variants, both weightings, both distance rules (48 settings). */
    public static List<SpectralLineNavigator.Config> defaultGrid() {
        List<Integer> ks = List.of(1, 2, 3, 4, 5, 6);
        return grid(ks);
    }

    /** Every combination of the given k values with both variants, weightings and distance rules. */
    public static List<SpectralLineNavigator.Config> grid(List<Integer> ks) {
        List<SpectralLineNavigator.Config> out = new ArrayList<>();
        SpectralLineNavigator.Config base = SpectralLineNavigator.Config.defaults();
        for (Laplacian.Variant v : Laplacian.Variant.values()) {
            for (SpectralLineNavigator.Weighting w : SpectralLineNavigator.Weighting.values()) {
                for (SpectralLineNavigator.DistanceRule d : SpectralLineNavigator.DistanceRule.values()) {
                    for (int k : ks) {
                        out.add(base.withLaplacian(v).withWeighting(w).withDistance(d).withK(k));
                    }
                }
            }
        }
        return out;
    }

    /** Scores every setting on every ordered pair of every graph; rows in grid order. */
    public static List<Row> run(List<SpectralLineNavigator.Config> grid, List<SmallGraph> graphs) {
        List<Row> rows = new ArrayList<>();
        for (SpectralLineNavigator.Config c : grid) {
            rows.add(new Row(c, new ScoreSheet(new SpectralLineNavigator(c).name(), NavigatorScores.KEEP_MISTAKES)));
        }
        for (SmallGraph g : graphs) {
            Navigator.checkConnected(g);
            int n = g.nodeCount();
            AllShortestPaths paths = new AllShortestPaths(g);
            SpectralLineNavigator.Decomposition[] dec = new SpectralLineNavigator.Decomposition[Laplacian.Variant.values().length];
            for (Row row : rows) {
                int vi = row.config().laplacian().ordinal();
                if (dec[vi] == null) {
                    dec[vi] = SpectralLineNavigator.decompose(g, row.config().laplacian());
                }
                Navigator.GraphNavigator nav = SpectralLineNavigator.bind(g, dec[vi], row.config());
                NavigationResult[] results = new NavigationResult[n * n];
                for (int s = 0; s < n; s++) {
                    for (int t = 0; t < n; t++) {
                        if (s != t) {
                            results[s * n + t] = nav.navigate(s, t);
                        }
                    }
                }
                NavigatorScores.addAllPairs(row.sheet(), g, paths, results);
            }
        }
        return rows;
    }

    /** The row with the highest accuracy (first in grid order among equals). */
    public static Row best(List<Row> rows) {
        return rows.stream().max(Comparator.comparingDouble(Row::accuracy)).orElseThrow(
                () -> new IllegalArgumentException("no sweep rows"));
    }

    private static int maxDistance(List<Row> rows) {
        int max = 0;
        for (Row r : rows) {
            for (int d : r.sheet().distances()) {
                max = Math.max(max, d);
            }
        }
        return max;
    }

    /** CSV: variant,k,weighting,distance,pairs,correct,accuracy,acc_d1..acc_dD. */
    public static String csv(List<Row> rows) {
        int dmax = maxDistance(rows);
        StringBuilder sb = new StringBuilder("variant,k,weighting,distance,pairs,correct,accuracy");
        for (int d = 1; d <= dmax; d++) {
            sb.append(",acc_d").append(d);
        }
        sb.append('\n');
        for (Row r : rows) {
            SpectralLineNavigator.Config c = r.config();
            ScoreSheet.Cell t = r.sheet().total();
            sb.append(lower(c.laplacian())).append(',')
                    .append(c.k() == SpectralLineNavigator.Config.ALL_EIGENVECTORS ? "all" : Integer.toString(c.k()))
                    .append(',').append(lower(c.weighting())).append(',').append(lower(c.distance())).append(',')
                    .append(t.pairs()).append(',').append(t.correct()).append(',')
                    .append(NavigatorScores.fmt(t.accuracy(), 6));
            for (int d = 1; d <= dmax; d++) {
                sb.append(',').append(NavigatorScores.fmt(r.accuracyAt(d), 6));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes the CSV atomically ({@link AtomicFiles}). */
    public static void writeCsv(Path file, List<Row> rows) {
        AtomicFiles.writeString(file, csv(rows));
    }

    /** A terminal table, one line per setting, best marked with '*'. */
    public static String table(List<Row> rows) {
        int dmax = maxDistance(rows);
        Row best = best(rows);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-40s %9s", "setting", "accuracy"));
        for (int d = 1; d <= dmax; d++) {
            sb.append(String.format(Locale.ROOT, " %7s", "d=" + d));
        }
        sb.append('\n');
        for (Row r : rows) {
            sb.append(r == best ? "* " : "  ")
                    .append(String.format(Locale.ROOT, "%-40s %9s", r.config().label(), NavigatorScores.fmt(r.accuracy(), 4)));
            for (int d = 1; d <= dmax; d++) {
                sb.append(String.format(Locale.ROOT, " %7s", NavigatorScores.fmt(r.accuracyAt(d), 4)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
