package splab.navigate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import splab.graph.AllShortestPaths;

/**
 * Counts for one navigator, accumulated query by query and broken down by (n, d). A query is
 * <em>correct</em> when the navigator's path is a valid path from s to t of length d(s, t), any shortest
 * path counting; <em>exact</em> when, in addition, it equals the label path (counted only over queries that
 * have one); <em>longer</em> when it is a valid path to t but not a shortest one. Every other outcome is a
 * failure of one {@link FailureKind}. The harness re-checks every path itself, so a navigator that claims a
 * success with an invalid path is still counted by what is actually wrong.
 */
public final class ScoreSheet {
    /** Counts in one (n, d) cell, or summed over several. */
    public static final class Cell {
        long pairs;
        long correct;
        long labelled;
        long exact;
        long longer;
        final long[] failures = new long[FailureKind.values().length];

        void add(Cell o) {
            pairs += o.pairs;
            correct += o.correct;
            labelled += o.labelled;
            exact += o.exact;
            longer += o.longer;
            for (int i = 0; i < failures.length; i++) {
                failures[i] += o.failures[i];
            }
        }

        public long pairs() {
            return pairs;
        }

        public long correct() {
            return correct;
        }

        public long labelled() {
            return labelled;
        }

        public long exact() {
            return exact;
        }

        public long longer() {
            return longer;
        }

        public long failures(FailureKind kind) {
            return failures[kind.ordinal()];
        }

        /** correct / pairs, NaN when empty. */
        public double accuracy() {
            return pairs == 0 ? Double.NaN : (double) correct / pairs;
        }

        /** exact / labelled, NaN when nothing was labelled. */
        public double exactAccuracy() {
            return labelled == 0 ? Double.NaN : (double) exact / labelled;
        }
    }

    /** One wrong answer, kept so a person can look at it. */
    public record Mistake(Query query, int distance, NavigationResult result, String outcome) {
        @Override
        public String toString() {
            return outcome + ": " + query.graph().toEdgeString() + "  " + query.source() + "->" + query.target()
                    + " (d=" + distance + ") walked " + Arrays.toString(result.pathUnsafe());
        }
    }

    private final String navigator;
    private final int keepMistakes;
    private final TreeMap<Long, Cell> cells = new TreeMap<>();
    private final List<Mistake> mistakes = new ArrayList<>();
    private long nanos;

    public ScoreSheet(String navigator, int keepMistakes) {
        this.navigator = navigator;
        this.keepMistakes = keepMistakes;
    }

    /** Scores one answer; {@code paths} must be the all-shortest-paths table of the query's graph. */
    public void add(Query q, AllShortestPaths paths, NavigationResult r) {
        int n = q.graph().nodeCount();
        int d = paths.distance(q.source(), q.target());
        Cell cell = cells.computeIfAbsent(((long) n << 32) | d, key -> new Cell());
        cell.pairs++;
        int[] path = r.pathUnsafe();
        String outcome = outcome(q, d, r);
        if (outcome == null) {
            cell.correct++;
        } else if (outcome.equals(LONGER)) {
            cell.longer++;
        } else {
            cell.failures[FailureKind.valueOf(outcome).ordinal()]++;
        }
        if (q.labelPath() != null) {
            cell.labelled++;
            if (outcome == null && Arrays.equals(path, q.labelPath())) {
                cell.exact++;
            }
        }
        if (outcome != null && mistakes.size() < keepMistakes) {
            mistakes.add(new Mistake(q, d, r, outcome));
        }
    }

    /** The outcome of a valid walk to t that is longer than d. */
    public static final String LONGER = "LONGER";

    /**
     * How the harness judges an answer to {@code q} at distance {@code d}: null when it is a shortest path,
     * {@link #LONGER} for a valid walk to t that is not shortest, else the name of the first {@link FailureKind}
     * (re-checked here, so a claimed success with an invalid path is named by what is wrong with it).
     */
    public static String outcome(Query q, int d, NavigationResult r) {
        FailureKind kind = r.failure();
        if (kind == null) {
            kind = NavigationResult.firstProblem(q.graph(), q.source(), q.target(), r.pathUnsafe(), Integer.MAX_VALUE);
        }
        if (kind != null) {
            return kind.name();
        }
        return r.pathUnsafe().length == d + 1 ? null : LONGER;
    }

    /** Adds wall time spent inside the navigator (for pairs/s). */
    public void addNanos(long ns) {
        nanos += ns;
    }

    public String navigator() {
        return navigator;
    }

    public long nanos() {
        return nanos;
    }

    /** Pairs navigated per second of navigator time (per-graph preparation included). */
    public double pairsPerSecond() {
        return nanos == 0 ? Double.NaN : total().pairs * 1e9 / nanos;
    }

    /** The cell for (n, d), empty if never seen. */
    public Cell cell(int n, int d) {
        Cell c = cells.get(((long) n << 32) | d);
        return c == null ? new Cell() : c;
    }

    /** Sum over all cells. */
    public Cell total() {
        Cell t = new Cell();
        cells.values().forEach(t::add);
        return t;
    }

    /** Sum over all n for one d. */
    public Cell byDistance(int d) {
        Cell t = new Cell();
        cells.forEach((key, c) -> {
            if ((int) (key & 0xffffffffL) == d) {
                t.add(c);
            }
        });
        return t;
    }

    /** Sum over all n for every d >= {@code dMin}: the hard pairs ("d >= 3"), where navigators differ. */
    public Cell fromDistance(int dMin) {
        Cell t = new Cell();
        cells.forEach((key, c) -> {
            if ((int) (key & 0xffffffffL) >= dMin) {
                t.add(c);
            }
        });
        return t;
    }

    /** Sum over all d for one n. */
    public Cell byNodeCount(int n) {
        Cell t = new Cell();
        cells.forEach((key, c) -> {
            if ((int) (key >>> 32) == n) {
                t.add(c);
            }
        });
        return t;
    }

    /** The (n, d) pairs seen, ascending, as {n, d}. */
    public List<int[]> keys() {
        List<int[]> out = new ArrayList<>();
        for (long key : cells.keySet()) {
            out.add(new int[] {(int) (key >>> 32), (int) (key & 0xffffffffL)});
        }
        return out;
    }

    public List<Integer> distances() {
        return keys().stream().map(k -> k[1]).distinct().sorted().toList();
    }

    public List<Integer> nodeCounts() {
        return keys().stream().map(k -> k[0]).distinct().sorted().toList();
    }

    /** The first few wrong answers, in query order. */
    public List<Mistake> mistakes() {
        return List.copyOf(mistakes);
    }
}
