package splab.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import splab.graph.ConnectedGraphSampler;
import splab.graph.NodeCountMix;
import splab.navigate.BfsNavigator;
import splab.navigate.Navigator;
import splab.navigate.SpectralLineNavigator;
import splab.graph.SmallGraph;

/**
 * Single-thread throughput: ordered pairs navigated per second, per-graph preparation (for SLN the line-graph
 * eigendecomposition) included, graph sampling and scoring excluded. Each navigator first runs a warm-up
 * pass so the JIT has compiled the hot path, then the timed passes over the same graphs.
 */
public final class NavigatorBench {
    private NavigatorBench() {
    }

    /** One navigator's figure. */
    public record Figure(String navigator, long graphs, long pairs, double seconds) {
        public double pairsPerSecond() {
            return pairs / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-34s %9d graphs %10d pairs %8.3f s %12.0f pairs/s",
                    navigator, graphs, pairs, seconds, pairsPerSecond());
        }
    }

    /**
     * {@code splab bench navigate}: SLN (its eigendecomposition included) beside BFS on every ordered pair of
     * {@code graphs} connected G(n, 1/2) graphs, one thread, one warm-up pass then {@code passes} timed passes.
     */
    public static void report(int n, int graphs, int passes, long seed, PrintStream out) {
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(n, n, 0.5, NodeCountMix.UNIFORM, seed);
        List<SmallGraph> list = new ArrayList<>(graphs);
        for (int i = 0; i < graphs; i++) {
            list.add(sampler.next());
        }
        out.printf("bench navigate: %,d graphs with n=%d, all ordered pairs, one thread%n", graphs, n);
        for (Figure f : run(List.of(new SpectralLineNavigator(), new BfsNavigator()), list, 1, passes)) {
            out.println(f);
        }
    }

    /**
     * Times each navigator on every ordered pair of the graphs.
     *
     * @param warmupPasses untimed passes first (1 is plenty for 10^4 graphs)
     * @param timedPasses  timed passes; the figure is their total
     */
    public static List<Figure> run(List<Navigator> navigators, List<SmallGraph> graphs, int warmupPasses,
            int timedPasses) {
        if (timedPasses < 1) {
            throw new IllegalArgumentException("need at least one timed pass, got " + timedPasses);
        }
        List<Figure> out = new ArrayList<>();
        for (Navigator nav : navigators) {
            for (int i = 0; i < warmupPasses; i++) {
                pass(nav, graphs);
            }
            long pairs = 0;
            long start = System.nanoTime();
            long sink = 0;
            for (int i = 0; i < timedPasses; i++) {
                long[] r = pass(nav, graphs);
                pairs += r[0];
                sink += r[1];
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (sink == Long.MIN_VALUE) {
                System.out.print(""); // keeps the results observable so the JIT cannot drop the work
            }
            out.add(new Figure(nav.name(), (long) graphs.size() * timedPasses, pairs, seconds));
        }
        return out;
    }

    /** {pairs, total steps} of one pass. */
    private static long[] pass(Navigator nav, List<SmallGraph> graphs) {
        long pairs = 0, steps = 0;
        for (SmallGraph g : graphs) {
            Navigator.GraphNavigator gn = nav.forGraph(g);
            int n = g.nodeCount();
            for (int s = 0; s < n; s++) {
                for (int t = 0; t < n; t++) {
                    if (s != t) {
                        steps += gn.navigate(s, t).steps();
                        pairs++;
                    }
                }
            }
        }
        return new long[] {pairs, steps};
    }
}
