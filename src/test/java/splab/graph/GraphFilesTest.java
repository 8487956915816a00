package splab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphFilesTest {
    @TempDir
    Path dir;

    @Test
    void graph6OfKnownGraphs() {
        // worked by hand from the format: n+63, then upper-triangle bits column by column, 6 per character
        assertEquals("Bw", GraphFiles.toGraph6(CanonicalFormTest.complete(3)));
        assertEquals("Bg", GraphFiles.toGraph6(SmallGraph.of(3, new int[][] {{0, 1}, {1, 2}})));
        assertEquals(SmallGraph.of(3, new int[][] {{0, 1}, {1, 2}}), GraphFiles.parseGraph6("Bg"));
        // the Petersen graph as nauty's documentation and House of Graphs write it
        SmallGraph petersen = GraphFiles.parseGraph6("IheA@GUAo");
        assertEquals(CanonicalForm.certificate(CanonicalFormTest.petersen()), CanonicalForm.certificate(petersen));
    }

    @Test
    void readsWhatGengWritesAndRoundTrips() throws IOException {
        ConnectedGraphSampler s = new ConnectedGraphSampler(3, 10, 0.5, NodeCountMix.UNIFORM, 4);
        List<SmallGraph> graphs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            graphs.add(s.next());
        }
        Path f = dir.resolve("g.g6");
        GraphFiles.writeGraph6(f, graphs);
        assertEquals(graphs, GraphFiles.read(f));
        Path j = dir.resolve("g.jsonl");
        GraphFiles.writeJsonl(j, graphs);
        assertEquals(new ArrayList<>(new java.util.LinkedHashSet<>(graphs)), GraphFiles.read(j));
    }

    @Test
    void importsNautyGengOutput() throws Exception {
        // fixtures made with Debian's nauty: `nauty-geng -c 4` and `nauty-geng -c 7` (all connected graphs)
        Path c4 = Path.of(getClass().getResource("geng-c4.g6").toURI());
        assertEquals(List.of("CF", "CU", "CV", "C]", "C^", "C~"), Files.readAllLines(c4));
        List<SmallGraph> four = GraphFiles.read(c4);
        assertEquals(6, four.stream().map(CanonicalForm::certificate).distinct().count());
        List<SmallGraph> seven = GraphFiles.read(Path.of(getClass().getResource("geng-c7.g6").toURI()));
        assertEquals(853, seven.size());
        assertEquals(853, seven.stream().map(CanonicalForm::certificate).distinct().count());
        for (SmallGraph g : seven) {
            assertEquals(g, GraphFiles.parseGraph6(GraphFiles.toGraph6(g)));
        }
        Path withHeader = dir.resolve("h.g6");
        Files.writeString(withHeader, ">>graph6<<CF\nC~\n");
        assertEquals(List.of(four.get(0), four.get(5)), GraphFiles.read(withHeader));
    }

    @Test
    void reportsFileAndLineOfBadGraphs() throws IOException {
        Path f = dir.resolve("bad.g6");
        Files.writeString(f, "Bw\nBw\nB!\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphFiles.read(f));
        assertTrue(e.getMessage().startsWith(f + ":3: "), e.getMessage());
        Files.writeString(f, "Bw\nB?\n"); // three isolated vertices
        e = assertThrows(IllegalArgumentException.class, () -> GraphFiles.read(f));
        assertTrue(e.getMessage().startsWith(f + ":2: graph is not connected"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphFiles.read(dir.resolve("none.g6")))
                .getMessage().startsWith("no such file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphFiles.read(dir.resolve("x.csv")))
                .getMessage().contains("unknown graph file type"));
    }

    @Test
    void readsDotAndRefusesNonSimpleGraphs() throws IOException {
        Path f = dir.resolve("g.dot");
        Files.writeString(f, "graph G {\n  0 -- 1;\n  1 -- 2;\n  2 -- 10;\n  10 -- 0;\n}\n");
        SmallGraph g = GraphFiles.read(f).get(0);
        assertEquals(4, g.nodeCount());
        assertEquals(CanonicalForm.certificate(CanonicalFormTest.cycle(4)), CanonicalForm.certificate(g));
        Files.writeString(f, "graph G { a -- b; b -- b; }");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphFiles.read(f)).getMessage().contains("loop"));
        Files.writeString(f, "graph G { a -- b; b -- a; }");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphFiles.read(f)).getMessage().contains("twice"));
    }

    @Test
    void parsesInlineEdgeLists() {
        assertEquals(SmallGraph.of(4, new int[][] {{0, 1}, {1, 2}, {2, 3}}), GraphFiles.parseEdgeList("0-1, 1-2,2-3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphFiles.parseEdgeList("0-1,1"))
                .getMessage().contains("'1'"));
        assertThrows(IllegalArgumentException.class, () -> GraphFiles.parseEdgeList("0-0"));
    }
}
