package splab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import splab.spectral.Laplacian;
import splab.spectral.SpectralTestGraphs;
import splab.spectral.Spectrum;
import splab.graph.ConnectedGraphSampler;
import splab.graph.NodeCountMix;
import splab.graph.SmallGraph;

class LineGraphsTest {

    @Test
    void lineGraphOfAStarIsComplete() {
        for (int leaves = 1; leaves <= 9; leaves++) {
            SmallGraph l = LineGraphs.lineGraph(SpectralTestGraphs.star(leaves));
            assertEquals(leaves, l.nodeCount());
            assertEquals(leaves * (leaves - 1) / 2, l.edgeCount(), "L(K1," + leaves + ") = K" + leaves);
        }
    }

    @Test
    void lineGraphOfAPathIsAShorterPathNumberedInEdgeOrder() {
        SmallGraph path = SmallGraph.of(5, new int[][] {{3, 4}, {0, 1}, {2, 3}, {1, 2}});
        // edge order: 0-1, 1-2, 2-3, 3-4
        SmallGraph l = LineGraphs.lineGraph(path);
        assertEquals(SmallGraph.of(4, new int[][] {{0, 1}, {1, 2}, {2, 3}}), l);
    }

    @Test
    void jgraphtAndDirectConstructionAgreeOnRandomGraphs() {
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(2, 11, 0.5, NodeCountMix.UNIFORM, 9);
        for (int trial = 0; trial < 200; trial++) {
            SmallGraph g = sampler.next();
            if (g.edgeCount() > SmallGraph.MAX_NODES) {
                continue;
            }
            SmallGraph l = LineGraphs.lineGraph(g);
            boolean[][] adj = LineGraphs.adjacency(g);
            double[][] lap = Laplacian.ofLineGraph(g, Laplacian.Variant.COMBINATORIAL);
            double[][] lapGeneric = Laplacian.of(adj, Laplacian.Variant.COMBINATORIAL);
            double[][] norm = Laplacian.ofLineGraph(g, Laplacian.Variant.NORMALIZED);
            double[][] normGeneric = Laplacian.of(l, Laplacian.Variant.NORMALIZED);
            for (int i = 0; i < adj.length; i++) {
                int[] e = g.edge(i);
                assertEquals(g.degree(e[0]) + g.degree(e[1]) - 2, l.degree(i));
                for (int j = 0; j < adj.length; j++) {
                    assertEquals(adj[i][j], l.hasEdge(i, j));
                    assertEquals(lapGeneric[i][j], lap[i][j], 0.0);
                    assertEquals(normGeneric[i][j], norm[i][j], 1e-15);
                }
            }
        }
    }

    @Test
    void normalizedLaplacianHasUnitDiagonalAndSpectrumInZeroTwo() {
        double[][] n = Laplacian.of(SpectralTestGraphs.petersen(), Laplacian.Variant.NORMALIZED);
        Spectrum s = Spectrum.of(n);
        for (int i = 0; i < 10; i++) {
            assertEquals(1.0, n[i][i], 0.0);
        }
        assertEquals(0.0, s.value(0), 1e-12);
        assertTrue(s.value(9) <= 2 + 1e-12);
        // Petersen is 3-regular: normalized = combinatorial / 3, eigenvalues 0, 2/3, 5/3
        assertEquals("0, 0.666667^5, 1.666667^4", s.describe(1e-8));
    }

    @Test
    void edgelessGraphHasNoLineGraph() {
        SmallGraph lonely = SmallGraph.of(1, new int[0][]);
        assertThrows(IllegalArgumentException.class, () -> LineGraphs.lineGraph(lonely));
        assertThrows(IllegalArgumentException.class, () -> Laplacian.ofLineGraph(lonely, Laplacian.Variant.NORMALIZED));
        assertEquals(Laplacian.Variant.NORMALIZED, Laplacian.Variant.parse(" Normalized "));
        assertThrows(IllegalArgumentException.class, () -> Laplacian.Variant.parse("signless"));
    }
}
