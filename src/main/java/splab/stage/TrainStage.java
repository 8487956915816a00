package splab.stage;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;

import splab.config.LabConfig;
import splab.config.Provenance;
import splab.data.Batcher;
import splab.data.DatasetFiles;
import splab.data.PathExample;
import splab.data.Vocabulary;
import splab.io.AtomicFiles;
import splab.navigate.Query;
import splab.navigate.ScoreSheet;
import splab.navigate.TransformerNavigator;
import splab.train.BatchSource;
import splab.train.Checkpoints;
import splab.train.MetricsLog;
import splab.train.StepResult;
import splab.train.TokenBatch;
import splab.train.Training;

/**
 * The training stage shared by {@code splab train} and {@code splab run}: batches from the run's training
 * split, periodic held-out evaluation by greedy decoding (correct = any shortest path, by distance), a
 * checkpoint every {@code train.checkpointInterval} steps, and exact resume from the latest checkpoint.
 */
public final class TrainStage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainStage() {}

    /** What a training stage did; {@code threads} is the intra-op thread count PyTorch actually used. */
    public record Outcome(long steps, long examplesSeen, double seconds, Map<String, Object> lastEval, long parameters,
            int threads) {

        /** Writes the figures every run folder's run.json carries about training into {@code prov}. */
        public Provenance record(Provenance prov, LabConfig config) {
            return prov.put("examplesSeen", examplesSeen).put("parameters", parameters)
                    .put("trainSeconds", Math.round(seconds * 10) / 10.0).put("intraOpThreads", threads)
                    .put("threadsSetting", config.train().threads() == 0 ? "engine default" : config.train().threads());
        }
    }

    public static Outcome run(LabConfig config, Path runDir, boolean resume, PrintStream out) {
        Path dataDir = runDir.resolve("data");
        Path checkpoints = runDir.resolve("checkpoints");
        Path metricsFile = runDir.resolve("metrics.jsonl");
        List<PathExample> train = DatasetFiles.readTrain(dataDir);
        List<PathExample> test = DatasetFiles.readTest(dataDir);
        Vocabulary vocab = new Vocabulary(config.data().maxNodes());
        Batcher batcher = new Batcher(train, vocab, config.train().bucketByNodeCount(),
                config.train().distanceExponent(), config.train().anyShortestTarget(), config.train().relabelNodes());
        BatchSource source = (size, rng) -> TokenBatch.of(batcher.next(size, rng));
        List<Query> evalQueries = evalQueries(test, config.train().evalExamples(), config.seed());
        long start = System.nanoTime();
        Map<String, Object> lastEval = new LinkedHashMap<>();
        Training.Evaluator evaluator = evalQueries.isEmpty() ? null : t -> {
            Map<String, Object> figures = evaluate(t, evalQueries, config);
            lastEval.clear();
            lastEval.putAll(figures);
            return figures;
        };

        Training training;
        if (resume && Checkpoints.latest(checkpoints) != null) {
            training = Checkpoints.resume(checkpoints, source, config.train());
            truncateMetrics(metricsFile, training.step());
            out.printf("train: resumed at step %,d from %s%n", training.step(), Checkpoints.latest(checkpoints));
        } else {
            if (Files.exists(metricsFile)) {
                AtomicFiles.writeString(metricsFile, ""); // a fresh run starts a fresh curve
            }
            training = Training.start(config.modelConfig(), config.train(), source);
        }
        try (Training t = training; MetricsLog log = new MetricsLog(metricsFile);
                Progress progress = new Progress("train steps", config.train().steps())) {
            out.printf("train: %,d parameters, %,d training examples, %,d held-out examples for evaluation%n",
                    t.model().parameterCount(), train.size(), evalQueries.size());
            out.printf("train: objective %s; drawn pairs by distance: d=1 %.1f%%, d=2 %.1f%%, d>=3 %.1f%%%n",
                    config.train().target(), 100 * batcher.distanceShare(1), 100 * batcher.distanceShare(2),
                    100 * (1 - batcher.distanceShare(1) - batcher.distanceShare(2)));
            progress.accept(t.step());
            long interval = config.train().checkpointInterval() > 0 ? config.train().checkpointInterval() : Long.MAX_VALUE;
            StepResult last = null;
            while (t.step() < config.train().steps()) {
                StepResult r = t.train(Math.min(interval, config.train().steps() - t.step()), log, evaluator);
                last = r != null ? r : last;
                Checkpoints.save(t, checkpoints);
                progress.accept(t.step());
            }
            if (evaluator != null && (lastEval.isEmpty() || config.train().evalInterval() == 0
                    || t.step() % config.train().evalInterval() != 0)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", t.step());
                row.put("examples_seen", t.examplesSeen());
                row.putAll(evaluator.evaluate(t));
                log.append(row);
            }
            return new Outcome(t.step(), t.examplesSeen(), (System.nanoTime() - start) / 1e9, lastEval,
                    t.model().parameterCount(), Training.intraOpThreads());
        }
    }

    /** A fixed, seeded sample of held-out examples, kept in graph order so graphs are prepared once. */
    public static List<Query> evalQueries(List<PathExample> test, int count, long seed) {
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            index.add(i);
        }
        if (count < test.size()) {
            Collections.shuffle(index, new Random(seed ^ 0xE7A1L));
            index = new ArrayList<>(index.subList(0, count));
            Collections.sort(index);
        }
        List<PathExample> chosen = new ArrayList<>();
        for (int i : index) {
            chosen.add(test.get(i));
        }
        return QuerySource.fromExamples(chosen);
    }

    /** Greedy decoding on the held-out sample: correct and exact overall and by distance. */
    public static Map<String, Object> evaluate(Training t, List<Query> queries, LabConfig config) {
        ScoreSheet sheet = new TransformerNavigator(t.model(), config.data().maxNodes(), config.seed(), 256).score(queries);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eval_correct", round(sheet.total().accuracy()));
        m.put("eval_exact", round(sheet.total().exactAccuracy()));
        for (int d : sheet.distances()) {
            if (d <= 4) {
                m.put("eval_d" + d, round(sheet.byDistance(d).accuracy()));
            }
        }
        ScoreSheet.Cell hard = sheet.fromDistance(3);
        m.put("eval_d3plus", hard.pairs() == 0 ? null : round(hard.accuracy()));
        m.put("eval_pairs", sheet.total().pairs());
        return m;
    }

    private static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }

    /** Drops metrics lines past {@code step}, so a resumed run's curve continues without repeats. */
    public static void truncateMetrics(Path file, long step) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && JSON.readTree(line).path("step").asLong() <= step) {
                    kept.add(line);
                }
            }
            AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
