package splab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import splab.model.ModelConfig;

/** A failing checkpoint write leaves nothing half-written; a damaged or lost pointer is handled. */
class CheckpointWriteFailureTest {
    private static final SyntheticPaths SOURCE = new SyntheticPaths(10, 3, 5, 0.5, 24);

    @TempDir
    Path root;

    @AfterEach
    void restoreHook() {
        Checkpoints.beforeRename = tmp -> { };
    }

    private static Training start() {
        TrainConfig config = TrainConfig.defaults().with(c -> {
            c.batchSize = 4; c.steps = 3; c.warmupSteps = 1; c.evalInterval = 0; c.logInterval = 0; c.threads = 1;
        });
        return Training.start(ModelConfig.of(ModelConfig.vocabSizeFor(10), 24, 16, 2), config, SOURCE);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDiskFullDuringASaveLeavesNoTemporaryFolderAndKeepsTheLastCheckpoint() throws IOException {
        try (Training t = start()) {
            t.trainStep();
            Path first = Checkpoints.save(t, root);
            t.trainStep();
            Checkpoints.beforeRename = tmp -> {
                throw new UncheckedIOException(new IOException("No space left on device"));
            };
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Checkpoints.save(t, root));
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            assertEquals(List.of("LATEST", first.getFileName().toString()), names());
            assertEquals(first, Checkpoints.latest(root));
        }
    }

    @Test
    void aLostPointerFallsBackToTheNewestCompleteStepAndAForeignOneIsRefused() throws IOException {
        try (Training t = start()) {
            t.trainStep();
            Path saved = Checkpoints.save(t, root);
            Files.delete(root.resolve("LATEST"));
            assertEquals(saved, Checkpoints.latest(root), "LATEST deleted: the complete step folder is still found");
            Files.writeString(root.resolve("LATEST"), "../../../etc\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.latest(root));
            assertTrue(e.getMessage().contains("not a step folder"), e.getMessage());
        }
    }

    @Test
    void aDamagedOptimizerFileIsBadInputNamingTheFile() throws IOException {
        try (Training t = start()) {
            t.trainStep();
            Path saved = Checkpoints.save(t, root);
            byte[] bytes = Files.readAllBytes(saved.resolve("optimizer.bin"));
            for (int i = 0; i < Math.min(64, bytes.length); i++) {
                bytes[i] = (byte) 0x7f;
            }
            Files.write(saved.resolve("optimizer.bin"), bytes);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.resume(root, SOURCE));
        assertTrue(e.getMessage().contains("optimizer.bin") && e.getMessage().contains("damaged"), e.getMessage());
    }
}
