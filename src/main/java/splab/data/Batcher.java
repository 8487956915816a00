package splab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import splab.graph.AllShortestPaths;

/**
 * Draws training batches from a pool of examples, tokenised afresh at every draw so that edge order and
 * endpoint order are new each time (augmentation). All randomness comes from the generator passed in, which
 * the training loop owns and checkpoints.
 *
 * <p>With {@code bucketByNodeCount}, every batch holds examples of one node count n, chosen with probability
 * proportional to the number of examples with that n: the batch then keeps the share of each n that uniform
 * sampling would give, but rows have nearly equal length, so little compute is spent on padding (a 10-node
 * graph is about 75 tokens, a 3-node one about 15).
 *
 * <p>{@code distanceExponent} reshapes the mix of distances within each n: distance d gets weight
 * {@code count(n, d)^exponent}, shared uniformly by its pairs. At 1 every pair is equally likely (the natural
 * mix, where about half the pairs are adjacent and few are 3 or more steps apart); smaller values move
 * practice toward the long paths, which are the hard ones.
 *
 * <p>With {@code anyShortest}, each drawn example gets a fresh label path drawn uniformly among its shortest
 * paths, and the batch carries, for every scored position, the set of tokens that continue some shortest
 * path (see {@code splab.train.TokenBatch#validTargets}).
 *
 * <p>With {@code relabelNodes}, the n nodes of each drawn example are renamed by a fresh injective map into all
 * {@code maxNodes} node labels (edges, query, label path and accepted targets alike), so that a graph of 4 nodes
 * is as likely to be written with labels 9, 2, 6, 0 as with 0, 1, 2, 3 and every node token is practised.
 */
public final class Batcher {
    private final PathTokenizer tokenizer;
    private final boolean bucketByNodeCount;
    private final boolean naturalMix;
    private final boolean anyShortest;
    private final boolean relabelNodes;
    private final List<PathExample> pool;
    private final PathExample[][] buckets;
    private final double[] cumulative;
    /** cells[b][c]: the examples of bucket b at its c-th distance; cellCumulative[b] the distance weights. */
    private final PathExample[][][] cells;
    private final double[][] cellCumulative;

    /** A batch: right-padded token rows, the index of {@code <p>} in each row, and the accepted targets or null. */
    public record Batch(int[][] tokens, int[] pathStart, int realTokens, int[][][] validTargets) {}

    /** The paper's objective on the natural mix of pairs. */
    public Batcher(List<PathExample> pool, Vocabulary vocab, boolean bucketByNodeCount) {
        this(pool, vocab, bucketByNodeCount, 1.0, false, false);
    }

