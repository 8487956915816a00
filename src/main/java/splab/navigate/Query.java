package splab.navigate;

import java.util.Arrays;

import splab.graph.SmallGraph;

/**
 * One navigation question: a connected graph, a source, a target and optionally the dataset's label path
 * (null when there is none). Queries on one graph should be adjacent in a list so the harness prepares
 * each graph once.
 */
public record Query(SmallGraph graph, int source, int target, int[] labelPath) {
    public Query {
        if (graph == null) {
            throw new IllegalArgumentException("query has no graph");
        }
        Navigator.checkQuery(graph, source, target);
    }

    public Query(SmallGraph graph, int source, int target) {
        this(graph, source, target, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Query q && q.graph.equals(graph) && q.source == source && q.target == target
                && Arrays.equals(q.labelPath, labelPath);
    }

    @Override
    public int hashCode() {
        return ((graph.hashCode() * 31 + source) * 31 + target) * 31 + Arrays.hashCode(labelPath);
    }

    @Override
    public String toString() {
        return graph + " " + source + "->" + target + (labelPath == null ? "" : " label " + Arrays.toString(labelPath));
    }
}
