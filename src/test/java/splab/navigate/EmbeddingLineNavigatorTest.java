package splab.navigate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import splab.graph.ConnectedGraphSampler;
import splab.graph.NodeCountMix;
import splab.graph.SmallGraph;

class EmbeddingLineNavigatorTest {
    @Test
    void onEigenvectorCoordinatesItWalksLikeSln() {
        SpectralLineNavigator sln = new SpectralLineNavigator();
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(6, 9, 0.5, NodeCountMix.parse("uniform"), 4);
        for (int i = 0; i < 20; i++) {
            SmallGraph g = sampler.next();
            EmbeddingLineNavigator nav = new EmbeddingLineNavigator("x", Map.of(g, sln.edgeEmbedding(g)));
            for (int s = 0; s < g.nodeCount(); s++) {
                for (int t = 0; t < g.nodeCount(); t++) {
                    if (s != t) {
                        assertArrayEquals(sln.navigate(g, s, t).path(), nav.navigate(g, s, t).path(), g + " " + s + "->" + t);
                    }
                }
            }
        }
    }

    @Test
    void aGraphWithoutEmbeddingIsAnError() {
        SmallGraph g = SmallGraph.of(3, new int[][] {{0, 1}, {1, 2}});
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingLineNavigator("x", Map.of()).forGraph(g));
    }
}
