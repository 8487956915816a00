package splab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathLossAndScheduleTest {

    private static final int PAD = 10;

    @Test
    void maskCoversTokensAfterPathMarkExceptPadding() {
        // <bos> 0 1 <e> <q> 0 1 <p> 0 1 <eos> <pad> <pad>
        int[] row = {11, 0, 1, 12, 13, 0, 1, 14, 0, 1, 15, PAD, PAD};
        float[][] mask = PathLoss.targetMask(new TokenBatch(new int[][] {row}, new int[] {7}), PAD);
        // target j-1 is token j: scored for j = 8, 9, 10
        float[] expected = new float[12];
        expected[7] = expected[8] = expected[9] = 1f;
        assertArrayEquals(expected, mask[0]);
    }

    @Test
    void lossGradientIsSoftmaxMinusOneHotOverScoredPositionsEvenAfterGc() {
        Engine.getEngine("PyTorch");
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.randomNormal(new Shape(2, 3, 5));
            logits.setRequiresGradient(true);
            NDArray targets = m.create(new int[][] {{1, 2, 3}, {4, 0, 1}});
            NDArray mask = m.create(new float[][] {{0, 1, 1}, {1, 0, 0}});
            NDArray loss;
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                loss = PathLoss.maskedCrossEntropy(logits, targets, mask);
                System.gc(); // DJL's mul(Number) under autograd would free a scalar the backward pass still reads
                c.backward(loss);
            }
            NDArray expected = logits.softmax(2).sub(targets.oneHot(5))
                    .mul(mask.expandDims(2)).div(m.create(3f));
            assertArrayEquals(expected.toFloatArray(), logits.getGradient().toFloatArray(), 1e-6f);
            float manual = 0;
            float[] logp = logits.logSoftmax(2).toFloatArray();
            manual -= logp[1 * 5 + 2] + logp[2 * 5 + 3] + logp[3 * 5 + 4];
            assertEquals(manual / 3, loss.getFloat(), 1e-5f);
        }
    }

    @Test
    void scheduleWarmsUpLinearlyThenDecaysByCosineToTheFloor() {
        TrainConfig c = TrainConfig.defaults().with(s -> { s.steps = 110; s.warmupSteps = 10; s.learningRate = 1e-3; });
        assertEquals(1e-4, c.learningRateAt(0), 1e-12);
        assertEquals(1e-3, c.learningRateAt(9), 1e-12);
        assertEquals(1e-3, c.learningRateAt(10), 1e-12);
        assertEquals(1e-3 * (0.1 + 0.9 * 0.5), c.learningRateAt(60), 1e-12);
        assertEquals(1e-4, c.learningRateAt(110), 1e-12);
        for (long s = 10; s < 110; s++) {
            assertTrue(c.learningRateAt(s + 1) <= c.learningRateAt(s));
        }
    }

    @Test
    void configRejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().with(c -> { c.batchSize = 0; }));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().with(c -> { c.learningRate = -1; }));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TokenBatch(new int[][] {{1, 2}}, new int[] {1}));
        assertTrue(e.getMessage().contains("<p>"), e.getMessage());
    }

    @Test
    void setLossWithSingletonSetsEqualsLabelLossAndWithTiesTakesTheMassOfEverySet() {
        Engine.getEngine("PyTorch");
        try (NDManager m = NDManager.newBaseManager()) {
            // one row: <bos> ... <p> at index 1, targets at indexes 2, 3, 4 (positions 1, 2, 3 of [B, L-1])
            int[] row = {11, 14, 0, 2, 15};
            int vocab = 16;
            TokenBatch single = new TokenBatch(new int[][] {row}, new int[] {1}, new int[][][] {{{0}, {2}, {15}}});
            TokenBatch tied = new TokenBatch(new int[][] {row}, new int[] {1}, new int[][][] {{{0}, {2, 3}, {15}}});
            NDArray logits = m.randomNormal(new Shape(1, 4, vocab));
            logits.setRequiresGradient(true);
            NDArray targets = m.create(new int[][] {{14, 0, 2, 15}});
            NDArray mask = m.create(PathLoss.targetMask(single, PAD));
            float label = PathLoss.maskedCrossEntropy(logits, targets, mask).getFloat();
            float set = PathLoss.maskedSetCrossEntropy(logits, PathLoss.validTargetLogMask(single, vocab, m), mask).getFloat();
            assertEquals(label, set, 1e-5f);

            NDArray loss;
            NDArray logMask = PathLoss.validTargetLogMask(tied, vocab, m);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                loss = PathLoss.maskedSetCrossEntropy(logits, logMask, mask);
                System.gc();
                c.backward(loss);
            }
            float[] p = logits.softmax(2).toFloatArray();
            double expected = -(Math.log(p[vocab + 0]) + Math.log(p[2 * vocab + 2] + p[2 * vocab + 3])
                    + Math.log(p[3 * vocab + 15])) / 3;
            assertEquals(expected, loss.getFloat(), 1e-5);
            // d/dz_k of -log(p2 + p3) is p_k - [k in set] p_k / (p2 + p3)
            float[] grad = logits.getGradient().toFloatArray();
            double mass = p[2 * vocab + 2] + p[2 * vocab + 3];
            for (int k = 0; k < vocab; k++) {
                double pk = p[2 * vocab + k];
                double g = pk - (k == 2 || k == 3 ? pk / mass : 0);
                assertEquals(g / 3, grad[2 * vocab + k], 1e-6, "token " + k);
                assertEquals(0, grad[k], 1e-9, "unscored position");
            }
            long hits = PathLoss.correctInSet(logits, logMask, mask);
            assertTrue(hits >= 0 && hits <= 3);
        }
    }

    @Test
    void correctInSetCountsAnArgMaxInsideTheSet() {
        Engine.getEngine("PyTorch");
        try (NDManager m = NDManager.newBaseManager()) {
            int vocab = 4;
            NDArray logits = m.create(new float[] {0, 5, 0, 0, 0, 0, 0, 5}, new Shape(1, 2, vocab));
            TokenBatch batch = new TokenBatch(new int[][] {{0, 1, 2}}, new int[] {0}, new int[][][] {{{2, 1}, {2}}});
            NDArray mask = m.create(new float[][] {{1, 1}});
            assertEquals(1, PathLoss.correctInSet(logits, PathLoss.validTargetLogMask(batch, vocab, m), mask));
        }
    }
}
