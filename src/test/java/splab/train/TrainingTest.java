package splab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import splab.model.GreedyDecoder;
import splab.model.ModelConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingTest {

    private static final int MAX_NODES = 10;
    private static final int SEQ = 32;
    private static final SyntheticPaths SOURCE = new SyntheticPaths(MAX_NODES, 3, 6, 0.5, SEQ);

    private static ModelConfig smallModel() {
        return ModelConfig.of(ModelConfig.vocabSizeFor(MAX_NODES), SEQ, 32, 4);
    }

    private static TrainConfig smallTraining(long steps) {
        return TrainConfig.defaults().with(c -> {
                c.learningRate = 3e-3; c.batchSize = 16; c.steps = steps; c.warmupSteps = 5; c.evalInterval = 0;
                c.logInterval = 0; c.threads = 1;
        });
    }

    @Test
    void aFewStepsReduceTheLoss() {
        try (Training t = Training.start(smallModel(), smallTraining(40), 7, SOURCE)) {
            List<Float> losses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                losses.add(t.trainStep().loss());
            }
            double first = (losses.get(0) + losses.get(1) + losses.get(2)) / 3;
            double last = (losses.get(37) + losses.get(38) + losses.get(39)) / 3;
            assertTrue(last < first - 0.5, "loss should fall: first " + first + ", last " + last);
        }
    }

    @Test
    void stepsLeaveNoArraysBehindInTheModelManager() {
        try (Training t = Training.start(smallModel(), smallTraining(10), 7, SOURCE)) {
            t.trainStep();
            int before = t.manager().getManagedArrays().size();
            for (int i = 0; i < 4; i++) {
                t.trainStep();
            }
            assertEquals(before, t.manager().getManagedArrays().size());
        }
    }

    @Test
    void overfitsAHandfulOfSequencesToPerfectGreedyDecoding() {
        TokenBatch fixed = SOURCE.next(8, new Random(3));
        BatchSource same = (size, rng) -> fixed;
        TrainConfig config = smallTraining(300).with(c -> {
                c.learningRate = 3e-3; c.weightDecay = 0; c.warmupSteps = 10;
        });
        try (Training t = Training.start(smallModel(), config, 7, same)) {
            StepResult r = null;
            for (int i = 0; i < 300; i++) {
                r = t.trainStep();
                if (r.correctPathTokens() == r.pathTokens() && r.loss() < 0.05) {
                    break;
                }
            }
            assertNotNull(r);
            Training.Evaluation e = t.evaluate(fixed);
            assertEquals(1.0, e.accuracy(), 0.0, "teacher-forced accuracy after " + r.step() + " steps");

            int[][] prompts = new int[8][];
            int[][] expected = new int[8][];
            for (int i = 0; i < 8; i++) {
                int[] row = fixed.tokens()[i];
                int p = fixed.pathStart()[i];
                prompts[i] = Arrays.copyOf(row, p + 1);
                int end = p + 1;
                while (row[end] != SOURCE.vocabulary().eos()) {
                    end++;
                }
                expected[i] = Arrays.copyOfRange(row, p + 1, end + 1);
            }
            GreedyDecoder decoder = GreedyDecoder.forMaxNodes(t.model(), MAX_NODES);
            try (NDManager m = NDManager.newBaseManager()) {
                int[][] decoded = decoder.decode(prompts, 12, m);
                for (int i = 0; i < 8; i++) {
                    assertArrayEquals(expected[i], decoded[i], "row " + i);
                }
            }
        }
    }

    @Test
    void resumingFromACheckpointContinuesExactly(@TempDir Path dir) throws Exception {
        resumeExactly(dir, smallModel());
    }

    @Test
    void resumingWithDropoutContinuesExactly(@TempDir Path dir) throws Exception {
        resumeExactly(dir, smallModel().withDropout(0.1f));
    }

    @Test
    void dropoutChangesTheTrainingLoss() {
        float plain;
        float dropped;
        try (Training t = Training.start(smallModel(), smallTraining(2), 7, SOURCE)) {
            plain = t.trainStep().loss();
        }
        try (Training t = Training.start(smallModel().withDropout(0.3f), smallTraining(2), 7, SOURCE)) {
            dropped = t.trainStep().loss();
        }
        assertTrue(plain != dropped, "dropout should perturb the forward pass");
    }

    private static void resumeExactly(Path dir, ModelConfig model) throws Exception {
        int n = 6;
        TrainConfig config = smallTraining(n).with(c -> { c.warmupSteps = 2; });
        float[] straightLosses = new float[n];
        List<float[]> straightParams;
        try (Training t = Training.start(model, config, 7, SOURCE)) {
            for (int i = 0; i < n; i++) {
                straightLosses[i] = t.trainStep().loss();
            }
            straightParams = parameters(t);
        }

        float[] resumedLosses = new float[n];
        try (Training t = Training.start(model, config, 7, SOURCE)) {
            for (int i = 0; i < n / 2; i++) {
                resumedLosses[i] = t.trainStep().loss();
            }
            Checkpoints.save(t, dir);
        }
        assertTrue(Files.exists(dir.resolve("LATEST")));
        try (Training t = Checkpoints.resume(dir, SOURCE)) {
            assertEquals(n / 2, t.step());
            assertEquals(16L * n / 2, t.examplesSeen());
            for (int i = n / 2; i < n; i++) {
                resumedLosses[i] = t.trainStep().loss();
            }
            List<float[]> resumedParams = parameters(t);
            assertArrayEquals(straightLosses, resumedLosses, 0f);
            for (int i = 0; i < straightParams.size(); i++) {
                assertArrayEquals(straightParams.get(i), resumedParams.get(i), 0f, "parameter " + i);
            }
            // a second save replaces the first and keeps one complete folder
            Checkpoints.save(t, dir);
            assertEquals(dir.resolve("step-00000006"), Checkpoints.latest(dir));
            try (var files = Files.list(dir)) {
                assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("step-")).count());
            }
        }
    }

    @Test
    void metricsLogWritesOneJsonObjectPerLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        TrainConfig config = smallTraining(4).with(c -> { c.evalInterval = 2; c.logInterval = 1; });
        try (Training t = Training.start(smallModel(), config, 7, SOURCE); MetricsLog log = new MetricsLog(file)) {
            t.train(10, log, tr -> java.util.Map.of("eval_acc", 0.5));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("{\"step\":1,\"loss\":"), lines.get(0));
        assertTrue(lines.get(1).contains("\"eval_acc\":0.5"), lines.get(1));
        assertTrue(lines.get(3).contains("\"examples_seen\":64"), lines.get(3));
        assertTrue(lines.get(3).contains("\"wall_s\":") && lines.get(3).contains("\"rss_mb\":"), lines.get(3));
    }

    @Test
    void wallTimeContinuesAcrossAReopenedLog(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        Files.writeString(file, "{\"step\":10,\"wall_s\":123.5}\n");
        try (MetricsLog log = new MetricsLog(file)) {
            log.append(new java.util.LinkedHashMap<>(java.util.Map.of("step", 11)));
        }
        double wall = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readAllLines(file).get(1)).path("wall_s").asDouble();
        assertTrue(wall >= 123.5 && wall < 133.5, "wall_s " + wall);
    }

    private static List<float[]> parameters(Training t) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : t.model().getParameters()) {
            NDArray a = p.getValue().getArray();
            out.add(a.toFloatArray());
        }
        return out;
    }
}
