/**
 * Training: {@link splab.train.Training} (the loop), {@link splab.train.TrainConfig},
 * {@link splab.train.AdamW} (saveable state), {@link splab.train.PathLoss},
 * {@link splab.train.Checkpoints} (exact resume), {@link splab.train.MetricsLog} (metrics.jsonl) and
 * {@link splab.bench.TrainBench}.
 *
 * <p>Data plugs in through {@link splab.train.BatchSource}: it returns a {@link splab.train.TokenBatch}
 * (right-padded int[][] plus the index of {@code <p>} per row) and draws all its randomness from the
 * {@code Random} it is given, which the loop owns and checkpoints.
 *
 * <pre>{@code
 * try (Training t = Training.start(modelConfig, trainConfig, seed, source);
 *      MetricsLog log = new MetricsLog(runDir.resolve("metrics.jsonl"))) {
 *     while (t.step() < trainConfig.steps()) {
 *         t.train(1000, log, evaluator);                 // evaluator may be null
 *         Checkpoints.save(t, runDir.resolve("checkpoints"));
 *     }
 * }
 * // later: Checkpoints.resume(runDir.resolve("checkpoints"), source) or Checkpoints.loadModel(dir, manager)
 * }</pre>
 */
package splab.train;
