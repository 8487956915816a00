package splab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import splab.data.PathExample;
import splab.graph.SmallGraph;
import splab.spectral.EigenTarget;
import splab.spectral.IncidenceDecomposition;
import splab.spectral.Laplacian;

class Claim2TallyTest {

    @Test
    void graphsWhereTheTargetFillsTheCentredSpaceAreUndefinedNotPerfect() {
        Claim2Tally tally = new Claim2Tally(List.of("blocks.0.resid_post"), 1);
        SmallGraph star = SmallGraph.of(4, new int[][] {{0, 1}, {0, 2}, {0, 3}}); // m = 3: k' >= m - 1 for k = 3
        SmallGraph big = SmallGraph.of(6, new int[][] {{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {4, 5}, {1, 4}});
        for (SmallGraph g : List.of(star, big)) {
            EigenTarget t = EigenTarget.of(g, Laplacian.Variant.COMBINATORIAL, 3);
            double[][] reps = IncidenceDecomposition.randomEndpointSums(g, 8, new Random(4));
            tally.addGraph(g, t, reps);
            tally.addLayer("blocks.0.resid_post", reps, IncidenceDecomposition.randomEndpointSums(g, 8, new Random(5)));
        }
        Claim2Results r = tally.results(null);
        double[] trained = r.get("blocks.0.resid_post", "alignment:trained");
        assertTrue(Double.isNaN(trained[0]), "k' >= m - 1: undefined");
        assertFalse(Double.isNaN(trained[1]));
        assertEquals(1.0, r.get("blocks.0.resid_post", "incidence_share:trained")[1], 1e-9, "endpoint sums: all in the span");
        assertEquals("blocks.0.resid_post", r.paperLayer());
    }

    @Test
    void heldOutGraphsAreDeduplicatedByIsomorphismClass() {
        SmallGraph a = SmallGraph.of(4, new int[][] {{0, 1}, {1, 2}, {2, 3}, {0, 2}});
        SmallGraph relabelled = SmallGraph.of(4, new int[][] {{3, 2}, {2, 1}, {1, 0}, {3, 1}});
        SmallGraph other = SmallGraph.of(4, new int[][] {{0, 1}, {1, 2}, {2, 3}, {0, 3}});
        List<PathExample> test = List.of(example(a), example(relabelled), example(other));
        List<PathExample> picked = SpectralAnalysis.pickGraphs(test, 10);
        assertEquals(2, picked.size(), "two labellings of one graph count once");
        assertEquals(a, picked.get(0).graph());
        assertEquals(other, picked.get(1).graph());
    }

    private static PathExample example(SmallGraph g) {
        int[] edge = g.edge(0);
        return new PathExample(g.nodeCount(), g.edges(), edge[0], edge[1], new int[] {edge[0], edge[1]}, 1, 1, "test");
    }
}
