package splab.stage;

import java.nio.file.Path;
import java.util.List;

import ai.djl.ndarray.NDManager;

import splab.config.LabConfig;
import splab.data.DatasetFiles;
import splab.navigate.NavigatorScores;
import splab.navigate.Query;
import splab.navigate.ScoreSheet;

/**
 * The stage of {@code splab eval}: the run's trained model decoded greedily on every held-out pair of its test split
 * (or of another dataset's), scored by the shared harness and written to {@code eval.csv} in the run folder.
 */
public final class EvalStage {
    private EvalStage() {}

    /**
     * Scores the latest checkpoint of {@code runDir} on the test split of {@code dataDir} (a dataset or run folder;
     * null for the run's own), decoding {@code batch} prompts together.
     */
    public static ScoreSheet run(LabConfig config, Path runDir, Path dataDir, int batch) {
        List<Query> queries = QuerySource.fromExamples(DatasetFiles.readTest(
                QuerySource.datasetDir(dataDir != null ? dataDir : runDir)));
        try (NDManager manager = NDManager.newBaseManager()) {
            ScoreSheet sheet;
            try (Progress p = new Progress("eval pairs", queries.size())) {
                sheet = NavigateStage.model(config, runDir, manager, batch).score(queries, p);
            }
            NavigatorScores.writeCsv(runDir.resolve("eval.csv"), List.of(sheet));
            return sheet;
        }
    }
}
