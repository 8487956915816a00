package splab.spectral;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/** Small dense helpers on {@code double[rows][cols]} shared by the comparison metrics. */
final class Matrices {
    private Matrices() {
    }

    static int rows(double[][] a) {
        return a.length;
    }

    static int cols(double[][] a) {
        return a.length == 0 ? 0 : a[0].length;
    }

    /** A copy with every column shifted to mean zero. */
    static double[][] centreColumns(double[][] a) {
        int m = rows(a), d = cols(a);
        double[][] out = new double[m][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < m; i++) {
                mean += a[i][j];
            }
            mean /= m;
            for (int i = 0; i < m; i++) {
                out[i][j] = a[i][j] - mean;
            }
        }
        return out;
    }

    /**
     * An orthonormal basis (columns) of the column span of {@code a}, from its SVD: left singular vectors whose
     * singular value exceeds {@code relTol} times the largest. Rank-deficient input gives fewer columns.
     */
    static double[][] orthonormalBasis(double[][] a, double relTol) {
        int m = rows(a), d = cols(a);
        if (m == 0 || d == 0) {
            return new double[m][0];
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
        double[] s = svd.getSingularValues();
        int rank = 0;
        while (rank < s.length && s[rank] > relTol * Math.max(s[0], Double.MIN_NORMAL)) {
            rank++;
        }
        RealMatrix u = svd.getU();
        double[][] q = new double[m][rank];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < rank; j++) {
                q[i][j] = u.getEntry(i, j);
            }
        }
        return q;
    }

    /** The first {@code k} columns (fewer when {@code a} has fewer). */
    static double[][] firstColumns(double[][] a, int k) {
        int kk = Math.min(k, cols(a));
        double[][] out = new double[rows(a)][kk];
        for (int i = 0; i < rows(a); i++) {
            System.arraycopy(a[i], 0, out[i], 0, kk);
        }
        return out;
    }

    static double[][] multiplyTransposeA(double[][] a, double[][] b) {
        int m = rows(a), p = cols(a), q = cols(b);
        double[][] out = new double[p][q];
        for (int i = 0; i < m; i++) {
            for (int x = 0; x < p; x++) {
                double v = a[i][x];
                for (int y = 0; y < q; y++) {
                    out[x][y] += v * b[i][y];
                }
            }
        }
        return out;
    }

    static double[] column(double[][] a, int j) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i][j];
        }
        return c;
    }
}
