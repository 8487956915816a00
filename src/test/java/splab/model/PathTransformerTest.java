package splab.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathTransformerTest {

    private static final int VOCAB = ModelConfig.vocabSizeFor(10);

    private static int[][] randomTokens(int batch, int len, long seed) {
        Random r = new Random(seed);
        int[][] tokens = new int[batch][len];
        for (int[] row : tokens) {
            for (int i = 0; i < len; i++) {
                row[i] = r.nextInt(VOCAB);
            }
        }
        return tokens;
    }

    @Test
    void pytorchEngineLoadsOfflineAndCreatesAnArray() {
        Engine engine = Engine.getEngine("PyTorch");
        assertEquals("PyTorch", engine.getEngineName());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1f, 2f, 3f});
            assertEquals(6f, a.sum().getFloat(), 0f);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8})
    void logitsHaveShapeBatchPositionVocabForEveryHeadCount(int heads) {
        for (ModelConfig.Positions positions : ModelConfig.Positions.values()) {
            ModelConfig config = ModelConfig.of(VOCAB, 16, 32, heads).withPositions(positions);
            try (NDManager m = NDManager.newBaseManager()) {
                PathTransformer model = PathTransformer.create(config, m);
                NDArray logits = model.forward(m.create(randomTokens(3, 12, heads)), false);
                assertEquals(new Shape(3, 12, VOCAB), logits.getShape(), positions + " heads " + heads);
            }
        }
    }

    @Test
    void changingLaterTokensLeavesEarlierLogitsUnchanged() {
        for (ModelConfig.Positions positions : ModelConfig.Positions.values()) {
            ModelConfig config = ModelConfig.of(VOCAB, 16, 32, 4).withPositions(positions);
            try (NDManager m = NDManager.newBaseManager()) {
                PathTransformer model = PathTransformer.create(config, m);
                int[][] a = randomTokens(2, 14, 1);
                int[][] b = randomTokens(2, 14, 1);
                int p = 6;
                Random r = new Random(2);
                for (int[] row : b) {
                    for (int i = p; i < row.length; i++) {
                        row[i] = (row[i] + 1 + r.nextInt(VOCAB - 1)) % VOCAB;
                    }
                }
                float[] la = model.forward(m.create(a), false).get(":, :" + p + ", :").toFloatArray();
                float[] lb = model.forward(m.create(b), false).get(":, :" + p + ", :").toFloatArray();
                assertArrayEquals(la, lb, 1e-5f, positions.toString());
                float[] after = model.forward(m.create(a), false).get(":, " + p + ":, :").toFloatArray();
                float[] afterB = model.forward(m.create(b), false).get(":, " + p + ":, :").toFloatArray();
                double diff = 0;
                for (int i = 0; i < after.length; i++) {
                    diff += Math.abs(after[i] - afterB[i]);
                }
                assertTrue(diff > 1e-3, "later logits should depend on later tokens");
            }
        }
    }

    @Test
    void recorderReturnsNamedActivationsWithDocumentedShapes() {
        ModelConfig config = ModelConfig.of(VOCAB, 16, 32, 4);
        try (NDManager m = NDManager.newBaseManager()) {
            PathTransformer model = PathTransformer.create(config, m);
            ActivationRecorder rec = new ActivationRecorder();
            model.forward(m.create(randomTokens(3, 10, 5)), false, rec);
            assertArrayEquals(new long[] {3, 10, 32}, rec.get("embed").shape());
            for (int l = 0; l < 2; l++) {
                assertArrayEquals(new long[] {3, 4, 10, 10}, rec.get("blocks." + l + ".attn.pattern").shape());
                assertArrayEquals(new long[] {3, 10, 32}, rec.get("blocks." + l + ".resid_mid").shape());
                assertArrayEquals(new long[] {3, 10, 32}, rec.get("blocks." + l + ".resid_post").shape());
            }
            assertEquals(7, rec.names().size());
            assertThrows(IllegalArgumentException.class, () -> rec.get("blocks.9.attn.pattern"));
        }
    }

    @Test
    void attentionRowsSumToOneAndAreZeroAboveTheDiagonal() {
        ModelConfig config = ModelConfig.of(VOCAB, 16, 32, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            PathTransformer model = PathTransformer.create(config, m);
            ActivationRecorder rec = new ActivationRecorder();
            int t = 9;
            model.forward(m.create(randomTokens(2, t, 8)), false, rec);
            float[] a = rec.get(ActivationRecorder.pattern(1)).data();
            for (int row = 0; row < a.length / t; row++) {
                int query = row % t;
                double sum = 0;
                for (int key = 0; key < t; key++) {
                    float v = a[row * t + key];
                    if (key > query) {
                        assertEquals(0f, v, 0f);
                    }
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-5);
            }
        }
    }

    @Test
    void configRejectsBadValuesWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelConfig.of(VOCAB, 16, 30, 4));
        assertTrue(e.getMessage().contains("divisible"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.of(VOCAB, 16, 32, 0));
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.of(VOCAB, 16, 32, 4).withDropout(1f));
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.of(VOCAB, 16, 12, 4)); // head size 3, RoPE
    }
}
