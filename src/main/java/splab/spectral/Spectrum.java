package splab.spectral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealVector;

/**
 * The eigendecomposition of a real symmetric matrix M = V diag(λ) V^T, with the lab's conventions:
 *
 * <ul>
 *   <li>eigenvalues ascending, {@code λ_0 <= λ_1 <= ...};</li>
 *   <li>eigenvector j is column j of V, of unit length;</li>
 *   <li>sign convention: in each eigenvector the entry of largest absolute value is positive; when several
 *       entries tie for largest (within {@value #SIGN_TIE_TOLERANCE}), the one with the lowest index decides.
 *       This makes a simple eigenvector unique. Inside a repeated eigenvalue the basis itself is whatever the
 *       solver returned, so compare {@link #eigenspaces(double) eigenspaces}, not single vectors, there.</li>
 * </ul>
 *
 * <p>The numerics are Hipparchus' {@code EigenDecompositionSymmetric} (Householder tridiagonalization and
 * implicit QL); {@link #of(double[][])} is the lab's one call into it. On the lab's line-graph Laplacians
 * (order about 22) it took 45 to 53 µs per matrix against 40 to 43 µs for the hand-written solver it
 * replaced, close enough to prefer a maintained library over own numerics.
 */
public final class Spectrum {
    /** Two entries whose magnitudes differ by at most this count as tied for the sign convention. */
    public static final double SIGN_TIE_TOLERANCE = 1e-9;

    private final int n;
    private final double[] values;
    private final double[][] vectors; // vectors[row][col], column = eigenvector

    private Spectrum(int n, double[] values, double[][] vectors) {
        this.n = n;
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes a symmetric matrix (not modified).
     *
     * @throws IllegalArgumentException if the matrix is empty, not square, not finite, or not symmetric to
     *     a relative 1e-9
     */
    public static Spectrum of(double[][] matrix) {
        int n = matrix.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot decompose an empty matrix");
        }
        double scale = 0;
        for (double[] row : matrix) {
            if (row.length != n) {
                throw new IllegalArgumentException("matrix is not square: " + n + " rows, a row of " + row.length);
            }
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("matrix has a non-finite entry " + x);
                }
                scale = Math.max(scale, Math.abs(x));
            }
        }
        // Hipparchus checks symmetry to its own (relative 1e-12) epsilon; hand it the exactly symmetric part.
        double[][] sym = new double[n][n];
        for (int i = 0; i < n; i++) {
            sym[i][i] = matrix[i][i];
            for (int j = 0; j < i; j++) {
                double lower = matrix[i][j], upper = matrix[j][i];
                if (Math.abs(lower - upper) > 1e-9 * Math.max(1, scale)) {
                    throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + "): "
                            + lower + " vs " + upper);
                }
                double x = 0.5 * (lower + upper);
                sym[i][j] = x;
                sym[j][i] = x;
            }
        }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(sym, false),
                EigenDecompositionSymmetric.DEFAULT_EPSILON, false); // false: eigenvalues ascending
        double[] values = eig.getEigenvalues();
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            RealVector v = eig.getEigenvector(j);
            for (int i = 0; i < n; i++) {
                vectors[i][j] = v.getEntry(i);
            }
        }
        for (int j = 1; j < n; j++) {
            if (!(values[j - 1] <= values[j])) {
                throw new IllegalStateException("eigenvalues not ascending at " + j + ": " + values[j - 1] + ", "
                        + values[j]);
            }
        }
        fixSigns(n, vectors);
        return new Spectrum(n, values, vectors);
    }

    /** Applies the sign convention in place to the columns of {@code vectors} (n x n). */
    private static void fixSigns(int n, double[][] vectors) {
        for (int j = 0; j < n; j++) {
            int lead = 0;
            double best = -1;
            for (int i = 0; i < n; i++) {
                double a = Math.abs(vectors[i][j]);
                if (a > best + SIGN_TIE_TOLERANCE) {
                    best = a;
                    lead = i;
                }
            }
            if (vectors[lead][j] < 0) {
                for (int i = 0; i < n; i++) {
                    vectors[i][j] = -vectors[i][j];
                }
            }
        }
    }

    /** The order of the matrix. */
    public int size() {
        return n;
    }

    /** λ_j, ascending in j. */
    public double value(int j) {
        return values[j];
    }

    /** All eigenvalues, ascending; a copy. */
    public double[] values() {
        return values.clone();
    }

    /** Entry i of eigenvector j. */
    public double component(int i, int j) {
        return vectors[i][j];
    }

    /** Eigenvector j; a copy. */
    public double[] vector(int j) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = vectors[i][j];
        }
        return v;
    }

    /** V with the eigenvectors as columns; a copy. */
    public double[][] vectors() {
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = vectors[i].clone();
        }
        return copy;
    }

    /** A run of equal eigenvalues: indices {@code from} (inclusive) to {@code to} (exclusive). */
    public record Eigenspace(double value, int from, int to) {
        public int dimension() {
            return to - from;
        }
    }

    /**
     * Groups eigenvalues into eigenspaces: consecutive (ascending) eigenvalues closer than {@code tol} fall
     * in the same group, whose value is their mean.
     */
    public List<Eigenspace> eigenspaces(double tol) {
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tol);
        }
        List<Eigenspace> out = new ArrayList<>();
        int from = 0;
        for (int j = 1; j <= n; j++) {
            if (j == n || values[j] - values[j - 1] > tol) {
                double sum = 0;
                for (int i = from; i < j; i++) {
                    sum += values[i];
                }
                out.add(new Eigenspace(sum / (j - from), from, j));
                from = j;
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Eigenvalues as {@code value^multiplicity} text, e.g. {@code 0, 2^5, 5^4}, rounded to 6 places. */
    public String describe(double tol) {
        StringBuilder sb = new StringBuilder();
        for (Eigenspace e : eigenspaces(tol)) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            double v = Math.round(e.value() * 1e6) / 1e6;
            sb.append(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
            if (e.dimension() > 1) {
                sb.append('^').append(e.dimension());
            }
        }
        return sb.toString();
    }
}
