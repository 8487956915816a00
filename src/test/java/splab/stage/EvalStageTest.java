package splab.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import splab.config.ConfigLoader;
import splab.config.LabConfig;
import splab.data.Batcher;
import splab.data.DatasetBuilder;
import splab.data.DatasetFiles;
import splab.data.Vocabulary;
import splab.navigate.ScoreSheet;
import splab.train.Checkpoints;
import splab.train.TokenBatch;
import splab.train.Training;

/** {@code splab eval}'s stage on a tiny run: every held-out pair of the chosen split scored, eval.csv written. */
class EvalStageTest {
    @TempDir
    Path dir;

    @Test
    void scoresEveryHeldOutPairOfTheRunOrOfAnotherDataset() throws Exception {
        LabConfig config = ConfigLoader.load(null, List.of("data.graphs=60", "data.nMin=4", "data.nMax=6",
                "data.pairsPerGraph=2", "model.dModel=16", "model.heads=2", "train.steps=5", "train.threads=1"));
        Path run = dir.resolve("run");
        DatasetBuilder.Dataset ds = new DatasetBuilder(config.data(), config.seed()).sample(x -> { });
        DatasetFiles.write(run.resolve("data"), ds);
        Batcher batcher = new Batcher(ds.train(), new Vocabulary(config.data().maxNodes()), false);
        try (Training t = Training.start(config.model(), config.train(), config.seed(),
                (size, rng) -> TokenBatch.of(batcher.next(size, rng)))) {
            for (int i = 0; i < 5; i++) {
                t.trainStep();
            }
            Checkpoints.save(t, run.resolve("checkpoints"));
        }
        ScoreSheet own = EvalStage.run(config, run, null, 8);
        assertEquals(ds.test().size(), own.total().pairs());
        assertTrue(Files.readAllLines(run.resolve("eval.csv")).size() > 1);

        Path other = dir.resolve("other");
        DatasetBuilder.Dataset ods = new DatasetBuilder(ConfigLoader.load(null, List.of("data.graphs=90", "data.nMin=4", "data.nMax=6",
                "data.pairsPerGraph=2")).data(), config.seed()).sample(x -> { });
        DatasetFiles.write(other, ods);
        assertTrue(ods.test().size() != ds.test().size(), "the two splits must differ for the check to mean anything");
        assertEquals(ods.test().size(), EvalStage.run(config, run, other, 8).total().pairs());
    }
}
