package splab.train;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import splab.model.GreedyDecoder;
import splab.model.ModelConfig;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Does the loop learn the task itself, on fresh small graphs? About a minute of CPU: run with -Pslow. */
@Tag("slow")
class LearningTest {

    @Test
    void learnsShortestPathsOnSmallGraphs() {
        int maxNodes = 10;
        SyntheticPaths source = new SyntheticPaths(maxNodes, 3, 6, 0.5, 32);
        ModelConfig model = ModelConfig.of(ModelConfig.vocabSizeFor(maxNodes), 32, 64, 4);
        TrainConfig config = TrainConfig.defaults().with(c -> {
                c.learningRate = 3e-3; c.weightDecay = 0.1; c.batchSize = 64; c.steps = 1500; c.warmupSteps = 50;
                c.evalInterval = 0; c.logInterval = 0;
        });
        try (Training t = Training.start(model, config, 1, source)) {
            t.train(config.steps(), null, null);
            TokenBatch test = source.next(256, new Random(12345));
            int[][] prompts = new int[test.size()][];
            for (int i = 0; i < test.size(); i++) {
                prompts[i] = Arrays.copyOf(test.tokens()[i], test.pathStart()[i] + 1);
            }
            int exact = 0;
            int shortest = 0;
            try (NDManager m = NDManager.newBaseManager()) {
                int[][] out = GreedyDecoder.forMaxNodes(t.model(), maxNodes).decode(prompts, 12, m);
                for (int i = 0; i < test.size(); i++) {
                    int p = test.pathStart()[i];
                    int[] expected = Arrays.copyOfRange(test.tokens()[i], p + 1, p + 1 + out[i].length);
                    if (out[i].length > 0 && out[i][out[i].length - 1] == source.vocabulary().eos()
                            && Arrays.equals(expected, out[i])) {
                        exact++;
                    }
                    if (isShortestPath(test.tokens()[i], out[i], maxNodes)) {
                        shortest++;
                    }
                }
            }
            double acc = shortest / (double) test.size();
            System.out.println("greedy decoding on 256 fresh graphs (3-6 nodes): any-shortest-path " + acc
                    + ", exact match " + exact / (double) test.size()
                    + ", teacher-forced token accuracy " + t.evaluate(test).accuracy());
            assertTrue(acc > 0.8, "any-shortest-path accuracy " + acc);
        }
    }

    /** True when {@code out} is s ... t <eos> along edges of the prompt's graph with d(s, t) steps. */
    static boolean isShortestPath(int[] row, int[] out, int maxNodes) {
        boolean[][] adj = new boolean[maxNodes][maxNodes];
        int i = 1;
        while (row[i] != maxNodes + 3) { // triples "u v <e>" until <q>
            adj[row[i]][row[i + 1]] = adj[row[i + 1]][row[i]] = true;
            i += 3;
        }
        int s = row[i + 1];
        int t = row[i + 2];
        if (out.length < 2 || out[out.length - 1] != maxNodes + 5 || out[0] != s || out[out.length - 2] != t) {
            return false;
        }
        for (int k = 0; k + 2 < out.length; k++) {
            if (out[k] >= maxNodes || out[k + 1] >= maxNodes || !adj[out[k]][out[k + 1]]) {
                return false;
            }
        }
        int[] dist = new int[maxNodes];
        Arrays.fill(dist, -1);
        dist[s] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s));
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int v = 0; v < maxNodes; v++) {
                if (adj[u][v] && dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    queue.add(v);
                }
            }
        }
        return out.length - 2 == dist[t];
    }
}
