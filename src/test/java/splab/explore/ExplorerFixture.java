package splab.explore;

import java.nio.file.Path;
import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import splab.analysis.SpectralConfig;
import splab.data.DataConfig;
import splab.data.DatasetBuilder;
import splab.data.PathExample;
import splab.model.ModelConfig;
import splab.model.PathTransformer;
import splab.navigate.NavigateConfig;
import splab.navigate.TransformerNavigator;

/**
 * Explorer data from a small untrained model on a few held-out graphs of a small seeded dataset: its paths are
 * mostly wrong, which exercises every outcome the page shows, and its attention is a real softmax.
 */
final class ExplorerFixture {
    static final int GRAPHS = 6;
    static final int PER_GRAPH = 3;

    private ExplorerFixture() {
    }

    static ExplorerData build(Path runDir) {
        List<PathExample> test = new DatasetBuilder(new DataConfig(400, 4, 8, 0.5, "uniform", 10, 0, "uniform", 0.3, 0), 5)
                .sample(x -> { }).test();
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getEngine("PyTorch").setRandomSeed(3);
            PathTransformer model = PathTransformer.create(ModelConfig.of(16, 160, 16, 2), manager);
            NavigateConfig nav = NavigateConfig.defaults();
            Explorer explorer = new Explorer(model, new TransformerNavigator(model, 10, 1, 32), nav.navigator("sln", 1),
                    nav.navigator("steinerberger", 1), SpectralConfig.defaults(), manager);
            QueryPicker.Pool pool = QueryPicker.pool(test, GRAPHS, PER_GRAPH, 1);
            List<QueryPicker.Candidate> chosen = QueryPicker.choose(explorer.answer(pool, x -> { }), PER_GRAPH, 1);
            return explorer.build(runDir, pool, chosen, x -> { });
        }
    }
}
