package splab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFilesTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsADataset() throws IOException {
        DatasetBuilder.Dataset ds = new DatasetBuilder(DatasetBuilderTest.config(60, 4, "uniform"), 3).sample(x -> { });
        DatasetFiles.write(dir, ds);
        assertEquals(ds.train(), DatasetFiles.readTrain(dir));
        assertEquals(ds.test(), DatasetFiles.readTest(dir));
        List<PathExample> train = DatasetFiles.readTrain(dir);
        long graphs = train.stream().map(e -> e.n() + java.util.Arrays.deepToString(e.edges())).distinct().count();
        long edgeArrays = train.stream().map(e -> System.identityHashCode(e.edges())).distinct().count();
        assertTrue(graphs < train.size(), "pairs share graphs: " + graphs + " graphs, " + train.size() + " pairs");
        assertEquals(graphs, edgeArrays, "the pairs of one graph share one edge array in memory");
        assertTrue(Files.readString(dir.resolve(DatasetFiles.STATS_FILE)).contains("\"overlappingClasses\" : 0"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void reportsTheFileAndLineOfABadExample() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"n\":3,\"edges\":[[0,1],[1,2]],\"source\":0,\"target\":2,\"path\":[0,1,2]}",
                "{\"n\":3,\"edges\":[[0,1],[1,2]],\"source\":0,\"target\":2,\"path\":[0,2]}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetFiles.readExamples(f));
        assertTrue(e.getMessage().startsWith(f + ":2: path [0, 2] is not a shortest path"), e.getMessage());
        Files.writeString(f, "{\"n\":3,\"edges\":[[0,1],[0,1]],\"source\":0,\"target\":1}\n");
        e = assertThrows(IllegalArgumentException.class, () -> DatasetFiles.readExamples(f));
        assertTrue(e.getMessage().contains(":1: edge 0-1 appears twice"), e.getMessage());
        Files.writeString(f, "{\"n\":3,\"edges\":[[0,1]],\"source\":0,\"target\":1}\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DatasetFiles.readExamples(f)).getMessage()
                .contains("not connected"));
        Files.writeString(f, "{\"n\":3,\"edges\":[[0,1],[1,2]],\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DatasetFiles.readExamples(f)).getMessage()
                .startsWith(f + ":1: "));
    }

    @Test
    void fillsInMissingLabelsFromTheGraph() throws IOException {
        Path f = dir.resolve("q.jsonl");
        Files.writeString(f, "{\"n\":4,\"edges\":[[0,1],[1,2],[2,3],[0,3]],\"source\":0,\"target\":2}\n");
        List<PathExample> ex = DatasetFiles.readExamples(f);
        assertEquals(2, ex.get(0).distance());
        assertEquals(2, ex.get(0).shortestPaths());
    }
}
