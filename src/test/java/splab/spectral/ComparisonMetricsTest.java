package splab.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import splab.graph.ConnectedGraphSampler;
import splab.graph.NodeCountMix;
import splab.graph.SmallGraph;

/** Metric sanity on synthetic inputs: identity under rotation, random near the null, degenerate eigenspaces. */
class ComparisonMetricsTest {

    /** A random d x d orthogonal matrix (QR of a Gaussian matrix via the SVD-based basis). */
    static double[][] randomRotation(int d, Random rng) {
        double[][] g = new double[d][d];
        for (double[] row : g) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return Matrices.orthonormalBasis(g, 1e-12);
    }

    /** Rows of the m x k target padded to d columns with zeros, then rotated (and scaled) in R^d. */
    static double[][] rotatedEmbedding(double[][] target, int d, Random rng) {
        double[][] q = randomRotation(d, rng);
        int m = target.length, k = target[0].length;
        double[][] out = new double[m][d];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < d; c++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += target[i][j] * q[j][c];
                }
                out[i][c] = 3.5 * s + 0.7; // scale and offset do not matter
            }
        }
        return out;
    }

    static double[][] gaussian(int m, int d, Random rng) {
        double[][] a = new double[m][d];
        for (double[] row : a) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return a;
    }

    private static SmallGraph randomGraph(long seed) {
        return new ConnectedGraphSampler(9, 9, 0.5, NodeCountMix.parse("uniform"), seed).next();
    }

    @Test
    void rotatedEigenvectorsScoreAlignmentOneAndProbeOne() {
        Random rng = new Random(1);
        for (long seed = 1; seed <= 5; seed++) {
            SmallGraph g = randomGraph(seed);
            EigenTarget t = EigenTarget.of(g, Laplacian.Variant.COMBINATORIAL, 3);
            double[][] reps = rotatedEmbedding(t.vectors(), 32, rng);
            EmbeddingComparison.Pca pca = EmbeddingComparison.pca(reps, t.k());
            assertEquals(1.0, SubspaceAlignment.meanSquaredCosine(pca.scores(), t.vectors()), 1e-9);
            assertTrue(LinearProbe.leaveOneOutR2(reps, t.vectors(), LinearProbe.DEFAULT_RIDGE) > 0.99);
            // explained variance: all of it in the k' components
            double sum = 0;
            for (double e : pca.explained()) {
                sum += e;
            }
            assertEquals(1.0, sum, 1e-9);
        }
    }

    @Test
    void randomRepresentationsScoreNearTheNull() {
        Random rng = new Random(2);
        double align = 0, probe = 0, expected = 0;
        int graphs = 30;
        for (long seed = 1; seed <= graphs; seed++) {
            SmallGraph g = randomGraph(100 + seed);
            EigenTarget t = EigenTarget.of(g, Laplacian.Variant.COMBINATORIAL, 3);
            double[][] reps = gaussian(g.edgeCount(), 64, rng);
            EmbeddingComparison.Pca pca = EmbeddingComparison.pca(reps, t.k());
            align += SubspaceAlignment.meanSquaredCosine(pca.scores(), t.vectors());
            expected += SubspaceAlignment.randomExpectation(g.edgeCount(), t.k());
            probe += LinearProbe.leaveOneOutR2(reps, t.vectors(), LinearProbe.DEFAULT_RIDGE);
        }
        align /= graphs;
        expected /= graphs;
        probe /= graphs;
        assertEquals(expected, align, 0.08, "random alignment near k/(m-1)");
        assertTrue(probe < 0.1, "random features do not predict held-out edges: " + probe);
    }

    @Test
    void repeatedEigenvalueIsTakenWholeAndScoresDoNotDependOnTheBasis() {
        // the line graph of the star K(1,5) is K5: eigenvalue 5 with multiplicity 4
        SmallGraph star = SpectralTestGraphs.star(5);
        EigenTarget t = EigenTarget.of(star, Laplacian.Variant.COMBINATORIAL, 2);
        assertEquals(4, t.k(), "k = 2 grows to the whole eigenspace");
        Random rng = new Random(3);
        // another orthonormal basis of the same eigenspace
        double[][] q = randomRotation(4, rng);
        double[][] other = new double[5][4];
        for (int i = 0; i < 5; i++) {
            for (int c = 0; c < 4; c++) {
                for (int j = 0; j < 4; j++) {
                    other[i][c] += t.vectors()[i][j] * q[j][c];
                }
            }
        }
        double[][] reps = gaussian(5, 16, rng);
        double[][] pcs = EmbeddingComparison.pca(reps, 4).scores();
        assertEquals(SubspaceAlignment.meanSquaredCosine(pcs, t.vectors()),
                SubspaceAlignment.meanSquaredCosine(pcs, other), 1e-9);
        assertEquals(LinearProbe.leaveOneOutR2(reps, t.vectors(), 0.1),
                LinearProbe.leaveOneOutR2(reps, other, 0.1), 1e-9);
        // Petersen's line graph: repeated eigenvalues too; k = 1 must still give a whole eigenspace
        EigenTarget p = EigenTarget.of(SpectralTestGraphs.petersen(), Laplacian.Variant.COMBINATORIAL, 1);
        assertTrue(p.k() > 1, "Petersen: lowest non-trivial eigenvalue is repeated");
        assertEquals(p.values()[0], p.values()[p.k() - 1], 1e-6);
    }

    @Test
    void correlationMatrixOfRotatedEigenvectorsFindsEachEigenvector() {
        SmallGraph g = randomGraph(9);
        EigenTarget t = EigenTarget.of(g, Laplacian.Variant.COMBINATORIAL, 3);
        // scaled eigenvectors (distinct variances) so that PCs align with single eigenvectors
        double[][] reps = new double[t.vectors().length][t.k()];
        for (int i = 0; i < reps.length; i++) {
            for (int j = 0; j < t.k(); j++) {
                reps[i][j] = t.vectors()[i][j] * (t.k() - j + 1);
            }
        }
        double[][] r = EmbeddingComparison.absCorrelations(EmbeddingComparison.pca(reps, t.k()).scores(), t.vectors());
        assertEquals(1.0, EmbeddingComparison.bestMatchMean(r), 1e-9);
        assertEquals(1.0, r[0][0], 1e-9);
    }
}
