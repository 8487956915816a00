package splab.navigate;

import splab.graph.SmallGraph;

/**
 * Anything that finds a path from s to t in a graph. A navigator does its per-graph work once in
 * {@link #forGraph} (an eigendecomposition, a breadth-first search) and then answers any number of queries
 * on that graph. Implementations are immutable and thread-safe; the per-graph objects need not be.
 *
 * <p>Contract: every navigation terminates, and a {@link NavigationResult#success() success} is always a
 * valid simple path from s to t.
 */
public interface Navigator {
    /** A short stable name for tables and CSV, e.g. {@code sln[combinatorial,k=3,none,min]}. */
    String name();

    /**
     * Prepares to navigate {@code graph}.
     *
     * @throws IllegalArgumentException if the graph is not connected
     */
    GraphNavigator forGraph(SmallGraph graph);

    /** One query; prefer {@link #forGraph} when asking many on one graph. */
    default NavigationResult navigate(SmallGraph graph, int source, int target) {
        return forGraph(graph).navigate(source, target);
    }

    /** A navigator bound to one graph. */
    interface GraphNavigator {
        SmallGraph graph();

        /**
         * Navigates from source to target.
         *
         * @throws IllegalArgumentException if either vertex is outside 0..n-1 or they are equal
         */
        NavigationResult navigate(int source, int target);
    }

    /** Shared argument checks with clear messages. */
    static void checkConnected(SmallGraph graph) {
        if (!graph.isConnected()) {
            throw new IllegalArgumentException("graph is not connected, so some pairs have no path: " + graph);
        }
    }

    static void checkQuery(SmallGraph graph, int source, int target) {
        int n = graph.nodeCount();
        if (source < 0 || source >= n) {
            throw new IllegalArgumentException("source " + source + " is outside 0.." + (n - 1));
        }
        if (target < 0 || target >= n) {
            throw new IllegalArgumentException("target " + target + " is outside 0.." + (n - 1));
        }
        if (source == target) {
            throw new IllegalArgumentException("source and target are both " + source + ": nothing to navigate");
        }
    }
}
