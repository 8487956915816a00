package splab.bench;

import splab.config.ConfigLoader;
import splab.config.LabConfig;
import splab.data.Batcher;
import splab.data.DataConfig;
import splab.data.DatasetBuilder;
import splab.data.Vocabulary;
import splab.train.EngineThreads;
import splab.train.SyntheticPaths;
import splab.train.TokenBatch;
import splab.train.TrainConfig;
import splab.train.Training;
import splab.model.ModelConfig;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Measures training speed on this machine: tokens per second and milliseconds per step of the real
 * training step on {@link SyntheticPaths} batches, the float32 rate of a large matrix product, and the
 * model-FLOPs utilisation (MFU) between the two.
 *
 * <p>Model FLOPs per step follow the usual estimate for a decoder trained with backward:
 * {@code 6 N + 12 L D T} per non-padding token (N parameters, L layers, D width, T sequence length;
 * the second term is the attention score and mixing products). Padding tokens are computed by the
 * engine but not counted, so packing waste shows up as lower MFU. MFU is given twice: against a 1024 x 1024
 * product, and against the best rate {@link MatmulRates} finds on the machine (the fairer ceiling).
 */
public final class TrainBench {

    /** Figures of one benchmark run. */
    public record Result(ModelConfig model, int batchSize, int sequenceLength, int threads, long parameters,
                         double msPerStep, double tokensPerSecond, double nonPaddingFraction,
                         double matmulGflops, double modelGflops, double mfu, MatmulRates.Best machine,
                         String profile) {

        /** Model FLOP rate over the best matrix-product rate found on this machine. */
        public double machineMfu() {
            return modelGflops / machine.gflops();
        }

        public String summary() {
            return String.format(
                    "model dModel=%d heads=%d layers=%d params=%d | batch %d x seq %d | threads %d%n"
                            + "train step: %.1f ms/step, %.0f non-padding tokens/s (%.0f%% of positions are tokens)%n"
                            + "matmul 1024x1024 float32: %.1f GFLOP/s; best on this machine: %.1f GFLOP/s (%s; %s)%n"
                            + "model FLOP rate: %.1f GFLOP/s, MFU %.1f%% of the 1024 product, %.1f%% of the machine's best%n"
                            + "%s",
                    model.dModel(), model.heads(), model.layers(), parameters, batchSize, sequenceLength, threads,
                    msPerStep, tokensPerSecond, 100 * nonPaddingFraction, matmulGflops, machine.gflops(),
                    machine.shape(), machine.blas(), modelGflops, 100 * mfu, 100 * machineMfu(), profile);
        }
    }

    private TrainBench() {
    }

    /**
     * {@code splab bench train}: for each thread count, those of {@code kinds} asked for: {@code stated} (every row
     * filled to within 4 tokens of {@code seq}), {@code padded} (synthetic 3-10 node batches padded to {@code seq})
     * and {@code lab} (the lab's own batches, bucketed by n).
     */
    public static void report(int dModel, int heads, int layers, int batch, int seq, int steps,
            ModelConfig.Positions positions, int[] threadCounts, List<String> kinds, Path trace, PrintStream out) {
        ModelConfig synthetic = new ModelConfig(ModelConfig.vocabSizeFor(10), seq, dModel, heads, layers, 0, 0f,
                positions);
        ModelConfig lab = synthetic.withTokens(synthetic.vocabSize(), 160);
        TokenBatch[] labBatches = kinds.contains("lab") ? labBatches(batch, steps + 5) : null;
        out.printf("bench train: OMP_WAIT_POLICY=%s, %d cores, positions %s%n", System.getenv("OMP_WAIT_POLICY"),
                Runtime.getRuntime().availableProcessors(), positions.name().toLowerCase(Locale.ROOT));
        for (int t : threadCounts) {
            if (kinds.contains("stated")) {
                out.println("-- the stated shape: batch " + batch + " x sequence " + seq + ", every row "
                        + (seq - 4) + "-" + seq + " real tokens (3-10 node graphs), " + t + " thread(s)");
                out.println(run(synthetic, batch, seq, seq - 4, 5, steps, t).summary());
            }
            if (kinds.contains("padded")) {
                out.println("-- synthetic batches padded to " + seq + ", " + t + " thread(s)");
                out.println(run(synthetic, batch, seq, 5, steps, t).summary());
            }
            if (kinds.contains("lab")) {
                out.println("-- the lab's batches (3-10 nodes, bucketed by n), " + t + " thread(s)");
                out.println(run(lab, labBatches, 5, t).summary());
            }
        }
        if (trace != null) {
            out.println("-- operator trace of the stated shape, " + threadCounts[0] + " thread(s), written to " + trace
                    + " (the profiler slows the steps; the figures above are the benchmark's)");
            run(synthetic, statedBatches(batch, seq, seq - 4, 5 + steps), 5, threadCounts[0], trace);
            out.print(OperatorTrace.read(trace).summary(25));
        }
    }

