package splab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny sweep end to end: 2 settings x 2 seeds as separate processes, a rerun, printed commands and --collect. */
class SweepCommandTest {
    @TempDir
    Path dir;

    private Path tinyConfig() throws IOException {
        Path base = dir.resolve("tiny.json");
        Files.writeString(base, """
                {"data": {"graphs": 120, "nMax": 6},
                 "model": {"dModel": 16, "heads": 2},
                 "train": {"steps": 40, "batchSize": 16, "checkpointInterval": 20, "evalInterval": 20,
                           "logInterval": 10, "evalExamples": 40, "warmupSteps": 5},
                 "navigate": {"testPairs": 100},
                 "spectral": {"graphs": 8, "exampleGraphs": 1, "attentionArrays": 2}}
                """);
        return base;
    }

    @Test
    void sweepRunsEverySettingAndSeedThenSkipsFinishedRuns() throws IOException {
        Path base = tinyConfig();
        Path out = dir.resolve("sweep");
        String[] args = {"sweep", "--config", base.toString(), "--grid", "model.heads=1,2", "--seeds", "2", "--jobs", "2",
            "--out", out.toString()};
        MainTest.Outcome first = MainTest.run(args);
        assertEquals(0, first.code(), first.out() + first.err());
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(5, csv.size(), "header and 4 runs: " + csv);
        assertTrue(csv.get(0).startsWith("run,setting,model.heads,seed,status,correct,"), csv.get(0));
        assertTrue(csv.get(0).contains(",wall_s,correct_n3,correct_n4,correct_n5,correct_n6,"), "one column per size: " + csv.get(0));
        for (String name : List.of("model.heads-1_seed-1", "model.heads-1_seed-2", "model.heads-2_seed-1", "model.heads-2_seed-2")) {
            assertTrue(csv.stream().anyMatch(l -> l.startsWith(name + ",") && l.contains(",finished,")), name + " in " + csv);
            assertTrue(Files.exists(out.resolve(name).resolve("report.html")), name + " is an ordinary run folder");
        }
        String html = Files.readString(out.resolve("sweep.html"));
        assertTrue(html.contains("model.heads=1") && html.contains("model.heads=2") && html.contains("(2 seeds)"), html);
        assertTrue(html.contains("data:image/png;base64,"), "the learning curves are embedded");
        assertTrue(html.contains("Correct by graph size") && html.contains("n = 6"), "the table by size");
        // each run used its own seed: the two seeds of a setting drew different data
        assertFalse(Files.readString(out.resolve("model.heads-1_seed-1/data/train.jsonl"))
                .equals(Files.readString(out.resolve("model.heads-1_seed-2/data/train.jsonl"))));

        MainTest.Outcome again = MainTest.run(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("4 finished before (kept), 0 to run"), again.out());
    }

    @Test
    void printedCommandsRunByHandAreCollected() throws IOException, InterruptedException {
        Path base = tinyConfig();
        Path out = dir.resolve("printed");
        MainTest.Outcome printed = MainTest.run("sweep", "--config", base.toString(), "--grid", "model.heads=1", "--seeds", "2",
                "--out", out.toString(), "--print-commands");
        assertEquals(0, printed.code(), printed.err());
        List<String> commands = Files.readAllLines(out.resolve("commands.txt"));
        assertEquals(2, commands.size(), commands.toString());
        assertTrue(commands.get(0).startsWith("OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS="), commands.get(0));
        assertFalse(Files.exists(out.resolve("model.heads-1_seed-1")), "--print-commands runs nothing");

        Process p = new ProcessBuilder("bash", "-c", commands.get(0)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("by-hand.log").toFile()).start();
        assertEquals(0, p.waitFor(), Files.readString(dir.resolve("by-hand.log")));

        MainTest.Outcome collected = MainTest.run("sweep", "--collect", out.toString());
        assertEquals(0, collected.code(), collected.err());
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertTrue(csv.get(1).startsWith("model.heads-1_seed-1,") && csv.get(1).contains(",finished,"), csv.toString());
        assertTrue(csv.get(2).startsWith("model.heads-1_seed-2,") && csv.get(2).contains(",unfinished"), csv.toString());
        assertTrue(Files.readString(out.resolve("sweep.md")).contains("unfinished: model.heads-1_seed-2"));
    }

    @Test
    void aBadGridKeyStopsTheSweepBeforeAnyRun() throws IOException {
        Path out = dir.resolve("bad");
        MainTest.Outcome o = MainTest.run("sweep", "--config", tinyConfig().toString(), "--grid", "model.head=1,2",
                "--out", out.toString());
        assertEquals(2, o.code());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("model.head"), o.err());
        assertFalse(Files.exists(out.resolve("sweep.json")), "nothing is planned or started");

        MainTest.Outcome collect = MainTest.run("sweep", "--collect", dir.resolve("nowhere").toString());
        assertEquals(2, collect.code());
        assertTrue(collect.err().contains("not a sweep folder"), collect.err());

        // --collect writes into the folder it reads; an --out next to it would be silently ignored
        MainTest.Outcome elsewhere = MainTest.run("sweep", "--collect", dir.toString(), "--out", dir.resolve("b").toString());
        assertEquals(2, elsewhere.code());
        assertEquals(1, elsewhere.err().strip().lines().count(), elsewhere.err());
        assertTrue(elsewhere.err().contains("--out does not go with it"), elsewhere.err());
    }
}
