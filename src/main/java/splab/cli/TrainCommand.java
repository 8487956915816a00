package splab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import splab.stage.DataStage;
import splab.stage.TrainStage;
import splab.config.ConfigLoader;
import splab.config.LabConfig;
import splab.config.ResumeCheck;
import splab.io.RunLock;
import splab.config.Provenance;
import splab.data.DatasetFiles;

/** {@code splab train}: train the transformer into a run folder, or continue one with {@code --resume}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the two-layer decoder on the run's dataset (made first if missing).",
            "Writes config.json, run.json, data/, checkpoints/ and metrics.jsonl (loss, lr, tokens/s, held-out "
                + "accuracy by distance against examples seen).",
            "--resume RUN continues from the latest checkpoint."})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder for a new run")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR with its saved config")
    Path resume;

    @Override
    public Integer call() {
        if ((out == null) == (resume == null)) {
            throw new IllegalArgumentException("give exactly one of --out DIR (new run) or --resume DIR");
        }
        Path dir = out != null ? out : resume;
        LabConfig config;
        if (resume != null) {
            Path saved = resume.resolve("config.json");
            if (!Files.exists(saved)) {
                throw new IllegalArgumentException(resume + " is not a run folder (no config.json)");
            }
            if (configOptions.config != null) {
                throw new IllegalArgumentException("--resume uses the run's saved config; --config is not allowed");
            }
            configOptions.config = saved;
        }
        config = configOptions.resolve(List.of());
        if (resume != null) {
            ResumeCheck.check(ConfigLoader.load(configOptions.config, List.of()), config, "train --resume " + resume);
        }
        try (RunLock lock = RunLock.acquire(dir, "splab train")) {
            if (out != null && Files.exists(dir.resolve("checkpoints"))) {
                throw new IllegalArgumentException(dir + " already holds a training run; use --resume " + dir + " or another --out");
            }
            if (out != null && Files.exists(dir.resolve("config.json"))
                    && !ConfigLoader.load(dir.resolve("config.json"), List.of()).equals(config)) {
                throw new IllegalArgumentException(dir + " holds a run with another config; choose another --out or remove it");
            }
            return train(dir, config);
        }
    }

    private int train(Path dir, LabConfig config) {
        ConfigLoader.save(config, dir.resolve("config.json"));
        Provenance prov = Provenance.start(resume != null ? "train --resume" : "train", configOptions.arguments(), config.seed());
        if (!Files.exists(dir.resolve("data").resolve(DatasetFiles.STATS_FILE))) {
            DataStage.run(config, null, dir.resolve("data"), System.out);
        }
        TrainStage.Outcome o = TrainStage.run(config, dir, resume != null, System.out);
        o.record(prov.put("steps", o.steps()), config).put("lastEval", o.lastEval());
        prov.save(dir.resolve("run.json"));
        System.out.println("held-out: " + o.lastEval());
        System.out.println("wrote " + dir.toAbsolutePath());
        return 0;
    }
}
