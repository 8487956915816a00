package splab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.jgrapht.alg.isomorphism.VF2GraphIsomorphismInspector;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    /** All labelled graphs on n vertices, by their upper-triangle bit pattern. */
    static List<SmallGraph> allLabelledGraphs(int n) {
        int pairs = n * (n - 1) / 2;
        List<SmallGraph> out = new ArrayList<>();
        for (long bits = 0; bits < 1L << pairs; bits++) {
            long[] adj = new long[n];
            int b = 0;
            for (int u = 0; u < n; u++) {
                for (int v = u + 1; v < n; v++, b++) {
                    if ((bits >>> b & 1L) != 0) {
                        adj[u] |= 1L << v;
                        adj[v] |= 1L << u;
                    }
                }
            }
            out.add(SmallGraph.ofMasks(adj));
        }
        return out;
    }

    @Test
    void countsConnectedGraphsUpToSixNodes() {
        long[] expected = {0, 1, 1, 2, 6, 21, 112};
        for (int n = 1; n <= 6; n++) {
            Set<Certificate> classes = new HashSet<>();
            for (SmallGraph g : allLabelledGraphs(n)) {
                if (g.isConnected()) {
                    classes.add(CanonicalForm.certificate(g));
                }
            }
            assertEquals(expected[n], classes.size(), "connected graphs on " + n + " vertices");
            assertEquals(NodeCountMix.connectedGraphCount(n), classes.size());
        }
    }

    @Test
    void countsAllGraphsOnSixNodes() {
        // 156 graphs on 6 unlabelled vertices (OEIS A000088), connected or not
        Set<Certificate> classes = new HashSet<>();
        for (SmallGraph g : allLabelledGraphs(6)) {
            classes.add(CanonicalForm.certificate(g));
        }
        assertEquals(156, classes.size());
    }

    @Test
    void agreesWithVf2OnRandomPairs() {
        Random rng = new Random(7);
        int agreeIso = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int n = 4 + rng.nextInt(7);
            // a sparse-ish density makes isomorphic pairs common enough to test both answers
            double p = rng.nextDouble();
            SmallGraph a = random(n, p, rng);
            SmallGraph b = rng.nextBoolean() ? a.relabel(randomPermutation(n, rng)) : random(n, p, rng);
            boolean vf2 = new VF2GraphIsomorphismInspector<>(a.toJGraphT(), b.toJGraphT()).isomorphismExists();
            boolean ours = CanonicalForm.certificate(a).equals(CanonicalForm.certificate(b));
            assertEquals(vf2, ours, "graphs " + a + " and " + b);
            if (vf2) {
                agreeIso++;
            }
        }
        assertTrue(agreeIso > 1000 && agreeIso < 2900, "both answers were exercised: " + agreeIso);
    }

    @Test
    void symmetricGraphsGetOneFormUnderEveryRelabelling() {
        Random rng = new Random(3);
        List<SmallGraph> graphs = List.of(
                complete(10), cycle(10), petersen(), completeBipartite(5, 5), SmallGraph.of(10, new int[0][]),
                complete(12), cycle(20));
        for (SmallGraph g : graphs) {
            Certificate c = CanonicalForm.certificate(g);
            SmallGraph canon = CanonicalForm.canonicalGraph(g);
            for (int i = 0; i < 20; i++) {
                SmallGraph h = g.relabel(randomPermutation(g.nodeCount(), rng));
                assertEquals(c, CanonicalForm.certificate(h), "relabelled " + g);
                assertEquals(canon, CanonicalForm.canonicalGraph(h));
            }
            // pruning keeps the tree polynomial on these highly symmetric graphs
            assertTrue(CanonicalForm.leafCount(g) < 10L * g.nodeCount() * g.nodeCount(),
                    "leaves for " + g + ": " + CanonicalForm.leafCount(g));
        }
    }

    @Test
    void distinguishesCospectralAndRegularLookalikes() {
        // two 3-regular graphs on 6 vertices: the prism and K(3,3)
        SmallGraph prism = SmallGraph.of(6, new int[][] {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {0, 3}, {1, 4}, {2, 5}});
        assertTrue(!CanonicalForm.certificate(prism).equals(CanonicalForm.certificate(completeBipartite(3, 3))));
        // C6 and two triangles: same degrees, refinement alone cannot tell them apart
        SmallGraph twoTriangles = SmallGraph.of(6, new int[][] {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}});
        assertTrue(!CanonicalForm.certificate(cycle(6)).equals(CanonicalForm.certificate(twoTriangles)));
    }

    static SmallGraph random(int n, double p, Random rng) {
        List<int[]> edges = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                if (rng.nextDouble() < p) {
                    edges.add(new int[] {u, v});
                }
            }
        }
        return SmallGraph.of(n, edges.toArray(new int[0][]));
    }

    static int[] randomPermutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    static SmallGraph complete(int n) {
        List<int[]> e = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                e.add(new int[] {u, v});
            }
        }
        return SmallGraph.of(n, e.toArray(new int[0][]));
    }

    static SmallGraph cycle(int n) {
        int[][] e = new int[n][];
        for (int i = 0; i < n; i++) {
            e[i] = new int[] {i, (i + 1) % n};
        }
        return SmallGraph.of(n, e);
    }

    static SmallGraph completeBipartite(int a, int b) {
        List<int[]> e = new ArrayList<>();
        for (int u = 0; u < a; u++) {
            for (int v = a; v < a + b; v++) {
                e.add(new int[] {u, v});
            }
        }
        return SmallGraph.of(a + b, e.toArray(new int[0][]));
    }

    static SmallGraph petersen() {
        List<int[]> e = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            e.add(new int[] {i, (i + 1) % 5});
            e.add(new int[] {i, i + 5});
            e.add(new int[] {5 + i, 5 + (i + 2) % 5});
        }
        return SmallGraph.of(10, e.toArray(new int[0][]));
    }
}
