package splab.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Every shortest path of a connected {@link SmallGraph}, from one breadth-first search per vertex.
 *
 * <p>Holds the distance matrix {@code d(u, v)} and the number of shortest paths {@code σ(u, v)}, which satisfy
 * {@code σ(u, t) = Σ σ(v, t)} over neighbours {@code v} of {@code u} with {@code d(v, t) = d(u, t) - 1}.
 * Those neighbours are the valid next steps from {@code u} towards {@code t}; walking them enumerates every
 * shortest path, and choosing {@code v} with probability {@code σ(v, t) / σ(u, t)} draws one uniformly.
 */
public final class AllShortestPaths {
    private final SmallGraph graph;
    private final int n;
    private final int[] dist;   // n*n, row u = distances from u
    private final long[] count; // n*n
    /** ring[t*n + k] = mask of vertices at distance k from t. */
    private final long[] ring;

    public AllShortestPaths(SmallGraph graph) {
        if (!graph.isConnected()) {
            throw new IllegalArgumentException("graph is not connected: " + graph);
        }
        this.graph = graph;
        this.n = graph.nodeCount();
        this.dist = new int[n * n];
        this.count = new long[n * n];
        this.ring = new long[n * n];
        for (int t = 0; t < n; t++) {
            bfs(t);
        }
    }

    private void bfs(int t) {
        int row = t * n;
        long seen = 1L << t, frontier = seen;
        count[row + t] = 1;
        ring[row] = frontier;
        int k = 0;
        while (frontier != 0) {
            long next = 0;
            for (long m = frontier; m != 0; m &= m - 1) {
                next |= graph.neighbours(Long.numberOfTrailingZeros(m));
            }
            next &= ~seen;
            k++;
            for (long m = next; m != 0; m &= m - 1) {
                int v = Long.numberOfTrailingZeros(m);
                dist[row + v] = k;
                long c = 0;
                for (long p = graph.neighbours(v) & frontier; p != 0; p &= p - 1) {
                    c += count[row + Long.numberOfTrailingZeros(p)];
                }
                count[row + v] = c;
            }
            if (next != 0) {
                ring[row + k] = next;
            }
            seen |= next;
            frontier = next;
        }
    }

    public SmallGraph graph() {
        return graph;
    }

    /** d(u, v), the number of edges on a shortest path. */
    public int distance(int u, int v) {
        return dist[u * n + v];
    }

    /** The number of distinct shortest paths between u and v (1 when u = v). */
    public long pathCount(int u, int v) {
        return count[u * n + v];
    }

    /** The largest distance in the graph. */
    public int diameter() {
        int best = 0;
        for (int x : dist) {
            best = Math.max(best, x);
        }
        return best;
    }

    /** Neighbours of {@code current} that lie on some shortest path to {@code target}, as a bit mask. */
    public long nextSteps(int current, int target) {
        int d = dist[target * n + current];
        return d == 0 ? 0L : graph.neighbours(current) & ring[target * n + d - 1];
    }

    /** Every shortest path from s to t, each as its vertex sequence, in lexicographic order. */
    public List<int[]> enumerate(int s, int t) {
        List<int[]> out = new ArrayList<>();
        int[] path = new int[distance(s, t) + 1];
        path[0] = s;
        extend(path, 0, t, out);
        return out;
    }

    private void extend(int[] path, int depth, int t, List<int[]> out) {
        int c = path[depth];
        if (c == t) {
            out.add(path.clone());
            return;
        }
        for (long m = nextSteps(c, t); m != 0; m &= m - 1) {
            path[depth + 1] = Long.numberOfTrailingZeros(m);
            extend(path, depth + 1, t, out);
        }
    }

    /** One shortest path drawn uniformly among all {@link #pathCount} of them. */
    public int[] uniformPath(int s, int t, RandomGenerator rng) {
        int[] path = new int[distance(s, t) + 1];
        path[0] = s;
        int c = s;
        for (int i = 1; i < path.length; i++) {
            long r = (long) (rng.nextDouble() * pathCount(c, t));
            long m = nextSteps(c, t);
            int v;
            while (true) {
                v = Long.numberOfTrailingZeros(m);
                m &= m - 1;
                r -= pathCount(v, t);
                if (r < 0 || m == 0) {
                    break;
                }
            }
            path[i] = v;
            c = v;
        }
        return path;
    }

    /** The lexicographically smallest shortest path: always step to the smallest valid next vertex. */
    public int[] smallestPath(int s, int t) {
        int[] path = new int[distance(s, t) + 1];
        path[0] = s;
        for (int i = 1; i < path.length; i++) {
            path[i] = Long.numberOfTrailingZeros(nextSteps(path[i - 1], t));
        }
        return path;
    }

    /** True when {@code path} runs from s to t along edges of the graph and has length d(s, t). */
    public boolean isShortestPath(int[] path, int s, int t) {
        if (path.length != distance(s, t) + 1 || path[0] != s || path[path.length - 1] != t) {
            return false;
        }
        for (int i = 1; i < path.length; i++) {
            if (path[i] < 0 || path[i] >= n || !graph.hasEdge(path[i - 1], path[i])) {
                return false;
            }
        }
        return true;
    }
}
