package splab.navigate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import splab.graph.AllShortestPaths;
import splab.graph.SmallGraph;
import splab.io.AtomicFiles;

/**
 * The evaluation harness: scores any {@link Navigator} on a list of {@link Query queries} or on every
 * ordered pair of a list of graphs, into a {@link ScoreSheet}, and renders sheets as a terminal table or a
 * CSV (one row per navigator x n x d, plus "all" rows).
 *
 * <p>Timing covers only the navigator: its per-graph preparation and the queries, not the oracle's
 * breadth-first search nor the scoring.
 */
public final class NavigatorScores {
    /** Wrong answers kept per sheet for display. */
    public static final int KEEP_MISTAKES = 10;

    private NavigatorScores() {
    }

    /**
     * Scores {@code navigator} on the queries, preparing each run of queries on one graph once. The trained model
     * is asked for all queries at once ({@link TransformerNavigator#score}), since it decodes them in batches;
     * asked one query at a time it would run one forward pass per token per query.
     */
    public static ScoreSheet score(Navigator navigator, List<Query> queries) {
        if (navigator instanceof TransformerNavigator model) {
            return model.score(queries);
        }
        ScoreSheet sheet = new ScoreSheet(navigator.name(), KEEP_MISTAKES);
        int i = 0;
        while (i < queries.size()) {
            SmallGraph g = queries.get(i).graph();
            int j = i;
            while (j < queries.size() && queries.get(j).graph().equals(g)) {
                j++;
            }
            NavigationResult[] results = new NavigationResult[j - i];
            long start = System.nanoTime();
            Navigator.GraphNavigator nav = navigator.forGraph(g);
            for (int q = i; q < j; q++) {
                results[q - i] = nav.navigate(queries.get(q).source(), queries.get(q).target());
            }
            sheet.addNanos(System.nanoTime() - start);
            AllShortestPaths paths = new AllShortestPaths(g);
            for (int q = i; q < j; q++) {
                sheet.add(queries.get(q), paths, results[q - i]);
            }
            i = j;
        }
        return sheet;
    }

    /** Scores {@code navigator} on every ordered pair (s, t), s != t, of every graph. */
    public static ScoreSheet scoreAllPairs(Navigator navigator, List<SmallGraph> graphs) {
        ScoreSheet sheet = new ScoreSheet(navigator.name(), KEEP_MISTAKES);
        for (SmallGraph g : graphs) {
            int n = g.nodeCount();
            NavigationResult[] results = new NavigationResult[n * n];
            long start = System.nanoTime();
            Navigator.GraphNavigator nav = navigator.forGraph(g);
            for (int s = 0; s < n; s++) {
                for (int t = 0; t < n; t++) {
                    if (s != t) {
                        results[s * n + t] = nav.navigate(s, t);
                    }
                }
            }
            sheet.addNanos(System.nanoTime() - start);
            addAllPairs(sheet, g, new AllShortestPaths(g), results);
        }
        return sheet;
    }

