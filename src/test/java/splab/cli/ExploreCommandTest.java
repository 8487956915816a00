package splab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import splab.config.ConfigLoader;
import splab.config.LabConfig;

/** {@code splab explore} on bad input: one line naming the problem, exit status 2, no page written. */
class ExploreCommandTest {
    @TempDir
    Path dir;

    private static void oneLineError(MainTest.Outcome o, String expected) {
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(expected), o.err());
    }

    @Test
    void aFolderWithoutConfigIsNotARun() {
        oneLineError(MainTest.run("explore", "--run", dir.toString()), "is not a run folder (no config.json)");
    }

    @Test
    void badCountsAndMissingCheckpointsAreNamed() {
        ConfigLoader.save(LabConfig.defaults(), dir.resolve("config.json"));
        oneLineError(MainTest.run("explore", "--run", dir.toString(), "--queries-per-graph", "0"),
                "--queries-per-graph must be >= 1, got 0");
        oneLineError(MainTest.run("explore", "--run", dir.toString(), "--graphs", "-3"), "--graphs must be >= 1, got -3");
        oneLineError(MainTest.run("explore", "--run", dir.toString()), "has no checkpoint under checkpoints/");
        assertFalse(Files.exists(dir.resolve("explorer.html")));
    }
}
