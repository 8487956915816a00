package splab.spectral;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Principal angles between two subspaces of R^m (here: the span of the top-k principal components of the edge
 * representations, and the span of the first k non-trivial eigenvectors of the Laplacian of L(G)).
 *
 * <p>Both sides are centred column-wise and orthonormalised (Q_A, Q_B); the cosines of the principal angles
 * are the singular values of Q_A^T Q_B, which equal the canonical correlations of the two sets of columns. They
 * do not change when either side is multiplied by an invertible matrix, so the measure is immune to eigenvector
 * signs and to the basis chosen inside a repeated eigenvalue (as long as the eigenspace is taken whole, which
 * {@link EigenTarget} ensures). The summary score is the mean squared cosine: 1 when the spans coincide, about
 * k/(m-1) for a random subspace of the centred space.
 */
public final class SubspaceAlignment {
    private SubspaceAlignment() {
    }

    /** Cosines of the principal angles, descending; as many as the smaller of the two ranks. */
    public static double[] cosines(double[][] a, double[][] b) {
        double[][] qa = Matrices.orthonormalBasis(Matrices.centreColumns(a), 1e-9);
        double[][] qb = Matrices.orthonormalBasis(Matrices.centreColumns(b), 1e-9);
        int r = Math.min(Matrices.cols(qa), Matrices.cols(qb));
        if (r == 0) {
            return new double[0];
        }
        double[][] c = Matrices.multiplyTransposeA(qa, qb);
        double[] s = new SingularValueDecomposition(new Array2DRowRealMatrix(c, false)).getSingularValues();
        double[] out = new double[r];
        for (int i = 0; i < r; i++) {
            out[i] = Math.min(1.0, s[i]);
        }
        return out;
    }

    /**
     * Mean of the squared cosines, normalised by the target's dimension k = cols(b); NaN when either side spans
     * nothing after centring (e.g. representations identical for every edge).
     */
    public static double meanSquaredCosine(double[][] a, double[][] b) {
        double[] cos = cosines(a, b);
        int k = Matrices.cols(b);
        if (k == 0 || cos.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double c : cos) {
            sum += c * c;
        }
        return sum / k;
    }

    /** The expected mean squared cosine of a random p-dimensional subspace against a k-dimensional one inside
     *  the (m-1)-dimensional centred space: p / (m - 1), capped at 1. */
    public static double randomExpectation(int m, int p) {
        return Math.min(1.0, p / (double) Math.max(1, m - 1));
    }
}
