package splab.train;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import splab.model.ModelConfig;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainBenchTest {

    @Test
    void smallBenchReturnsPositiveFigures() {
        ModelConfig model = ModelConfig.of(ModelConfig.vocabSizeFor(10), 32, 32, 2);
        TrainBench.Result r = TrainBench.run(model, 8, 32, 1, 2, 1);
        assertTrue(r.tokensPerSecond() > 0 && r.msPerStep() > 0 && r.matmulGflops() > 0);
        assertTrue(r.mfu() > 0 && r.mfu() < 1.5, r.summary());
        assertTrue(r.nonPaddingFraction() > 0 && r.nonPaddingFraction() <= 1);
    }

    /** The standard benchmark (dModel 128, 4 heads, batch 64 x 64); run with -Pslow. */
    @Test
    @Tag("slow")
    void standardBench() {
        System.out.println(TrainBench.run(0).summary());
    }
}
