package splab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import splab.config.ConfigLoader;
import splab.config.LabConfig;
import splab.config.ResumeCheck;
import splab.io.RunLock;

/** A resume continues the same run or refuses; a run folder is never taken over by another config or process. */
class ResumeTest {
    @TempDir
    Path dir;

    @Test
    void resumeRefusesAChangeThatMayNotChangeAndKeepsTheSavedConfig() throws Exception {
        Path run = dir.resolve("r");
        MainTest.Outcome o = MainTest.run(TrainCommandTest.args("train", "--out", run.toString()));
        assertEquals(0, o.code(), o.err());
        String saved = Files.readString(run.resolve("config.json"));
        for (String change : List.of("model.dModel=32", "train.steps=80", "seed=9", "data.nMax=5")) {
            MainTest.Outcome r = MainTest.run("train", "--resume", run.toString(), "--set", change);
            String key = change.substring(0, change.indexOf('='));
            assertEquals(2, r.code(), change + ": " + r.err());
            assertTrue(r.err().strip().lines().count() == 1 && r.err().contains(key + " may not change on resume"),
                    r.err());
            assertEquals(saved, Files.readString(run.resolve("config.json")), "config.json untouched by " + change);
        }
    }

    @Test
    void theKeysListedAsFreeMayChangeAndNoOthers() {
        LabConfig base = ConfigLoader.load(null, List.of());
        ResumeCheck.check(base, ConfigLoader.load(null, List.of("train.logInterval=7", "train.evalInterval=9",
                "train.checkpointInterval=11", "train.threads=1", "navigate.testPairs=3", "spectral.graphs=5")), dir);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ResumeCheck.check(base, ConfigLoader.load(null, List.of("train.learningRate=0.5")), dir));
        assertTrue(e.getMessage().contains("train.learningRate") && e.getMessage().contains("0.5"), e.getMessage());
    }

    @Test
    void trainOutIntoAFolderOfAnotherConfigIsRefused() throws Exception {
        Path folder = dir.resolve("other");
        assertEquals(0, MainTest.run("data", "--graphs", "60", "--set", "data.nMax=5", "--out", folder.toString()).code());
        String before = Files.readString(folder.resolve("config.json"));
        MainTest.Outcome o = MainTest.run(TrainCommandTest.args("train", "--out", folder.toString()));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("holds a run with another config"), o.err());
        assertEquals(before, Files.readString(folder.resolve("config.json")));
    }

    @Test
    void aRunFolderHeldByALiveProcessIsRefusedNamingTheHolder() throws Exception {
        Path run = Files.createDirectories(dir.resolve("busy"));
        try (RunLock held = RunLock.acquire(run, "splab run --out busy", s -> { })) {
            MainTest.Outcome o = MainTest.run(TrainCommandTest.args("train", "--out", run.toString()));
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("in use by pid " + ProcessHandle.current().pid())
                    && o.err().contains("splab run --out busy"), o.err());
            assertTrue(!Files.exists(run.resolve("config.json")), "nothing written into a locked folder");
        }
    }
}
