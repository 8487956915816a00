package splab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NavigateCommandTest {
    @TempDir
    Path dir;

    @Test
    void answersOneQuery() {
        MainTest.Outcome o = MainTest.run("navigate", "--graph", "0-1,1-2,2-3", "--source", "0", "--target", "3");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("d(0, 3) = 3"), o.out());
        assertTrue(o.out().lines().filter(l -> l.contains("[0, 1, 2, 3]  (shortest)")).count() == 4, o.out());
    }

    @Test
    void scoresADatasetWithExactMatchAndWritesCsv() throws Exception {
        Path data = dir.resolve("d");
        assertEquals(0, MainTest.run("data", "--graphs", "200", "--out", data.toString()).code());
        MainTest.Outcome o = MainTest.run("navigate", "--data", data.toString(), "--navigator", "bfs,sln",
                "--set", "sln.k=4");
        assertEquals(0, o.code(), o.err());
        List<String> csv = Files.readAllLines(data.resolve("navigators.csv"));
        assertTrue(csv.get(0).startsWith("navigator,n,d,pairs,correct,accuracy"), csv.get(0));
        String bfsAll = csv.stream().filter(l -> l.startsWith("bfs,all,all,")).findFirst().orElseThrow();
        String[] f = bfsAll.split(",");
        assertEquals(f[3], f[4], "the oracle is always correct: " + bfsAll);
        assertTrue(csv.stream().anyMatch(l -> l.contains("sln[combinatorial,k=4,")), "sln.k=4 applied");
        // BFS returns one fixed shortest path; labels were drawn uniformly among ties, so exact < correct
        assertTrue(Integer.parseInt(f[7]) < Integer.parseInt(f[4]), bfsAll);
    }

    @Test
    void badInputIsOneLine() throws Exception {
        one(MainTest.run("navigate", "--navigator", "dijkstra", "--graphs", "3"), "unknown navigator 'dijkstra'");
        one(MainTest.run("navigate", "--graph", "0-1,1-2", "--source", "0", "--target", "0"), "same");
        one(MainTest.run("navigate", "--graph", "0-1,1-2", "--source", "0", "--target", "7"), "--target 7 is not a node");
        one(MainTest.run("navigate", "--graph", "0-1,2-3", "--source", "0", "--target", "3"), "not connected");
        one(MainTest.run("navigate", "--graph", "0-1,1-1", "--source", "0", "--target", "1"), "loop");
        one(MainTest.run("navigate", "--graphs", "3", "--set", "sln.k=-1"), "navigate.sln.k");
        one(MainTest.run("navigate", "--graphs", "3", "--set", "navigate.sln.weighting=heavy"), "heavy");
        one(MainTest.run("navigate"), "--data DIR");
        one(MainTest.run("navigate", "--data", dir.resolve("nothing").toString()), "holds no test.jsonl");
    }

    private static void one(MainTest.Outcome o, String fragment) {
        assertTrue(o.code() != 0, o.err());
        assertTrue(o.err().contains(fragment), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }
}
