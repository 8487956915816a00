package splab.spectral;

/**
 * Eigendecomposition of a small dense real symmetric matrix: Householder reduction to tridiagonal form,
 * then the implicit QL iteration with Wilkinson-type shifts on the tridiagonal matrix, rotating the
 * accumulated orthogonal matrix along. About {@code 9 n^3} flops. On the lab's line graphs (order about 22
 * for 10-node graphs) it runs at about the speed of Hipparchus' {@code EigenDecompositionSymmetric} (43 vs
 * 45 microseconds measured by {@code NavigatorBench.compareSolvers}); it is used because it works in
 * caller-owned buffers and its results are checked against Hipparchus in the tests.
 *
 * <p>Only the lower triangle of the input is read. Results come out with eigenvalues ascending and the
 * eigenvectors as the columns of {@code vectors} (no sign convention here: {@link Spectrum} fixes signs).
 * Instances hold work buffers and are not thread-safe; reuse one per thread.
 */
public final class SymmetricEigenSolver {
    private static final int MAX_SWEEPS_PER_VALUE = 60;

    private double[] off = new double[0];
    private double[] work = new double[0];

    /**
     * Decomposes {@code a} (n x n, symmetric; overwritten) into {@code values} (length >= n) and
     * {@code vectors} (n x n, column j is the unit eigenvector of {@code values[j]}).
     *
     * @throws IllegalArgumentException if the shapes do not fit
     * @throws ArithmeticException if the QL iteration fails to converge (not seen on finite input)
     */
    public void decompose(double[][] a, int n, double[] values, double[][] vectors) {
        if (a.length < n || vectors.length < n || values.length < n) {
            throw new IllegalArgumentException("buffers smaller than the matrix order " + n);
        }
        if (off.length < n) {
            off = new double[n];
            work = new double[n];
        }
        tridiagonalize(a, n, values, off, vectors);
        diagonalize(n, values, off, vectors);
        sortAscending(n, values, vectors);
    }

    /** Eigenvalues ascending and the matching unit eigenvectors as columns of {@code vectors}. */
    public record Result(double[] values, double[][] vectors) {
    }

    /** Convenience form: a fresh decomposition of a copy of {@code a} (square, symmetric). */
    public static Result decompose(double[][] a) {
        int n = a.length;
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has " + a[i].length
                        + " entries, expected " + n);
            }
            copy[i] = a[i].clone();
        }
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        new SymmetricEigenSolver().decompose(copy, n, values, vectors);
        return new Result(values, vectors);
    }

    /**
     * Reduces the leading n x n block of {@code a} to tridiagonal T = Q^T A Q. On return diag holds T's
     * diagonal, sub[i] the entry T[i][i-1] (sub[0] = 0), and q the orthogonal Q.
     */
    private void tridiagonalize(double[][] a, int n, double[] diag, double[] sub, double[][] q) {
        for (int r = 0; r < n; r++) {
            java.util.Arrays.fill(q[r], 0, n, 0.0);
            q[r][r] = 1.0;
        }
        double[] p = work;
        for (int i = n - 1; i >= 1; i--) {
            double[] row = a[i];
            // Row i left of the diagonal is x = row[0..i-1]; reflect it onto the unit vector e_{i-1}.
            double tail = 0;
            for (int j = 0; j < i - 1; j++) {
                tail += row[j] * row[j];
            }
            if (tail == 0) {
                sub[i] = row[i - 1];
                continue; // already tridiagonal in this row: the reflection would be the identity
            }
            double last = row[i - 1];
            double norm = Math.sqrt(tail + last * last);
            double alpha = last >= 0 ? -norm : norm;
            // v = x - alpha e_{i-1}, stored in row[0..i-1]; H = I - v v^T / h with h = |v|^2 / 2
            row[i - 1] = last - alpha;
            double h = tail + row[i - 1] * row[i - 1];
            h *= 0.5;
            // p = B v / h on the leading i x i block B, using its lower triangle only
            double vp = 0;
            for (int r = 0; r < i; r++) {
                double s = 0;
                double[] ar = a[r];
                for (int c = 0; c <= r; c++) {
                    s += ar[c] * row[c];
                }
                for (int c = r + 1; c < i; c++) {
                    s += a[c][r] * row[c];
                }
                p[r] = s / h;
                vp += row[r] * p[r];
            }
            double kk = vp / (2 * h);
            for (int r = 0; r < i; r++) {
                p[r] -= kk * row[r]; // p becomes q = p - K v
            }
            // B <- B - v q^T - q v^T (lower triangle)
            for (int r = 0; r < i; r++) {
                double vr = row[r], qr = p[r];
                double[] ar = a[r];
                for (int c = 0; c <= r; c++) {
                    ar[c] -= vr * p[c] + qr * row[c];
                }
            }
            // Q <- Q H
            for (int r = 0; r < n; r++) {
                double[] qrow = q[r];
                double s = 0;
                for (int c = 0; c < i; c++) {
                    s += qrow[c] * row[c];
                }
                s /= h;
                if (s != 0) {
                    for (int c = 0; c < i; c++) {
                        qrow[c] -= s * row[c];
                    }
                }
            }
            sub[i] = alpha;
        }
        sub[0] = 0;
        for (int i = 0; i < n; i++) {
            diag[i] = a[i][i];
        }
    }

    /**
     * Implicit QL on the tridiagonal (diag, sub), rotating the columns of z along. Uses e[i] = T[i+1][i]
     * internally, so {@code sub} is shifted down by one first.
     */
    private static void diagonalize(int n, double[] d, double[] sub, double[][] z) {
        double[] e = sub;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
        for (int l = 0; l < n; l++) {
            int sweeps = 0;
            while (true) {
                int m = l;
                while (m < n - 1) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= 0x1p-53 * dd) {
                        break;
                    }
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (++sweeps > MAX_SWEEPS_PER_VALUE) {
                    throw new ArithmeticException("QL iteration did not converge for eigenvalue " + l);
                }
                // shift from the leading 2x2 block, chosen towards d[l]
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.hypot(g, 1.0);
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
                double s = 1, c = 1, p = 0;
                boolean underflow = false;
                for (int i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0) {
                        d[i + 1] -= p;
                        e[m] = 0;
                        underflow = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    for (int k = 0; k < n; k++) {
                        double[] zk = z[k];
                        double zf = zk[i + 1];
                        zk[i + 1] = s * zk[i] + c * zf;
                        zk[i] = c * zk[i] - s * zf;
                    }
                }
                if (underflow) {
                    continue;
                }
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
        }
    }

    /** Selection sort of the eigenpairs: n is small and it swaps at most n - 1 columns. */
    private static void sortAscending(int n, double[] d, double[][] z) {
        for (int i = 0; i < n - 1; i++) {
            int best = i;
            for (int j = i + 1; j < n; j++) {
                if (d[j] < d[best]) {
                    best = j;
                }
            }
            if (best != i) {
                double t = d[i];
                d[i] = d[best];
                d[best] = t;
                for (int k = 0; k < n; k++) {
                    double[] zk = z[k];
                    double u = zk[i];
                    zk[i] = zk[best];
                    zk[best] = u;
                }
            }
        }
    }
}
