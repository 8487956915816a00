package splab.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import splab.graph.LineGraphs;
import splab.graph.ConnectedGraphSampler;
import splab.graph.NodeCountMix;
import splab.graph.SmallGraph;

class SpectrumTest {

    @Test
    void laplacianOfLineGraphOfPetersenHasKnownSpectrum() {
        Spectrum s = Spectrum.of(Laplacian.ofLineGraph(SpectralTestGraphs.petersen(), Laplacian.Variant.COMBINATORIAL));
        assertEquals("0, 2^5, 5^4, 6^5", s.describe(1e-8));
        List<Spectrum.Eigenspace> spaces = s.eigenspaces(1e-8);
        assertEquals(4, spaces.size());
        assertEquals(new Spectrum.Eigenspace(spaces.get(1).value(), 1, 6), spaces.get(1));
        assertEquals(2.0, spaces.get(1).value(), 1e-9);
    }

    @Test
    void eigenpairsSatisfyLvEqualsLambdaV() {
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(3, 10, 0.4, NodeCountMix.UNIFORM, 11);
        for (int trial = 0; trial < 100; trial++) {
            SmallGraph g = sampler.next();
            for (Laplacian.Variant variant : Laplacian.Variant.values()) {
                double[][] l = Laplacian.ofLineGraph(g, variant);
                Spectrum s = Spectrum.of(l);
                int m = s.size();
                for (int j = 0; j < m; j++) {
                    for (int i = 0; i < m; i++) {
                        double lv = 0;
                        for (int k = 0; k < m; k++) {
                            lv += l[i][k] * s.component(k, j);
                        }
                        assertEquals(s.value(j) * s.component(i, j), lv, 1e-9);
                    }
                }
                assertEquals(0.0, s.value(0), 1e-9, "connected L(G) has one zero eigenvalue");
                assertTrue(m == 1 || s.value(1) > 1e-9, "and only one: " + g);
            }
        }
    }

