package splab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import splab.stage.DataStage;
import splab.config.ConfigLoader;
import splab.config.LabConfig;
import splab.config.Provenance;
import splab.data.DatasetFiles;
import splab.io.AtomicFiles;

/** {@code splab data}: sample graphs (or read a graph file), label shortest paths, split, write JSONL. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Generate a dataset: connected graphs, shortest-path labels, a split by isomorphism class.",
            "Writes train.jsonl, test.jsonl, stats.json, config.json and run.json into --out."})
final class DataCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--graphs", paramLabel = "N", description = "Graphs to sample (data.graphs)")
    Integer graphs;

    @Option(names = "--from", paramLabel = "FILE", description = "Build from a graph file instead (.g6 from nauty's geng, .dot, .jsonl)")
    Path from;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder")
    Path out;

    @Override
    public Integer call() {
        List<String> extras = new ArrayList<>();
        if (graphs != null) {
            extras.add("data.graphs=" + graphs);
        }
        LabConfig config = configOptions.resolve(extras);
        AtomicFiles.ensureWritableDirectory(out);
        Provenance prov = Provenance.start("data", configOptions.arguments(), config.seed());
        DataStage.run(config, from, out, System.out);
        ConfigLoader.save(config, out.resolve("config.json"));
        prov.put("from", from == null ? null : from.toString())
                .put("datasetSha256", Provenance.sha256(List.of(out.resolve(DatasetFiles.TRAIN_FILE),
                        out.resolve(DatasetFiles.TEST_FILE))))
                .save(out.resolve("run.json"));
        System.out.println("wrote " + out.toAbsolutePath());
        return 0;
    }
}
