package splab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import splab.navigate.BfsNavigator;
import splab.navigate.Navigator;
import splab.navigate.NavigatorScores;
import splab.navigate.RandomNavigator;
import splab.navigate.ScoreSheet;
import splab.navigate.SpectralLineNavigator;
import splab.navigate.SteinerbergerNavigator;
import splab.graph.ConnectedGraphSampler;
import splab.graph.NodeCountMix;
import splab.graph.SmallGraph;

/**
 * The hand-run measurements behind the figures in the report (not a test: minutes, not seconds).
 *
 * <pre>
 * java -cp target/classes:$(cat cp.txt) splab.bench.NavigatorExperiments scores 20000 1 out/navigators.csv
 * java -cp ... splab.bench.NavigatorExperiments sweep 20000 1 out/sln-sweep.csv
 * java -cp ... splab.bench.NavigatorExperiments bench 20000 1
 * </pre>
 * Graphs: {@code ConnectedGraphSampler(10, 10, 0.5, UNIFORM, seed)}.
 */
public final class NavigatorExperiments {
    private NavigatorExperiments() {
    }

    /** {@code count} uniform random connected 10-node graphs, G(10, 1/2) conditioned on connectivity. */
    public static List<SmallGraph> tenNodeGraphs(int count, long seed) {
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(10, 10, 0.5, NodeCountMix.UNIFORM, seed);
        List<SmallGraph> graphs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            graphs.add(sampler.next());
        }
        return graphs;
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "scores";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Path out = args.length > 3 ? Path.of(args[3]) : null;
        List<SmallGraph> graphs = tenNodeGraphs(count, seed);
        switch (what) {
            case "scores" -> {
                List<Navigator> navigators = List.of(
                        new BfsNavigator(),
                        new SpectralLineNavigator(),
                        new SpectralLineNavigator(SpectralLineNavigator.Config.defaults().withK(2)),
                        new SpectralLineNavigator(SpectralLineNavigator.Config.defaults().withK(4)),
                        new SteinerbergerNavigator(),
                        new SteinerbergerNavigator(false),
                        new RandomNavigator(seed));
                List<ScoreSheet> sheets = new ArrayList<>();
                for (Navigator nav : navigators) {
                    sheets.add(NavigatorScores.scoreAllPairs(nav, graphs));
                }
                System.out.print(NavigatorScores.table(sheets));
                if (out != null) {
                    NavigatorScores.writeCsv(out, sheets);
                    System.out.println("wrote " + out.toAbsolutePath());
                }
            }
            case "sweep" -> {
                List<SpectralLineNavigator.Config> grid = new ArrayList<>(SlnSweep.defaultGrid());
                // the effective-resistance distance of the paper: every eigenvector, weighted 1/sqrt(lambda)
                SpectralLineNavigator.Config all = SpectralLineNavigator.Config.defaults()
                        .withK(SpectralLineNavigator.Config.ALL_EIGENVECTORS);
                grid.add(all.withWeighting(SpectralLineNavigator.Weighting.RESISTANCE));
                grid.add(all.withWeighting(SpectralLineNavigator.Weighting.RESISTANCE)
                        .withDistance(SpectralLineNavigator.DistanceRule.MEAN));
                long start = System.nanoTime();
                List<SlnSweep.Row> rows = SlnSweep.run(grid, graphs);
                System.out.print(SlnSweep.table(rows));
                System.out.printf("best: %s accuracy %.4f (%.1f s)%n", SlnSweep.best(rows).config().label(),
                        SlnSweep.best(rows).accuracy(), (System.nanoTime() - start) / 1e9);
                if (out != null) {
                    SlnSweep.writeCsv(out, rows);
                    System.out.println("wrote " + out.toAbsolutePath());
                }
            }
            case "bench" -> {
                List<Navigator> navigators = List.of(new SpectralLineNavigator(), new BfsNavigator(),
                        new SteinerbergerNavigator(), new RandomNavigator(seed));
                for (NavigatorBench.Figure f : NavigatorBench.run(navigators, graphs, 1, 3)) {
                    System.out.println(f);
                }
            }
            default -> throw new IllegalArgumentException("unknown experiment '" + what + "' (scores, sweep, bench)");
        }
    }
}
