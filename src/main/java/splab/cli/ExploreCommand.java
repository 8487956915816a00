package splab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import splab.config.ConfigLoader;
import splab.config.LabConfig;
import splab.stage.ExploreStage;

/** {@code splab explore}: write a run's explorer.html. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Write explorer.html into a run folder: one self-contained page (no network) to pick a held-out "
                + "query and see its graph, the model's path beside a shortest path and the SLN and Steinerberger walks, "
                + "the model's attention at each step of its path, and the edges coloured by an eigenvector of the "
                + "Laplacian of L(G) beside a principal component of the model's edge representations.",
            "The model answers every held-out query of the first N distinct test graphs; Q queries per graph are kept, "
                + "the model's mistakes first. Open the page in any browser."})
final class ExploreCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run folder with data/ and checkpoints/")
    Path run;

    @Option(names = "--graphs", paramLabel = "N", description = "Held-out graphs to include (default: spectral.graphs, 200)")
    Integer graphs;

    @Option(names = "--queries-per-graph", paramLabel = "Q", defaultValue = "" + ExploreStage.DEFAULT_PER_GRAPH,
            description = "Queries kept per graph (default ${DEFAULT-VALUE})")
    int perGraph;

    @Override
    public Integer call() {
        LabConfig config = ConfigLoader.ofRun(run);
        System.out.println(ExploreStage.run(config, run, graphs, perGraph, System.out).describe());
        return 0;
    }
}
