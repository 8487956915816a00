package splab.spectral;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

import splab.graph.SmallGraph;

/**
 * Splits edge representations into what incidence alone gives and the rest. With B the n x m unsigned incidence
 * matrix (B[v][e] = 1 when v is an endpoint of e), any edge code of the form r_e = x_u + x_v is a row of B^T X for
 * node codes X (n x d). For centred representations R (m x d) the least-squares node codes X minimise
 * ||R - B^T X||; B^T X is the orthogonal projection of R onto the span of B^T's columns (the incidence span, of
 * dimension n, or n - 1 for a bipartite graph) and R - B^T X is the residual orthogonal to it.
 *
 * <p>Because B^T B = A(L(G)) + 2I, the eigenvectors of the line graph's adjacency with eigenvalue above -2 lie in
 * the incidence span (they are B^T y for eigenvectors y of the signless Laplacian D + A = B B^T), and the low
 * eigenvectors of the Laplacian of L(G) lie mostly in it. So an alignment of R with those eigenvectors can come
 * from the incidence structure alone; {@link #energyShare} tells how much of the eigenvectors lies in the span.
 */
public final class IncidenceDecomposition {
    private static final double TOL = 1e-9;

    /**
     * One graph's split of its centred representations.
     *
     * @param share share of the centred representations' squared norm inside the incidence span (NaN if zero)
     * @param nodeCodes the least-squares node codes X (n x d)
     * @param incidencePart B^T X (m x d)
     * @param residual R - B^T X (m x d), orthogonal to the incidence span column by column
     */
    public record Parts(double share, double[][] nodeCodes, double[][] incidencePart, double[][] residual) {}

    private IncidenceDecomposition() {}

    /** B^T: m x n, row e has 1 at the two endpoints of edge e. */
    public static double[][] incidenceTranspose(SmallGraph g) {
        double[][] bt = new double[g.edgeCount()][g.nodeCount()];
        for (int e = 0; e < bt.length; e++) {
            bt[e][g.edge(e)[0]] = 1;
            bt[e][g.edge(e)[1]] = 1;
        }
        return bt;
    }

    /** An orthonormal basis (m x r) of the incidence span. */
    public static double[][] spanBasis(SmallGraph g) {
        return Matrices.orthonormalBasis(incidenceTranspose(g), TOL);
    }

    /** Splits the column-centred {@code reps} (m x d) of {@code g}. */
    public static Parts of(SmallGraph g, double[][] reps) {
        double[][] r = Matrices.centreColumns(reps);
        RealMatrix bt = new Array2DRowRealMatrix(incidenceTranspose(g), false);
        double[][] x = new SingularValueDecomposition(bt).getSolver().solve(new Array2DRowRealMatrix(r, false)).getData();
        double[][] fit = bt.multiply(new Array2DRowRealMatrix(x, false)).getData();
        double total = 0, inside = 0;
        double[][] residual = new double[r.length][];
        for (int e = 0; e < r.length; e++) {
            residual[e] = new double[r[e].length];
            for (int j = 0; j < r[e].length; j++) {
                residual[e][j] = r[e][j] - fit[e][j];
                total += r[e][j] * r[e][j];
                inside += fit[e][j] * fit[e][j];
            }
        }
        return new Parts(total == 0 ? Double.NaN : inside / total, x, fit, residual);
    }

    /** Share of the squared norm of {@code v}'s columns (m x k) inside the span of the orthonormal {@code basis}. */
    public static double energyShare(double[][] basis, double[][] v) {
        double[][] proj = Matrices.multiplyTransposeA(basis, v); // r x k coordinates
        double inside = 0, total = 0;
        for (double[] row : proj) {
            for (double c : row) {
                inside += c * c;
            }
        }
        for (double[] row : v) {
            for (double c : row) {
                total += c * c;
            }
        }
        return total == 0 ? Double.NaN : inside / total;
    }

    /** (I - Q Q^T) v for an orthonormal Q (m x r): the part of {@code v} orthogonal to Q's span. */
    public static double[][] orthogonalPart(double[][] q, double[][] v) {
        double[][] coords = Matrices.multiplyTransposeA(q, v);
        double[][] out = new double[v.length][];
        for (int e = 0; e < v.length; e++) {
            out[e] = v[e].clone();
            for (int c = 0; c < coords.length; c++) {
                for (int j = 0; j < out[e].length; j++) {
                    out[e][j] -= q[e][c] * coords[c][j];
                }
            }
        }
        return out;
    }

    /** Eigenvectors of the signless Laplacian D + A of G, largest eigenvalue first, skipping none (n x n). */
    public static double[][] signlessLaplacianTop(SmallGraph g) {
        double[][] bt = incidenceTranspose(g);
        double[][] q = Matrices.multiplyTransposeA(bt, bt); // B B^T = D + A
        Spectrum s = Spectrum.of(q);
        int n = s.size();
        double[][] out = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int v = 0; v < n; v++) {
                out[v][j] = s.component(v, n - 1 - j);
            }
        }
        return out;
    }

    /**
     * An orthonormal basis of the part of {@code v}'s span orthogonal to the orthonormal {@code q}: the target
     * the residual R - B^T X is compared with (columns may vanish, so the basis can be smaller than v).
     */
    public static double[][] orthogonalBasis(double[][] q, double[][] v) {
        return Matrices.orthonormalBasis(orthogonalPart(q, v), 1e-6);
    }

    /**
     * The matched incidence-only null: random node codes with the same covariance as {@code nodeCodes} (Gaussian
     * rows with the spectrum and principal axes of the centred codes, so the same rank and norm), summed per edge.
     */
    public static double[][] randomEndpointSumsLike(SmallGraph g, double[][] nodeCodes, java.util.Random rng) {
        int n = nodeCodes.length, d = nodeCodes[0].length;
        double[][] xc = Matrices.centreColumns(nodeCodes);
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(xc, false));
        double[] sv = svd.getSingularValues();
        RealMatrix w = svd.getV(); // d x r
        double[][] x = new double[n][d];
        for (int v = 0; v < n; v++) {
            for (int c = 0; c < sv.length; c++) {
                double z = rng.nextGaussian() * sv[c] / Math.sqrt(n);
                for (int j = 0; j < d; j++) {
                    x[v][j] += z * w.getEntry(j, c);
                }
            }
        }
        return new Array2DRowRealMatrix(incidenceTranspose(g), false).multiply(new Array2DRowRealMatrix(x, false)).getData();
    }

    /** An orthonormal basis of the span of {@code v}'s columns. */
    public static double[][] orthonormal(double[][] v) {
        return Matrices.orthonormalBasis(v, 1e-6);
    }

    /** The plain incidence-only null: r_e = x_u + x_v for standard Gaussian node vectors of dimension d. */
    public static double[][] randomEndpointSums(SmallGraph g, int d, java.util.Random rng) {
        double[][] x = new double[g.nodeCount()][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return new Array2DRowRealMatrix(incidenceTranspose(g), false).multiply(new Array2DRowRealMatrix(x, false)).getData();
    }

    /** Share of the column-centred {@code reps}' squared norm that projecting out the orthonormal {@code q} removes. */
    public static double removedShare(double[][] q, double[][] reps) {
        return energyShare(q, Matrices.centreColumns(reps));
    }

    /** The first {@code k} columns of {@code a}. */
    public static double[][] firstColumns(double[][] a, int k) {
        return Matrices.firstColumns(a, k);
    }
}
