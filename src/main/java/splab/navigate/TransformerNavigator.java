package splab.navigate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.ndarray.NDManager;

import splab.data.PathTokenizer;
import splab.data.Vocabulary;
import splab.graph.SmallGraph;
import splab.model.CachedGreedyDecoder;
import splab.model.PathTransformer;
import splab.train.EngineThreads;

/**
 * The trained transformer as a {@link Navigator}: the query is written as the paper's prompt
 * {@code <bos> u v <e> ... <q> s t <p>} and the path is decoded greedily until {@code <eos>}.
 *
 * <p>Each query's edge order is shuffled with a generator seeded from (seed, graph, s, t), so a query
 * always gets the same prompt whatever batch it is in. The model's output is read as node tokens up to
 * {@code <eos>}; a special token before {@code <eos>} is {@link FailureKind#MALFORMED}, no {@code <eos>}
 * within n + 1 tokens is {@link FailureKind#STEP_LIMIT}; the path is then judged like any navigator's.
 * Decoding uses the key/value cache ({@link CachedGreedyDecoder}): prompts of equal length are decoded together,
 * the prompt once, then one token per step. Batches are shared among single-threaded workers, one per engine
 * thread: a decoding step's operators are too small to gain from splitting over threads.
 * {@link #score} decodes all queries in batches and scores them with the shared harness.
 */
public final class TransformerNavigator implements Navigator {
    private final PathTransformer model;
    private final Vocabulary vocab;
    private final PathTokenizer tokenizer;
    private final CachedGreedyDecoder decoder;
    private final long seed;
    private final int batchSize;
    private final int workers;

    /** Decodes {@code batchSize} prompts together, with as many workers as the engine has threads. */
    public TransformerNavigator(PathTransformer model, int maxNodes, long seed, int batchSize) {
        this(model, maxNodes, seed, batchSize, 0);
    }

