package splab.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import splab.config.LabConfig;
import splab.data.DatasetBuilder;
import splab.data.DatasetFiles;
import splab.data.PathExample;
import splab.graph.GraphFiles;
import splab.graph.SmallGraph;
import splab.navigate.NavigatorScores;
import splab.navigate.Query;

/** Where scored queries come from: a dataset's test split, a graph file, or freshly sampled graphs. */
public final class QuerySource {
    private QuerySource() {}

    /** The test examples of a dataset folder, or of a run folder's {@code data/}. */
    public static Path datasetDir(Path dir) {
        if (Files.exists(dir.resolve(DatasetFiles.TEST_FILE))) {
            return dir;
        }
        if (Files.exists(dir.resolve("data").resolve(DatasetFiles.TEST_FILE))) {
            return dir.resolve("data");
        }
        throw new IllegalArgumentException(dir + " holds no " + DatasetFiles.TEST_FILE + " (nor data/" + DatasetFiles.TEST_FILE + ")");
    }

    /** Queries with labels from examples; consecutive examples of one graph share one graph object. */
    public static List<Query> fromExamples(List<PathExample> examples) {
        List<Query> out = new ArrayList<>(examples.size());
        SmallGraph last = null;
        PathExample lastEx = null;
        for (PathExample e : examples) {
            if (lastEx == null || lastEx.n() != e.n() || !Arrays.deepEquals(lastEx.edges(), e.edges())) {
                last = e.graph();
                lastEx = e;
            }
            out.add(new Query(last, e.source(), e.target(), e.path()));
        }
        return out;
    }

    /** Every ordered pair of every graph in a file. */
    public static List<Query> fromGraphFile(Path file) {
        return NavigatorScores.allPairs(GraphFiles.read(file));
    }

    /** Every ordered pair of {@code graphs} graphs sampled with the config's data settings. */
    public static List<Query> sampled(LabConfig config) {
        return NavigatorScores.allPairs(new DatasetBuilder(config.data(), config.seed()).sampleGraphs(x -> { }));
    }
}
