package splab.train;

import java.util.function.Consumer;

/**
 * Settings of one training run, checked on construction.
 *
 * @param batchSize sequences per step
 * @param steps total optimizer steps (the cosine schedule ends here)
 * @param learningRate peak learning rate, reached at the end of warm-up
 * @param warmupSteps steps of linear warm-up from lr/warmup to lr
 * @param minLrRatio final learning rate as a fraction of the peak (cosine decay floor)
 * @param weightDecay decoupled AdamW weight decay, applied to weight matrices and embeddings only
 * @param gradClip global L2 norm above which gradients are scaled down; 0 disables clipping
 * @param seed seed of the engine's generator (initialisation) and of the Java batch generator
 * @param evalInterval steps between evaluations (0: never)
 * @param logInterval steps between metrics lines (0: never)
 * @param threads intra-op threads for PyTorch (0: leave the engine's default)
 * @param evalExamples held-out examples greedily decoded at every evaluation (0: no decoding evaluation)
 * @param checkpointInterval steps between checkpoints (at least 1; the last step is always saved)
 * @param bucketByNodeCount draw each batch from one node count, so rows have similar lengths (less padding)
 * @param target {@code label}: cross-entropy against the stored label path (the paper's objective);
 *        {@code any_shortest}: at each path step the loss is -log of the probability mass on every valid
 *        next token (any node one step closer to t), and the teacher-forced path is redrawn uniformly among
 *        the shortest paths each time the example is drawn, so ties are never punished
 * @param distanceExponent within each node count, a pair at distance d is drawn with weight
 *        {@code count(n, d)^exponent} shared among the pairs at that distance: 1 keeps the natural mix
 *        (about half the pairs adjacent, under 7% at d >= 3), 0 makes every distance equally likely
 * @param relabelNodes give the nodes of each drawn example fresh distinct labels, drawn uniformly from all
 *        {@code maxNodes} node tokens (augmentation: every token is practised in every role, and a small
 *        graph is no longer always written with the low labels)
 * @param stopAt when training may end before {@code steps} (a held-out level reached, a wall-time budget);
 *        {@link StopAt#off()} by default
 * @param device where the model, its gradients, the optimizer state and every batch live: {@code cpu}, {@code gpu}
 *        (the first CUDA device; an error when there is none) or {@code auto} (a GPU when the engine sees one)
 */
