package splab.navigate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDManager;

import splab.graph.ConnectedGraphSampler;
import splab.graph.NodeCountMix;
import splab.graph.SmallGraph;
import splab.model.CachedGreedyDecoder;
import splab.model.GreedyDecoder;
import splab.model.ModelConfig;
import splab.train.EngineThreads;
import splab.train.SyntheticPaths;
import splab.train.TrainConfig;
import splab.train.Training;

/**
 * Decoding with the key/value cache gives the very tokens of decoding by recomputing the whole sequence at every
 * step, on every held-out pair of a briefly trained model (graphs the training batches never drew); decoding
 * workers give the very results of decoding on one thread.
 */
class CachedDecodingTest {

    @Test
    void cachedDecodingEqualsFullRecomputeOnEveryHeldOutPairOfATinyRun() {
        compare(ModelConfig.of(ModelConfig.vocabSizeFor(10), 64, 32, 4), 5, 120, 10);
    }

    @Test
    void cachedDecodingEqualsFullRecomputeWithLearnedPositions() {
        compare(ModelConfig.of(ModelConfig.vocabSizeFor(10), 64, 32, 4).withPositions(ModelConfig.Positions.LEARNED),
                5, 60, 6);
    }

    @Test
    @Tag("slow")
    void cachedDecodingEqualsFullRecomputeOnALongerRunWithTenNodeGraphs() {
        compare(ModelConfig.of(ModelConfig.vocabSizeFor(10), 96, 64, 4), 10, 1500, 60);
    }

    @Test
    void workersDecodeTheSameTokensAsTheCallingThreadAndGiveTheEngineItsThreadsBack() {
        ModelConfig model = ModelConfig.of(ModelConfig.vocabSizeFor(10), 64, 32, 4);
        SyntheticPaths source = new SyntheticPaths(10, 3, 6, 0.5, model.maxSeqLen());
        TrainConfig recipe = TrainConfig.defaults().with(c -> {
                c.learningRate = 3e-3; c.batchSize = 16; c.steps = 120; c.warmupSteps = 5; c.evalInterval = 0;
                c.logInterval = 0; c.threads = 2;
        });
        List<Query> queries = NavigatorScores.allPairs(heldOut(6, 12));
        try (Training t = Training.start(model, recipe, 7, source)) {
            t.train(120, null, null);
            NavigationResult[] alone = new TransformerNavigator(t.model(), 10, 1, 8, 1).navigateAll(queries);
            List<Long> seen = new ArrayList<>();
            NavigationResult[] shared = new TransformerNavigator(t.model(), 10, 1, 8, 3).navigateAll(queries, seen::add);
            int successes = 0;
            int written = 0;
            for (int i = 0; i < queries.size(); i++) {
                assertArrayEquals(alone[i].path(), shared[i].path(), "query " + i + " " + queries.get(i));
                assertEquals(alone[i].failure(), shared[i].failure(), "query " + i);
                successes += alone[i].success() ? 1 : 0;
                written += alone[i].path().length > 1 ? 1 : 0;
            }
            assertTrue(successes > 0 && written > queries.size() / 2,
                    "a briefly trained model writes paths and finds some: " + successes + " found, " + written + " written");
            assertEquals(queries.size(), seen.stream().mapToLong(Long::longValue).max().orElse(0));
            assertEquals((queries.size() + 7) / 8, seen.size(), "progress after every batch");
            assertEquals(2, EngineThreads.intraOp(), "the engine's threads are given back after decoding");
        }
    }

    private static List<SmallGraph> heldOut(int nMax, int count) {
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(3, nMax, 0.5, NodeCountMix.UNIFORM, 99);
        List<SmallGraph> graphs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            graphs.add(sampler.next());
        }
        return graphs;
    }

    private static void compare(ModelConfig model, int nMax, int steps, int heldOutGraphs) {
        SyntheticPaths source = new SyntheticPaths(10, 3, nMax, 0.5, model.maxSeqLen());
        TrainConfig recipe = TrainConfig.defaults().with(c -> {
                c.learningRate = 3e-3; c.batchSize = 16; c.steps = steps; c.warmupSteps = 5; c.evalInterval = 0;
                c.logInterval = 0; c.threads = 1;
        });
        List<Query> queries = NavigatorScores.allPairs(heldOut(nMax, heldOutGraphs));
        try (Training t = Training.start(model, recipe, 7, source); NDManager m = NDManager.newBaseManager()) {
            t.train(steps, null, null);
            TransformerNavigator navigator = new TransformerNavigator(t.model(), 10, 1, 16);
            int[][] prompts = queries.stream().map(navigator::prompt).toArray(int[][]::new);
            int maxNew = nMax + 2;
            int[][] full = GreedyDecoder.forMaxNodes(t.model(), 10).decode(prompts, maxNew, m);
            int[][] cached = CachedGreedyDecoder.forMaxNodes(t.model(), 10, 7).decode(prompts, maxNew, m);
            int ended = 0;
            for (int i = 0; i < prompts.length; i++) {
                assertArrayEquals(full[i], cached[i], "query " + i + " " + queries.get(i));
                ended += full[i].length > 0 && full[i][full[i].length - 1] == 15 ? 1 : 0;
            }
            assertTrue(ended > prompts.length / 2, "a trained model ends most paths with <eos>: " + ended + " of " + prompts.length);
            // limits: at most maxNewTokens, never past the context
            int[][] two = CachedGreedyDecoder.forMaxNodes(t.model(), 10, 7).decode(prompts, 2, m);
            for (int i = 0; i < prompts.length; i++) {
                assertArrayEquals(java.util.Arrays.copyOf(full[i], Math.min(2, full[i].length)), two[i]);
            }
            int[] longest = prompts[prompts.length - 1];
            for (int[] p : prompts) {
                longest = p.length > longest.length ? p : longest;
            }
            int room = model.maxSeqLen() - longest.length;
            assertEquals(Math.min(room, GreedyDecoder.forMaxNodes(t.model(), 10).decode(new int[][] {longest}, 100, m)[0].length),
                    CachedGreedyDecoder.forMaxNodes(t.model(), 10, 1).decode(new int[][] {longest}, 100, m)[0].length);
        }
    }
}
