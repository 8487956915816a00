package splab.train;

/**
 * What one optimizer step did.
 *
 * @param step 1-based number of the step just taken
 * @param loss mean path-token cross-entropy of the batch (before the update)
 * @param learningRate rate used for this step
 * @param gradNorm global gradient norm before clipping
 * @param tokens non-padding tokens in the batch
 * @param pathTokens scored (path) target tokens
 * @param correctPathTokens scored targets the model already predicted by arg-max
 * @param examplesSeen sequences consumed since the start of training, this batch included
 * @param millis wall time of the step
 */
public record StepResult(long step, float loss, double learningRate, double gradNorm, long tokens,
                         long pathTokens, long correctPathTokens, long examplesSeen, double millis) {

    public double tokensPerSecond() {
        return millis <= 0 ? 0 : tokens * 1000.0 / millis;
    }
}
