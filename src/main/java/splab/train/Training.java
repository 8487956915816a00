package splab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import splab.model.ModelConfig;
import splab.model.PathTransformer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The training loop: one {@link BatchSource} batch per step, masked path cross-entropy, global-norm
 * clipping and AdamW with warm-up then cosine decay. Each step runs in its own sub-manager, so the
 * model's manager holds only parameters and optimizer moments between steps.
 *
 * <p>Reproducibility: the engine generator is seeded before the weights are drawn; batches come from
 * a seeded {@link Random} owned here and saved by {@link Checkpoints}. When dropout is on, the engine
 * generator is re-seeded from (seed, step) at every step, so a resumed run draws the same masks.
 */
public final class Training implements AutoCloseable {

    /** Evaluation figures to merge into a metrics line, e.g. held-out accuracy. */
    @FunctionalInterface
    public interface Evaluator {
        Map<String, Object> evaluate(Training training);
    }

    private final ModelConfig modelConfig;
    private final TrainConfig config;
    private final long seed;
    private final BatchSource source;
    private final NDManager manager;
    private final PathTransformer model;
    private final AdamW optimizer;
    private final int padToken;
    private final StepProfile profile = new StepProfile();
    Random rng;
    long examplesSeen;

    /**
     * Starts the PyTorch engine's operator profiler (CPU time of every operator this thread runs until
     * {@link #stopOperatorTrace}); for benchmarks, not for training runs.
     */
    public static void startOperatorTrace() {
        Engine.getEngine("PyTorch");
        JniUtils.startProfile(false, true, false);
    }

    /** Stops the profiler started by {@link #startOperatorTrace} and writes its Chrome trace (JSON) to {@code file}. */
    public static void stopOperatorTrace(Path file) {
        JniUtils.stopProfile(file.toAbsolutePath().toString());
    }

    private Training(ModelConfig modelConfig, TrainConfig config, long seed, BatchSource source) {
        this.modelConfig = modelConfig;
        this.config = config;
        this.seed = seed;
        this.source = source;
        Engine engine = Engine.getEngine("PyTorch"); // loads the native library before any JNI call
        // set even when train.threads is 0 (the engine's default count): setting the count also fixes the BLAS's
        // threading mode, and decoding's single-threaded span (EngineThreads) sets it, so a training step after
        // an evaluation must not run under other settings than one before it
        int threads = config.threads() > 0 ? config.threads() : EngineThreads.intraOp();
        JniUtils.setNumThreads(threads);
        NativeBlas.setThreads(threads);
        engine.setRandomSeed((int) seed);
        manager = NDManager.newBaseManager(device(config.device()));
        model = PathTransformer.create(modelConfig, manager);
        optimizer = new AdamW(model.getParameters(), manager);
        rng = new Random(seed);
        padToken = modelConfig.vocabulary().pad();
    }

