package splab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import ai.djl.ndarray.NDManager;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import splab.stage.Progress;
import splab.stage.QuerySource;
import splab.config.ConfigLoader;
import splab.config.LabConfig;
import splab.data.DatasetFiles;
import splab.model.PathTransformer;
import splab.navigate.NavigatorScores;
import splab.navigate.Query;
import splab.navigate.ScoreSheet;
import splab.navigate.TransformerNavigator;
import splab.train.Checkpoints;

/** {@code splab eval}: score a trained run's model on held-out graphs by greedy decoding. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score the trained model of a run by greedy decoding on its held-out split (or --data DIR).",
            "Correct = a valid path of length d(s,t), with exact match beside it, by n and d, with failure kinds and "
                + "the first mistakes with their graphs.",
            "Writes eval.csv into the run folder."})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--run", paramLabel = "DIR", required = true, description = "Run folder (with checkpoints/)")
    Path run;

    @Option(names = "--data", paramLabel = "DIR", description = "Dataset folder to score instead of the run's data/")
    Path data;

    @Option(names = "--batch", defaultValue = "256", description = "Prompts decoded together (default ${DEFAULT-VALUE})")
    int batch;

    @Override
    public Integer call() {
        LabConfig config = ConfigLoader.ofRun(run);
        List<Query> queries = QuerySource.fromExamples(DatasetFiles.readTest(QuerySource.datasetDir(data != null ? data : run)));
        try (NDManager manager = NDManager.newBaseManager()) {
            PathTransformer model = Checkpoints.loadModel(run.resolve("checkpoints"), manager);
            ScoreSheet sheet;
            try (Progress p = new Progress("eval pairs", queries.size())) {
                sheet = new TransformerNavigator(model, config.data().maxNodes(), config.seed(), batch).score(queries, p);
            }
            System.out.println(NavigatorScores.table(List.of(sheet)));
            Path csv = run.resolve("eval.csv");
            NavigatorScores.writeCsv(csv, List.of(sheet));
            System.out.println("wrote " + csv.toAbsolutePath());
        }
        return 0;
    }
}