    /** Adds the answers results[s * n + t] for every ordered pair of one graph. */
    public static void addAllPairs(ScoreSheet sheet, SmallGraph g, AllShortestPaths paths, NavigationResult[] results) {
        int n = g.nodeCount();
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s != t) {
                    sheet.add(new Query(g, s, t), paths, results[s * n + t]);
                }
            }
        }
    }

    /** Every ordered pair of every graph as queries without labels. */
    public static List<Query> allPairs(List<SmallGraph> graphs) {
        List<Query> out = new ArrayList<>();
        for (SmallGraph g : graphs) {
            for (int s = 0; s < g.nodeCount(); s++) {
                for (int t = 0; t < g.nodeCount(); t++) {
                    if (s != t) {
                        out.add(new Query(g, s, t));
                    }
                }
            }
        }
        return out;
    }

    private static final String[] FAILURE_COLUMNS;

    static {
        FailureKind[] kinds = FailureKind.values();
        FAILURE_COLUMNS = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            FAILURE_COLUMNS[i] = kinds[i].columnName();
        }
    }

    /** CSV header; "all" in n or d marks a sum. */
    public static String csvHeader() {
        return "navigator,n,d,pairs,correct,accuracy,labelled,exact,exactAccuracy,longer,"
                + String.join(",", FAILURE_COLUMNS) + ",pairsPerSecond";
    }

    /** Rows for one sheet: every (n, d), then each n over all d, each d over all n, then the total. */
    public static List<String> csvRows(ScoreSheet sheet) {
        List<String> rows = new ArrayList<>();
        for (int[] key : sheet.keys()) {
            rows.add(csvRow(sheet, Integer.toString(key[0]), Integer.toString(key[1]), sheet.cell(key[0], key[1]), ""));
        }
        for (int n : sheet.nodeCounts()) {
            rows.add(csvRow(sheet, Integer.toString(n), "all", sheet.byNodeCount(n), ""));
        }
        for (int d : sheet.distances()) {
            rows.add(csvRow(sheet, "all", Integer.toString(d), sheet.byDistance(d), ""));
        }
        rows.add(csvRow(sheet, "all", "all", sheet.total(), fmt(sheet.pairsPerSecond(), 1)));
        return rows;
    }

    private static String csvRow(ScoreSheet sheet, String n, String d, ScoreSheet.Cell c, String rate) {
        StringBuilder sb = new StringBuilder();
        sb.append(csvField(sheet.navigator())).append(',').append(n).append(',').append(d).append(',')
                .append(c.pairs()).append(',').append(c.correct()).append(',').append(fmt(c.accuracy(), 6))
                .append(',').append(c.labelled()).append(',').append(c.exact()).append(',')
                .append(fmt(c.exactAccuracy(), 6)).append(',').append(c.longer());
        for (FailureKind k : FailureKind.values()) {
            sb.append(',').append(c.failures(k));
        }
        return sb.append(',').append(rate).toString();
    }

    /** The whole CSV for several sheets. */
    public static String csv(List<ScoreSheet> sheets) {
        StringBuilder sb = new StringBuilder(csvHeader()).append('\n');
        for (ScoreSheet s : sheets) {
            for (String row : csvRows(s)) {
                sb.append(row).append('\n');
            }
        }
        return sb.toString();
    }

    /** Writes the CSV atomically ({@link AtomicFiles}): readers see the old file or the whole new one. */
    public static void writeCsv(Path file, List<ScoreSheet> sheets) {
        AtomicFiles.writeString(file, csv(sheets));
    }

    /**
     * A terminal table: per navigator one line per distance d (over all n), one per n when there are several,
     * and a total line with pairs/s; then the first few mistakes of each navigator.
     */
    public static String table(List<ScoreSheet> sheets) {
        int nameWidth = "navigator".length();
        for (ScoreSheet s : sheets) {
            nameWidth = Math.max(nameWidth, s.navigator().length());
        }
        String head = String.format(Locale.ROOT, "%-" + nameWidth + "s %5s %5s %9s %9s %8s %8s %8s %8s %8s %9s %10s",
                "navigator", "n", "d", "pairs", "correct", "acc", "exact", "longer", "dead/rev", "nonEdge",
                "other", "pairs/s");
        StringBuilder sb = new StringBuilder(head).append('\n').append("-".repeat(head.length())).append('\n');
        for (ScoreSheet s : sheets) {
            for (int d : s.distances()) {
                line(sb, nameWidth, s.navigator(), "all", Integer.toString(d), s.byDistance(d), "");
            }
            if (s.nodeCounts().size() > 1) {
                for (int n : s.nodeCounts()) {
                    line(sb, nameWidth, s.navigator(), Integer.toString(n), "all", s.byNodeCount(n), "");
                }
            }
            line(sb, nameWidth, s.navigator(), "all", "all", s.total(), fmt(s.pairsPerSecond(), 0));
            sb.append('\n');
        }
        for (ScoreSheet s : sheets) {
            if (!s.mistakes().isEmpty()) {
                sb.append("first mistakes of ").append(s.navigator()).append(":\n");
                for (ScoreSheet.Mistake m : s.mistakes()) {
                    sb.append("  ").append(m).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, int w, String name, String n, String d, ScoreSheet.Cell c,
            String rate) {
        long deadOrRevisit = c.failures(FailureKind.DEAD_END) + c.failures(FailureKind.REVISIT);
        long other = c.failures(FailureKind.STEP_LIMIT) + c.failures(FailureKind.WRONG_END)
                + c.failures(FailureKind.OUT_OF_RANGE);
        String exact = c.labelled() == 0 ? "-" : fmt(c.exactAccuracy(), 4);
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %5s %5s %9d %9d %8s %8s %8d %8d %8d %9d %10s%n",
                name, n, d, c.pairs(), c.correct(), fmt(c.accuracy(), 4), exact, c.longer(), deadOrRevisit,
                c.failures(FailureKind.NON_EDGE), other, rate));
    }

    public static String fmt(double x, int places) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%." + places + "f", x);
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
