package splab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import ai.djl.ndarray.NDManager;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import splab.stage.NavigateStage;
import splab.stage.QuerySource;
import splab.config.LabConfig;
import splab.data.DatasetFiles;
import splab.graph.GraphFiles;
import splab.graph.SmallGraph;
import splab.io.AtomicFiles;
import splab.navigate.Navigator;
import splab.navigate.NavigatorScores;
import splab.navigate.Query;
import splab.navigate.ScoreSheet;
import splab.bench.SlnSweep;

/** {@code splab navigate}: score navigators on the same queries, or answer one query. */
@Command(name = "navigate", mixinStandardHelpOptions = true,
        description = {"Score path navigators on the same queries, or answer one query.",
            "Navigators: bfs, sln, steinerberger, random, and with --run RUN the run's trained model (model).",
            "Correct = any shortest path, exact = the label path, by n and distance d; writes navigators.csv into --out.",
            "One query: --graph \"0-1,1-2,2-3\" --source 0 --target 3 prints each navigator's path and whether it is "
                + "shortest."})
final class NavigateCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--navigator", split = ",", paramLabel = "NAME",
            description = "Navigators to score (default: navigate.navigators = bfs,sln,steinerberger,random)")
    List<String> navigators;

    @ArgGroup(exclusive = true)
    Input input;

    static final class Input {
        @Option(names = "--data", paramLabel = "DIR", description = "Score the test split of a dataset (or run) folder")
        Path data;

        @Option(names = "--from", paramLabel = "FILE", description = "All ordered pairs of the graphs in a file (.g6, .dot, .jsonl)")
        Path from;

        @Option(names = "--graphs", paramLabel = "N", description = "All ordered pairs of N sampled graphs (data.* settings, --seed)")
        Integer graphs;

        @Option(names = "--graph", paramLabel = "EDGES", description = "One graph, e.g. \"0-1,1-2,2-3\" (with --source, --target)")
        String graph;
    }

    @Option(names = "--run", paramLabel = "DIR",
            description = "A run folder: its trained model joins the navigators as 'model', its config.json is the config, "
                    + "and without --data/--from/--graphs/--graph its held-out pairs (as in the run) are scored")
    Path run;

    @Option(names = "--source", paramLabel = "S")
    Integer source;

    @Option(names = "--target", paramLabel = "T")
    Integer target;

    @Option(names = "--sweep", description = "Also run the SLN sweep (k 1..6 x Laplacian x weighting x distance) into sln-sweep.csv")
    boolean sweep;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: the --data folder, else runs/navigate)")
    Path out;

    @Override
    public Integer call() {
        List<String> extras = new ArrayList<>();
        if (input != null && input.graphs != null) {
            extras.add("data.graphs=" + input.graphs);
        }
        // shorthand: --set sln.k=3 means navigate.sln.k=3
        configOptions.overrides.replaceAll(o -> o.startsWith("sln.") ? "navigate." + o : o);
        if (run != null && configOptions.config == null && Files.exists(run.resolve("config.json"))) {
            configOptions.config = run.resolve("config.json");
        }
        LabConfig config = configOptions.resolve(extras);
        List<String> names = new ArrayList<>(navigators != null ? navigators : config.navigate().navigators());
        if (run != null && navigators == null) {
            names.add(0, "model");
        }
        boolean withModel = names.stream().anyMatch(n -> n.strip().equalsIgnoreCase("model"));
        if (withModel && run == null) {
            throw new IllegalArgumentException("--navigator model needs --run DIR (the run whose model navigates)");
        }
        try (NDManager manager = withModel ? NDManager.newBaseManager() : null) {
            List<Navigator> navs = new ArrayList<>();
            for (String name : names) {
                navs.add(name.strip().equalsIgnoreCase("model") ? NavigateStage.model(config, run, manager)
                        : config.navigate().navigator(name, config.seed()));
            }
            if (input != null && input.graph != null) {
                return singleQuery(navs);
            }
            if (source != null || target != null) {
                throw new IllegalArgumentException("--source and --target go with --graph");
            }
            return scoreMany(config, navs);
        }
    }

    private int scoreMany(LabConfig config, List<Navigator> navs) {
        if (input == null && run == null) {
            throw new IllegalArgumentException("say what to score: --data DIR, --from FILE, --graphs N, --graph EDGES or --run DIR");
        }
        List<Query> queries;
        Path dir;
        if (input == null) {
            queries = NavigateStage.queries(config, run);
            dir = out != null ? out : Path.of("runs", "navigate");
        } else if (input.data != null) {
            Path data = QuerySource.datasetDir(input.data);
            queries = QuerySource.fromExamples(DatasetFiles.readTest(data));
            dir = out != null ? out : input.data;
        } else if (input.from != null) {
            queries = QuerySource.fromGraphFile(input.from);
            dir = out != null ? out : Path.of("runs", "navigate");
        } else {
            queries = QuerySource.sampled(config);
            dir = out != null ? out : Path.of("runs", "navigate");
        }
        AtomicFiles.ensureWritableDirectory(dir);
        List<ScoreSheet> sheets = NavigateStage.score(navs, queries);
        System.out.println(NavigatorScores.table(sheets));
        Path csv = dir.resolve("navigators.csv");
        NavigatorScores.writeCsv(csv, sheets);
        System.out.println("wrote " + csv.toAbsolutePath());
        if (sweep) {
            List<SmallGraph> graphs = distinctGraphs(queries);
            List<SlnSweep.Row> rows = SlnSweep.run(SlnSweep.defaultGrid(), graphs);
            System.out.println(SlnSweep.table(rows));
            Path sweepCsv = dir.resolve("sln-sweep.csv");
            SlnSweep.writeCsv(sweepCsv, rows);
            System.out.println("wrote " + sweepCsv.toAbsolutePath());
        }
        return 0;
    }

    private int singleQuery(List<Navigator> navs) {
        if (source == null || target == null) {
            throw new IllegalArgumentException("--graph needs --source and --target");
        }
        SmallGraph g = GraphFiles.parseEdgeList(input.graph);
        if (!g.isConnected()) {
            throw new IllegalArgumentException("graph " + input.graph + " is not connected");
        }
        checkNode(g, source, "--source");
        checkNode(g, target, "--target");
        if (source.equals(target)) {
            throw new IllegalArgumentException("--source and --target are the same node " + source + ": nothing to navigate");
        }
        NavigateStage.answer(navs, g, source, target).forEach(System.out::println);
        return 0;
    }

    private static int checkNode(SmallGraph g, int v, String option) {
        if (v < 0 || v >= g.nodeCount()) {
            throw new IllegalArgumentException(option + " " + v + " is not a node of the graph (0.." + (g.nodeCount() - 1) + ")");
        }
        return v;
    }

    private static List<SmallGraph> distinctGraphs(List<Query> queries) {
        List<SmallGraph> out = new ArrayList<>();
        for (Query q : queries) {
            if (out.isEmpty() || out.get(out.size() - 1) != q.graph()) {
                out.add(q.graph());
            }
        }
        return out;
    }
}
