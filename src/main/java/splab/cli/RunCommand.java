package splab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import splab.config.ConfigLoader;
import splab.config.LabConfig;
import splab.config.Provenance;
import splab.data.DatasetFiles;

/**
 * {@code splab run}: the main job on one config, stage by stage, into {@code runs/NAME}. A stage whose output
 * is complete for the same resolved config is not redone, so a rerun continues where a failure stopped.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the lab's main job (default: the embedded default config) into runs/NAME.",
            "Stages: data (more stages arrive with training, navigators and the spectral report)."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/default, or runs/<config name>)")
    Path out;

    @Override
    public Integer call() throws Exception {
        LabConfig config = configOptions.resolve(List.of());
        Path dir = out != null ? out : Path.of("runs", runName());
        Path configFile = dir.resolve("config.json");
        String resolved = ConfigLoader.toJson(config);
        if (Files.exists(configFile) && !Files.readString(configFile).strip().equals(resolved.strip())) {
            throw new IllegalArgumentException(dir + " holds a run with another config; choose another --out or remove it");
        }
        splab.io.AtomicFiles.ensureWritableDirectory(dir);
        ConfigLoader.save(config, configFile);
        Provenance prov = Provenance.start("run", List.of(), config.seed());

        Path data = dir.resolve("data");
        System.out.println("== stage data");
        if (Files.exists(data.resolve(DatasetFiles.STATS_FILE))) {
            System.out.println("data: already complete in " + data + ", kept");
        } else {
            DataStage.run(config, null, data, System.out);
        }
        prov.time("dataSeconds");
        prov.put("datasetSha256", Provenance.sha256(List.of(data.resolve(DatasetFiles.TRAIN_FILE),
                data.resolve(DatasetFiles.TEST_FILE))));
        prov.save(dir.resolve("run.json"));
        System.out.println("wrote " + dir.toAbsolutePath());
        return 0;
    }

    private String runName() {
        if (configOptions.config == null) {
            return "default";
        }
        String name = configOptions.config.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}
