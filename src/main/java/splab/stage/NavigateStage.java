package splab.stage;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDManager;

import splab.config.LabConfig;
import splab.data.DatasetFiles;
import splab.graph.AllShortestPaths;
import splab.graph.SmallGraph;
import splab.model.PathTransformer;
import splab.navigate.NavigationResult;
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

    /**
     * Prompts the model decodes together. The prompt pass of a batch holds attention scores of batch x heads x
     * length x length floats; 64 rows keep that to tens of MB, and the process's resident memory with it.
     */
    public static final int DECODE_BATCH = 64;

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

    /** Every navigator scored on the same queries, in order; progress counts navigators. */
    public static List<ScoreSheet> score(List<Navigator> navs, List<Query> queries) {
        List<ScoreSheet> sheets = new ArrayList<>();
        try (Progress p = new Progress("navigate", navs.size())) {
            for (Navigator nav : navs) {
                sheets.add(NavigatorScores.score(nav, queries));
                p.accept(sheets.size());
            }
        }
        return sheets;
    }

    /**
     * One query answered by every navigator, as lines to print: d(s, t) with the number of shortest paths, then each
     * navigator's path and whether it is shortest, a longer valid walk, or a failure (with its kind).
     */
    public static List<String> answer(List<Navigator> navs, SmallGraph g, int source, int target) {
        AllShortestPaths sp = new AllShortestPaths(g);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("d(%d, %d) = %d, %d shortest path(s)", source, target, sp.distance(source, target),
                sp.pathCount(source, target)));
        for (Navigator nav : navs) {
            NavigationResult r = nav.navigate(g, source, target);
            String verdict = r.success() && sp.isShortestPath(r.path(), source, target) ? "shortest"
                    : r.success() ? "valid, longer" : "failed: " + r.failure();
            lines.add(String.format("%-14s %s  (%s)", nav.name(), Arrays.toString(r.path()), verdict));
        }
        return lines;
    }

    /** The held-out queries every navigator of a run is scored on: a seeded sample of {@code navigate.testPairs}. */
    public static List<Query> queries(LabConfig config, Path runDir) {
        return TrainStage.evalQueries(DatasetFiles.readTest(QuerySource.datasetDir(runDir)),
                config.navigate().testPairs() == 0 ? Integer.MAX_VALUE : config.navigate().testPairs(), config.seed() + 1);
    }

    /** The run's trained model (latest checkpoint) as the navigator {@code model}; its arrays live in {@code manager}. */
    public static TransformerNavigator model(LabConfig config, Path runDir, NDManager manager) {
        return model(config, runDir, manager, DECODE_BATCH);
    }

    /** As {@link #model(LabConfig, Path, NDManager)}, decoding {@code batch} prompts together. */
    public static TransformerNavigator model(LabConfig config, Path runDir, NDManager manager, int batch) {
        Path checkpoints = runDir.resolve("checkpoints");
        if (!Files.isDirectory(checkpoints) || Checkpoints.latest(checkpoints) == null) {
            throw new IllegalArgumentException(runDir + " has no checkpoint under checkpoints/ (train first)");
        }
        return model(config, Checkpoints.loadModel(checkpoints, manager), batch);
    }

    /**
     * {@code model} as the navigator {@code model}, decoding as the navigate stage does (prompts seeded by the run),
     * {@code batch} prompts together.
     */
    public static TransformerNavigator model(LabConfig config, PathTransformer model, int batch) {
        return new TransformerNavigator(model, config.data().maxNodes(), config.seed(), batch);
    }

    /** As {@link #model(LabConfig, PathTransformer, int)} with {@link #DECODE_BATCH} prompts decoded together. */
    public static TransformerNavigator model(LabConfig config, PathTransformer model) {
        return model(config, model, DECODE_BATCH);
    }
}
