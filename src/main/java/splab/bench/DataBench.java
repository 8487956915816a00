package splab.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import splab.graph.AllShortestPaths;
import splab.graph.CanonicalForm;
import splab.graph.ConnectedGraphSampler;
import splab.graph.NodeCountMix;
import splab.graph.SmallGraph;

/**
 * Throughput of the data stage per graph: sample a connected G(n, 1/2), label every ordered pair with a
 * uniformly drawn shortest path, and compute the canonical form. Threads work on independent seeded streams.
 */
public final class DataBench {
    private static volatile long blackhole;

    private DataBench() {}

    /** One measurement. */
    public record Result(int n, int threads, long graphs, long pairs, double seconds) {
        public double graphsPerSecond() {
            return graphs / seconds;
        }

        @Override
        public String toString() {
            return String.format("n=%d threads=%d: %,d graphs (%,d labelled pairs) in %.2f s = %,.0f graphs/s",
                    n, threads, graphs, pairs, seconds, graphsPerSecond());
        }
    }

    /** Runs {@code graphs} graphs split over {@code threads} threads (after a short warm-up). */
    /**
     * {@code splab bench data}: one measurement per thread count, printed, then the time the fastest would take for
     * the paper's 12 million graphs.
     */
    public static void report(int n, long graphs, int[] threadCounts, long seed, PrintStream out) {
        out.printf("bench data: %d cores, java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        double best = 0;
        for (int t : threadCounts) {
            Result r = run(n, graphs, t, seed);
            out.println(r);
            best = Math.max(best, r.graphsPerSecond());
        }
        out.printf("12 million graphs (the paper's scale) at %,.0f graphs/s: %.1f minutes%n", best, 12e6 / best / 60);
    }

    public static Result run(int n, long graphs, int threads, long seed) {
        work(n, Math.min(graphs, 20_000), seed ^ 0xABCDL); // warm the JIT before timing
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                long share = graphs / threads + (i < graphs % threads ? 1 : 0);
                long s = seed + i;
                parts.add(pool.submit(() -> work(n, share, s)));
            }
            long pairs = 0;
            for (Future<Long> f : parts) {
                pairs += f.get();
            }
            return new Result(n, threads, graphs, pairs, (System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long work(int n, long graphs, long seed) {
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(n, n, 0.5, NodeCountMix.UNIFORM, seed);
        SplittableRandom rng = new SplittableRandom(seed);
        long pairs = 0, sink = 0;
        for (long i = 0; i < graphs; i++) {
            SmallGraph g = sampler.next();
            AllShortestPaths sp = new AllShortestPaths(g);
            for (int s = 0; s < n; s++) {
                for (int t = 0; t < n; t++) {
                    if (s != t) {
                        sink += sp.uniformPath(s, t, rng)[1];
                        pairs++;
                    }
                }
            }
            sink += CanonicalForm.certificate(g).hashCode();
        }
        blackhole = sink; // keep the JIT from discarding the work
        return pairs;
    }
}
