package splab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import splab.train.Checkpoints;

/** Training from the command line: run folder, metrics, evaluation, and exact resume after SIGKILL. */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small config: a dModel-16 model on 3-6 node graphs, 60 steps, a checkpoint every 20. */
    static final String[] TINY = {"--set", "data.graphs=120", "--set", "data.nMax=6", "--set", "model.dModel=16",
        "--set", "model.heads=2", "--set", "train.steps=60", "--set", "train.batchSize=16", "--set",
        "train.checkpointInterval=20", "--set", "train.evalInterval=30", "--set", "train.logInterval=5",
        "--set", "train.evalExamples=60", "--set", "train.warmupSteps=5", "--set", "train.threads=1"};

    @TempDir
    Path dir;

    static String[] args(String... head) {
        List<String> a = new ArrayList<>(List.of(head));
        a.addAll(List.of(TINY));
        return a.toArray(new String[0]);
    }

    @Test
    void trainWritesTheRunFolderAndEvalScoresIt() throws Exception {
        Path run = dir.resolve("r");
        MainTest.Outcome o = MainTest.run(args("train", "--out", run.toString()));
        assertEquals(0, o.code(), o.err());
        for (String f : List.of("config.json", "run.json", "metrics.jsonl", "data/train.jsonl", "checkpoints/LATEST")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        List<JsonNode> rows = metrics(run);
        assertEquals(60, rows.get(rows.size() - 1).path("step").asLong());
        assertTrue(rows.stream().anyMatch(r -> r.has("eval_correct") && r.has("eval_d1")), "held-out figures logged");
        JsonNode prov = JSON.readTree(run.resolve("run.json").toFile());
        assertEquals(1, prov.path("intraOpThreads").asInt(), "the thread count actually used (train.threads=1)");
        assertTrue(rows.get(0).path("loss").asDouble() > rows.get(rows.size() - 1).path("loss").asDouble(),
                "the loss went down");
        MainTest.Outcome again = MainTest.run(args("train", "--out", run.toString()));
        assertTrue(again.code() == 2 && again.err().contains("--resume"), again.err());

        MainTest.Outcome eval = MainTest.run("eval", "--run", run.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("model") && Files.exists(run.resolve("eval.csv")), eval.out());
        assertTrue(prov.path("args").toString().contains("train.steps=60"), "run.json records the arguments: " + prov);

        // the run's model is one more navigator: scored beside the others on the run's held-out pairs ...
        Path scored = dir.resolve("scored");
        MainTest.Outcome nav = MainTest.run("navigate", "--run", run.toString(), "--out", scored.toString());
        assertEquals(0, nav.code(), nav.err());
        List<String> csv = Files.readAllLines(scored.resolve("navigators.csv"));
        String model = csv.stream().filter(l -> l.startsWith("model,all,all,")).findFirst().orElseThrow();
        String bfs = csv.stream().filter(l -> l.startsWith("bfs,all,all,")).findFirst().orElseThrow();
        assertEquals(bfs.split(",")[3], model.split(",")[3], "same number of pairs for the model and bfs");
        // ... and answers a single query with its path and a verdict
        MainTest.Outcome one = MainTest.run("navigate", "--run", run.toString(), "--graph", "0-1,1-2,2-3,3-4",
                "--source", "0", "--target", "4");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().lines().anyMatch(l -> l.startsWith("model ") && (l.endsWith("(shortest)")
                || l.endsWith("(valid, longer)") || l.contains("(failed: "))), one.out());
        MainTest.Outcome noRun = MainTest.run("navigate", "--navigator", "model", "--graphs", "3");
        assertTrue(noRun.code() == 2 && noRun.err().contains("--run"), noRun.err());
    }

    @Test
    void aRunKilledMidTrainingAndResumedMatchesAStraightRun() throws Exception {
        Path straight = dir.resolve("straight"), killed = dir.resolve("killed");
        assertEquals(0, MainTest.run(args("train", "--out", straight.toString())).code());

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true", Main.class.getName()));
        cmd.addAll(List.of(args("train", "--out", killed.toString())));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path latest = killed.resolve("checkpoints").resolve("LATEST");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(latest) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no chance to tidy up
        child.waitFor(30, TimeUnit.SECONDS);
        long killedAt = Checkpoints.readState(Checkpoints.latest(killed.resolve("checkpoints"))).step();
        assertTrue(killedAt < 60, "the child was killed mid-training (at its checkpoint of step " + killedAt + ")");

        MainTest.Outcome resumed = MainTest.run("train", "--resume", killed.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(withoutTimings(metrics(straight)), withoutTimings(metrics(killed)));
        Path a = Checkpoints.latest(straight.resolve("checkpoints")), b = Checkpoints.latest(killed.resolve("checkpoints"));
        assertArrayEquals(Files.readAllBytes(a.resolve("parameters.ndlist")), Files.readAllBytes(b.resolve("parameters.ndlist")));
        assertArrayEquals(Files.readAllBytes(a.resolve("optimizer.bin")), Files.readAllBytes(b.resolve("optimizer.bin")));
    }

    @Test
    void badTrainInvocationsAreOneLine() {
        MainTest.Outcome o = MainTest.run("train");
        assertTrue(o.code() == 2 && o.err().contains("exactly one of --out"), o.err());
        o = MainTest.run("train", "--resume", dir.resolve("nope").toString());
        assertTrue(o.code() == 2 && o.err().contains("not a run folder"), o.err());
        o = MainTest.run("train", "--out", dir.resolve("x").toString(), "--set", "model.heads=3");
        assertTrue(o.code() == 2 && o.err().contains("model.dModel (128) must be divisible by heads (3)"), o.err());
        o = MainTest.run("train", "--out", dir.resolve("x").toString(), "--set", "train.seed=9");
        assertTrue(o.code() == 2 && o.err().contains("one seed drives the whole run"), o.err());
        o = MainTest.run("eval", "--run", dir.toString());
        assertTrue(o.code() == 2 && o.err().contains("not a run folder"), o.err());
    }

    static List<JsonNode> metrics(Path run) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    private static List<JsonNode> withoutTimings(List<JsonNode> rows) {
        for (JsonNode r : rows) {
            ((ObjectNode) r).remove(List.of("tokens_per_s", "ms_per_step", "wall_s", "rss_mb", "heap_committed_mb"));
        }
        return rows;
    }

}
