package splab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jgrapht.alg.isomorphism.VF2GraphIsomorphismInspector;
import org.junit.jupiter.api.Test;

import splab.graph.AllShortestPaths;
import splab.graph.SmallGraph;

class DatasetBuilderTest {

    static DataConfig config(int graphs, int pairs, String label) {
        return new DataConfig(graphs, 3, 8, 0.5, "uniform", 10, pairs, label, 0.3, 0);
    }

    @Test
    void everyLabelIsAShortestPath() {
        DatasetBuilder.Dataset ds = new DatasetBuilder(config(400, 0, "uniform"), 5).sample(x -> { });
        List<PathExample> all = new ArrayList<>(ds.train());
        all.addAll(ds.test());
        assertFalse(ds.test().isEmpty());
        for (PathExample e : all) {
            SmallGraph g = e.graph();
            AllShortestPaths sp = new AllShortestPaths(g);
            assertTrue(sp.isShortestPath(e.path(), e.source(), e.target()), e.toString());
            assertEquals(sp.distance(e.source(), e.target()), e.distance());
            assertEquals(sp.pathCount(e.source(), e.target()), e.shortestPaths());
        }
        // all ordered pairs: n(n-1) examples per graph
        long expected = ds.stats().graphsByN().values().stream()
                .flatMap(m -> m.entrySet().stream()).mapToLong(en -> en.getValue() * en.getKey() * (en.getKey() - 1)).sum();
        assertEquals(expected, all.size());
    }

    @Test
    void noTestGraphIsIsomorphicToATrainingGraph() {
        DatasetBuilder.Dataset ds = new DatasetBuilder(config(300, 1, "uniform"), 8).sample(x -> { });
        List<SmallGraph> train = distinctGraphs(ds.train()), test = distinctGraphs(ds.test());
        assertEquals(0, ds.stats().overlappingClasses());
        int compared = 0;
        for (SmallGraph a : test) {
            for (SmallGraph b : train) {
                if (a.nodeCount() == b.nodeCount() && a.edgeCount() == b.edgeCount()) {
                    compared++;
                    assertFalse(new VF2GraphIsomorphismInspector<>(a.toJGraphT(), b.toJGraphT()).isomorphismExists(),
                            "test " + a + " is isomorphic to train " + b);
                }
            }
        }
        assertTrue(compared > 100, "the check compared real candidates: " + compared);
    }

    @Test
    void isomorphicCopiesLandInTheSameSplit() {
        SmallGraph g = SmallGraph.of(5, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {1, 4}});
        SmallGraph h = g.relabel(new int[] {4, 2, 0, 1, 3});
        for (long seed = 0; seed < 50; seed++) {
            DatasetBuilder.Dataset ds = new DatasetBuilder(config(1, 2, "uniform"), seed).build(List.of(g, h), x -> { });
            assertTrue(ds.train().isEmpty() || ds.test().isEmpty(), "seed " + seed);
        }
    }

    @Test
    void sameSeedSameDatasetAndPairSampling() {
        DatasetBuilder.Dataset a = new DatasetBuilder(config(100, 3, "uniform"), 2).sample(x -> { });
        DatasetBuilder.Dataset b = new DatasetBuilder(config(100, 3, "uniform"), 2).sample(x -> { });
        assertEquals(a.train(), b.train());
        assertEquals(a.test(), b.test());
        assertEquals(300, a.train().size() + a.test().size());
        DatasetBuilder.Dataset c = new DatasetBuilder(config(100, 3, "uniform"), 3).sample(x -> { });
        assertFalse(a.train().equals(c.train()));
    }

    @Test
    void smallestRulePicksTheLexicographicallyFirstPath() {
        DatasetBuilder.Dataset ds = new DatasetBuilder(config(50, 0, "smallest"), 4).sample(x -> { });
        for (PathExample e : ds.train()) {
            int[] first = new AllShortestPaths(e.graph()).enumerate(e.source(), e.target()).get(0);
            assertTrue(Arrays.equals(first, e.path()), e.toString());
        }
    }

    @Test
    void uniformRuleUsesSeveralPathsWhenTied() {
        DatasetBuilder.Dataset ds = new DatasetBuilder(config(300, 0, "uniform"), 4).sample(x -> { });
        long tiedNotSmallest = ds.train().stream().filter(e -> e.shortestPaths() > 1)
                .filter(e -> !Arrays.equals(new AllShortestPaths(e.graph()).smallestPath(e.source(), e.target()), e.path()))
                .count();
        assertTrue(tiedNotSmallest > 100, "uniform labels are not always the smallest path: " + tiedNotSmallest);
    }

    @Test
    void refusesGraphsTooBigForTheVocabularyOrDisconnected() {
        DatasetBuilder b = new DatasetBuilder(new DataConfig(1, 3, 5, 0.5, "uniform", 5, 0, "uniform", 0.2, 0), 1);
        SmallGraph six = SmallGraph.of(6, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.build(List.of(six), x -> { }))
                .getMessage().contains("vocabulary holds 5"));
        SmallGraph split = SmallGraph.of(4, new int[][] {{0, 1}, {2, 3}});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.build(List.of(split), x -> { }))
                .getMessage().contains("not connected"));
    }

    @Test
    void outOfDistributionGraphsGoToTestOnly() {
        DataConfig c = new DataConfig(300, 3, 8, 0.5, "uniform", 10, 2, "uniform", 0.2, 6);
        DatasetBuilder.Dataset ds = new DatasetBuilder(c, 3).sample(x -> { });
        assertTrue(ds.train().stream().allMatch(e -> e.n() <= 6));
        assertTrue(ds.test().stream().anyMatch(e -> e.n() == 8));
        assertTrue(ds.test().stream().anyMatch(e -> e.n() <= 6), "small classes are still split by class");
        assertEquals(0, ds.stats().overlappingClasses());
        assertThrows(IllegalArgumentException.class, () -> new DataConfig(10, 3, 8, 0.5, "uniform", 10, 0, "uniform", 0.2, 2));
    }

    @Test
    void configChecksNameTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataConfig(10, 8, 5, 0.5, "uniform", 10, 0, "uniform", 0.2, 0));
        assertTrue(e.getMessage().contains("data.nMin (8) is greater than data.nMax (5)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new DataConfig(10, 3, 12, 0.5, "uniform", 10, 0, "uniform", 0.2, 0));
        assertTrue(e.getMessage().contains("data.maxNodes = 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DataConfig(10, 3, 5, 0.5, "zipf", 10, 0, "uniform", 0.2, 0));
    }

    static List<SmallGraph> distinctGraphs(List<PathExample> examples) {
        Map<String, SmallGraph> out = new LinkedHashMap<>();
        for (PathExample e : examples) {
            out.putIfAbsent(Arrays.deepToString(e.edges()) + e.n(), e.graph());
        }
        return new ArrayList<>(out.values());
    }
}
