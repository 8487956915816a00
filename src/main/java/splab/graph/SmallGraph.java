package splab.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.util.SupplierUtil;

/**
 * An immutable simple undirected graph on the vertices {@code 0..n-1}, stored as one adjacency bit mask per
 * vertex (so {@code n <= 64}). This is the lab's working representation: the hot loops (labels, canonical
 * forms, navigation) run on masks, and {@link #toJGraphT()} / {@link #fromJGraphT(Graph)} cross over to
 * JGraphT where its algorithms are wanted.
 *
 * <p>Edges are indexed in one fixed order used everywhere in the lab (line graphs, edge embeddings):
 * pairs {@code (u, v)} with {@code u < v}, sorted lexicographically.
 */
public final class SmallGraph {
    /** Largest vertex count a mask can hold. */
    public static final int MAX_NODES = 64;

    private final int n;
    private final long[] adj;
    private final int[][] edges;

    private SmallGraph(int n, long[] adj) {
        this.n = n;
        this.adj = adj;
        List<int[]> list = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            long higher = adj[u] & (u == 63 ? 0L : -1L << (u + 1));
            for (long m = higher; m != 0; m &= m - 1) {
                list.add(new int[] {u, Long.numberOfTrailingZeros(m)});
            }
        }
        this.edges = list.toArray(new int[0][]);
    }

    /**
     * Builds a graph from an edge list, checking that it is simple.
     *
     * @throws IllegalArgumentException on a vertex outside {@code 0..n-1}, a loop, or a repeated edge
     */
    public static SmallGraph of(int n, int[][] edges) {
        checkNodeCount(n);
        long[] adj = new long[n];
        for (int[] e : edges) {
            if (e.length != 2) {
                throw new IllegalArgumentException("an edge needs two endpoints, got " + Arrays.toString(e));
            }
            int u = e[0], v = e[1];
            if (u < 0 || u >= n || v < 0 || v >= n) {
                throw new IllegalArgumentException(
                        "edge " + u + "-" + v + " names a vertex outside 0.." + (n - 1));
            }
            if (u == v) {
                throw new IllegalArgumentException("loop at vertex " + u + ": graphs must be simple");
            }
            if ((adj[u] >>> v & 1L) != 0) {
                throw new IllegalArgumentException("edge " + u + "-" + v + " appears twice: graphs must be simple");
            }
            adj[u] |= 1L << v;
            adj[v] |= 1L << u;
        }
        return new SmallGraph(n, adj);
    }

    /** Builds a graph from adjacency masks (symmetric, no loops); the array is copied. */
    public static SmallGraph ofMasks(long[] masks) {
        int n = masks.length;
        checkNodeCount(n);
        long[] adj = masks.clone();
        long all = n == 64 ? -1L : (1L << n) - 1;
        for (int u = 0; u < n; u++) {
            if ((adj[u] >>> u & 1L) != 0) {
                throw new IllegalArgumentException("loop at vertex " + u + ": graphs must be simple");
            }
            if ((adj[u] & ~all) != 0) {
                throw new IllegalArgumentException("vertex " + u + " has a neighbour outside 0.." + (n - 1));
            }
            for (long m = adj[u]; m != 0; m &= m - 1) {
                int v = Long.numberOfTrailingZeros(m);
                if ((adj[v] >>> u & 1L) == 0) {
                    throw new IllegalArgumentException("adjacency is not symmetric at " + u + "-" + v);
                }
            }
        }
        return new SmallGraph(n, adj);
    }

    /**
     * Copies a JGraphT graph. Vertices are numbered by their natural order when they are comparable (so
     * integer vertices {@code 0..n-1} keep their numbers), otherwise by the graph's iteration order.
     *
     * @throws IllegalArgumentException if the graph is directed, has loops or multiple edges, or is too big
     */
    public static <V, E> SmallGraph fromJGraphT(Graph<V, E> g) {
        if (g.getType().isDirected()) {
            throw new IllegalArgumentException("graph is directed: only undirected graphs are supported");
        }
        List<V> order = new ArrayList<>(g.vertexSet());
        if (order.stream().allMatch(v -> v instanceof Comparable)) {
            order.sort((a, b) -> compareLoose(a, b));
        }
        checkNodeCount(order.size());
        Map<V, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        int[][] edges = new int[g.edgeSet().size()][];
        int k = 0;
        for (E e : g.edgeSet()) {
            edges[k++] = new int[] {index.get(g.getEdgeSource(e)), index.get(g.getEdgeTarget(e))};
        }
        return of(order.size(), edges);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareLoose(Object a, Object b) {
        if (a instanceof String sa && b instanceof String sb) {
            // "10" after "9": compare numerically when both parse as integers
            try {
                return Long.compare(Long.parseLong(sa), Long.parseLong(sb));
            } catch (NumberFormatException ignored) {
                return sa.compareTo(sb);
            }
        }
        return ((Comparable) a).compareTo(b);
    }

    private static void checkNodeCount(int n) {
        if (n < 1 || n > MAX_NODES) {
            throw new IllegalArgumentException("a graph needs 1.." + MAX_NODES + " vertices, got " + n);
        }
    }

    /** A JGraphT copy with {@code Integer} vertices {@code 0..n-1}, edges added in the lab's edge order. */
    public Graph<Integer, DefaultEdge> toJGraphT() {
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(
                SupplierUtil.createIntegerSupplier(), SupplierUtil.createDefaultEdgeSupplier(), false);
        for (int v = 0; v < n; v++) {
            g.addVertex(v);
        }
        for (int[] e : edges) {
            g.addEdge(e[0], e[1]);
        }
        return g;
    }

    public int nodeCount() {
        return n;
    }

    public int edgeCount() {
        return edges.length;
    }

    /** Neighbours of {@code v} as a bit mask. */
    public long neighbours(int v) {
        return adj[v];
    }

    public boolean hasEdge(int u, int v) {
        return (adj[u] >>> v & 1L) != 0;
    }

    public int degree(int v) {
        return Long.bitCount(adj[v]);
    }

    /** Edge {@code i} in the lab's order, as {@code {u, v}} with {@code u < v}; do not modify. */
    public int[] edge(int i) {
        return edges[i];
    }

    /** All edges in the lab's order; a fresh copy. */
    public int[][] edges() {
        int[][] copy = new int[edges.length][];
        for (int i = 0; i < edges.length; i++) {
            copy[i] = edges[i].clone();
        }
        return copy;
    }

    /** Index of edge {u, v} in the lab's order, or -1 if absent. */
    public int edgeIndex(int u, int v) {
        if (u > v) {
            int t = u;
            u = v;
            v = t;
        }
        int lo = 0, hi = edges.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] e = edges[mid];
            int c = e[0] != u ? Integer.compare(e[0], u) : Integer.compare(e[1], v);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** True when every vertex is reachable from vertex 0. */
    public boolean isConnected() {
        long seen = 1L, frontier = 1L;
        while (frontier != 0) {
            long next = 0;
            for (long m = frontier; m != 0; m &= m - 1) {
                next |= adj[Long.numberOfTrailingZeros(m)];
            }
            frontier = next & ~seen;
            seen |= next;
        }
        return Long.bitCount(seen) == n;
    }

    /** The graph with vertex {@code v} renamed {@code perm[v]}. */
    public SmallGraph relabel(int[] perm) {
        if (perm.length != n) {
            throw new IllegalArgumentException("permutation has " + perm.length + " entries for " + n + " vertices");
        }
        long[] out = new long[n];
        for (int u = 0; u < n; u++) {
            long m = 0;
            for (long a = adj[u]; a != 0; a &= a - 1) {
                m |= 1L << perm[Long.numberOfTrailingZeros(a)];
            }
            out[perm[u]] = m;
        }
        return ofMasks(out);
    }

    /** Edges as {@code "0-1,1-2"}, the CLI's inline graph syntax. */
    public String toEdgeString() {
        StringBuilder sb = new StringBuilder();
        for (int[] e : edges) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e[0]).append('-').append(e[1]);
        }
        return sb.toString();
    }

    /** Degree histogram-free summary used in messages: {@code n=5 m=6}. */
    @Override
    public String toString() {
        return "n=" + n + " m=" + edges.length + " [" + toEdgeString() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmallGraph g && g.n == n && Arrays.equals(g.adj, adj);
    }

    @Override
    public int hashCode() {
        return 31 * n + Arrays.hashCode(adj);
    }

    /** Vertex counts and degree sequence in a sorted map: handy for debugging and stats. */
    public Map<Integer, Integer> degreeHistogram() {
        Map<Integer, Integer> h = new TreeMap<>();
        for (int v = 0; v < n; v++) {
            h.merge(degree(v), 1, Integer::sum);
        }
        return h;
    }
}
