package splab.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GreedyDecoderTest {

    @Test
    void batchedDecodingMatchesOnePromptAtATimeAndRespectsLimits() {
        Engine.getEngine("PyTorch").setRandomSeed(3);
        ModelConfig config = ModelConfig.of(ModelConfig.vocabSizeFor(10), 24, 32, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            PathTransformer model = PathTransformer.create(config, m);
            GreedyDecoder decoder = GreedyDecoder.forMaxNodes(model, 10);
            int[][] prompts = {
                    {11, 0, 1, 12, 13, 0, 1, 14},
                    {11, 2, 3, 12, 3, 4, 12, 13, 2, 4, 14, 2},
                    {11, 5, 6, 12, 13, 6, 5, 14}};
            int[][] batched = decoder.decode(prompts, 5, m);
            for (int i = 0; i < prompts.length; i++) {
                int[][] single = decoder.decode(new int[][] {prompts[i]}, 5, m);
                assertArrayEquals(single[0], batched[i], "prompt " + i);
                assertTrue(batched[i].length >= 1 && batched[i].length <= 5);
            }
            // the context limit stops generation: 24 - 12 = 12 tokens at most
            int[][] long1 = decoder.decode(new int[][] {prompts[1]}, 100, m);
            assertTrue(long1[0].length <= 12);
        }
    }
}
