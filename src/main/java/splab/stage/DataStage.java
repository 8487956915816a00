package splab.stage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import splab.config.LabConfig;
import splab.data.DatasetBuilder;
import splab.data.DatasetFiles;
import splab.graph.GraphFiles;
import splab.graph.SmallGraph;

/** The data stage shared by {@code splab data} and {@code splab run}: build, write, summarise. */
public final class DataStage {
    private DataStage() {}

    /** Builds the dataset (sampled, or from a graph file), writes it into {@code dir}, prints its stats. */
    public static DatasetBuilder.Dataset run(LabConfig config, Path from, Path dir, PrintStream out) {
        DatasetBuilder builder = new DatasetBuilder(config.data(), config.seed());
        DatasetBuilder.Dataset dataset;
        if (from != null) {
            List<SmallGraph> graphs = GraphFiles.read(from);
            out.printf("read %,d graphs from %s%n", graphs.size(), from);
            try (Progress p = new Progress("data", graphs.size())) {
                dataset = builder.build(graphs, p);
            }
        } else {
            List<SmallGraph> graphs;
            try (Progress p = new Progress("sampling", config.data().graphs())) {
                graphs = builder.sampleGraphs(p);
            }
            try (Progress p = new Progress("labelling", graphs.size())) {
                dataset = builder.build(graphs, p);
            }
        }
        if (dataset.train().isEmpty() || dataset.test().isEmpty()) {
            throw new IllegalArgumentException("data: the split left the " + (dataset.train().isEmpty() ? "training" : "test")
                    + " split empty (" + dataset.train().size() + " training and " + dataset.test().size() + " test examples, "
                    + "data.testFraction " + config.data().testFraction() + "); give more graphs or another testFraction");
        }
        DatasetFiles.write(dir, dataset);
        out.println(dataset.stats().summary());
        return dataset;
    }
}
