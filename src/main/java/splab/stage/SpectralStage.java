package splab.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import splab.analysis.SpectralAnalysis;
import splab.analysis.SpectralResults;
import splab.config.LabConfig;
import splab.data.DatasetFiles;
import splab.data.PathExample;
import splab.model.PathTransformer;
import splab.train.Checkpoints;

/**
 * The spectral stage shared by {@code splab spectral} and {@code splab run}: the run's trained model against the
 * spectrum of L(G) on its held-out graphs ({@link SpectralAnalysis}).
 */
public final class SpectralStage {
    private SpectralStage() {}

    /**
     * Loads the run's latest checkpoint and test split, builds the untrained twin (same architecture, engine seeded
     * with the training seed, as {@code Training.start} does) and runs the analysis with {@code config.spectral()}.
     */
    public static SpectralResults run(LabConfig config, Path runDir) {
        Path checkpoints = runDir.resolve("checkpoints");
        Path latest = Files.isDirectory(checkpoints) ? Checkpoints.latest(checkpoints) : null;
        if (latest == null) {
            throw new IllegalArgumentException(runDir + " has no checkpoint under checkpoints/ (train first)");
        }
        List<PathExample> test = DatasetFiles.readTest(QuerySource.datasetDir(runDir));
        Checkpoints.State state = Checkpoints.readState(latest);
        try (NDManager manager = NDManager.newBaseManager()) {
            PathTransformer trained = Checkpoints.loadModel(checkpoints, manager);
            Engine.getInstance().setRandomSeed((int) state.seed());
            PathTransformer untrained = PathTransformer.create(state.model(), manager);
            SpectralAnalysis analysis = new SpectralAnalysis(trained, untrained, manager, config.spectral(),
                    config.seed(), config.navigate().sln());
            int n = Math.min(config.spectral().graphs(), SpectralAnalysis.pickGraphs(test, config.spectral().graphs()).size());
            try (Progress p = new Progress("spectral", n)) {
                return analysis.run(test, p);
            }
        }
    }
}
