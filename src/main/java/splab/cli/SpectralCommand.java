package splab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import splab.analysis.SpectralResults;
import splab.config.ConfigLoader;
import splab.config.LabConfig;
import splab.stage.ReportStage;
import splab.stage.SpectralStage;

/** {@code splab spectral}: compare a trained model's edge representations and attention with the spectrum of L(G). */
@Command(name = "spectral", mixinStandardHelpOptions = true,
        description = {"Compare a trained model's edge representations and attention with the spectrum of L(G).",
            "The representations at every layer on held-out graphs are compared with the eigenvectors of the Laplacian "
                + "of the line graph (PCA |r|, principal angles, linear probe) against nulls (untrained model, another "
                + "graph's eigenvectors, endpoint sums); attention on current and target edges; learned SLN.",
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
                    + "(keys: graphs, k, variant, position, slnLayer, exampleGraphs, ridge, attentionArrays, orders)")
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
        LabConfig config = ConfigLoader.load(Files.exists(configFile) ? configFile : null, all);
        SpectralResults results = SpectralStage.run(config, run);
        ReportStage.run(Files.exists(configFile) ? config : null, run, null, results);
        System.out.printf("analysed %d graphs in %.0f s%n",
                results.metrics().get(results.layers().get(0)).get(SpectralResults.Condition.TRAINED).size(), results.seconds());
        System.out.println("wrote " + run.resolve("spectral").toAbsolutePath());
        System.out.println("wrote " + run.resolve("figures").toAbsolutePath());
        System.out.println("wrote " + run.resolve("report.md").toAbsolutePath() + " and report.html");
        return 0;
    }
}
