package splab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BatcherTest {
    private final Vocabulary vocab = new Vocabulary(10);
    private final DatasetBuilder.Dataset ds =
            new DatasetBuilder(new DataConfig(200, 3, 10, 0.5, splab.graph.NodeCountMix.UNIFORM, 10, 3, DataConfig.LabelPath.UNIFORM, 0.2, 0), 1).sample(x -> { });

    @Test
    void rowsDecodeToPoolExamplesWithPathStartMarked() {
        Batcher b = new Batcher(ds.train(), vocab, false);
        PathTokenizer tok = new PathTokenizer(vocab);
        Batcher.Batch batch = b.next(32, new Random(1));
        for (int i = 0; i < 32; i++) {
            int[] row = batch.tokens()[i];
            assertEquals(vocab.pathStart(), row[batch.pathStart()[i]]);
            PathTokenizer.Decoded d = tok.decode(row);
            assertTrue(d.terminated());
            assertTrue(ds.train().stream().anyMatch(e -> e.source() == d.source() && e.target() == d.target()
                    && java.util.Arrays.equals(e.path(), d.path()) && e.edges().length == d.edges().length));
        }
    }

    @Test
    void bucketsHoldOneNodeCountAndCutPadding() {
        Batcher mixed = new Batcher(ds.train(), vocab, false), bucketed = new Batcher(ds.train(), vocab, true);
        Random r1 = new Random(2), r2 = new Random(2);
        long paddedMixed = 0, paddedBucketed = 0, realMixed = 0, realBucketed = 0;
        for (int k = 0; k < 50; k++) {
            Batcher.Batch a = mixed.next(16, r1), b = bucketed.next(16, r2);
            paddedMixed += (long) a.tokens().length * a.tokens()[0].length;
            realMixed += a.realTokens();
            paddedBucketed += (long) b.tokens().length * b.tokens()[0].length;
            realBucketed += b.realTokens();
        }
        double wasteMixed = 1 - (double) realMixed / paddedMixed, wasteBucketed = 1 - (double) realBucketed / paddedBucketed;
        assertTrue(wasteBucketed < wasteMixed / 2, "padding share " + wasteBucketed + " vs " + wasteMixed);
    }

    @Test
    void sameGeneratorSameBatch() {
        Batcher b = new Batcher(ds.train(), vocab, true);
        Batcher.Batch x = b.next(8, new Random(5)), y = b.next(8, new Random(5));
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(x.tokens()[i], y.tokens()[i]);
        }
    }

    @Test
    void distanceExponentMovesDrawsTowardLongPathsAndSharesMatchDraws() {
        Batcher natural = new Batcher(ds.train(), vocab, true), flat = new Batcher(ds.train(), vocab, true, 0.5, false, false);
        double naturalLong = 1 - natural.distanceShare(1) - natural.distanceShare(2);
        double flatLong = 1 - flat.distanceShare(1) - flat.distanceShare(2);
        assertTrue(flatLong > 1.5 * naturalLong, "d >= 3 share " + flatLong + " vs natural " + naturalLong);
        long pairs = ds.train().size(), adjacent = ds.train().stream().filter(e -> e.distance() == 1).count();
        assertEquals((double) adjacent / pairs, natural.distanceShare(1), 1e-9);

        PathTokenizer tok = new PathTokenizer(vocab);
        Random rng = new Random(4);
        int drawn = 0, longDrawn = 0;
        for (int k = 0; k < 300; k++) {
            for (int[] row : flat.next(32, rng).tokens()) {
                drawn++;
                longDrawn += tok.decode(row).path().length - 1 >= 3 ? 1 : 0;
            }
        }
        double seen = (double) longDrawn / drawn;
        assertEquals(flatLong, seen, 4 * Math.sqrt(flatLong * (1 - flatLong) / drawn) + 0.01);
    }

    @Test
    void anyShortestRedrawsLabelsAndAcceptsExactlyTheShortestContinuations() {
        var labels = checkAcceptedTargets(new Batcher(ds.train(), vocab, false, 0.0, true, false));
        assertTrue(labels.values().stream().anyMatch(v -> v.size() > 1), "tied pairs should get different labels");
    }

    @Test
    void relabellingKeepsAcceptedTargetsExactAndUsesEveryNodeToken() {
        checkAcceptedTargets(new Batcher(ds.train(), vocab, false, 0.0, true, true));
        Batcher plain = new Batcher(ds.train(), vocab, true), relabelled = new Batcher(ds.train(), vocab, true, 1.0, false, true);
        PathTokenizer tok = new PathTokenizer(vocab);
        Random r1 = new Random(8), r2 = new Random(8);
        int[] plainUse = new int[10], relabelledUse = new int[10];
        int smallRows = 0;
        for (int k = 0; k < 200; k++) {
            for (int[] row : plain.next(8, r1).tokens()) {
                for (int x : tok.decode(row).path()) {
                    plainUse[x]++;
                }
            }
            for (int[] row : relabelled.next(8, r2).tokens()) {
                PathTokenizer.Decoded d = tok.decode(row);
                java.util.Set<Integer> nodes = new java.util.TreeSet<>();
                for (int[] e : d.edges()) {
                    nodes.add(e[0]);
                    nodes.add(e[1]);
                }
                smallRows += nodes.size() <= 5 ? 1 : 0;
                for (int x : d.path()) {
                    relabelledUse[x]++;
                    assertTrue(nodes.contains(x), "path node " + x + " is not a node of the relabelled graph");
                }
                splab.graph.SmallGraph g = splab.graph.SmallGraph.of(10, d.edges());
                assertEquals(d.path().length - 1, bfs(g, d.target())[d.source()], "path must stay a shortest path");
            }
        }
        assertTrue(smallRows > 0);
        for (int v = 0; v < 10; v++) {
            assertTrue(relabelledUse[v] > 0.5 * java.util.Arrays.stream(relabelledUse).sum() / 10.0,
                    "node token " + v + " used " + relabelledUse[v] + " times of " + java.util.Arrays.toString(relabelledUse));
        }
        // without relabelling, the highest label appears only in 10-node graphs: far less than a tenth of the path tokens
        assertTrue(plainUse[9] < 0.5 * java.util.Arrays.stream(plainUse).sum() / 10.0, java.util.Arrays.toString(plainUse));
    }

    @Test
    void injectionIsUniformOverLabels() {
        Random rng = new Random(3);
        int[][] counts = new int[3][10];
        for (int k = 0; k < 20_000; k++) {
            int[] m = Batcher.injection(3, 10, rng);
            assertEquals(3, java.util.Arrays.stream(m).distinct().count());
            for (int i = 0; i < 3; i++) {
                counts[i][m[i]]++;
            }
        }
        for (int[] row : counts) {
            for (int c : row) {
                assertEquals(2_000, c, 200);
            }
        }
    }

    private java.util.Map<String, java.util.Set<String>> checkAcceptedTargets(Batcher b) {
        PathTokenizer tok = new PathTokenizer(vocab);
        Random rng = new Random(6);
        java.util.Map<String, java.util.Set<String>> labels = new java.util.HashMap<>();
        for (int k = 0; k < 100; k++) {
            Batcher.Batch batch = b.next(16, rng);
            for (int i = 0; i < 16; i++) {
                PathTokenizer.Decoded d = tok.decode(batch.tokens()[i]);
                splab.graph.SmallGraph g = splab.graph.SmallGraph.of(10, d.edges());
                int s = d.source() - vocab.node(0), t = d.target() - vocab.node(0);
                int[] path = java.util.Arrays.stream(d.path()).map(x -> x - vocab.node(0)).toArray();
                int[][] sets = batch.validTargets()[i];
                assertEquals(path.length + 1, sets.length);
                assertArrayEquals(new int[] {vocab.node(s)}, sets[0]);
                assertArrayEquals(new int[] {vocab.eos()}, sets[path.length]);
                // brute force: an accepted step is a neighbour whose distance to t is one less (BFS on G)
                int[] dist = bfs(g, t);
                assertEquals(dist[s], path.length - 1, "label must be a shortest path");
                for (int j = 1; j < path.length; j++) {
                    java.util.Set<Integer> expected = new java.util.TreeSet<>();
                    for (int v = 0; v < 10; v++) {
                        if (g.hasEdge(path[j - 1], v) && dist[v] == dist[path[j - 1]] - 1) {
                            expected.add(vocab.node(v));
                        }
                    }
                    java.util.Set<Integer> got = new java.util.TreeSet<>();
                    for (int x : sets[j]) {
                        got.add(x);
                    }
                    assertEquals(expected, got);
                    assertTrue(got.contains(vocab.node(path[j])));
                }
                String key = g.toEdgeString() + "|" + s + ">" + t;
                labels.computeIfAbsent(key, x -> new java.util.HashSet<>()).add(java.util.Arrays.toString(path));
            }
        }
        return labels;
    }

    private static int[] bfs(splab.graph.SmallGraph g, int t) {
        int[] dist = new int[g.nodeCount()];
        java.util.Arrays.fill(dist, -1);
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(t));
        dist[t] = 0;
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int v = 0; v < g.nodeCount(); v++) {
                if (g.hasEdge(u, v) && dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    queue.add(v);
                }
            }
        }
        return dist;
    }
}