    /** {@code count} batches drawn as the default run draws them, from the training split of 2,000 sampled graphs. */
    private static TokenBatch[] labBatches(int batch, int count) {
        LabConfig config = ConfigLoader.load(null, List.of("data.graphs=2000"));
        DataConfig data = config.data();
        Batcher batcher = new Batcher(new DatasetBuilder(data, 1).sample(x -> { }).train(),
                new Vocabulary(data.maxNodes()), true, config.train().distanceExponent(),
                config.train().anyShortestTarget(), config.train().relabelNodes());
        Random rng = new Random(1);
        TokenBatch[] out = new TokenBatch[count];
        for (int i = 0; i < count; i++) {
            out[i] = TokenBatch.of(batcher.next(batch, rng));
        }
        return out;
    }

    /** The standard benchmark: dModel 128, 4 heads, 2 layers, batch 64, sequence 64. */
    public static Result run(int threads) {
        ModelConfig model = ModelConfig.of(ModelConfig.vocabSizeFor(10), 64, 128, 4);
        return run(model, 64, 64, 5, 30, threads);
    }

    public static Result run(ModelConfig model, int batchSize, int sequenceLength, int warmupSteps, int timedSteps,
                             int threads) {
        return run(model, batchSize, sequenceLength, 1, warmupSteps, timedSteps, threads);
    }

    /**
     * As {@link #run(ModelConfig, int, int, int, int, int)} with every row holding at least {@code minLength}
     * real tokens: {@code minLength = sequenceLength - 4} measures the stated shape itself (batch x sequence
     * positions, almost all of them tokens) rather than a mix of short graphs padded to it.
     */
    public static Result run(ModelConfig model, int batchSize, int sequenceLength, int minLength, int warmupSteps,
                             int timedSteps, int threads) {
        // pre-draw the batches so graph sampling is not timed
        return run(model, statedBatches(batchSize, sequenceLength, minLength, warmupSteps + timedSteps), warmupSteps,
                threads);
    }

    private static TokenBatch[] statedBatches(int batchSize, int sequenceLength, int minLength, int count) {
        SyntheticPaths source = new SyntheticPaths(10, 3, 10, 0.35, sequenceLength);
        Random rng = new Random(1);
        TokenBatch[] batches = new TokenBatch[count];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = source.next(batchSize, rng, minLength);
        }
        return batches;
    }

    /**
     * Times training steps on the given batches (the first {@code warmupSteps} untimed), then a 1024 x 1024
     * float32 matrix product in the same process. Tokens are counted without padding; the sequence length
     * in the result is the longest batch's.
     */
    public static Result run(ModelConfig model, TokenBatch[] batches, int warmupSteps, int threads) {
        return run(model, batches, warmupSteps, threads, null);
    }

    /**
     * As {@link #run(ModelConfig, TokenBatch[], int, int)}; when {@code trace} is not null, the engine's operator
     * profiler records the timed steps and writes its Chrome trace there (profiling slows the steps, so the
     * figures of a traced run are not the benchmark's).
     */
    public static Result run(ModelConfig model, TokenBatch[] batches, int warmupSteps, int threads, Path trace) {
        int batchSize = batches[0].size();
        TrainConfig config = TrainConfig.defaults().with(c -> {
                c.batchSize = batchSize; c.steps = batches.length; c.warmupSteps = 1; c.evalInterval = 0;
                c.logInterval = 0; c.threads = threads;
        });
        int timedSteps = batches.length - warmupSteps;
        try (Training training = Training.start(model, config, 1, (size, r) -> batches[0])) {
            for (int i = 0; i < warmupSteps; i++) {
                training.trainStep(batches[i]);
            }
            training.profile().reset();
            long tokens = 0, positions = 0;
            double attentionFlops = 0;
            int longest = 0;
            if (trace != null) {
                Training.startOperatorTrace();
            }
            long start = System.nanoTime();
            for (int i = warmupSteps; i < batches.length; i++) {
                long t = training.trainStep(batches[i]).tokens();
                tokens += t;
                positions += (long) batches[i].size() * (batches[i].length() - 1);
                attentionFlops += 12.0 * model.layers() * model.dModel() * (batches[i].length() - 1) * t;
                longest = Math.max(longest, batches[i].length());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (trace != null) {
                Training.stopOperatorTrace(trace);
            }
            long params = training.model().parameterCount();
            double matmul = MatmulRates.gflops(1024, 1024, 1024, 10);
            double modelGflops = (6.0 * params * tokens + attentionFlops) / seconds / 1e9;
            int usedThreads = EngineThreads.intraOp();
            return new Result(model, batchSize, longest, usedThreads, params, 1000 * seconds / timedSteps,
                    tokens / seconds, (double) tokens / positions, matmul, modelGflops, modelGflops / matmul,
                    MatmulRates.best(usedThreads), training.profile().summary(timedSteps));
        }
    }

    /** Prints the standard benchmark; optional argument: intra-op threads (0 = engine default). */
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        System.out.println(run(threads).summary());
    }
}
