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

import com.fasterxml.jackson.databind.JsonNode;
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
import splab.train.EngineThreads;
import splab.train.NativeBlas;
import splab.train.MetricsLog;
import splab.train.StopAt;
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

    /** Written into the run folder when {@code train.stopAt} ended training early: step and reason. */
    public static final String STOPPED_FILE = "train_stopped.json";

    /**
     * What a training stage did; {@code threads} is the intra-op thread count PyTorch actually used;
     * {@code stopReason} says why training ended before {@code train.steps} (null when it did not).
     */
    public record Outcome(long steps, long examplesSeen, double seconds, Map<String, Object> lastEval, long parameters,
            int threads, String stopReason) {

        /** Writes the figures every run folder's run.json carries about training into {@code prov}. */
        public Provenance record(Provenance prov, LabConfig config) {
            prov.put("examplesSeen", examplesSeen).put("parameters", parameters)
                    .put("trainSeconds", Math.round(seconds * 10) / 10.0).put("intraOpThreads", threads)
                    .put("threadsSetting", config.train().threads() == 0 ? "engine default" : config.train().threads());
            return stopReason == null ? prov : prov.put("trainStopped", stopReason);
        }
    }

    /**
     * True when the run in {@code runDir} needs no more training: its latest checkpoint is at {@code train.steps},
     * or {@code train.stopAt} ended it there.
     */
    public static boolean complete(LabConfig config, Path runDir) {
        Path latest = Checkpoints.latest(runDir.resolve("checkpoints"));
        if (latest == null) {
            return false;
        }
        long step = Checkpoints.readState(latest).step();
        return step >= config.train().steps() || stoppedAt(runDir, step) != null;
    }

    /** The reason {@code train.stopAt} gave for ending the run at {@code step}, or null. */
    private static String stoppedAt(Path runDir, long step) {
        Path stopped = runDir.resolve(STOPPED_FILE);
        if (!Files.exists(stopped)) {
            return null;
        }
        try {
            JsonNode s = JSON.readTree(Files.readString(stopped));
            return s.path("step").asLong() == step ? s.path("reason").asText("stopped") : null;
        } catch (IOException e) {
            throw new IllegalArgumentException(stopped + ": unreadable (" + e.getMessage().lines().findFirst().orElse("")
                    + "); delete it to train the run further", e);
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
        StopAt.Watch watch = config.train().stopAt().watch();
        Training.Evaluator evaluator = evalQueries.isEmpty() ? null : t -> {
            Map<String, Object> figures = evaluate(t, evalQueries, config);
            lastEval.clear();
            lastEval.putAll(figures);
            watch.observe(figures);
            return figures;
        };

        Training training;
        if (resume && Checkpoints.latest(checkpoints) != null) {
            training = Checkpoints.resume(checkpoints, source, config.train(), config.seed());
            truncateMetrics(metricsFile, training.step());
            replayEvaluations(metricsFile, watch);
            String stoppedBefore = stoppedAt(runDir, training.step());
            if (stoppedBefore != null) {
                watch.stopped(stoppedBefore); // delete train_stopped.json to train such a run further
            }
            out.printf("train: resumed at step %,d from %s%n", training.step(), Checkpoints.latest(checkpoints));
            Checkpoints.readState(Checkpoints.latest(checkpoints)).blasChange(NativeBlas.describe())
                    .ifPresent(w -> out.println("train: warning: " + w));
        } else {
            if (Files.exists(metricsFile)) {
                AtomicFiles.writeString(metricsFile, ""); // a fresh run starts a fresh curve
            }
            training = Training.start(config.model(), config.train(), config.seed(), source);
        }
        try (Training t = training; MetricsLog log = new MetricsLog(metricsFile);
                Progress progress = new Progress("train steps", config.train().steps())) {
            out.printf("train: %,d parameters, %,d training examples, %,d held-out examples for evaluation%n",
                    t.model().parameterCount(), train.size(), evalQueries.size());
            out.printf("train: objective %s; drawn pairs by distance: d=1 %.1f%%, d=2 %.1f%%, d>=3 %.1f%%%n",
                    config.train().target(), 100 * batcher.distanceShare(1), 100 * batcher.distanceShare(2),
                    100 * (1 - batcher.distanceShare(1) - batcher.distanceShare(2)));
            progress.accept(t.step());
            long steps = config.train().steps();
            long interval = config.train().checkpointInterval() > 0 ? config.train().checkpointInterval() : Long.MAX_VALUE;
            // with a stop rule, training pauses at every evaluation to ask it
            long pause = config.train().stopAt().enabled() && config.train().evalInterval() > 0
                    ? config.train().evalInterval() : interval;
            while (t.step() < steps && watch.reason() == null) {
                long next = Math.min(steps, Math.min(nextMultiple(t.step(), interval), nextMultiple(t.step(), pause)));
                t.train(next - t.step(), log, evaluator);
                boolean stop = watch.reason() != null || watch.overBudget((System.nanoTime() - start) / 1e9);
                if (stop || t.step() >= steps || t.step() % interval == 0) {
                    Checkpoints.save(t, checkpoints);
                }
                progress.accept(t.step());
            }
            if (watch.reason() != null) {
                AtomicFiles.writeString(runDir.resolve(STOPPED_FILE), JSON.writeValueAsString(
                        Map.of("step", t.step(), "examples_seen", t.examplesSeen(), "reason", watch.reason())) + "\n");
                out.printf("train: stopped at step %,d of %,d: %s%n", t.step(), steps, watch.reason());
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
                    t.model().parameterCount(), EngineThreads.intraOp(), watch.reason());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long nextMultiple(long step, long every) {
        return every == Long.MAX_VALUE ? Long.MAX_VALUE : (step / every + 1) * every;
    }

    /** Feeds a resumed run's earlier evaluations to the stop rule, so "in a row" spans the resume. */
    private static void replayEvaluations(Path metricsFile, StopAt.Watch watch) {
        if (!Files.exists(metricsFile)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(metricsFile)) {
                if (!line.isBlank()) {
                    Map<String, Object> row = JSON.readValue(line, Map.class);
                    if (row.containsKey("eval_correct")) {
                        watch.observe(row);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metricsFile + ": " + AtomicFiles.describe(e), e);
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
        ScoreSheet sheet = new TransformerNavigator(t.model(), config.data().maxNodes(), config.seed(), NavigateStage.DECODE_BATCH).score(queries);
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