    public Batcher(List<PathExample> pool, Vocabulary vocab, boolean bucketByNodeCount, double distanceExponent,
            boolean anyShortest, boolean relabelNodes) {
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("no training examples to draw batches from");
        }
        if (!(distanceExponent >= 0 && distanceExponent <= 1)) {
            throw new IllegalArgumentException("distanceExponent must be in [0, 1], got " + distanceExponent);
        }
        this.tokenizer = new PathTokenizer(vocab);
        this.bucketByNodeCount = bucketByNodeCount;
        this.naturalMix = distanceExponent == 1.0;
        this.anyShortest = anyShortest;
        this.relabelNodes = relabelNodes;
        this.pool = List.copyOf(pool);
        TreeMap<Integer, List<PathExample>> byN = new TreeMap<>();
        for (PathExample e : pool) {
            byN.computeIfAbsent(e.n(), k -> new ArrayList<>()).add(e);
        }
        int count = byN.size();
        buckets = new PathExample[count][];
        cumulative = new double[count];
        cells = new PathExample[count][][];
        cellCumulative = new double[count][];
        double total = 0;
        int i = 0;
        for (List<PathExample> list : byN.values()) {
            buckets[i] = list.toArray(new PathExample[0]);
            total += list.size();
            cumulative[i] = total;
            TreeMap<Integer, List<PathExample>> byD = new TreeMap<>();
            for (PathExample e : list) {
                byD.computeIfAbsent(e.distance(), k -> new ArrayList<>()).add(e);
            }
            cells[i] = new PathExample[byD.size()][];
            double[] weights = new double[byD.size()];
            int c = 0;
            for (List<PathExample> cell : byD.values()) {
                cells[i][c] = cell.toArray(new PathExample[0]);
                weights[c++] = Math.pow(cell.size(), distanceExponent);
            }
            cellCumulative[i] = normalisedCumulative(weights);
            i++;
        }
        for (int k = 0; k < cumulative.length; k++) {
            cumulative[k] /= total;
        }
    }

    public int poolSize() {
        return pool.size();
    }

    /**
     * Probability that a drawn example has distance {@code d} (over every n), for the stated mix. The
     * n of a row is drawn in proportion to the examples with that n whether or not batches are bucketed.
     */
    public double distanceShare(int d) {
        double share = 0;
        for (int b = 0; b < buckets.length; b++) {
            double pn = cumulative[b] - (b == 0 ? 0 : cumulative[b - 1]);
            for (int c = 0; c < cells[b].length; c++) {
                if (cells[b][c][0].distance() == d) {
                    share += pn * (cellCumulative[b][c] - (c == 0 ? 0 : cellCumulative[b][c - 1]));
                }
            }
        }
        return share;
    }

    /** The next batch of {@code size} examples. */
    public Batch next(int size, Random rng) {
        int fixed = bucketByNodeCount ? draw(cumulative, rng) : -1;
        int[][] rows = new int[size][];
        int[] pathStart = new int[size];
        int[][][] valid = anyShortest ? new int[size][][] : null;
        int max = 0, real = 0;
        for (int i = 0; i < size; i++) {
            PathExample e;
            if (naturalMix) {
                e = fixed >= 0 ? buckets[fixed][rng.nextInt(buckets[fixed].length)] : pool.get(rng.nextInt(pool.size()));
            } else {
                int b = fixed >= 0 ? fixed : draw(cumulative, rng);
                PathExample[] cell = cells[b][draw(cellCumulative[b], rng)];
                e = cell[rng.nextInt(cell.length)];
            }
            if (anyShortest) {
                AllShortestPaths paths = new AllShortestPaths(e.graph());
                int[] path = paths.uniformPath(e.source(), e.target(), rng);
                e = new PathExample(e.n(), e.edges(), e.source(), e.target(), path, e.distance(), e.shortestPaths(), e.split());
                valid[i] = acceptedTargets(paths, path, tokenizer.vocabulary());
            }
            if (relabelNodes) {
                int[] label = injection(e.n(), tokenizer.vocabulary().maxNodes(), rng);
                e = relabel(e, label);
                if (valid != null) {
                    Vocabulary vocab = tokenizer.vocabulary();
                    for (int[] set : valid[i]) {
                        for (int k = 0; k < set.length; k++) {
                            if (vocab.isNode(set[k])) {
                                set[k] = vocab.node(label[set[k]]); // a node token is its node id
                            }
                        }
                    }
                }
            }
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
        return new Batch(rows, pathStart, real, valid);
    }

    /**
     * The tokens accepted at each scored position of {@code path}: the source, then every neighbour of the
     * previous node that is one step closer to the target, then {@code <eos>}.
     */
    static int[][] acceptedTargets(AllShortestPaths paths, int[] path, Vocabulary vocab) {
        int t = path[path.length - 1];
        int[][] sets = new int[path.length + 1][];
        sets[0] = new int[] {vocab.node(path[0])};
        for (int k = 1; k < path.length; k++) {
            long next = paths.nextSteps(path[k - 1], t);
            int[] tokens = new int[Long.bitCount(next)];
            int j = 0;
            for (long m = next; m != 0; m &= m - 1) {
                tokens[j++] = vocab.node(Long.numberOfTrailingZeros(m));
            }
            sets[k] = tokens;
        }
        sets[path.length] = new int[] {vocab.eos()};
        return sets;
    }

    /** A uniformly drawn injective map from {@code 0..n-1} into {@code 0..labels-1}: a partial shuffle. */
    static int[] injection(int n, int labels, Random rng) {
        int[] all = new int[labels];
        for (int i = 0; i < labels; i++) {
            all[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(labels - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, n);
    }

    /** {@code e} with node v renamed {@code label[v]} everywhere; n still counts the nodes. */
    static PathExample relabel(PathExample e, int[] label) {
        int[][] edges = new int[e.edges().length][];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = new int[] {label[e.edges()[i][0]], label[e.edges()[i][1]]};
        }
        int[] path = new int[e.path().length];
        for (int i = 0; i < path.length; i++) {
            path[i] = label[e.path()[i]];
        }
        return new PathExample(e.n(), edges, label[e.source()], label[e.target()], path, e.distance(),
                e.shortestPaths(), e.split());
    }

    private static double[] normalisedCumulative(double[] weights) {
        double[] out = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            out[i] = total;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= total;
        }
        return out;
    }

    private static int draw(double[] cumulative, Random rng) {
        double u = rng.nextDouble();
        int b = 0;
        while (b < cumulative.length - 1 && u >= cumulative[b]) {
            b++;
        }
        return b;
    }
}
