package splab.train;

import java.util.Random;

/**
 * Supplies training batches. All randomness (which examples, edge reshuffling, path direction) must
 * come from the {@code rng} passed in: the training loop owns that generator and saves it in
 * checkpoints, so a resumed run sees exactly the batches the straight run would have seen.
 */
@FunctionalInterface
public interface BatchSource {

    TokenBatch next(int batchSize, Random rng);
}
