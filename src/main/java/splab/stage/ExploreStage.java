package splab.stage;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.ndarray.NDManager;

import splab.config.LabConfig;
import splab.data.DatasetFiles;
import splab.data.PathExample;
import splab.explore.Explorer;
import splab.explore.ExplorerData;
import splab.explore.ExplorerPage;
import splab.explore.QueryPicker;
import splab.model.PathTransformer;
import splab.train.Checkpoints;

/**
 * Writes a run's {@code explorer.html} (part of the report stage of {@code splab run}, and {@code splab explore}):
 * the model's latest checkpoint answers every held-out query of the first {@code graphs} distinct test graphs,
 * {@code perGraph} queries per graph are kept (mistakes first) and the model is recorded on each.
 */
public final class ExploreStage {
    /** Queries per graph kept by default. */
    public static final int DEFAULT_PER_GRAPH = 5;

    private ExploreStage() {}

    /** What was written. */
    public record Outcome(Path file, long bytes, int graphs, int queries, long mistakes, double seconds) {
        /** One line for the terminal. */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "explorer: %d queries (%d model mistakes) on %d graphs, %.1f MB, "
                    + "in %.0f s: %s", queries, mistakes, graphs, bytes / 1e6, seconds, file.toAbsolutePath());
        }
    }

    /** Builds and writes the page; {@code graphs} null means {@code spectral.graphs}. */
    public static Outcome run(LabConfig config, Path runDir, Integer graphs, int perGraph, PrintStream out) {
        if (perGraph < 1) {
            throw new IllegalArgumentException("--queries-per-graph must be >= 1, got " + perGraph);
        }
        int limit = graphs == null ? config.spectral().graphs() : graphs;
        if (limit < 1) {
            throw new IllegalArgumentException("--graphs must be >= 1, got " + limit);
        }
        long start = System.nanoTime();
        Path checkpoints = runDir.resolve("checkpoints");
        if (!Files.isDirectory(checkpoints) || Checkpoints.latest(checkpoints) == null) {
            throw new IllegalArgumentException(runDir + " has no checkpoint under checkpoints/ (train first)");
        }
        List<PathExample> test = DatasetFiles.readTest(QuerySource.datasetDir(runDir));
        QueryPicker.Pool pool = QueryPicker.pool(test, limit, perGraph, config.seed());
        if (pool.graphs().isEmpty()) {
            throw new IllegalArgumentException(runDir + ": no held-out graph with at least 3 edges to explore");
        }
        Path file = runDir.resolve(ExplorerPage.FILE);
        try (NDManager manager = NDManager.newBaseManager()) {
            PathTransformer model = Checkpoints.loadModel(checkpoints, manager);
            Explorer explorer = new Explorer(model, NavigateStage.model(config, model),
                    config.navigate().navigator("sln", config.seed()),
                    config.navigate().navigator("steinerberger", config.seed()), config.spectral(), manager);
            out.printf("explorer: %d held-out queries on %d graphs to decode%n", pool.queries().size(), pool.graphs().size());
            List<QueryPicker.Candidate> answered;
            try (Progress p = new Progress("explorer: decoding", pool.queries().size())) {
                answered = explorer.answer(pool, p);
            }
            List<QueryPicker.Candidate> chosen = QueryPicker.choose(answered, perGraph, config.seed());
            ExplorerData data;
            try (Progress p = new Progress("explorer: recording attention", chosen.size())) {
                data = explorer.build(runDir, pool, chosen, p);
            }
            long bytes = ExplorerPage.write(file, data);
            long mistakes = data.queries().stream().filter(q -> !q.model().correct()).count();
            return new Outcome(file, bytes, data.graphs().size(), data.queries().size(), mistakes,
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