    /**
     * As {@link #TransformerNavigator(PathTransformer, int, long, int)} with {@code workers} single-threaded
     * decoding workers; 0 takes the engine's intra-op thread count, 1 decodes on the calling thread with the
     * engine's threads.
     */
    public TransformerNavigator(PathTransformer model, int maxNodes, long seed, int batchSize, int workers) {
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be 0 (the engine's threads) or more, got " + workers);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.model = model;
        this.vocab = new Vocabulary(maxNodes);
        this.tokenizer = new PathTokenizer(vocab);
        this.decoder = CachedGreedyDecoder.forMaxNodes(model, maxNodes, batchSize);
        this.seed = seed;
        this.batchSize = batchSize;
        this.workers = workers;
    }

    @Override
    public String name() {
        return "model";
    }

    /** One query at a time (a batch of one); {@link #navigateAll} is much faster for many queries. */
    @Override
    public GraphNavigator forGraph(SmallGraph graph) {
        if (!graph.isConnected()) {
            throw new IllegalArgumentException("graph is not connected: " + graph);
        }
        return new GraphNavigator() {
            @Override
            public SmallGraph graph() {
                return graph;
            }

            @Override
            public NavigationResult navigate(int s, int t) {
                checkQuery(graph, s, t);
                return navigateAll(List.of(new Query(graph, s, t)))[0];
            }
        };
    }

    /**
     * Decodes every query, {@code batchSize} prompts at a time, in order of prompt length (the decoder runs each
     * length inside a batch as one group). A query on n nodes may use n + 2 tokens (at most n + 1 nodes and
     * {@code <eos>}); tokens past that are cut, so the answer does not depend on which other queries shared its batch.
     */
    public NavigationResult[] navigateAll(List<Query> queries) {
        return navigateAll(queries, done -> { });
    }

    /**
     * As {@link #navigateAll(List)}, telling {@code progress} how many queries are decoded after each batch.
     * Batches go to as many single-threaded workers as the engine has intra-op threads ({@link EngineThreads});
     * the batches are the same whatever the number of workers, and workers give the very tokens of one worker.
     * Decoding on the calling thread with the engine's own threads may differ in the last bits of a product
     * (the BLAS does not promise the same sums for every thread count), which could flip a near-tie.
     */
    public NavigationResult[] navigateAll(List<Query> queries, java.util.function.LongConsumer progress) {
        int[][] prompts = new int[queries.size()][];
        Integer[] order = new Integer[queries.size()];
        for (int i = 0; i < prompts.length; i++) {
            prompts[i] = prompt(queries.get(i));
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> prompts[i].length));
        NavigationResult[] out = new NavigationResult[queries.size()];
        int batches = (order.length + batchSize - 1) / batchSize;
        AtomicInteger next = new AtomicInteger();
        long[] decoded = {0};
        Runnable worker = () -> {
            try (NDManager manager = NDManager.newBaseManager(model.device())) {
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    int from = b * batchSize;
                    int to = Math.min(order.length, from + batchSize);
                    decodeBatch(queries, prompts, order, from, to, out, manager);
                    synchronized (decoded) {
                        decoded[0] += to - from;
                        progress.accept(decoded[0]);
                    }
                }
            } catch (RuntimeException | Error e) {
                next.set(batches); // the other workers take no further batch
                throw e;
            }
        };
        // on a GPU the CPU threads only launch kernels: one worker
        int auto = model.device().isGpu() ? 1 : EngineThreads.intraOp();
        int workers = Math.min(batches, this.workers > 0 ? this.workers : auto);
        if (workers <= 1) {
            worker.run();
        } else {
            EngineThreads.onWorkers(worker, workers);
        }
        return out;
    }

    /** Decodes the queries {@code order[from..to)} as one batch into {@code out}. */
    private void decodeBatch(List<Query> queries, int[][] prompts, Integer[] order, int from, int to,
                             NavigationResult[] out, NDManager manager) {
        int[][] batch = new int[to - from][];
        int most = 0;
        for (int k = from; k < to; k++) {
            batch[k - from] = prompts[order[k]];
            most = Math.max(most, queries.get(order[k]).graph().nodeCount());
        }
        int[][] generated = decoder.decode(batch, most + 2, manager);
        for (int k = from; k < to; k++) {
            Query q = queries.get(order[k]);
            int limit = q.graph().nodeCount() + 2;
            int[] own = generated[k - from].length > limit
                    ? Arrays.copyOf(generated[k - from], limit) : generated[k - from];
            out[order[k]] = interpret(q.graph(), q.source(), q.target(), own);
        }
    }

    /** Decodes all queries in batches and scores them with the shared harness (pairs/s includes decoding). */
    public ScoreSheet score(List<Query> queries) {
        return score(queries, done -> { });
    }

    /** As {@link #score(List)}, reporting decoded queries to {@code progress}. */
    public ScoreSheet score(List<Query> queries, java.util.function.LongConsumer progress) {
        long start = System.nanoTime();
        NavigationResult[] results = navigateAll(queries, progress);
        long nanos = System.nanoTime() - start;
        Map<SmallGraph, Map<Long, NavigationResult>> byGraph = new IdentityHashMap<>();
        for (int i = 0; i < results.length; i++) {
            Query q = queries.get(i);
            byGraph.computeIfAbsent(q.graph(), g -> new HashMap<>()).put(key(q.source(), q.target()), results[i]);
        }
        Navigator replay = new Navigator() {
            @Override
            public String name() {
                return TransformerNavigator.this.name();
            }

            @Override
            public GraphNavigator forGraph(SmallGraph graph) {
                Map<Long, NavigationResult> answers = byGraph.get(graph);
                return new GraphNavigator() {
                    @Override
                    public SmallGraph graph() {
                        return graph;
                    }

                    @Override
                    public NavigationResult navigate(int s, int t) {
                        return answers.get(key(s, t));
                    }
                };
            }
        };
        ScoreSheet sheet = NavigatorScores.score(replay, queries);
        sheet.addNanos(nanos);
        return sheet;
    }

    /** The prompt of a query, edges shuffled by the query's own seeded generator. */
    public int[] prompt(Query q) {
        SmallGraph g = q.graph();
        long h = seed * 0x9E3779B97F4A7C15L + g.hashCode();
        h = h * 31 + q.source() * 64L + q.target();
        return tokenizer.encodePrompt(g.nodeCount(), g.edges(), q.source(), q.target(), new Random(h));
    }

    /** Reads generated tokens as a path and judges it. */
    NavigationResult interpret(SmallGraph g, int s, int t, int[] generated) {
        List<Integer> path = new ArrayList<>();
        boolean ended = false;
        for (int token : generated) {
            if (token == vocab.eos()) {
                ended = true;
                break;
            }
            if (!vocab.isNode(token)) {
                return NavigationResult.failure(toArray(path), FailureKind.MALFORMED);
            }
            path.add(token);
        }
        int[] p = toArray(path);
        if (!ended) {
            FailureKind early = NavigationResult.firstProblem(g, s, t, p, Integer.MAX_VALUE);
            return NavigationResult.failure(p, early != null && early != FailureKind.WRONG_END ? early : FailureKind.STEP_LIMIT);
        }
        return NavigationResult.check(g, s, t, p, Integer.MAX_VALUE);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long key(int s, int t) {
        return (long) s << 32 | t;
    }

    private static void checkQuery(SmallGraph g, int s, int t) {
        if (s < 0 || s >= g.nodeCount() || t < 0 || t >= g.nodeCount()) {
            throw new IllegalArgumentException("source " + s + " or target " + t + " is not a node (0.." + (g.nodeCount() - 1) + ")");
        }
        if (s == t) {
            throw new IllegalArgumentException("source and target are both " + s + ": nothing to navigate");
        }
    }
}
