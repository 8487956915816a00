package splab.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import splab.graph.SmallGraph;

/** Identities of the incidence decomposition on small graphs. */
class IncidenceDecompositionTest {
    // a triangle with a pendant path and a chord: not bipartite, m = 7, n = 6
    private static final SmallGraph G = SmallGraph.of(6, new int[][] {{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {4, 5}, {1, 4}});

    @Test
    void incidenceTimesItsTransposeIsTheLineGraphAdjacencyPlusTwo() {
        double[][] bt = IncidenceDecomposition.incidenceTranspose(G);
        double[][] btb = new double[bt.length][bt.length];
        for (int e = 0; e < bt.length; e++) {
            for (int f = 0; f < bt.length; f++) {
                for (int v = 0; v < G.nodeCount(); v++) {
                    btb[e][f] += bt[e][v] * bt[f][v];
                }
            }
        }
        double[][] lap = Laplacian.ofLineGraph(G, Laplacian.Variant.COMBINATORIAL);
        for (int e = 0; e < bt.length; e++) {
            for (int f = 0; f < bt.length; f++) {
                double adjacency = e == f ? 0 : -lap[e][f];
                assertEquals(adjacency + (e == f ? 2 : 0), btb[e][f], 1e-12, "entry " + e + "," + f);
            }
        }
        assertEquals(G.nodeCount(), IncidenceDecomposition.spanBasis(G)[0].length, "non-bipartite: the span has dimension n");
        SmallGraph path = SmallGraph.of(4, new int[][] {{0, 1}, {1, 2}, {2, 3}});
        assertEquals(3, IncidenceDecomposition.spanBasis(path)[0].length, "bipartite: dimension n - 1 (here all of R^m)");
    }

    @Test
    void exactEndpointSumsLieWhollyInTheSpanAndTheirNodeCodesRebuildThem() {
        double[][] x = new double[G.nodeCount()][5];
        Random rng = new Random(1);
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[][] r = IncidenceDecomposition.randomEndpointSums(G, 5, new Random(2));
        IncidenceDecomposition.Parts p = IncidenceDecomposition.of(G, r);
        assertEquals(1.0, p.share(), 1e-10);
        for (double[] row : p.residual()) {
            for (double v : row) {
                assertEquals(0, v, 1e-10);
            }
        }
    }

    @Test
    void rotatedEigenvectorsKeepTheEigenvectorsShareAndTheirResidualAlignsPerfectly() {
        EigenTarget t = EigenTarget.of(G, Laplacian.Variant.COMBINATORIAL, 3);
        double[][] v = t.vectors();
        int k = v[0].length;
        double[][] rot = {{0.6, -0.8, 0}, {0.8, 0.6, 0}, {0, 0, 1}};
        double[][] r = new double[v.length][k];
        for (int e = 0; e < v.length; e++) {
            for (int j = 0; j < k; j++) {
                for (int c = 0; c < k; c++) {
                    r[e][j] += v[e][c] * rot[c][j];
                }
            }
        }
        double[][] span = IncidenceDecomposition.spanBasis(G);
        double eigShare = IncidenceDecomposition.energyShare(span, v);
        assertTrue(eigShare > 0.5 && eigShare < 1, "low eigenvectors lie mostly, not wholly, in the span: " + eigShare);
        assertEquals(eigShare, IncidenceDecomposition.of(G, r).share(), 1e-9);
        assertEquals(1.0, SubspaceAlignment.meanSquaredCosine(r, v), 1e-9);
        double[][] residualTarget = IncidenceDecomposition.orthogonalBasis(span, v);
        double[][] residual = IncidenceDecomposition.of(G, r).residual();
        assertEquals(1.0, SubspaceAlignment.meanSquaredCosine(residual, residualTarget), 1e-6);
    }

    @Test
    void theMatchedNullHasTheRankOfTheNodeCodes() {
        double[][] codes = new double[G.nodeCount()][8];
        for (int v = 0; v < codes.length; v++) {
            codes[v][0] = v; // rank 1 after centring
            codes[v][1] = 2 * v;
        }
        double[][] r = IncidenceDecomposition.randomEndpointSumsLike(G, codes, new Random(3));
        double[][] basis = IncidenceDecomposition.orthonormal(Matrices.centreColumns(r));
        assertEquals(1, basis[0].length, "endpoint sums of rank-1 node codes have rank 1");
        assertEquals(1.0, IncidenceDecomposition.of(G, r).share(), 1e-10);
    }
}
