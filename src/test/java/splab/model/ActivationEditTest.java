package splab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import org.junit.jupiter.api.Test;

/** Editing hooks: an identity edit changes nothing; an edit at one position leaves earlier positions alone. */
class ActivationEditTest {
    private static final int[][] TOKENS = {{11, 0, 1, 12, 1, 2, 12, 2, 3, 12, 13, 0, 3, 14, 0, 1}};

    private static float[] logits(PathTransformer model, NDManager m, ActivationRecorder hooks) {
        try (NDManager sub = m.newSubManager()) {
            return model.forward(sub.create(TOKENS), false, hooks).toFloatArray();
        }
    }

    @Test
    void identityEditIsBitIdenticalAndALaterEditLeavesEarlierLogitsAlone() {
        Engine.getEngine("PyTorch").setRandomSeed(5);
        ModelConfig config = ModelConfig.of(ModelConfig.vocabSizeFor(10), 24, 32, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            PathTransformer model = PathTransformer.create(config, m);
            float[] plain = logits(model, m, null);
            String layer = ActivationRecorder.residPost(0);
            float[] identity = logits(model, m, ActivationRecorder.editor().editing(layer, x -> x.getManager()
                    .create(x.toFloatArray(), x.getShape())));
            assertArrayEquals(plain, identity, "an identity edit changes no logit");

            int p = 9; // the third <e>
            float[] edited = logits(model, m, ActivationRecorder.editor().editing(layer, x -> {
                NDArray y = x.duplicate();
                y.set(new NDIndex(":, " + p + ", :"), 0f);
                return y;
            }));
            int vocab = config.vocabSize();
            assertArrayEquals(Arrays.copyOf(plain, p * vocab), Arrays.copyOf(edited, p * vocab),
                    "positions before the edit cannot see it");
            assertFalse(Arrays.equals(plain, edited), "the edit changes later logits");
        }
    }

    @Test
    void onlyResidualStreamNamesCanBeEditedAndRecordingStillWorks() {
        assertThrows(IllegalArgumentException.class,
                () -> ActivationRecorder.editor().editing(ActivationRecorder.pattern(0), x -> x));
        Engine.getEngine("PyTorch").setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            PathTransformer model = PathTransformer.create(ModelConfig.of(ModelConfig.vocabSizeFor(10), 24, 32, 2), m);
            ActivationRecorder rec = new ActivationRecorder().editing(ActivationRecorder.embed(), x -> x.mul(x.getManager().create(0f)));
            logits(model, m, rec);
            float[] embed = rec.get(ActivationRecorder.embed()).data();
            assertEquals(0f, (float) Arrays.stream(toDouble(embed)).map(Math::abs).max().orElse(1), "the recording shows the edited array");
            assertEquals(0, ActivationRecorder.editor().names().size());
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