    /** B is the n x m unsigned incidence matrix: B B^T = D + A(G) and B^T B = A(L(G)) + 2I share nonzero spectra. */
    @Test
    void lineGraphAdjacencyPlusTwoMatchesSignlessLaplacian() {
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(2, 10, 0.5, NodeCountMix.UNIFORM, 5);
        for (int trial = 0; trial < 200; trial++) {
            SmallGraph g = sampler.next();
            int n = g.nodeCount(), m = g.edgeCount();
            boolean[][] la = LineGraphs.adjacency(g);
            double[][] btb = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    btb[i][j] = (la[i][j] ? 1 : 0) + (i == j ? 2 : 0);
                }
            }
            double[][] bbt = new double[n][n];
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    bbt[u][v] = u == v ? g.degree(u) : (g.hasEdge(u, v) ? 1 : 0);
                }
            }
            double[] big = Spectrum.of(btb).values();
            double[] small = Spectrum.of(bbt).values();
            // pad the shorter spectrum with zeros at the bottom, then compare sorted
            int size = Math.max(n, m);
            double[] a = new double[size], b = new double[size];
            System.arraycopy(big, 0, a, size - m, m);
            System.arraycopy(small, 0, b, size - n, n);
            java.util.Arrays.sort(a);
            java.util.Arrays.sort(b);
            assertArrayEquals(b, a, 1e-9, "graph " + g);
        }
    }

    @Test
    void signConventionMakesTheLargestEntryPositiveAndIsDeterministic() {
        Random rng = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + rng.nextInt(15);
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i][j] = a[j][i] = rng.nextGaussian();
                }
            }
            Spectrum s1 = Spectrum.of(a);
            double[][] negated = new double[n][n];
            // same eigenvectors, the spectrum reversed and negated: the fixed signs must agree
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    negated[i][j] = -a[i][j];
                }
            }
            Spectrum s2 = Spectrum.of(negated);
            for (int j = 0; j < n; j++) {
                double[] v = s1.vector(j);
                assertArrayEquals(v, s2.vector(n - 1 - j), 1e-9);
                int lead = 0;
                for (int i = 1; i < n; i++) {
                    if (Math.abs(v[i]) > Math.abs(v[lead]) + Spectrum.SIGN_TIE_TOLERANCE) {
                        lead = i;
                    }
                }
                assertTrue(v[lead] > 0);
            }
            assertArrayEquals(s1.vectors()[0], Spectrum.of(a).vectors()[0], 0.0, "same input, same output");
        }
    }

    @Test
    void signTiesAreBrokenByTheLowestIndex() {
        // eigenvectors of [[0,1],[1,0]] are (1,1)/sqrt2 and (1,-1)/sqrt2: entries tie in magnitude
        Spectrum s = Spectrum.of(new double[][] {{0, 1}, {1, 0}});
        assertTrue(s.component(0, 0) > 0 && s.component(0, 1) > 0);
        assertEquals(-1.0, s.value(0), 1e-12);
        assertTrue(s.component(1, 0) < 0);
    }

    @Test
    void randomSymmetricMatricesGiveAscendingOrthonormalEigenpairs() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(30);
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i][j] = a[j][i] = rng.nextInt(4) == 0 ? 0 : rng.nextGaussian();
                }
            }
            double[][] before = new double[n][];
            for (int i = 0; i < n; i++) {
                before[i] = a[i].clone();
            }
            Spectrum s = Spectrum.of(a);
            assertTrue(java.util.Arrays.deepEquals(before, a), "input not modified");
            double trace = 0, sum = 0;
            for (int j = 0; j < n; j++) {
                trace += a[j][j];
                sum += s.value(j);
                if (j > 0) {
                    assertTrue(s.value(j - 1) <= s.value(j), "ascending at " + j);
                }
                for (int i = 0; i < n; i++) {
                    double av = 0;
                    for (int k = 0; k < n; k++) {
                        av += a[i][k] * s.component(k, j);
                    }
                    assertEquals(s.value(j) * s.component(i, j), av, 1e-9, "A v = lambda v, " + n + "x" + n);
                }
                for (int j2 = 0; j2 < n; j2++) {
                    double dot = 0;
                    for (int k = 0; k < n; k++) {
                        dot += s.component(k, j) * s.component(k, j2);
                    }
                    assertEquals(j == j2 ? 1.0 : 0.0, dot, 1e-9, "orthonormal columns");
                }
            }
            assertEquals(trace, sum, 1e-9, "eigenvalues sum to the trace");
        }
    }

    @Test
    void handlesDiagonalAndHighlyDegenerateMatrices() {
        for (double x : Spectrum.of(new double[5][5]).values()) {
            assertEquals(0.0, x, 0.0);
        }
        assertArrayEquals(new double[] {-1, 2, 3},
                Spectrum.of(new double[][] {{3, 0, 0}, {0, -1, 0}, {0, 0, 2}}).values(), 1e-15);
        assertArrayEquals(new double[] {4}, Spectrum.of(new double[][] {{4}}).values(), 0.0);
        assertEquals(1.0, Spectrum.of(new double[][] {{4}}).component(0, 0), 0.0);
        // J - I of order 12: eigenvalues -1 (11 times) and 11
        double[][] j = new double[12][12];
        for (int r = 0; r < 12; r++) {
            for (int c = 0; c < 12; c++) {
                j[r][c] = r == c ? 0 : 1;
            }
        }
        Spectrum s = Spectrum.of(j);
        for (int r = 0; r < 11; r++) {
            assertEquals(-1.0, s.value(r), 1e-12);
        }
        assertEquals(11.0, s.value(11), 1e-12);
        assertEquals(List.of(new Spectrum.Eigenspace(s.eigenspaces(1e-9).get(0).value(), 0, 11),
                new Spectrum.Eigenspace(s.eigenspaces(1e-9).get(1).value(), 11, 12)), s.eigenspaces(1e-9));
    }

    @Test
    void acceptsRoundOffAsymmetryWithinTheDocumentedTolerance() {
        // off by 1e-11 relative: beyond Hipparchus' own 1e-12 check, within the lab's documented 1e-9
        double[][] a = {{2, 1 + 1e-11}, {1, 2}};
        Spectrum s = Spectrum.of(a);
        assertEquals(1.0, s.value(0), 1e-9);
        assertEquals(3.0, s.value(1), 1e-9);
    }

    @Test
    void rejectsBadMatrices() {
        assertThrows(IllegalArgumentException.class, () -> Spectrum.of(new double[0][0]));
        assertThrows(IllegalArgumentException.class, () -> Spectrum.of(new double[][] {{1, 2}, {3, 1}}));
        assertThrows(IllegalArgumentException.class, () -> Spectrum.of(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> Spectrum.of(new double[][] {{Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> Spectrum.of(new double[][] {{0}}).eigenspaces(-1));
    }
}
