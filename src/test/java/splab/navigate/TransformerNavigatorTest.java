package splab.navigate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import splab.graph.AllShortestPaths;
import splab.graph.ConnectedGraphSampler;
import splab.graph.NodeCountMix;
import splab.graph.SmallGraph;
import splab.model.ModelConfig;
import splab.model.PathTransformer;
import splab.train.SyntheticPaths;
import splab.train.TrainConfig;
import splab.train.Training;

class TransformerNavigatorTest {
    // tokens for maxNodes 10: nodes 0..9, PAD 10, BOS 11, E 12, Q 13, P 14, EOS 15
    private static final int EOS = 15, E = 12;
    private final SmallGraph square = SmallGraph.of(4, new int[][] {{0, 1}, {1, 2}, {2, 3}, {0, 3}});

    private TransformerNavigator navigator(NDManager m) {
        Engine.getEngine("PyTorch").setRandomSeed(3);
        PathTransformer model = PathTransformer.create(ModelConfig.of(16, 160, 16, 2), m);
        return new TransformerNavigator(model, 10, 1, 7);
    }

    @Test
    void judgesTheModelsTokens() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerNavigator nav = navigator(m);
            NavigationResult ok = nav.interpret(square, 0, 2, new int[] {0, 1, 2, EOS});
            assertNull(ok.failure());
            assertArrayEquals(new int[] {0, 1, 2}, ok.path());
            assertEquals(FailureKind.MALFORMED, nav.interpret(square, 0, 2, new int[] {0, E, 2, EOS}).failure());
            assertEquals(FailureKind.STEP_LIMIT, nav.interpret(square, 0, 2, new int[] {0, 1, 2, 3}).failure(), "no <eos>");
            assertEquals(FailureKind.REVISIT, nav.interpret(square, 0, 2, new int[] {0, 1, 0, 1, 0, 1}).failure());
            assertEquals(FailureKind.NON_EDGE, nav.interpret(square, 0, 2, new int[] {0, 2, EOS}).failure());
            assertEquals(FailureKind.WRONG_END, nav.interpret(square, 0, 2, new int[] {0, 1, EOS}).failure());
            assertEquals(FailureKind.WRONG_END, nav.interpret(square, 0, 2, new int[] {1, 2, EOS}).failure());
            assertEquals(FailureKind.OUT_OF_RANGE, nav.interpret(square, 0, 2, new int[] {0, 7, 2, EOS}).failure());
        }
    }

    @Test
    void batchedDecodingAgreesWithOneQueryAtATime() {
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(3, 8, 0.5, NodeCountMix.UNIFORM, 2);
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SmallGraph g = sampler.next();
            queries.add(new Query(g, 0, g.nodeCount() - 1));
            queries.add(new Query(g, g.nodeCount() - 1, 1));
        }
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerNavigator nav = navigator(m);
            NavigationResult[] batched = nav.navigateAll(queries);
            for (int i = 0; i < queries.size(); i++) {
                Query q = queries.get(i);
                NavigationResult single = nav.forGraph(q.graph()).navigate(q.source(), q.target());
                assertArrayEquals(single.path(), batched[i].path(), "query " + q);
                assertEquals(single.failure(), batched[i].failure());
            }
            ScoreSheet sheet = nav.score(queries);
            assertEquals(queries.size(), sheet.total().pairs());
            assertTrue(sheet.pairsPerSecond() > 0);
            assertThrows(IllegalArgumentException.class, () -> nav.forGraph(square).navigate(1, 1));
        }
    }

    /**
     * A tiny model trained for 200 steps is scored by the shared harness ({@link NavigatorScores#score}), which
     * decodes in batches; the same model seen as a plain one-query-at-a-time navigator gets the same sheet, and
     * its correct count is the number of answers that BFS confirms as shortest paths.
     */
    @Test
    void aTrainedModelIsScoredByTheSharedHarnessLikeAnyNavigator() {
        SyntheticPaths source = new SyntheticPaths(10, 3, 5, 0.5, 48);
        TrainConfig recipe = TrainConfig.defaults().with(c -> {
                c.learningRate = 3e-3; c.batchSize = 16; c.steps = 200; c.warmupSteps = 5; c.evalInterval = 0;
                c.logInterval = 0; c.threads = 1;
        });
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(3, 5, 0.5, NodeCountMix.UNIFORM, 5);
        List<SmallGraph> graphs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            graphs.add(sampler.next());
        }
        List<Query> queries = NavigatorScores.allPairs(graphs);
        try (Training t = Training.start(ModelConfig.of(ModelConfig.vocabSizeFor(10), 64, 32, 4), recipe, 7, source)) {
            t.train(200, null, null);
            TransformerNavigator model = new TransformerNavigator(t.model(), 10, 1, 16);
            Navigator oneByOne = new Navigator() {
                @Override
                public String name() {
                    return model.name();
                }

                @Override
                public GraphNavigator forGraph(SmallGraph graph) {
                    return model.forGraph(graph);
                }
            };
            ScoreSheet harness = NavigatorScores.score(model, queries);
            ScoreSheet plain = NavigatorScores.score(oneByOne, queries);
            assertEquals("model", harness.navigator());
            assertEquals(queries.size(), harness.total().pairs());
            assertEquals(strip(NavigatorScores.csvRows(plain)), strip(NavigatorScores.csvRows(harness)));
            long shortest = 0;
            for (Query q : queries) {
                NavigationResult r = model.navigate(q.graph(), q.source(), q.target());
                if (r.success() && new AllShortestPaths(q.graph()).isShortestPath(r.path(), q.source(), q.target())) {
                    shortest++;
                }
            }
            assertEquals(shortest, harness.total().correct());
            assertTrue(harness.total().accuracy() > 0, "200 steps already find some shortest paths: " + harness.total().accuracy());
        }
    }

    /** CSV rows without the timing column (the last one). */
    private static List<String> strip(List<String> rows) {
        List<String> out = new ArrayList<>();
        for (String r : rows) {
            out.add(r.substring(0, r.lastIndexOf(',')));
        }
        return out;
    }
}