public record TrainConfig(
        int batchSize,
        long steps,
        double learningRate,
        long warmupSteps,
        double minLrRatio,
        double weightDecay,
        double gradClip,
        long seed,
        long evalInterval,
        long logInterval,
        int threads,
        int evalExamples,
        long checkpointInterval,
        boolean bucketByNodeCount,
        String target,
        double distanceExponent,
        boolean relabelNodes,
        StopAt stopAt,
        String device) {

    /** The {@code target} values. */
    public static final String LABEL = "label", ANY_SHORTEST = "any_shortest";

    public TrainConfig {
        require(batchSize >= 1, "batchSize must be positive, got " + batchSize);
        require(steps >= 1, "steps must be positive, got " + steps);
        require(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be positive, got " + learningRate);
        require(warmupSteps >= 0, "warmupSteps must be >= 0, got " + warmupSteps);
        require(minLrRatio >= 0 && minLrRatio <= 1, "minLrRatio must be in [0, 1], got " + minLrRatio);
        require(weightDecay >= 0, "weightDecay must be >= 0, got " + weightDecay);
        require(gradClip >= 0, "gradClip must be >= 0 (0 disables), got " + gradClip);
        require(evalInterval >= 0, "evalInterval must be >= 0, got " + evalInterval);
        require(logInterval >= 0, "logInterval must be >= 0, got " + logInterval);
        require(threads >= 0, "threads must be >= 0 (0 = engine default), got " + threads);
        require(evalExamples >= 0, "evalExamples must be >= 0, got " + evalExamples);
        require(checkpointInterval >= 1, "train.checkpointInterval must be at least 1 (a checkpoint every N steps; a run "
                + "without checkpoints would lose everything to a crash), got " + checkpointInterval);
        if (target == null) {
            target = LABEL; // checkpoints written before the key existed
        }
        require(target.equals(LABEL) || target.equals(ANY_SHORTEST),
                "target must be '" + LABEL + "' or '" + ANY_SHORTEST + "', got '" + target + "'");
        if (stopAt == null) {
            stopAt = StopAt.off(); // configs and checkpoints written before the key existed
        }
        require(stopAt.atLeast() == 0 || (evalInterval > 0 && evalExamples > 0),
                "train.stopAt.atLeast needs held-out evaluations: set train.evalInterval and train.evalExamples above 0");
        require(distanceExponent >= 0 && distanceExponent <= 1, "distanceExponent must be in [0, 1], got " + distanceExponent);
        if (device == null) {
            device = "auto"; // configs and checkpoints written before the key existed
        }
        require(java.util.List.of("auto", "cpu", "gpu").contains(device), "device must be auto, cpu or gpu, got '" + device + "'");
    }

    /** True when the loss accepts every shortest path (see {@code target}). */
    public boolean anyShortestTarget() {
        return ANY_SHORTEST.equals(target);
    }

    /**
     * Defaults of the quick CPU run: batch 64, 4,000 steps, lr 1e-3 without weight decay, 500 warm-up steps,
     * the any-shortest-path objective and distance exponent 0.5.
     * The README's "Measured" section gives the runs behind these choices (a higher rate with weight decay
     * stalled, the label objective on the natural mix fell behind, 200 warm-up steps learned more slowly).
     */
    public static TrainConfig defaults() {
        return new TrainConfig(64, 4_000, 1e-3, 500, 0.1, 0.0, 1.0, 1, 500, 50, 0, 500, 500, true, ANY_SHORTEST, 0.5, false, StopAt.off(), "auto");
    }

    /**
     * A copy with some settings changed, e.g. {@code config.with(c -> { c.steps = 300; c.threads = 1; })}; the
     * result is checked like any other.
     */
    public TrainConfig with(Consumer<Settings> changes) {
        Settings c = new Settings(this);
        changes.accept(c);
        return c.build();
    }

    /** The settings of a {@link TrainConfig} as mutable fields, for {@link #with}. */
    public static final class Settings {
        public int batchSize;
        public long steps;
        public double learningRate;
        public long warmupSteps;
        public double minLrRatio;
        public double weightDecay;
        public double gradClip;
        public long seed;
        public long evalInterval;
        public long logInterval;
        public int threads;
        public int evalExamples;
        public long checkpointInterval;
        public boolean bucketByNodeCount;
        public String target;
        public double distanceExponent;
        public boolean relabelNodes;
        public StopAt stopAt;
        public String device;

        private Settings(TrainConfig c) {
            batchSize = c.batchSize;
            steps = c.steps;
            learningRate = c.learningRate;
            warmupSteps = c.warmupSteps;
            minLrRatio = c.minLrRatio;
            weightDecay = c.weightDecay;
            gradClip = c.gradClip;
            seed = c.seed;
            evalInterval = c.evalInterval;
            logInterval = c.logInterval;
            threads = c.threads;
            evalExamples = c.evalExamples;
            checkpointInterval = c.checkpointInterval;
            bucketByNodeCount = c.bucketByNodeCount;
            target = c.target;
            distanceExponent = c.distanceExponent;
            relabelNodes = c.relabelNodes;
            stopAt = c.stopAt;
            device = c.device;
        }

        private TrainConfig build() {
            return new TrainConfig(batchSize, steps, learningRate, warmupSteps, minLrRatio, weightDecay, gradClip, seed,
                    evalInterval, logInterval, threads, evalExamples, checkpointInterval, bucketByNodeCount, target,
                    distanceExponent, relabelNodes, stopAt, device);
        }
    }

    /** Warm-up then cosine decay: the learning rate used at 0-based {@code step}. */
    public double learningRateAt(long step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        long decaySteps = Math.max(1, steps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return learningRate * (minLrRatio + (1 - minLrRatio) * cosine);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
