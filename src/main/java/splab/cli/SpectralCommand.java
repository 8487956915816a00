package splab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import splab.stage.Progress;
import splab.stage.QuerySource;
import splab.data.DatasetFiles;
import splab.data.PathExample;
import splab.model.PathTransformer;
import splab.analysis.SpectralAnalysis;
import splab.analysis.SpectralConfig;
import splab.analysis.SpectralResults;
import splab.train.Checkpoints;

/** {@code splab spectral}: compare a trained model's edge representations and attention with the spectrum of L(G). */
@Command(name = "spectral", mixinStandardHelpOptions = true,
        description = {"Record the trained model's edge representations at every layer on held-out graphs and compare them",
            "with the eigenvectors of the Laplacian of the line graph (PCA |r|, principal angles, linear probe) against",
            "two nulls (untrained model, another graph's eigenvectors); attention on current/target edges; learned SLN.",
            "Writes spectral/ (CSV, .npy), figures/, report.md and report.html into the run folder."})
final class SpectralCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "DIR",
            description = "Run folder with data/test.jsonl and checkpoints/")
    Path run;

    @Option(names = "--graphs", paramLabel = "N", description = "Held-out graphs to analyse (default 200)")
    Integer graphs;

    @Option(names = "--layer", paramLabel = "L",
            description = "Representations for the learned SLN: 0 = embed, l = output of block l-1, -1 = last (default)")
    Integer layer;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a spectral setting, e.g. --set spectral.k=4, --set spectral.position=endpoint_mean "
                    + "(keys: graphs, k, variant, position, slnLayer, exampleGraphs, ridge, seed, attentionArrays)")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>();
        for (String o : overrides) {
            all.add(o.indexOf('.') < 0 || o.indexOf('.') > o.indexOf('=') ? "spectral." + o : o);
        }
        if (graphs != null) {
            all.add("spectral.graphs=" + graphs);
        }
        if (layer != null) {
            all.add("spectral.slnLayer=" + layer);
        }
        Path configFile = run.resolve("config.json");
        SpectralConfig config = splab.config.ConfigLoader.load(Files.exists(configFile) ? configFile : null, all).spectral();
        SpectralResults results = analyse(run, config);
        splab.report.RunReport.write(run, null, results);
        System.out.printf("analysed %d graphs in %.0f s%n",
                results.metrics().get(results.layers().get(0)).get(SpectralResults.Condition.TRAINED).size(), results.seconds());
        System.out.println("wrote " + run.resolve("spectral").toAbsolutePath());
        System.out.println("wrote " + run.resolve("figures").toAbsolutePath());
        System.out.println("wrote " + run.resolve("report.md").toAbsolutePath() + " and report.html");
        return 0;
    }

    /**
     * Loads the run's latest checkpoint and test split, builds the untrained twin (same architecture, engine seeded
     * with the training seed, as {@code Training.start} does) and runs the analysis.
     */
    static SpectralResults analyse(Path runDir, SpectralConfig config) {
        Path checkpoints = runDir.resolve("checkpoints");
        Path latest = Files.isDirectory(checkpoints) ? Checkpoints.latest(checkpoints) : null;
        if (latest == null) {
            throw new IllegalArgumentException(runDir + " has no checkpoint under checkpoints/ (train first)");
        }
        List<PathExample> test = DatasetFiles.readTest(QuerySource.datasetDir(runDir));
        Checkpoints.State state = Checkpoints.readState(latest);
        try (NDManager manager = NDManager.newBaseManager()) {
            PathTransformer trained = Checkpoints.loadModel(checkpoints, manager);
            Engine.getInstance().setRandomSeed((int) state.train().seed());
            PathTransformer untrained = PathTransformer.create(state.model(), manager);
            SpectralAnalysis analysis = new SpectralAnalysis(trained, untrained, manager, config);
            int n = Math.min(config.graphs(), SpectralAnalysis.pickGraphs(test, config.graphs()).size());
            try (Progress p = new Progress("spectral", n)) {
                return analysis.run(test, p);
            }
        }
    }
}
