package splab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

/** The report renders on a tiny trained run (dModel 32, a few hundred steps on graphs of 4-7 nodes). */
class SpectralCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesCsvArraysFiguresAndReportForATinyTrainedRun() throws Exception {
        // -Dspectral.keep=DIR keeps the run for a look at the report
        Path run = System.getProperty("spectral.keep") != null ? Path.of(System.getProperty("spectral.keep")) : dir.resolve("tiny");
        DatasetBuilder.Dataset ds = new DatasetBuilder(new DataConfig(300, 4, 7, 0.5, "uniform", 10, 4, "uniform", 0.3, 0), 5)
                .sample(x -> { });
        DatasetFiles.write(run.resolve("data"), ds);
        Vocabulary vocab = new Vocabulary(10);
        Batcher batcher = new Batcher(ds.train(), vocab, false);
        BatchSource source = (bs, rng) -> {
            Batcher.Batch b = batcher.next(bs, rng);
            return new TokenBatch(b.tokens(), b.pathStart());
        };
        ModelConfig model = ModelConfig.of(ModelConfig.vocabSizeFor(10), 96, 32, 4);
        TrainConfig train = TrainConfig.defaults().with(c -> {
                c.batchSize = 32; c.steps = 150; c.warmupSteps = 10; c.learningRate = 3e-3; c.evalInterval = 0;
                c.logInterval = 0; c.threads = 1; c.seed = 3;
        });
        try (Training t = Training.start(model, train, source)) {
            for (int i = 0; i < 150; i++) {
                t.trainStep(source.next(32, new Random(i)));
            }
            Checkpoints.save(t, run.resolve("checkpoints"));
        }
        int code = new CommandLine(new SpectralCommand()).execute("--run", run.toString(), "--graphs", "15",
                "--set", "spectral.exampleGraphs=2", "--set", "attentionArrays=3");
        assertEquals(0, code);
        for (String f : List.of("spectral/alignment_embed.csv", "spectral/probe_r2_blocks1.csv", "spectral/best_corr_blocks0.csv",
                "spectral/summary.csv", "spectral/attention.csv", "spectral/learned_sln.csv", "spectral/reps_blocks1.npy",
                "spectral/eigenvectors.npy", "spectral/attention.npy", "figures/spectral_metrics_by_layer.png",
                "figures/spectral_correlation_examples.png", "figures/attention_by_head.png", "report.md", "report.html")) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        List<String> align = Files.readAllLines(run.resolve("spectral/alignment_blocks1.csv"));
        assertEquals(16, align.size(), "header + one row per graph");
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("Claim 2") && md.contains("Claim 3") && md.contains("Claim 4"), md);
        assertTrue(md.contains("learned-sln[trained,blocks.1.resid_post]"), md);
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,") && !html.contains("src=\"figures/"), "self-contained html");

        splab.config.ConfigLoader.save(splab.config.LabConfig.defaults(), run.resolve("config.json"));
        MainTest.Outcome explore = MainTest.run("explore", "--run", run.toString(), "--graphs", "4", "--queries-per-graph", "2");
        assertEquals(0, explore.code(), explore.err());
        assertTrue(explore.out().contains("explorer: 8 queries") && explore.out().contains("on 4 graphs"), explore.out());
        assertTrue(explore.err().contains("explorer: decoding"), "progress lines: " + explore.err());
        String page = Files.readString(run.resolve("explorer.html"));
        assertTrue(page.contains("<script id=\"explorer-data\" type=\"application/json\">{\"run\":\"tiny\""), "data inlined");
    }

    @Test
    void aRunWithoutCheckpointsIsAOneLineError() {
        int code = new CommandLine(new SpectralCommand()).setExecutionExceptionHandler((e, c, p) -> 2)
                .execute("--run", dir.toString());
        assertTrue(code != 0);
    }
}
