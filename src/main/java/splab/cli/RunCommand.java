package splab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import splab.stage.DataStage;
import splab.stage.ExploreStage;
import splab.stage.NavigateStage;
import splab.stage.ReportStage;
import splab.stage.SpectralStage;
import splab.stage.TrainStage;
import splab.config.ConfigLoader;
import splab.config.LabConfig;
import splab.config.Provenance;
import splab.data.DatasetFiles;
import splab.navigate.ScoreSheet;
import splab.train.Checkpoints;

/**
 * {@code splab run}: the main job on one config, stage by stage, into {@code runs/NAME}. A finished stage is
 * kept and an interrupted training resumes from its latest checkpoint, so a rerun continues where a failure
 * stopped; a stage that fails says which.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the lab's main job (default: the embedded default config) into runs/NAME.",
            "Stages: data, train, navigate (the model beside bfs, sln, steinerberger and random on the same held-out "
                + "pairs), spectral (edge representations and attention against the line-graph spectrum), report.html and "
                + "explorer.html.",
            "A rerun into the same folder continues from the stages already finished."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/default, or runs/<config name>)")
    Path out;

    @Override
    public Integer call() throws Exception {
        LabConfig config = configOptions.resolve(List.of());
        Path dir = out != null ? out : Path.of("runs", runName());
        try (splab.io.RunLock lock = splab.io.RunLock.acquire(dir, "splab run")) {
            return run(config, dir);
        }
    }

    private int run(LabConfig config, Path dir) throws Exception {
        Path configFile = dir.resolve("config.json");
        // compared as configs, not as text: a folder written before a key existed still matches its defaults
        if (Files.exists(configFile) && !ConfigLoader.load(configFile, List.of()).equals(config)) {
            throw new IllegalArgumentException(dir + " holds a run with another config; choose another --out or remove it");
        }
        ConfigLoader.save(config, configFile);
        Provenance prov = Provenance.start("run", configOptions.arguments(), config.seed());

        Path data = dir.resolve("data");
        stage("data", () -> {
            if (Files.exists(data.resolve(DatasetFiles.STATS_FILE))) {
                System.out.println("data: already complete in " + data + ", kept");
            } else {
                DataStage.run(config, null, data, System.out);
            }
        });
        prov.time("dataDoneSeconds").put("datasetSha256", Provenance.sha256(List.of(
                data.resolve(DatasetFiles.TRAIN_FILE), data.resolve(DatasetFiles.TEST_FILE))));

        stage("train", () -> {
            if (TrainStage.complete(config, dir)) {
                System.out.println("train: already complete (" + Checkpoints.latest(dir.resolve("checkpoints")) + "), kept");
            } else {
                TrainStage.Outcome o = TrainStage.run(config, dir, true, System.out);
                o.record(prov.put("trainSteps", o.steps()), config);
            }
        });
        prov.time("trainDoneSeconds");

        List<List<ScoreSheet>> sheets = new java.util.ArrayList<>();
        stage("navigate", () -> sheets.add(NavigateStage.run(config, dir, System.out)));
        prov.time("navigateDoneSeconds");

        List<splab.analysis.SpectralResults> spectral = new java.util.ArrayList<>();
        stage("spectral", () -> spectral.add(SpectralStage.run(config, dir)));
        prov.time("spectralDoneSeconds");
        stage("report", () -> {
            ReportStage.run(config, dir, sheets.get(0), spectral.get(0));
            System.out.println(ExploreStage.run(config, dir, null, ExploreStage.DEFAULT_PER_GRAPH, System.out).describe());
        });
        prov.time("reportDoneSeconds");
        prov.save(dir.resolve("run.json"));

        System.out.println("== summary (held-out pairs; correct = any shortest path)");
        for (ScoreSheet s : sheets.get(0)) {
            System.out.printf("  %-36s correct %.4f   d>=3 %s%n", s.navigator(), s.total().accuracy(), hard(s));
        }
        System.out.println(spectralSummary(spectral.get(0)));
        System.out.println("report: " + dir.resolve("report.html").toAbsolutePath());
        System.out.println("wrote " + dir.toAbsolutePath());
        return 0;
    }

    private static String hard(ScoreSheet s) {
        ScoreSheet.Cell c = s.fromDistance(3);
        return c.pairs() == 0 ? "-" : String.format("%.4f (%d pairs)", c.accuracy(), c.pairs());
    }

    /** Alignment with the spectrum at the paper's layer 1 (the first block's output) and at the last layer. */
    private static String spectralSummary(splab.analysis.SpectralResults r) {
        StringBuilder sb = new StringBuilder();
        String last = r.layers().get(r.layers().size() - 1);
        String paper = r.claim2() != null ? r.claim2().paperLayer() : last;
        for (String layer : paper.equals(last) ? List.of(last) : List.of(paper, last)) {
            sb.append(sb.length() == 0 ? "" : "\n").append("  alignment with the L(G) spectrum at ").append(layer)
                    .append(layer.equals(paper) ? " (the paper's layer 1):" : " (last layer):");
            for (var e : r.metrics().get(layer).entrySet()) {
                double mean = e.getValue().stream().mapToDouble(m -> m.alignment()).filter(x -> !Double.isNaN(x))
                        .average().orElse(Double.NaN);
                sb.append(String.format(java.util.Locale.ROOT, "  %s %.3f", e.getKey().key(), mean));
            }
        }
        if (r.claim2() != null) {
            double tok = splab.analysis.Claim2Verdict.mean(r.claim2().get(paper, "alignment:token_embedding"));
            double matched = splab.analysis.Claim2Verdict.mean(r.claim2().get(paper, "alignment:endpoint_matched"));
            sb.append(String.format(java.util.Locale.ROOT, "%n  claim 2 nulls at %s: token_embedding %.3f  endpoint_matched %.3f"
                    + " (verdict in the report)", paper, tok, matched));
        }
        return sb.toString();
    }

    private interface Stage {
        void run() throws Exception;
    }

    /** Runs a stage; a failure names the stage and keeps what earlier stages wrote. */
    private static void stage(String name, Stage body) {
        System.out.println("== stage " + name);
        try {
            body.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stage " + name + " failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("stage " + name + " failed: " + e.getMessage()
                    + " (earlier stages are kept; rerun to continue)", e);
        }
    }

    private String runName() {
        if (configOptions.config == null) {
            return "default";
        }
        String name = configOptions.config.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

}
