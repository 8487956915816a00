package splab.data;

import java.util.Arrays;

import splab.graph.SmallGraph;

/**
 * One training or test example: a graph, a query (source, target), and one shortest path between them as
 * the label. {@code shortestPaths} is how many shortest paths exist (ties make exact match a poor score).
 * The JSONL form is {@code {"n":7,"edges":[[0,1],...],"source":3,"target":5,"path":[3,1,5],"distance":2,
 * "shortestPaths":2,"split":"test"}}.
 */
public record PathExample(int n, int[][] edges, int source, int target, int[] path, int distance,
        long shortestPaths, String split) {

    public SmallGraph graph() {
        return SmallGraph.of(n, edges);
    }

    public PathExample withSplit(String newSplit) {
        return new PathExample(n, edges, source, target, path, distance, shortestPaths, newSplit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathExample e && e.n == n && Arrays.deepEquals(e.edges, edges) && e.source == source
                && e.target == target && Arrays.equals(e.path, path) && e.distance == distance
                && e.shortestPaths == shortestPaths && java.util.Objects.equals(e.split, split);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(n, Arrays.deepHashCode(edges), source, target, Arrays.hashCode(path), split);
    }

    @Override
    public String toString() {
        return "PathExample[n=" + n + ", edges=" + Arrays.deepToString(edges) + ", " + source + "->" + target
                + ", path=" + Arrays.toString(path) + ", split=" + split + "]";
    }
}
