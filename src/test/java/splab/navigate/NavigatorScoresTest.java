package splab.navigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import splab.bench.NavigatorBench;
import splab.bench.NavigatorExperiments;
import splab.bench.SlnSweep;
import splab.graph.SmallGraph;

class NavigatorScoresTest {

    /** The 4-cycle 0-1-2-3-0: two shortest paths between opposite corners. */
    private static final SmallGraph C4 = NavigatorsTest.cycle(4);

    /** Replays scripted answers in query order, as an external model's decoded paths would arrive. */
    private static final class Scripted implements Navigator {
        private final Deque<NavigationResult> answers;

        Scripted(List<NavigationResult> answers) {
            this.answers = new ArrayDeque<>(answers);
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public GraphNavigator forGraph(SmallGraph graph) {
            return new GraphNavigator() {
                @Override
                public SmallGraph graph() {
                    return graph;
                }

                @Override
                public NavigationResult navigate(int source, int target) {
                    return answers.removeFirst();
                }
            };
        }
    }

    private static NavigationResult proposed(int s, int t, int... path) {
        return NavigationResult.check(C4, s, t, path, Integer.MAX_VALUE);
    }

    @Test
    void countsCorrectExactLongerAndEachFailureKind() {
        int[] label = {0, 1, 2};
        List<Query> queries = List.of(
                new Query(C4, 0, 2, label),   // the label itself: correct and exact
                new Query(C4, 0, 2, label),   // the other shortest path: correct, not exact
                new Query(C4, 0, 2, label),   // jumps across: non-edge
                new Query(C4, 1, 3),          // goes back: revisit
                new Query(C4, 1, 3),          // stops short: wrong end
                new Query(C4, 0, 1, new int[] {0, 1}), // the long way round: longer
                new Query(C4, 0, 3),          // the navigator gave up: dead end
                new Query(C4, 2, 0));         // a "success" that is not a path: judged by the harness
        Scripted nav = new Scripted(List.of(
                proposed(0, 2, 0, 1, 2),
                proposed(0, 2, 0, 3, 2),
                proposed(0, 2, 0, 2),
                proposed(1, 3, 1, 0, 1),
                proposed(1, 3, 1, 2),
                proposed(0, 1, 0, 3, 2, 1),
                NavigationResult.failure(new int[] {0}, FailureKind.DEAD_END),
                NavigationResult.trustedSuccess(new int[] {2, 0})));
        ScoreSheet sheet = NavigatorScores.score(nav, queries);
        ScoreSheet.Cell all = sheet.total();
        assertEquals(8, all.pairs());
        assertEquals(2, all.correct());
        assertEquals(4, all.labelled());
        assertEquals(1, all.exact());
        assertEquals(1, all.longer());
        assertEquals(2, all.failures(FailureKind.NON_EDGE));
        assertEquals(1, all.failures(FailureKind.REVISIT));
        assertEquals(1, all.failures(FailureKind.WRONG_END));
        assertEquals(1, all.failures(FailureKind.DEAD_END));
        assertEquals(0.25, all.accuracy(), 1e-12);
        assertEquals(0.25, all.exactAccuracy(), 1e-12);
        ScoreSheet.Cell d2 = sheet.byDistance(2);
        assertEquals(6, d2.pairs());
        assertEquals(2, d2.correct());
        assertEquals(sheet.cell(4, 1).pairs(), sheet.byDistance(1).pairs());
        assertEquals(sheet.total().pairs() - sheet.byDistance(1).pairs() - sheet.byDistance(2).pairs(),
                sheet.fromDistance(3).pairs());
        assertEquals(Math.min(6, NavigatorScores.KEEP_MISTAKES), sheet.mistakes().size(), "keeps the first mistakes");
        assertEquals("NON_EDGE", sheet.mistakes().get(0).outcome());
    }

    @Test
    void checkJudgesProposedPaths() {
        assertTrue(proposed(0, 2, 0, 1, 2).success());
        assertEquals(FailureKind.OUT_OF_RANGE, proposed(0, 2, 0, 7).failure());
        assertEquals(FailureKind.WRONG_END, proposed(0, 2, 1, 2).failure());
        assertEquals(FailureKind.WRONG_END, proposed(0, 2).failure());
        assertEquals(FailureKind.STEP_LIMIT, NavigationResult.check(C4, 0, 2, new int[] {0, 1, 2}, 1).failure());
    }

