package splab.navigate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import splab.bench.NavigatorExperiments;
import splab.graph.AllShortestPaths;
import splab.graph.ConnectedGraphSampler;
import splab.graph.NodeCountMix;
import splab.graph.SmallGraph;
import splab.spectral.Laplacian;

class NavigatorsTest {

    static SmallGraph path(int n) {
        int[][] e = new int[n - 1][];
        for (int i = 0; i + 1 < n; i++) {
            e[i] = new int[] {i, i + 1};
        }
        return SmallGraph.of(n, e);
    }

    static SmallGraph cycle(int n) {
        int[][] e = new int[n][];
        for (int i = 0; i < n; i++) {
            e[i] = new int[] {i, (i + 1) % n};
        }
        return SmallGraph.of(n, e);
    }

    static SmallGraph star(int leaves) {
        int[][] e = new int[leaves][];
        for (int i = 0; i < leaves; i++) {
            e[i] = new int[] {0, i + 1};
        }
        return SmallGraph.of(leaves + 1, e);
    }

    static List<Navigator> all() {
        SpectralLineNavigator.Config base = SpectralLineNavigator.Config.defaults();
        return List.of(
                new BfsNavigator(),
                new SpectralLineNavigator(),
                new SpectralLineNavigator(base.withLaplacian(Laplacian.Variant.NORMALIZED)
                        .withWeighting(SpectralLineNavigator.Weighting.RESISTANCE)
                        .withDistance(SpectralLineNavigator.DistanceRule.MEAN)
                        .withTie(SpectralLineNavigator.TieRule.HIGHEST_INDEX)),
                new SpectralLineNavigator(base.withK(1)),
                new SpectralLineNavigator(base.withK(SpectralLineNavigator.Config.ALL_EIGENVECTORS)),
                new SpectralLineNavigator(base.withStepLimit(1)),
                new SteinerbergerNavigator(),
                new SteinerbergerNavigator(false),
                new RandomNavigator(42));
    }

    @Test
    void navigatorsFindShortestPathsOnPathsCyclesAndStars() {
        List<Navigator> exact = List.of(new BfsNavigator(), new SteinerbergerNavigator(),
                new SteinerbergerNavigator(false));
        for (SmallGraph g : List.of(path(2), path(3), path(7), cycle(3), cycle(6), cycle(9), star(1), star(5))) {
            for (Navigator nav : exact) {
                assertAllPairsShortest(nav, g);
            }
        }
        // with k = 1 the Fiedler vector of L(P_n) = P_(n-1) is monotone along the path
        SpectralLineNavigator fiedler = new SpectralLineNavigator(SpectralLineNavigator.Config.defaults().withK(1));
        for (SmallGraph g : List.of(path(2), path(3), path(7), path(10))) {
            assertAllPairsShortest(fiedler, g);
        }
        // k = 2 takes the whole lowest eigenspace of L(C_n) = C_n, which lays the edges out on a circle;
        // k = 3 would cut the next 2-dimensional eigenspace in half and depend on the solver's basis
        SpectralLineNavigator circle = new SpectralLineNavigator(SpectralLineNavigator.Config.defaults().withK(2));
        for (SmallGraph g : List.of(cycle(3), cycle(6), cycle(9), cycle(10))) {
            assertAllPairsShortest(circle, g);
        }
        for (SmallGraph g : List.of(star(1), star(2), star(5))) {
            assertAllPairsShortest(new SpectralLineNavigator(), g);
        }
    }

    /** Higher modes fold a long path back on itself: SLN with k = 3 goes the wrong way on P_7. */
    @Test
    void slnWithThreeEigenvectorsCanWalkIntoADeadEndOnALongPath() {
        NavigationResult r = new SpectralLineNavigator().navigate(path(7), 1, 4);
        assertEquals(FailureKind.DEAD_END, r.failure());
        assertArrayEquals(new int[] {1, 0}, r.path());
    }

