package splab.spectral;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * PCA of one graph's edge representations (m edges x d features) and the |Pearson| correlation of each principal
 * component with each low-frequency eigenvector of the Laplacian of L(G): the paper's per-graph figure.
 *
 * <p>PC i is the score vector {@code u_i s_i} of the centred representations (a vector over the m edges), so it
 * lives in the same space as an eigenvector and can be correlated with it. Absolute values make the result blind
 * to the sign of either side. Single vectors inside a repeated eigenvalue are not canonical, so per-vector
 * correlations there depend on the solver's basis; {@link SubspaceAlignment} is the basis-free measure.
 */
public final class EmbeddingComparison {
    private EmbeddingComparison() {
    }

    /** PCA result: scores (m x p, column i = PC i) and the fraction of variance each PC explains. */
    public record Pca(double[][] scores, double[] explained) {
    }

    /** The first {@code p} principal components (fewer when the rank is lower than p). */
    public static Pca pca(double[][] reps, int p) {
        double[][] c = Matrices.centreColumns(reps);
        int m = c.length;
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(c, false));
        double[] s = svd.getSingularValues();
        double total = 0;
        for (double x : s) {
            total += x * x;
        }
        int rank = 0;
        while (rank < s.length && s[rank] > 1e-10 * Math.max(s[0], Double.MIN_NORMAL)) {
            rank++;
        }
        int pp = Math.min(p, rank);
        double[][] scores = new double[m][pp];
        double[] explained = new double[pp];
        for (int j = 0; j < pp; j++) {
            explained[j] = total == 0 ? 0 : s[j] * s[j] / total;
            for (int i = 0; i < m; i++) {
                scores[i][j] = svd.getU().getEntry(i, j) * s[j];
            }
        }
        return new Pca(scores, explained);
    }

    /** |Pearson r| of two vectors; 0 when either is constant. */
    public static double absPearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double a = x[i] - mx, b = y[i] - my;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
        }
        if (sxx <= 1e-300 || syy <= 1e-300) {
            return 0;
        }
        return Math.min(1.0, Math.abs(sxy) / Math.sqrt(sxx * syy));
    }

    /** Matrix [pc][eigenvector] of |Pearson r| between PC scores and eigenvector columns. */
    public static double[][] absCorrelations(double[][] pcScores, double[][] eigenvectors) {
        int p = Matrices.cols(pcScores), k = Matrices.cols(eigenvectors);
        double[][] r = new double[p][k];
        for (int i = 0; i < p; i++) {
            double[] x = Matrices.column(pcScores, i);
            for (int j = 0; j < k; j++) {
                r[i][j] = absPearson(x, Matrices.column(eigenvectors, j));
            }
        }
        return r;
    }

    /** For each eigenvector (column) the best |r| over PCs, averaged over eigenvectors; NaN when empty. */
    public static double bestMatchMean(double[][] absCorr) {
        if (absCorr.length == 0 || absCorr[0].length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int j = 0; j < absCorr[0].length; j++) {
            double best = 0;
            for (double[] row : absCorr) {
                best = Math.max(best, row[j]);
            }
            sum += best;
        }
        return sum / absCorr[0].length;
    }
}
