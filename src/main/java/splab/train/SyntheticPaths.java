package splab.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import splab.data.Vocabulary;

/**
 * A self-contained {@link BatchSource} of random connected G(n, p) graphs with one BFS shortest path
 * each, tokenised in the lab's layout. It exists for benchmarks and smoke tests of the training loop
 * without the data package; real runs use the dataset built there.
 *
 * <p>Node labels are a random subset of 0..maxNodes-1, edge order and orientation are random, and a
 * sample whose sequence would exceed {@code sequenceLength} is drawn again.
 */
public final class SyntheticPaths implements BatchSource {

    private final int maxNodes;
    private final Vocabulary vocab;
    private final int minN;
    private final int maxN;
    private final double edgeProbability;
    private final int sequenceLength;

    public SyntheticPaths(int maxNodes, int minN, int maxN, double edgeProbability, int sequenceLength) {
        if (minN < 2 || maxN < minN || maxN > maxNodes) {
            throw new IllegalArgumentException("need 2 <= minN <= maxN <= maxNodes, got " + minN + ", " + maxN
                    + ", " + maxNodes);
        }
        this.maxNodes = maxNodes;
        this.vocab = new Vocabulary(maxNodes);
        this.minN = minN;
        this.maxN = maxN;
        this.edgeProbability = edgeProbability;
        this.sequenceLength = sequenceLength;
    }

    /** The token layout of the batches. */
    public Vocabulary vocabulary() {
        return vocab;
    }

    @Override
    public TokenBatch next(int batchSize, Random rng) {
        return next(batchSize, rng, 1);
    }

    /**
     * A batch whose rows all hold at least {@code minLength} real tokens (and at most the sequence length):
     * with {@code minLength} close to the sequence length, the batch is the stated shape with next to no
     * padding. Samples outside the range are drawn again.
     *
     * @throws IllegalStateException when 100,000 draws in a row miss the range (no graph of this mix fits)
     */
    public TokenBatch next(int batchSize, Random rng, int minLength) {
        int[][] tokens = new int[batchSize][];
        int[] pathStart = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            int[] row;
            int attempts = 0;
            do {
                if (++attempts > 100_000) {
                    throw new IllegalStateException("no sampled sequence of " + minN + "-" + maxN
                            + " nodes has a length in " + minLength + ".." + sequenceLength);
                }
                row = sample(rng);
            } while (row.length > sequenceLength || row.length < minLength);
            tokens[b] = Arrays.copyOf(row, sequenceLength);
            Arrays.fill(tokens[b], row.length, sequenceLength, vocab.pad());
            for (int i = 0; i < row.length; i++) {
                if (row[i] == vocab.pathStart()) {
                    pathStart[b] = i;
                }
            }
        }
        return new TokenBatch(tokens, pathStart);
    }

    private int[] sample(Random rng) {
        int n = minN + rng.nextInt(maxN - minN + 1);
        boolean[][] adj;
        do {
            adj = new boolean[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    adj[i][j] = adj[j][i] = rng.nextDouble() < edgeProbability;
                }
            }
        } while (!connected(adj));
        List<Integer> labels = new ArrayList<>();
        for (int v = 0; v < maxNodes; v++) {
            labels.add(v);
        }
        java.util.Collections.shuffle(labels, rng);
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (adj[i][j]) {
                    edges.add(rng.nextBoolean() ? new int[] {i, j} : new int[] {j, i});
                }
            }
        }
        java.util.Collections.shuffle(edges, rng);
        int s = rng.nextInt(n);
        int t = rng.nextInt(n - 1);
        if (t >= s) {
            t++;
        }
        List<Integer> path = bfsPath(adj, s, t);

        List<Integer> seq = new ArrayList<>();
        seq.add(vocab.bos());
        for (int[] e : edges) {
            seq.add(labels.get(e[0]));
            seq.add(labels.get(e[1]));
            seq.add(vocab.edgeEnd());
        }
        seq.add(vocab.query());
        seq.add(labels.get(s));
        seq.add(labels.get(t));
        seq.add(vocab.pathStart());
        for (int v : path) {
            seq.add(labels.get(v));
        }
        seq.add(vocab.eos());
        return seq.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean connected(boolean[][] adj) {
        return Arrays.stream(bfsParents(adj, 0)).noneMatch(p -> p == -2);
    }

    private static int[] bfsParents(boolean[][] adj, int s) {
        int[] parent = new int[adj.length];
        Arrays.fill(parent, -2);
        parent[s] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s));
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int v = 0; v < adj.length; v++) {
                if (adj[u][v] && parent[v] == -2) {
                    parent[v] = u;
                    queue.add(v);
                }
            }
        }
        return parent;
    }

    private static List<Integer> bfsPath(boolean[][] adj, int s, int t) {
        int[] parent = bfsParents(adj, s);
        List<Integer> path = new ArrayList<>();
        for (int v = t; v != -1; v = parent[v]) {
            path.add(0, v);
        }
        return path;
    }
}