    @Test
    void allPairsOfAGraphAreEveryOrderedPair() {
        ScoreSheet sheet = NavigatorScores.scoreAllPairs(new BfsNavigator(),
                List.of(C4, NavigatorsTest.path(5)));
        assertEquals(12 + 20, sheet.total().pairs());
        assertEquals(sheet.total().pairs(), sheet.total().correct());
        assertEquals(List.of(4, 5), sheet.nodeCounts());
        assertEquals(List.of(1, 2, 3, 4), sheet.distances());
        assertEquals(32, NavigatorScores.allPairs(List.of(C4, NavigatorsTest.path(5))).size());
        assertTrue(sheet.pairsPerSecond() > 0);
    }

    @Test
    void csvIsWrittenAtomicallyAndTableShowsMistakes(@TempDir Path dir) throws Exception {
        List<SmallGraph> graphs = NavigatorExperiments.tenNodeGraphs(20, 3);
        List<ScoreSheet> sheets = List.of(
                NavigatorScores.scoreAllPairs(new BfsNavigator(), graphs),
                NavigatorScores.scoreAllPairs(new RandomNavigator(1), graphs));
        Path file = dir.resolve("sub/navigators.csv");
        NavigatorScores.writeCsv(file, sheets);
        List<String> lines = Files.readAllLines(file);
        assertEquals(NavigatorScores.csvHeader(), lines.get(0));
        assertTrue(lines.get(0).startsWith("navigator,n,d,pairs,correct,accuracy,labelled,exact,exactAccuracy"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("bfs,all,all,1800,1800,1.000000,")));
        int columns = lines.get(0).split(",", -1).length;
        for (String l : lines) {
            assertEquals(columns, l.split(",", -1).length, l);
        }
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        String table = NavigatorScores.table(sheets);
        assertTrue(table.contains("first mistakes of random"), table);
        assertTrue(table.contains("bfs"));
    }

    @Test
    void sweepSharesDecompositionsWithoutChangingAnswers() {
        List<SmallGraph> graphs = NavigatorExperiments.tenNodeGraphs(40, 4);
        assertEquals(48, SlnSweep.defaultGrid().size());
        List<SpectralLineNavigator.Config> grid = SlnSweep.grid(List.of(2, 3));
        List<SlnSweep.Row> rows = SlnSweep.run(grid, graphs);
        assertEquals(16, rows.size());
        for (SlnSweep.Row row : rows) {
            ScoreSheet alone = NavigatorScores.scoreAllPairs(new SpectralLineNavigator(row.config()), graphs);
            assertEquals(alone.total().correct(), row.sheet().total().correct(), row.config().label());
        }
        String csv = SlnSweep.csv(rows);
        assertTrue(csv.startsWith("variant,k,weighting,distance,pairs,correct,accuracy,acc_d1"), csv);
        assertEquals(17, csv.split("\n").length);
        assertTrue(SlnSweep.table(rows).contains("* "));
    }

    @Test
    void benchReportsPairsPerSecond() {
        List<SmallGraph> graphs = NavigatorExperiments.tenNodeGraphs(10, 5);
        List<NavigatorBench.Figure> figures = NavigatorBench.run(
                List.of(new SpectralLineNavigator(), new BfsNavigator()), graphs, 0, 1);
        assertEquals(2, figures.size());
        assertEquals(900, figures.get(0).pairs());
        assertTrue(figures.get(0).pairsPerSecond() > 0);
    }

    /** The paper's reference navigator figures on 20,000 graphs (about 15 s): {@code mvn -Pslow test}. */
    @Test
    @Tag("slow")
    void referenceFiguresOnTwentyThousandGraphs() {
        List<SmallGraph> graphs = NavigatorExperiments.tenNodeGraphs(20_000, 1);
        assertEquals(0.989, NavigatorScores.scoreAllPairs(new SpectralLineNavigator(), graphs).total().accuracy(), 0.002);
        assertEquals(0.999, NavigatorScores.scoreAllPairs(new SteinerbergerNavigator(), graphs).total().accuracy(), 0.002);
        assertEquals(0.77, NavigatorScores.scoreAllPairs(new RandomNavigator(1), graphs).total().accuracy(), 0.01);
    }
}
