package splab.navigate;

import java.util.SplittableRandom;

import splab.graph.SmallGraph;

/**
 * The baseline: step to t when adjacent, otherwise to a uniformly random unvisited neighbour. Each query
 * draws from its own generator seeded by (seed, graph, s, t), so answers do not depend on query order or
 * threads.
 */
public final class RandomNavigator implements Navigator {
    private final long seed;

    public RandomNavigator(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public GraphNavigator forGraph(SmallGraph graph) {
        Navigator.checkConnected(graph);
        long graphSeed = seed * 0x9E3779B97F4A7C15L + graph.hashCode();
        return new GreedyWalk(graph, Integer.MAX_VALUE, true) {
            private SplittableRandom rng;

            @Override
            public NavigationResult navigate(int source, int target) {
                rng = new SplittableRandom(graphSeed ^ (source * 0x100000001B3L + target * 0xC2B2AE3D27D4EB4FL));
                return super.navigate(source, target);
            }

            @Override
            protected int choose(int current, int target, long candidates, long visited) {
                int pick = rng.nextInt(Long.bitCount(candidates));
                long m = candidates;
                for (int i = 0; i < pick; i++) {
                    m &= m - 1;
                }
                return Long.numberOfTrailingZeros(m);
            }
        };
    }
}
