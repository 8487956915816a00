package splab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import splab.config.ConfigLoader;
import splab.config.LabConfig;
import splab.navigate.NavigatorScores;
import splab.navigate.ScoreSheet;
import splab.stage.EvalStage;

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
        ScoreSheet sheet = EvalStage.run(config, run, data, batch);
        System.out.println(NavigatorScores.table(List.of(sheet)));
        System.out.println("wrote " + run.resolve("eval.csv").toAbsolutePath());
        return 0;
    }
}
