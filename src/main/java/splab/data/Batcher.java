package splab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Draws training batches from a pool of examples, tokenised afresh at every draw so that edge order and
 * endpoint order are new each time (augmentation). All randomness comes from the generator passed in, which
 * the training loop owns and checkpoints.
 *
 * <p>With {@code bucketByNodeCount}, every batch holds examples of one node count n, chosen with probability
 * proportional to the number of examples with that n: the batch then keeps the share of each n that uniform
 * sampling would give, but rows have nearly equal length, so little compute is spent on padding (a 10-node
 * graph is about 75 tokens, a 3-node one about 15).
 */
public final class Batcher {
    private final PathTokenizer tokenizer;
    private final boolean bucketByNodeCount;
    private final List<PathExample> pool;
    private final int[] bucketN;
    private final PathExample[][] buckets;
    private final double[] cumulative;

    /** A batch: right-padded token rows and the index of {@code <p>} in each row. */
    public record Batch(int[][] tokens, int[] pathStart, int realTokens) {}

    public Batcher(List<PathExample> pool, Vocabulary vocab, boolean bucketByNodeCount) {
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("no training examples to draw batches from");
        }
        this.tokenizer = new PathTokenizer(vocab);
        this.bucketByNodeCount = bucketByNodeCount;
        this.pool = List.copyOf(pool);
        TreeMap<Integer, List<PathExample>> byN = new TreeMap<>();
        for (PathExample e : pool) {
            byN.computeIfAbsent(e.n(), k -> new ArrayList<>()).add(e);
        }
        bucketN = byN.keySet().stream().mapToInt(Integer::intValue).toArray();
        buckets = new PathExample[bucketN.length][];
        cumulative = new double[bucketN.length];
        double total = 0;
        int i = 0;
        for (List<PathExample> list : byN.values()) {
            buckets[i] = list.toArray(new PathExample[0]);
            total += list.size();
            cumulative[i++] = total;
        }
        for (int k = 0; k < cumulative.length; k++) {
            cumulative[k] /= total;
        }
    }

    public int poolSize() {
        return pool.size();
    }

    /** The next batch of {@code size} examples. */
    public Batch next(int size, Random rng) {
        PathExample[] from = null;
        if (bucketByNodeCount) {
            double u = rng.nextDouble();
            int b = 0;
            while (b < cumulative.length - 1 && u >= cumulative[b]) {
                b++;
            }
            from = buckets[b];
        }
        int[][] rows = new int[size][];
        int[] pathStart = new int[size];
        int max = 0, real = 0;
        for (int i = 0; i < size; i++) {
            PathExample e = from != null ? from[rng.nextInt(from.length)] : pool.get(rng.nextInt(pool.size()));
            rows[i] = tokenizer.encode(e, rng);
            pathStart[i] = rows[i].length - e.path().length - 2;
            max = Math.max(max, rows[i].length);
            real += rows[i].length;
        }
        int pad = tokenizer.vocabulary().pad();
        for (int i = 0; i < size; i++) {
            int len = rows[i].length;
            if (len < max) {
                rows[i] = Arrays.copyOf(rows[i], max);
                Arrays.fill(rows[i], len, max, pad);
            }
        }
        return new Batch(rows, pathStart, real);
    }
}
