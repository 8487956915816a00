package splab.spectral;

import java.util.List;

import splab.graph.SmallGraph;

/**
 * The low-frequency spectral coordinates of the edges of G that the model's edge representations are compared
 * with: eigenvectors 1..k' of the Laplacian of the line graph L(G) (index 0, the trivial one, is skipped), as an
 * m x k' matrix whose row e is edge e of G in the lab's edge order.
 *
 * <p>k' is k grown to the end of the eigenspace that eigenvector k falls in, so a repeated eigenvalue is never
 * cut in two: the span of the columns (and so every subspace metric) does not depend on the basis the solver
 * chose inside a repeated eigenvalue. k' is capped at m - 1.
 *
 * @param vectors m x k' coordinates (sign convention of {@link Spectrum})
 * @param values  the k' eigenvalues, ascending
 */
public record EigenTarget(double[][] vectors, double[] values) {
    /** Eigenvalues closer than this belong to one eigenspace. */
    public static final double EIGENSPACE_TOL = 1e-6;

    public int k() {
        return values.length;
    }

    /** The target for {@code graph}; needs at least 2 edges (otherwise there is no non-trivial eigenvector). */
    public static EigenTarget of(SmallGraph graph, Laplacian.Variant variant, int k) {
        int m = graph.edgeCount();
        if (m < 2) {
            throw new IllegalArgumentException("a graph with " + m + " edge(s) has no non-trivial line-graph eigenvector");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        return of(Spectrum.of(Laplacian.ofLineGraph(graph, variant)), k);
    }

    /** The target from an existing spectrum (eigenvector 0 skipped). */
    public static EigenTarget of(Spectrum spectrum, int k) {
        int m = spectrum.size();
        int end = Math.min(k + 1, m);
        List<Spectrum.Eigenspace> spaces = spectrum.eigenspaces(EIGENSPACE_TOL);
        for (Spectrum.Eigenspace s : spaces) {
            if (s.from() < end && s.to() > end) {
                end = s.to();
            }
        }
        int kk = end - 1;
        double[][] v = new double[m][kk];
        double[] values = new double[kk];
        for (int j = 0; j < kk; j++) {
            values[j] = spectrum.value(j + 1);
            for (int e = 0; e < m; e++) {
                v[e][j] = spectrum.component(e, j + 1);
            }
        }
        return new EigenTarget(v, values);
    }
}
