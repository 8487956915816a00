package splab.navigate;

import java.util.Map;

import splab.graph.SmallGraph;

/**
 * The Spectral Line Navigator's greedy rule over any per-graph edge embedding: from the current vertex c, step to
 * t when adjacent, otherwise to the unvisited neighbour v whose edge (c, v) lies closest (Euclidean, minimum over
 * t's edges) to the edges incident to t. With eigenvector coordinates this is SLN; with a trained model's edge
 * representations it is the "learned SLN". Embeddings are looked up per graph (row e = edge e in the lab's order);
 * a graph without an embedding is an error.
 */
public final class EmbeddingLineNavigator implements Navigator {
    private final String name;
    private final Map<SmallGraph, double[][]> embeddings;

    public EmbeddingLineNavigator(String name, Map<SmallGraph, double[][]> embeddings) {
        this.name = name;
        this.embeddings = Map.copyOf(embeddings);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public GraphNavigator forGraph(SmallGraph graph) {
        Navigator.checkConnected(graph);
        double[][] x = embeddings.get(graph);
        if (x == null || x.length != graph.edgeCount()) {
            throw new IllegalArgumentException(name + ": no edge embedding for graph " + graph);
        }
        return new GreedyWalk(graph, Integer.MAX_VALUE, true) {
            @Override
            protected int choose(int current, int target, long candidates, long visited) {
                int best = -1;
                double bestScore = Double.POSITIVE_INFINITY;
                for (long c = candidates; c != 0; c &= c - 1) {
                    int v = Long.numberOfTrailingZeros(c);
                    double[] xe = x[graph.edgeIndex(current, v)];
                    double s = Double.POSITIVE_INFINITY;
                    for (long nb = graph.neighbours(target); nb != 0; nb &= nb - 1) {
                        double[] xf = x[graph.edgeIndex(target, Long.numberOfTrailingZeros(nb))];
                        double d2 = 0;
                        for (int j = 0; j < xe.length; j++) {
                            double diff = xe[j] - xf[j];
                            d2 += diff * diff;
                        }
                        s = Math.min(s, d2);
                    }
                    if (s < bestScore - SpectralLineNavigator.TIE) {
                        bestScore = s;
                        best = v;
                    }
                }
                return best;
            }
        };
    }
}
