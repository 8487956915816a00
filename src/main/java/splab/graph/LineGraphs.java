package splab.graph;

import java.util.HashMap;
import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.alg.transform.LineGraphConverter;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.util.SupplierUtil;

import splab.graph.SmallGraph;

/**
 * Line graphs. L(G) has one vertex per edge of G, two of them adjacent when the edges share an endpoint.
 *
 * <p>Numbering: vertex i of L(G) is edge i of G in the lab's edge order ({@link SmallGraph#edge(int)}: pairs
 * {@code u < v} sorted lexicographically). Everything that embeds edges (Laplacians of L(G), the Spectral
 * Line Navigator) uses this numbering.
 */
public final class LineGraphs {
    private LineGraphs() {
    }

    /**
     * L(G) computed by JGraphT's {@link LineGraphConverter} and renumbered to the lab's edge order.
     *
     * @throws IllegalArgumentException if G has no edges or more than {@value SmallGraph#MAX_NODES}
     *     (use {@link #adjacency} then)
     */
    public static SmallGraph lineGraph(SmallGraph g) {
        int m = g.edgeCount();
        if (m == 0 || m > SmallGraph.MAX_NODES) {
            throw new IllegalArgumentException("line graph needs 1.." + SmallGraph.MAX_NODES
                    + " edges to fit a SmallGraph, got " + m + " (use LineGraphs.adjacency)");
        }
        Graph<Integer, DefaultEdge> jg = g.toJGraphT();
        Graph<DefaultEdge, DefaultEdge> line = new SimpleGraph<>(
                null, SupplierUtil.createDefaultEdgeSupplier(), false);
        new LineGraphConverter<Integer, DefaultEdge, DefaultEdge>(jg).convertToLineGraph(line);
        Map<DefaultEdge, Integer> index = new HashMap<>();
        for (DefaultEdge e : jg.edgeSet()) {
            index.put(e, g.edgeIndex(jg.getEdgeSource(e), jg.getEdgeTarget(e)));
        }
        long[] masks = new long[m];
        for (DefaultEdge le : line.edgeSet()) {
            int a = index.get(line.getEdgeSource(le));
            int b = index.get(line.getEdgeTarget(le));
            masks[a] |= 1L << b;
            masks[b] |= 1L << a;
        }
        return SmallGraph.ofMasks(masks);
    }

    /** Adjacency of L(G) straight from G's edge list, for any number of edges. */
    public static boolean[][] adjacency(SmallGraph g) {
        int m = g.edgeCount();
        boolean[][] adj = new boolean[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                if (adjacent(g, i, j)) {
                    adj[i][j] = true;
                    adj[j][i] = true;
                }
            }
        }
        return adj;
    }

    /** Whether edges i and j of G (lab's edge order, i != j) share an endpoint, i.e. are adjacent in L(G). */
    public static boolean adjacent(SmallGraph g, int i, int j) {
        int[] a = g.edge(i);
        int[] b = g.edge(j);
        return a[0] == b[0] || a[0] == b[1] || a[1] == b[0] || a[1] == b[1];
    }

    /** Degree of vertex i of L(G): edge {u, v} of G touches deg(u) + deg(v) - 2 other edges. */
    public static int degree(SmallGraph g, int i) {
        int[] e = g.edge(i);
        return g.degree(e[0]) + g.degree(e[1]) - 2;
    }
}
