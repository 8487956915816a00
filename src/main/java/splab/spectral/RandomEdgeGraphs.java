package splab.spectral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import splab.graph.SmallGraph;

/**
 * Random connected graphs with a given node and edge count, for the "eigenvectors of a different graph" null:
 * a random spanning tree (each vertex of a random order joins a uniformly chosen earlier one) plus m - n + 1
 * further edges drawn uniformly from the remaining pairs. Not uniform over connected (n, m) graphs, but always
 * connected and with exactly m edges, which is all the null needs.
 */
public final class RandomEdgeGraphs {
    private RandomEdgeGraphs() {
    }

    public static SmallGraph sample(int n, int m, Random rng) {
        if (m < n - 1 || m > n * (n - 1) / 2) {
            throw new IllegalArgumentException("no connected graph with " + n + " nodes and " + m + " edges");
        }
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            order.add(v);
        }
        Collections.shuffle(order, rng);
        boolean[][] adj = new boolean[n][n];
        List<int[]> edges = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            int u = order.get(i), v = order.get(rng.nextInt(i));
            adj[u][v] = adj[v][u] = true;
            edges.add(new int[] {Math.min(u, v), Math.max(u, v)});
        }
        List<int[]> rest = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                if (!adj[u][v]) {
                    rest.add(new int[] {u, v});
                }
            }
        }
        Collections.shuffle(rest, rng);
        edges.addAll(rest.subList(0, m - (n - 1)));
        return SmallGraph.of(n, edges.toArray(new int[0][]));
    }
}
