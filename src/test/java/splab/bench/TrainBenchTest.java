package splab.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import splab.train.SyntheticPaths;
import splab.train.TokenBatch;
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

    @Test
    void filledRowsAreTheStatedShapeWithLittlePadding() {
        SyntheticPaths source = new SyntheticPaths(10, 3, 10, 0.35, 64);
        java.util.Random rng = new java.util.Random(2);
        TokenBatch padded = source.next(32, rng), filled = source.next(32, rng, 60);
        assertTrue(filled.length() == 64 && padded.length() == 64);
        int pad = source.vocabulary().pad(), realFilled = 0, realPadded = 0;
        for (int b = 0; b < 32; b++) {
            int len = 0;
            while (len < 64 && filled.tokens()[b][len] != pad) {
                len++;
            }
            assertTrue(len >= 60, "row " + b + " has " + len + " tokens");
            realFilled += len;
            for (int x : padded.tokens()[b]) {
                realPadded += x == pad ? 0 : 1;
            }
        }
        assertTrue(realFilled > 1.3 * realPadded, realFilled + " vs " + realPadded);
        TrainBench.Result r = TrainBench.run(ModelConfig.of(ModelConfig.vocabSizeFor(10), 64, 32, 2), 8, 64, 60, 1, 2, 1);
        assertTrue(r.nonPaddingFraction() > 0.9, r.summary());
    }

    /** The standard benchmark (dModel 128, 4 heads, batch 64 x 64); run with -Pslow. */
    @Test
    @Tag("slow")
    void standardBench() {
        System.out.println(TrainBench.run(0).summary());
    }
}