    private static void assertAllPairsShortest(Navigator nav, SmallGraph g) {
        AllShortestPaths sp = new AllShortestPaths(g);
        Navigator.GraphNavigator gn = nav.forGraph(g);
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int t = 0; t < g.nodeCount(); t++) {
                if (s != t) {
                    NavigationResult r = gn.navigate(s, t);
                    assertTrue(r.success() && sp.isShortestPath(r.path(), s, t),
                            nav.name() + " on " + g + " " + s + "->" + t + ": " + r);
                }
            }
        }
    }

    @Test
    void tieRuleDecidesBetweenSymmetricNeighbours() {
        // on C4 with k = 2 the edges sit on a circle: from 0, edges 0-1 and 0-3 are equally far from 2's edges
        SpectralLineNavigator.Config c = SpectralLineNavigator.Config.defaults().withK(2);
        assertArrayEquals(new int[] {0, 1, 2}, new SpectralLineNavigator(c).navigate(cycle(4), 0, 2).path());
        assertArrayEquals(new int[] {0, 3, 2}, new SpectralLineNavigator(
                c.withTie(SpectralLineNavigator.TieRule.HIGHEST_INDEX)).navigate(cycle(4), 0, 2).path());
    }

    @Test
    void bfsAnswersTheSmallestShortestPath() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, new BfsNavigator().navigate(cycle(6), 0, 3).path());
    }

    @Test
    void everyNavigatorTerminatesAndNeverPassesOffAnInvalidPath() {
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(2, 12, 0.3, NodeCountMix.UNIFORM, 17);
        for (int trial = 0; trial < 150; trial++) {
            SmallGraph g = sampler.next();
            int n = g.nodeCount();
            for (Navigator nav : all()) {
                Navigator.GraphNavigator gn = nav.forGraph(g);
                for (int s = 0; s < n; s++) {
                    for (int t = 0; t < n; t++) {
                        if (s == t) {
                            continue;
                        }
                        NavigationResult r = gn.navigate(s, t);
                        assertTrue(r.path().length <= n + 1, "walk too long");
                        assertEquals(s, r.path()[0]);
                        if (r.success()) {
                            assertNull(NavigationResult.firstProblem(g, s, t, r.path(), Integer.MAX_VALUE),
                                    nav.name() + " claimed " + r);
                        } else {
                            assertNotNull(r.failure());
                        }
                    }
                }
            }
        }
    }

    @Test
    void stepLimitStopsTheWalk() {
        SpectralLineNavigator nav = new SpectralLineNavigator(SpectralLineNavigator.Config.defaults().withStepLimit(1));
        NavigationResult r = nav.navigate(path(4), 0, 3);
        assertEquals(FailureKind.STEP_LIMIT, r.failure());
        assertArrayEquals(new int[] {0, 1}, r.path());
        assertTrue(nav.navigate(path(4), 0, 1).success());
    }

    /** 0-1, 0-2, 2-3: from 0 towards 3, picking the lowest neighbour leads into the leaf 1. */
    private static final SmallGraph TRAP = SmallGraph.of(4, new int[][] {{0, 1}, {0, 2}, {2, 3}});

    @Test
    void walkReportsDeadEndsRevisitsAndBadChoices() {
        GreedyWalk lowestUnvisited = new GreedyWalk(TRAP, 10, true) {
            @Override
            protected int choose(int current, int target, long candidates, long visited) {
                return Long.numberOfTrailingZeros(candidates);
            }
        };
        NavigationResult dead = lowestUnvisited.navigate(0, 3);
        assertEquals(FailureKind.DEAD_END, dead.failure());
        assertArrayEquals(new int[] {0, 1}, dead.path());

        GreedyWalk lowestAny = new GreedyWalk(TRAP, 10, false) {
            @Override
            protected int choose(int current, int target, long candidates, long visited) {
                return Long.numberOfTrailingZeros(candidates);
            }
        };
        NavigationResult revisit = lowestAny.navigate(0, 3);
        assertEquals(FailureKind.REVISIT, revisit.failure());
        assertArrayEquals(new int[] {0, 1, 0}, revisit.path());

        GreedyWalk cheat = new GreedyWalk(TRAP, 10, true) {
            @Override
            protected int choose(int current, int target, long candidates, long visited) {
                return 3; // not a neighbour of 0
            }
        };
        assertEquals(FailureKind.NON_EDGE, cheat.navigate(0, 3).failure());
    }

    @Test
    void randomNavigatorIsReproducibleAndOrderIndependent() {
        SmallGraph g = new ConnectedGraphSampler(10, 10, 0.4, NodeCountMix.UNIFORM, 3).next();
        Navigator.GraphNavigator a = new RandomNavigator(5).forGraph(g);
        Navigator.GraphNavigator b = new RandomNavigator(5).forGraph(g);
        int[] first = a.navigate(0, 9).path();
        b.navigate(3, 4);
        assertArrayEquals(first, b.navigate(0, 9).path());
    }

    @Test
    void badQueriesAreRejectedWithClearMessages() {
        SmallGraph disconnected = SmallGraph.of(4, new int[][] {{0, 1}, {2, 3}});
        for (Navigator nav : all()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> nav.forGraph(disconnected));
            assertTrue(e.getMessage().contains("not connected"), e.getMessage());
            Navigator.GraphNavigator gn = nav.forGraph(path(4));
            e = assertThrows(IllegalArgumentException.class, () -> gn.navigate(-1, 2));
            assertTrue(e.getMessage().contains("source -1 is outside 0..3"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> gn.navigate(0, 4));
            assertTrue(e.getMessage().contains("target 4 is outside 0..3"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> gn.navigate(2, 2));
            assertTrue(e.getMessage().contains("both 2"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new Query(path(3), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SpectralLineNavigator.Config.defaults().withK(-1));
        assertThrows(IllegalArgumentException.class, () -> SpectralLineNavigator.Config.defaults().withStepLimit(-1));
    }

    @Test
    void edgeEmbeddingHasOneRowPerEdgeAndIsReproducible() {
        SmallGraph g = new ConnectedGraphSampler(8, 8, 0.5, NodeCountMix.UNIFORM, 4).next();
        SpectralLineNavigator sln = new SpectralLineNavigator();
        double[][] x = sln.edgeEmbedding(g);
        assertEquals(g.edgeCount(), x.length);
        assertEquals(3, x[0].length);
        assertArrayEquals(x[2], sln.edgeEmbedding(g)[2], 0.0);
        assertEquals(0, sln.edgeEmbedding(path(2))[0].length, "one edge: no non-trivial eigenvector");
        assertEquals("sln[combinatorial,k=3,none,min]", sln.name());
    }

    /** A regression guard on a few hundred graphs; the full figures come from NavigatorExperiments. */
    @Test
    void accuracyOnRandomTenNodeGraphsIsInTheExpectedRange() {
        List<SmallGraph> graphs = NavigatorExperiments.tenNodeGraphs(300, 2);
        double sln = NavigatorScores.scoreAllPairs(new SpectralLineNavigator(), graphs).total().accuracy();
        double st = NavigatorScores.scoreAllPairs(new SteinerbergerNavigator(), graphs).total().accuracy();
        double rnd = NavigatorScores.scoreAllPairs(new RandomNavigator(1), graphs).total().accuracy();
        assertTrue(sln > 0.975 && sln < 0.997, "sln " + sln);
        assertTrue(st > 0.995, "steinerberger " + st);
        assertTrue(rnd > 0.73 && rnd < 0.81, "random " + rnd);
    }
}
