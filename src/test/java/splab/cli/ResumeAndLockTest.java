package splab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import splab.io.RunLock;

/** A resume continues the same run or refuses; a run folder is used by one process at a time. */
class ResumeAndLockTest {
    @TempDir
    Path dir;
    Path run;

    @BeforeEach
    void trainATinyRun() {
        run = dir.resolve("run");
        List<String> a = new ArrayList<>(List.of("train", "--out", run.toString()));
        a.addAll(List.of(TrainCommandTest.TINY));
        MainTest.Outcome o = MainTest.run(a.toArray(new String[0]));
        assertEquals(0, o.code(), o.err());
    }

    private static void assertOneLine(MainTest.Outcome o, String fragment) {
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(fragment), o.err());
    }

    @Test
    void aResumeThatWouldChangeTheModelOrScheduleIsRefusedAndTheConfigKept() throws IOException {
        String before = Files.readString(run.resolve("config.json"));
        assertOneLine(MainTest.run("train", "--resume", run.toString(), "--set", "model.dModel=64"), "model.dModel (saved 16, given 64)");
        assertOneLine(MainTest.run("train", "--resume", run.toString(), "--set", "train.steps=120"), "train.steps (saved 60, given 120)");
        assertEquals(before, Files.readString(run.resolve("config.json")), "config.json untouched");
        MainTest.Outcome threads = MainTest.run("train", "--resume", run.toString(), "--set", "train.threads=2");
        assertEquals(0, threads.code(), "train.threads may change: " + threads.err());
    }

    @Test
    void aMissingLatestFallsBackToTheNewestCompleteCheckpointAndAStrayOneIsRefused() throws IOException {
        Path ck = run.resolve("checkpoints");
        Files.delete(ck.resolve("LATEST"));
        assertEquals(ck.resolve("step-00000060"), splab.train.Checkpoints.latest(ck));
        Files.writeString(ck.resolve("LATEST"), "../../..\n");
        assertOneLine(MainTest.run("train", "--resume", run.toString()), "not a step folder");
        Files.writeString(ck.resolve("LATEST"), "step-00000060\n");
        Files.write(ck.resolve("step-00000060/optimizer.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertOneLine(MainTest.run("train", "--resume", run.toString(), "--set", "train.stopAt.wallSeconds=0"),
                "optimizer.bin is damaged");
    }

    @Test
    void trainOutIntoAnotherConfigsFolderIsRefusedAndItsFilesKept() throws IOException {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("config.json"), "{\"data\": {\"nMax\": 7}}\n");
        Files.writeString(other.resolve("metrics.jsonl"), "{\"step\": 1}\n");
        List<String> a = new ArrayList<>(List.of("train", "--out", other.toString()));
        a.addAll(List.of(TrainCommandTest.TINY));
        assertOneLine(MainTest.run(a.toArray(new String[0])), "another config");
        assertEquals("{\"data\": {\"nMax\": 7}}\n", Files.readString(other.resolve("config.json")));
        assertEquals("{\"step\": 1}\n", Files.readString(other.resolve("metrics.jsonl")));
    }

    @Test
    void aSecondProcessInTheSameFolderIsRefusedNamingTheHolder() {
        try (RunLock held = RunLock.acquire(run, "a test holding the folder")) {
            MainTest.Outcome o = MainTest.run("train", "--resume", run.toString());
            assertOneLine(o, "is in use by another splab process (pid " + ProcessHandle.current().pid());
            assertTrue(o.err().contains("a test holding the folder"), o.err());
        }
        assertEquals(0, MainTest.run("train", "--resume", run.toString()).code(), "released when the holder ends");
    }
}
