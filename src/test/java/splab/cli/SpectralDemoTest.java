package splab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import splab.data.Batcher;
import splab.data.DataConfig;
import splab.data.DatasetBuilder;
import splab.data.DatasetFiles;
import splab.data.Vocabulary;
import splab.model.ModelConfig;
import splab.train.BatchSource;
import splab.train.Checkpoints;
import splab.train.TokenBatch;
import splab.train.TrainConfig;
import splab.train.Training;

/**
 * A small real run for looking at the spectral report (slow; {@code mvn -o test -Pslow -Dtest=SpectralDemoTest}):
 * graphs of 3-8 nodes, dModel 64, 4 heads, {@code -Dspectral.demo.steps} steps (default 1500), written to
 * {@code -Dspectral.demo.dir} (default target/spectral-demo). A folder that already holds a checkpoint is not
 * retrained; {@code -Dspectral.demo.set=orders=4,position=endpoint_mean} passes spectral settings.
 */
@Tag("slow")
class SpectralDemoTest {
    @Test
    void trainsASmallModelAndWritesTheSpectralReport() throws Exception {
        Path run = Path.of(System.getProperty("spectral.demo.dir", "target/spectral-demo"));
        int steps = Integer.parseInt(System.getProperty("spectral.demo.steps", "1500"));
        if (!Files.exists(run.resolve("checkpoints").resolve("LATEST"))) {
            train(run, steps);
        }
        List<String> args = new ArrayList<>(List.of("--run", run.toString(),
                "--graphs", System.getProperty("spectral.demo.graphs", "200")));
        for (String set : System.getProperty("spectral.demo.set", "").split(",")) {
            if (!set.isBlank()) {
                args.addAll(List.of("--set", set.trim()));
            }
        }
        int code = new CommandLine(new SpectralCommand()).execute(args.toArray(new String[0]));
        assertEquals(0, code);
        System.err.println(Files.readString(run.resolve("report.md")).lines()
                .filter(l -> l.startsWith("|")).reduce("", (a, b) -> a + b + "\n"));
    }

    private static void train(Path run, int steps) {
        DatasetBuilder.Dataset ds = new DatasetBuilder(new DataConfig(4000, 3, 8, 0.5, splab.graph.NodeCountMix.UNIFORM, 10, 0, DataConfig.LabelPath.UNIFORM, 0.2, 0), 11)
                .sample(x -> { });
        DatasetFiles.write(run.resolve("data"), ds);
        Batcher batcher = new Batcher(ds.train(), new Vocabulary(10), false);
        BatchSource source = (bs, rng) -> {
            Batcher.Batch b = batcher.next(bs, rng);
            return new TokenBatch(b.tokens(), b.pathStart());
        };
        Batcher testBatcher = new Batcher(ds.test(), new Vocabulary(10), false);
        ModelConfig model = ModelConfig.of(ModelConfig.vocabSizeFor(10), 128, 64, 4);
        TrainConfig train = TrainConfig.defaults().with(c -> {
                c.learningRate = 3e-3; c.weightDecay = 0.1; c.batchSize = 64; c.steps = steps; c.warmupSteps = 100;
                c.evalInterval = 0; c.logInterval = 0; c.threads = 1;
        });
        long t0 = System.nanoTime();
        try (Training t = Training.start(model, train, 5, source)) {
            for (int i = 0; i < steps; i++) {
                t.trainStep();
                if ((i + 1) % 250 == 0 || i + 1 == steps) {
                    Batcher.Batch b = testBatcher.next(256, new Random(99));
                    Training.Evaluation e = t.evaluate(new TokenBatch(b.tokens(), b.pathStart()));
                    System.err.printf("step %d: test loss %.3f, teacher-forced path-token accuracy %.3f, %.0f s%n",
                            i + 1, e.loss(), e.accuracy(), (System.nanoTime() - t0) / 1e9);
                }
            }
            Checkpoints.save(t, run.resolve("checkpoints"));
        }
    }
}
