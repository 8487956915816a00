package splab.spectral;

import java.util.Locale;

import splab.graph.LineGraphs;
import splab.graph.SmallGraph;

/**
 * Graph Laplacians as dense {@code double[][]}.
 *
 * <ul>
 *   <li>{@link Variant#COMBINATORIAL}: L = D - A;</li>
 *   <li>{@link Variant#NORMALIZED}: the symmetric normalized Laplacian I - D^-1/2 A D^-1/2. An isolated vertex
 *       gets a zero row and column (its diagonal is 0, not 1), so the all-zero graph has spectrum {0}.</li>
 * </ul>
 * Both are positive semidefinite with 0 as an eigenvalue of multiplicity equal to the number of components.
 */
public final class Laplacian {
    private Laplacian() {
    }

    /** Which Laplacian. */
    public enum Variant {
        COMBINATORIAL,
        NORMALIZED;

        /** Parses {@code combinatorial} or {@code normalized} (case-insensitive). */
        public static Variant parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown Laplacian variant '" + s + "' (expected combinatorial or normalized)");
            }
        }
    }

    /** The Laplacian of a graph given by a symmetric 0/1 adjacency (no loops). */
    public static double[][] of(boolean[][] adjacency, Variant variant) {
        int n = adjacency.length;
        double[][] l = new double[n][n];
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            if (adjacency[i].length != n) {
                throw new IllegalArgumentException("adjacency is not square at row " + i);
            }
            if (adjacency[i][i]) {
                throw new IllegalArgumentException("loop at vertex " + i + ": graphs must be simple");
            }
            for (int j = 0; j < n; j++) {
                if (adjacency[i][j] != adjacency[j][i]) {
                    throw new IllegalArgumentException("adjacency is not symmetric at " + i + "-" + j);
                }
                if (adjacency[i][j]) {
                    degree[i]++;
                }
            }
        }
        fill(n, adjacency, degree, variant, l);
        return l;
    }

    /** The Laplacian of G itself (vertices 0..n-1). */
    public static double[][] of(SmallGraph g, Variant variant) {
        int n = g.nodeCount();
        boolean[][] adj = new boolean[n][n];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                adj[u][v] = g.hasEdge(u, v);
            }
        }
        return of(adj, variant);
    }

    /**
     * The Laplacian of the line graph L(G) ({@link LineGraphs}: row i is edge i of G in the lab's edge order,
     * two edges are adjacent when they share an endpoint, edge {u, v} has degree deg(u) + deg(v) - 2).
     *
     * @throws IllegalArgumentException if G has no edges (L(G) would have no vertices)
     */
    public static double[][] ofLineGraph(SmallGraph g, Variant variant) {
        int m = g.edgeCount();
        if (m == 0) {
            throw new IllegalArgumentException("graph has no edges, so its line graph is empty: " + g);
        }
        double[][] l = new double[m][m];
        fillLineGraph(g, variant, l);
        return l;
    }

    /**
     * Writes the Laplacian of L(G) into the leading m x m block of {@code out} (every entry of that block
     * is overwritten). The allocation-free form of {@link #ofLineGraph}, for per-graph hot loops.
     */
    public static void fillLineGraph(SmallGraph g, Variant variant, double[][] out) {
        int m = g.edgeCount();
        double[] scale = new double[m];
        for (int i = 0; i < m; i++) {
            int deg = LineGraphs.degree(g, i);
            scale[i] = variant == Variant.COMBINATORIAL ? 1.0 : (deg == 0 ? 0.0 : 1.0 / Math.sqrt(deg));
            out[i][i] = variant == Variant.COMBINATORIAL ? deg : (deg == 0 ? 0.0 : 1.0);
        }
        for (int i = 0; i < m; i++) {
            double[] row = out[i];
            for (int j = i + 1; j < m; j++) {
                double x = LineGraphs.adjacent(g, i, j) ? -scale[i] * scale[j] : 0.0;
                row[j] = x;
                out[j][i] = x;
            }
        }
    }

    private static void fill(int n, boolean[][] adj, int[] degree, Variant variant, double[][] l) {
        for (int i = 0; i < n; i++) {
            double si = degree[i] == 0 ? 0 : 1.0 / Math.sqrt(degree[i]);
            l[i][i] = variant == Variant.COMBINATORIAL ? degree[i] : (degree[i] == 0 ? 0 : 1);
            for (int j = 0; j < n; j++) {
                if (i != j && adj[i][j]) {
                    double sj = 1.0 / Math.sqrt(degree[j]);
                    l[i][j] = variant == Variant.COMBINATORIAL ? -1 : -si * sj;
                }
            }
        }
    }
}
