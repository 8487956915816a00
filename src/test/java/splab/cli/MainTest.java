package splab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import splab.data.DatasetFiles;
import splab.data.PathExample;
import splab.graph.AllShortestPaths;

class MainTest {
    @TempDir
    Path dir;

    /** Runs the CLI in-process and captures what it prints. */
    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpListsTheSubcommands() {
        Outcome o = run("--help");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("data") && o.out().contains("run") && o.out().contains("bench"), o.out());
    }

    @Test
    void dataWritesAValidDataset() throws IOException {
        Path out = dir.resolve("d");
        Outcome o = run("data", "--graphs", "300", "--seed", "1", "--out", out.toString(), "--set", "data.nMax=8");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("isomorphism classes in both splits: 0"), o.out());
        for (String f : List.of("train.jsonl", "test.jsonl", "stats.json", "config.json", "run.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        List<PathExample> test = DatasetFiles.readTest(out);
        assertFalse(test.isEmpty());
        for (PathExample e : test) {
            assertTrue(new AllShortestPaths(e.graph()).isShortestPath(e.path(), e.source(), e.target()));
            assertTrue(e.n() <= 8);
        }
        String config = Files.readString(out.resolve("config.json"));
        assertTrue(config.contains("\"nMax\" : 8") && config.contains("\"graphs\" : 300"), config);
        assertTrue(Files.readString(out.resolve("run.json")).contains("datasetSha256"));
    }

    @Test
    void dataFromANautyFile() throws Exception {
        Path g6 = Path.of(getClass().getResource("/splab/graph/geng-c7.g6").toURI());
        Path out = dir.resolve("d7");
        Outcome o = run("data", "--from", g6.toString(), "--out", out.toString(), "--set", "data.pairsPerGraph=2");
        assertEquals(0, o.code(), o.err());
        assertEquals(853 * 2, DatasetFiles.readTrain(out).size() + DatasetFiles.readTest(out).size());
    }

    @Test
    void badInputIsOneLineAndNonZero() throws IOException {
        Path out = dir.resolve("bad");
        assertOneLineError(run("data", "--out", out.toString(), "--bogus"), "Unknown option");
        assertOneLineError(run("data", "--out", out.toString(), "--set", "data.nMin=9", "--set", "data.nMax=4"),
                "data.nMin (9) is greater than data.nMax (4)");
        assertOneLineError(run("data", "--out", out.toString(), "--set", "data.nMax=12"), "vocabulary");
        assertOneLineError(run("data", "--out", out.toString(), "--graphs", "lots"), "lots");
        Path g6 = dir.resolve("x.g6");
        Files.writeString(g6, "Bw\nB?\n");
        assertOneLineError(run("data", "--from", g6.toString(), "--out", out.toString()), g6 + ":2: graph is not connected");
        assertFalse(Files.exists(out.resolve("train.jsonl")), "nothing written on bad input");
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        assertOneLineError(run("data", "--graphs", "5", "--out", file.resolve("sub").toString()), "cannot create output folder");
    }

    @Test
    void aFailedRunKeepsThePreviousDataset() throws IOException {
        Path out = dir.resolve("keep");
        assertEquals(0, run("data", "--graphs", "50", "--out", out.toString()).code());
        String before = Files.readString(out.resolve("train.jsonl"));
        Path g6 = dir.resolve("bad.g6");
        Files.writeString(g6, "Bw\n!!\n");
        assertEquals(2, run("data", "--from", g6.toString(), "--out", out.toString()).code());
        assertEquals(before, Files.readString(out.resolve("train.jsonl")));
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void runDoesEveryStageAndContinues() throws IOException {
        Path out = dir.resolve("run");
        List<String> a = new java.util.ArrayList<>(List.of("run", "--out", out.toString(), "--set", "navigate.testPairs=300",
                "--set", "spectral.graphs=12", "--set", "spectral.exampleGraphs=1", "--set", "spectral.attentionArrays=2"));
        a.addAll(List.of(TrainCommandTest.TINY));
        Outcome first = run(a.toArray(new String[0]));
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.exists(out.resolve("data/test.jsonl")));
        List<String> csv = Files.readAllLines(out.resolve("navigators.csv"));
        for (String nav : List.of("model", "bfs", "steinerberger", "random")) {
            assertTrue(csv.stream().anyMatch(l -> l.startsWith(nav + ",all,all,300,")), nav + " scored on 300 pairs: " + csv);
        }
        assertTrue(first.out().contains("== summary") && first.out().contains("alignment with the L(G) spectrum"), first.out());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Navigators on the same held-out pairs") && html.contains("data:image/png;base64,"), "report");
        assertTrue(Files.exists(out.resolve("figures/training_accuracy.png")));
        assertTrue(Files.exists(out.resolve("spectral/summary.csv")));
        // the claim-2 verdict with its interventions, controls included, on the tiny trained model
        assertTrue(html.contains("Claim 2: verdict") && html.contains("Spectral beyond incidence:"), "claim-2 section");
        List<String> iv = Files.readAllLines(out.resolve("claim2/interventions.csv"));
        assertTrue(iv.stream().anyMatch(l -> l.startsWith("unedited,")) && iv.stream().anyMatch(l -> l.startsWith("random_incidence_removed_19,")), iv.toString());
        assertTrue(first.out().contains("(the paper's layer 1)"), first.out());
        Outcome again = run(a.toArray(new String[0]));
        assertTrue(again.out().contains("data: already complete") && again.out().contains("train: already complete"), again.out());
        a.addAll(List.of("--set", "data.graphs=300"));
        assertOneLineError(run(a.toArray(new String[0])), "another config");
    }

    private static void assertOneLineError(Outcome o, String fragment) {
        assertTrue(o.code() != 0, "exit code for " + o.err());
        String err = o.err().strip();
        assertTrue(err.contains(fragment), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
    }
}
