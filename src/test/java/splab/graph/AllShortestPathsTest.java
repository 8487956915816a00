package splab.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class AllShortestPathsTest {

    /** Every simple path from s to t by depth-first search: the brute force to check against. */
    static List<int[]> allSimplePaths(SmallGraph g, int s, int t) {
        List<int[]> out = new ArrayList<>();
        dfs(g, new ArrayList<>(List.of(s)), 1L << s, t, out);
        return out;
    }

    private static void dfs(SmallGraph g, List<Integer> path, long used, int t, List<int[]> out) {
        int c = path.get(path.size() - 1);
        if (c == t) {
            out.add(path.stream().mapToInt(Integer::intValue).toArray());
            return;
        }
        for (int v = 0; v < g.nodeCount(); v++) {
            if (g.hasEdge(c, v) && (used >>> v & 1L) == 0) {
                path.add(v);
                dfs(g, path, used | 1L << v, t, out);
                path.remove(path.size() - 1);
            }
        }
    }

    @Test
    void matchesBruteForceOnRandomGraphs() {
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(2, 8, 0.4, NodeCountMix.UNIFORM, 11);
        for (int i = 0; i < 300; i++) {
            SmallGraph g = sampler.next();
            AllShortestPaths sp = new AllShortestPaths(g);
            for (int s = 0; s < g.nodeCount(); s++) {
                for (int t = 0; t < g.nodeCount(); t++) {
                    List<int[]> simple = allSimplePaths(g, s, t);
                    int d = simple.stream().mapToInt(p -> p.length - 1).min().orElseThrow();
                    List<int[]> shortest = simple.stream().filter(p -> p.length - 1 == d)
                            .sorted(Arrays::compare).toList();
                    assertEquals(d, sp.distance(s, t));
                    assertEquals(shortest.size(), sp.pathCount(s, t));
                    List<int[]> ours = sp.enumerate(s, t);
                    assertEquals(shortest.size(), ours.size());
                    for (int k = 0; k < ours.size(); k++) {
                        assertArrayEquals(shortest.get(k), ours.get(k));
                        assertTrue(sp.isShortestPath(ours.get(k), s, t));
                    }
                    assertArrayEquals(shortest.get(0), sp.smallestPath(s, t));
                    long expectedNext = 0;
                    for (int[] p : shortest) {
                        if (p.length > 1) {
                            expectedNext |= 1L << p[1];
                        }
                    }
                    assertEquals(expectedNext, sp.nextSteps(s, t));
                }
            }
        }
    }

    @Test
    void uniformPathDrawsEveryShortestPathEquallyOften() {
        // 4x2 grid-like ladder: from corner 0 to corner 7 there are 4 shortest paths
        SmallGraph ladder = SmallGraph.of(8, new int[][] {
            {0, 1}, {1, 2}, {2, 3}, {4, 5}, {5, 6}, {6, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}});
        AllShortestPaths sp = new AllShortestPaths(ladder);
        assertEquals(4, sp.pathCount(0, 7));
        Map<String, Integer> seen = new HashMap<>();
        Random rng = new Random(5);
        int draws = 40_000;
        for (int i = 0; i < draws; i++) {
            int[] p = sp.uniformPath(0, 7, rng);
            assertTrue(sp.isShortestPath(p, 0, 7));
            seen.merge(Arrays.toString(p), 1, Integer::sum);
        }
        assertEquals(4, seen.size());
        for (int c : seen.values()) {
            assertEquals(draws / 4.0, c, 5 * Math.sqrt(draws * 0.25 * 0.75), "counts " + seen);
        }
    }

    @Test
    void rejectsInvalidPaths() {
        SmallGraph path = SmallGraph.of(4, new int[][] {{0, 1}, {1, 2}, {2, 3}, {0, 2}});
        AllShortestPaths sp = new AllShortestPaths(path);
        assertTrue(sp.isShortestPath(new int[] {0, 2, 3}, 0, 3));
        assertFalse(sp.isShortestPath(new int[] {0, 1, 2, 3}, 0, 3), "valid walk but too long");
        assertFalse(sp.isShortestPath(new int[] {0, 3}, 0, 3), "not an edge");
        assertFalse(sp.isShortestPath(new int[] {0, 1, 3}, 0, 3), "1-3 is not an edge");
        assertFalse(sp.isShortestPath(new int[] {0, 2, 1}, 0, 3), "wrong end");
        assertFalse(sp.isShortestPath(new int[] {0, 9, 3}, 0, 3), "vertex outside the graph");
        assertEquals(2, sp.diameter());
    }

    @Test
    void refusesDisconnectedGraphs() {
        SmallGraph g = SmallGraph.of(4, new int[][] {{0, 1}, {2, 3}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AllShortestPaths(g));
        assertTrue(e.getMessage().contains("not connected"));
    }
}
