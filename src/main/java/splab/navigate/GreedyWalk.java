package splab.navigate;

import splab.graph.SmallGraph;

/**
 * The walk shared by the local navigators: from the current vertex step to t when adjacent, otherwise to
 * the neighbour {@link #choose} picks; stop with a failure on a dead end, a revisit or the step limit.
 * Subclasses supply only the choice.
 */
abstract class GreedyWalk implements Navigator.GraphNavigator {
    protected final SmallGraph graph;
    private final int stepLimit;
    private final boolean unvisitedOnly;

    /**
     * @param stepLimit     most steps allowed (the walk has at most n - 1 steps anyway, as it never revisits)
     * @param unvisitedOnly offer {@link #choose} only unvisited neighbours; otherwise offer all, and a chosen
     *                      visited vertex ends the walk as {@link FailureKind#REVISIT}
     */
    GreedyWalk(SmallGraph graph, int stepLimit, boolean unvisitedOnly) {
        this.graph = graph;
        this.stepLimit = stepLimit;
        this.unvisitedOnly = unvisitedOnly;
    }

    @Override
    public SmallGraph graph() {
        return graph;
    }

    /** Picks the next vertex among {@code candidates} (a non-empty mask), or -1 to give up. */
    protected abstract int choose(int current, int target, long candidates, long visited);

    @Override
    public NavigationResult navigate(int source, int target) {
        Navigator.checkQuery(graph, source, target);
        int n = graph.nodeCount();
        int[] walk = new int[n + 1];
        walk[0] = source;
        int len = 1;
        long visited = 1L << source;
        int current = source;
        while (current != target) {
            if (len - 1 >= stepLimit) {
                return NavigationResult.failure(java.util.Arrays.copyOf(walk, len), FailureKind.STEP_LIMIT);
            }
            long nbrs = graph.neighbours(current);
            int next;
            if ((nbrs >>> target & 1L) != 0) {
                next = target;
            } else {
                long candidates = unvisitedOnly ? nbrs & ~visited : nbrs;
                next = candidates == 0 ? -1 : choose(current, target, candidates, visited);
                if (next < 0) {
                    return NavigationResult.failure(java.util.Arrays.copyOf(walk, len), FailureKind.DEAD_END);
                }
                if (next >= n || (candidates >>> next & 1L) == 0) {
                    // a choice outside the offered set is a bug in the subclass; never pass it off as a path
                    walk[len++] = next;
                    return NavigationResult.failure(java.util.Arrays.copyOf(walk, len),
                            next >= n ? FailureKind.OUT_OF_RANGE : FailureKind.NON_EDGE);
                }
            }
            walk[len++] = next;
            if ((visited >>> next & 1L) != 0) {
                return NavigationResult.failure(java.util.Arrays.copyOf(walk, len), FailureKind.REVISIT);
            }
            visited |= 1L << next;
            current = next;
        }
        return NavigationResult.trustedSuccess(java.util.Arrays.copyOf(walk, len));
    }
}
