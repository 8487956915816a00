package splab.navigate;

import splab.graph.AllShortestPaths;
import splab.graph.SmallGraph;

/**
 * The oracle: breadth-first search, answering with the lexicographically smallest shortest path
 * ({@link AllShortestPaths#smallestPath}). Always correct; its exact-match rate shows how often the labels
 * happen to be the smallest path.
 */
public final class BfsNavigator implements Navigator {
    @Override
    public String name() {
        return "bfs";
    }

    @Override
    public GraphNavigator forGraph(SmallGraph graph) {
        Navigator.checkConnected(graph);
        AllShortestPaths paths = new AllShortestPaths(graph);
        return new GraphNavigator() {
            @Override
            public SmallGraph graph() {
                return graph;
            }

            @Override
            public NavigationResult navigate(int source, int target) {
                Navigator.checkQuery(graph, source, target);
                return NavigationResult.trustedSuccess(paths.smallestPath(source, target));
            }
        };
    }
}
