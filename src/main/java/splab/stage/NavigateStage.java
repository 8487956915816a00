package splab.stage;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDManager;

import splab.config.LabConfig;
import splab.data.DatasetFiles;
import splab.model.PathTransformer;
import splab.navigate.Navigator;
import splab.navigate.NavigatorScores;
import splab.navigate.Query;
import splab.navigate.ScoreSheet;
import splab.navigate.TransformerNavigator;
import splab.train.Checkpoints;

/**
 * The navigate stage of {@code splab run}: the trained transformer and every configured navigator scored on
 * the same held-out queries (a seeded sample of {@code navigate.testPairs}), into {@code navigators.csv}.
 */
public final class NavigateStage {
    private NavigateStage() {}

    public static List<ScoreSheet> run(LabConfig config, Path runDir, PrintStream out) {
        List<Query> queries = queries(config, runDir);
        List<ScoreSheet> sheets = new ArrayList<>();
        List<String> names = config.navigate().navigators();
        try (Progress p = new Progress("navigators", names.size() + 1)) {
            if (Files.exists(runDir.resolve("checkpoints"))) {
                try (NDManager manager = NDManager.newBaseManager()) {
                    sheets.add(NavigatorScores.score(model(config, runDir, manager), queries));
                }
            }
            p.accept(1);
            for (int i = 0; i < names.size(); i++) {
                Navigator nav = config.navigate().navigator(names.get(i), config.seed());
                sheets.add(NavigatorScores.score(nav, queries));
                p.accept(i + 2);
            }
        }
        out.println(NavigatorScores.table(sheets));
        NavigatorScores.writeCsv(runDir.resolve("navigators.csv"), sheets);
        return sheets;
    }

    /** The held-out queries every navigator of a run is scored on: a seeded sample of {@code navigate.testPairs}. */
    public static List<Query> queries(LabConfig config, Path runDir) {
        return TrainStage.evalQueries(DatasetFiles.readTest(QuerySource.datasetDir(runDir)),
                config.navigate().testPairs() == 0 ? Integer.MAX_VALUE : config.navigate().testPairs(), config.seed() + 1);
    }

    /** The run's trained model (latest checkpoint) as the navigator {@code model}; its arrays live in {@code manager}. */
    public static TransformerNavigator model(LabConfig config, Path runDir, NDManager manager) {
        Path checkpoints = runDir.resolve("checkpoints");
        if (!Files.isDirectory(checkpoints) || Checkpoints.latest(checkpoints) == null) {
            throw new IllegalArgumentException(runDir + " has no checkpoint under checkpoints/ (train first)");
        }
        return model(config, Checkpoints.loadModel(checkpoints, manager));
    }

    /** {@code model} as the navigator {@code model}, decoding as the navigate stage does (prompts seeded by the run). */
    public static TransformerNavigator model(LabConfig config, PathTransformer model) {
        return new TransformerNavigator(model, config.data().maxNodes(), config.seed(), 256);
    }
}
