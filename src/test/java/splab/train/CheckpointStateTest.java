package splab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** state.json as earlier versions wrote it (the seed only as train.seed) stays readable. */
class CheckpointStateTest {
    @TempDir
    Path dir;

    private static final String MODEL = "\"model\": {\"vocabSize\": 16, \"maxSeqLen\": 151, \"dModel\": 128, \"heads\": 4, "
            + "\"layers\": 2, \"mlpWidth\": 512, \"dropout\": 0.0, \"positions\": \"ROPE\"}";

    private static final String TRAIN = "\"train\": {\"batchSize\": 64, \"steps\": 4000, \"learningRate\": 0.001, "
            + "\"warmupSteps\": 500, \"minLrRatio\": 0.1, \"weightDecay\": 0.0, \"gradClip\": 1.0, \"seed\": 3, "
            + "\"evalInterval\": 500, \"logInterval\": 50, \"threads\": 0, \"evalExamples\": 500, "
            + "\"checkpointInterval\": 500, \"bucketByNodeCount\": true, \"target\": \"any_shortest\", "
            + "\"distanceExponent\": 0.5, \"relabelNodes\": false}";

    @Test
    void aLegacyTrainSeedBecomesTheCheckpointSeed() throws IOException {
        Files.writeString(dir.resolve("state.json"), "{\"step\": 4000, \"examplesSeen\": 256000, " + MODEL + ", "
                + TRAIN + "}");
        Checkpoints.State s = Checkpoints.readState(dir);
        assertEquals(3, s.seed());
        assertEquals(4000, s.step());
        assertEquals(TrainConfig.defaults(), s.train());
    }

    @Test
    void aTrainSeedThatDisagreesWithTheSeedIsRefused() throws IOException {
        Files.writeString(dir.resolve("state.json"), "{\"step\": 1, \"examplesSeen\": 64, \"seed\": 2, " + MODEL
                + ", \"train\": {\"seed\": 3}}");
        String m = assertThrows(IllegalArgumentException.class, () -> Checkpoints.readState(dir)).getMessage();
        assertTrue(m.contains("state.json") && m.contains("train.seed (3) differs from seed (2)"), m);
    }

    @Test
    void aStateWithoutItsBlasWarnsOfNothingAndAChangedBlasIsNamed() throws IOException {
        Files.writeString(dir.resolve("state.json"), "{\"step\": 1, \"examplesSeen\": 64, \"seed\": 3, " + MODEL
                + ", " + TRAIN + "}");
        Checkpoints.State old = Checkpoints.readState(dir);
        assertEquals(null, old.blas(), "checkpoints from before the field have none");
        assertTrue(old.blasChange("oneMKL inside libtorch_cpu.so").isEmpty());

        Files.writeString(dir.resolve("state.json"), "{\"step\": 1, \"examplesSeen\": 64, \"seed\": 3, " + MODEL
                + ", " + TRAIN + ", \"blas\": \"oneMKL inside libtorch_cpu.so\"}");
        Checkpoints.State s = Checkpoints.readState(dir);
        assertTrue(s.blasChange("oneMKL inside libtorch_cpu.so").isEmpty());
        String w = s.blasChange("OpenBLAS 0.3.21 (SkylakeX kernels)").orElseThrow();
        assertTrue(w.contains("trained with oneMKL") && w.contains("uses OpenBLAS") && w.contains("not be bit-identical"), w);
    }
}
