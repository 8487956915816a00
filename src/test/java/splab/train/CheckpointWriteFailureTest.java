package splab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import splab.model.ModelConfig;

/** A checkpoint save that fails midway (a full disk, injected) leaves no temporary folder and keeps LATEST valid. */
class CheckpointWriteFailureTest {
    @TempDir
    Path root;

    @Test
    void aFailedSaveCleansUpAndTheLastCompleteCheckpointStays() throws IOException {
        SyntheticPaths source = new SyntheticPaths(10, 3, 6, 0.5, 32);
        TrainConfig config = TrainConfig.defaults().with(c -> {
            c.batchSize = 8;
            c.steps = 4;
            c.warmupSteps = 1;
            c.evalInterval = 0;
            c.logInterval = 0;
            c.threads = 1;
        });
        try (Training t = Training.start(ModelConfig.of(ModelConfig.vocabSizeFor(10), 32, 16, 2), config, source)) {
            t.trainStep();
            Path first = Checkpoints.save(t, root);
            t.trainStep();
            Checkpoints.beforeRename = tmp -> {
                throw new UncheckedIOException(new IOException("No space left on device"));
            };
            try {
                UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Checkpoints.save(t, root));
                assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            } finally {
                Checkpoints.beforeRename = tmp -> { };
            }
            try (Stream<Path> left = Files.list(root)) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "no half-written folder");
            }
            assertEquals(first, Checkpoints.latest(root));
            assertEquals(1, Checkpoints.readState(first).step());
        }
    }
}