    /**
     * The device for a {@code train.device} setting: {@code cpu}, {@code gpu} (the first CUDA device, an error
     * without one) or {@code auto} (a GPU when the engine sees one, else the CPU).
     */
    public static Device device(String setting) {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        switch (setting) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (gpus == 0) {
                    throw new IllegalArgumentException("train.device is gpu but the engine sees no CUDA device (the"
                            + " CPU natives are installed; see the README on the cuda Maven profile)");
                }
                return Device.gpu();
            case "auto":
                return gpus > 0 ? Device.gpu() : Device.cpu();
            default:
                throw new IllegalArgumentException("train.device must be auto, cpu or gpu, got '" + setting + "'");
        }
    }

    /** The device the model, its gradients, the optimizer state and every batch array live on. */
    public Device device() {
        return manager.getDevice();
    }

    /**
     * A fresh run: weights drawn from the engine generator seeded with {@code seed}, batches from a Java generator
     * seeded with it too (the run's one seed).
     */
    public static Training start(ModelConfig modelConfig, TrainConfig config, long seed, BatchSource source) {
        return new Training(modelConfig, config, seed, source);
    }

    public PathTransformer model() {
        return model;
    }

    public NDManager manager() {
        return manager;
    }

    public ModelConfig modelConfig() {
        return modelConfig;
    }

    public TrainConfig config() {
        return config;
    }

    /** The run's seed (checkpoints record it; dropout masks derive theirs from it and the step). */
    public long seed() {
        return seed;
    }

    AdamW optimizer() {
        return optimizer;
    }

    /** Optimizer steps taken so far. */
    public long step() {
        return optimizer.step();
    }

    public long examplesSeen() {
        return examplesSeen;
    }

    /** Draws one batch from the source and takes one optimizer step on it. */
    public StepResult trainStep() {
        return trainStep(source.next(config.batchSize(), rng));
    }

    /** Takes one optimizer step on the given batch. */
    public StepResult trainStep(TokenBatch batch) {
        long start = System.nanoTime();
        long stepIndex = optimizer.step();
        double lr = config.learningRateAt(stepIndex);
        if (modelConfig.dropout() > 0f) {
            Engine.getInstance().setRandomSeed((int) (seed * 1_000_003L + stepIndex));
        }
        StepResult result;
        try (NDManager sub = manager.newSubManager()) {
            BatchArrays arrays = arrays(batch, sub);
            NDArray input = arrays.input();
            NDArray target = arrays.target();
            NDArray mask = arrays.mask();
            NDArray logMask = logMask(batch, sub);
            NDArray loss;
            NDArray logits;
            long forward = profile.lap(StepProfile.Phase.HOST, start);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                logits = model.forward(input, true);
                loss = loss(logits, target, mask, logMask);
                forward = profile.lap(StepProfile.Phase.FORWARD, forward);
                collector.backward(loss);
            }
            long metrics = profile.lap(StepProfile.Phase.BACKWARD, forward);
            float lossValue = loss.getFloat();
            long pathTokens = (long) mask.sum().getFloat();
            long correct = correct(logits, target, mask, logMask);
            long update = profile.lap(StepProfile.Phase.METRICS, metrics);
            double norm = optimizer.update(lr, config.weightDecay(), config.gradClip(), sub);
            long end = profile.lap(StepProfile.Phase.OPTIMIZER, update);
            examplesSeen += batch.size();
            result = new StepResult(optimizer.step(), lossValue, lr, norm, countTokens(batch), pathTokens,
                    correct, examplesSeen, (end - start) / 1e6);
            profile.lap(StepProfile.Phase.HOST, end);
        }
        return result;
    }

    /** Wall time of the training steps so far, by phase. */
    public StepProfile profile() {
        return profile;
    }

    /** Teacher-forced figures on a batch without training: path-token loss and arg-max accuracy. */
    public record Evaluation(float loss, long pathTokens, long correctPathTokens) {
        public double accuracy() {
            return pathTokens == 0 ? 0 : (double) correctPathTokens / pathTokens;
        }
    }

    /** Evaluates {@code batch} in its own sub-manager; no gradients, no parameter change. */
    public Evaluation evaluate(TokenBatch batch) {
        try (NDManager sub = manager.newSubManager()) {
            BatchArrays arrays = arrays(batch, sub);
            NDArray input = arrays.input();
            NDArray target = arrays.target();
            NDArray mask = arrays.mask();
            NDArray logits = model.forward(input, false);
            NDArray logMask = logMask(batch, sub);
            return new Evaluation(loss(logits, target, mask, logMask).getFloat(), (long) mask.sum().getFloat(),
                    correct(logits, target, mask, logMask));
        }
    }

    /**
     * Trains until {@code config.steps()} steps in total have been taken (or {@code maxNewSteps} more,
     * whichever comes first), logging every log interval and evaluating every eval interval.
     * Returns the last step's result, or null when no step was left.
     */
    public StepResult train(long maxNewSteps, MetricsLog log, Evaluator evaluator) {
        StepResult last = null;
        long target = Math.min(config.steps(), optimizer.step() + maxNewSteps);
        while (optimizer.step() < target) {
            last = trainStep();
            long s = last.step();
            boolean logNow = config.logInterval() > 0 && s % config.logInterval() == 0;
            boolean evalNow = evaluator != null && config.evalInterval() > 0 && s % config.evalInterval() == 0;
            Map<String, Object> extra = evalNow ? evaluator.evaluate(this) : new LinkedHashMap<>();
            if (log != null && (logNow || evalNow)) {
                log.append(last, extra);
            }
        }
        return last;
    }

    /** The accepted-token log-mask when the batch carries valid-target sets, else null (label objective). */
    private NDArray logMask(TokenBatch batch, NDManager sub) {
        return batch.validTargets() == null ? null : PathLoss.validTargetLogMask(batch, modelConfig.vocabSize(), sub);
    }

    private static NDArray loss(NDArray logits, NDArray target, NDArray mask, NDArray logMask) {
        return logMask == null ? PathLoss.maskedCrossEntropy(logits, target, mask)
                : PathLoss.maskedSetCrossEntropy(logits, logMask, mask);
    }

    private static long correct(NDArray logits, NDArray target, NDArray mask, NDArray logMask) {
        return logMask == null ? PathLoss.correctTokens(logits, target, mask) : PathLoss.correctInSet(logits, logMask, mask);
    }

    /** Inputs (tokens 0..L-2), targets (tokens 1..L-1) and the path-target mask, all [B, L-1]. */
    record BatchArrays(NDArray input, NDArray target, NDArray mask) {
    }

    /** The batch's arrays on {@code sub} (a sub-manager of the model's, so on the model's device). */
    BatchArrays arrays(TokenBatch batch, NDManager sub) {
        NDArray tokens = sub.create(batch.tokens());
        return new BatchArrays(tokens.get(new NDIndex(":, :{}", batch.length() - 1)), tokens.get(new NDIndex(":, 1:")),
                sub.create(PathLoss.targetMask(batch, padToken)));
    }

    private long countTokens(TokenBatch batch) {
        long n = 0;
        for (int[] row : batch.tokens()) {
            for (int i = 0; i < row.length - 1; i++) { // inputs only: the last token is never fed
                if (row[i] != padToken) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public void close() {
        manager.close();
    }
}
