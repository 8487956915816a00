package splab.graph;

import java.util.Random;

import org.jgrapht.Graph;
import org.jgrapht.generate.GnpRandomGraphGenerator;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.util.SupplierUtil;

/**
 * Samples simple connected undirected graphs: n from a {@link NodeCountMix} over {@code [nMin, nMax]}, then
 * Erdős–Rényi G(n, p) from JGraphT's {@link GnpRandomGraphGenerator}, redrawn until connected (so the result
 * is G(n, p) conditioned on connectivity).
 *
 * <p>All randomness comes from one {@link java.util.Random} seeded with the given seed, whose sequence the
 * Java specification fixes: the same seed gives the same graphs on every machine.
 */
public final class ConnectedGraphSampler {
    private final int nMin;
    private final int nMax;
    private final double p;
    private final NodeCountMix mix;
    private final Random rng;
    private final GnpRandomGraphGenerator<Integer, DefaultEdge>[] generators;
    private long rejected;

    @SuppressWarnings("unchecked")
    public ConnectedGraphSampler(int nMin, int nMax, double p, NodeCountMix mix, long seed) {
        if (nMin < 1) {
            throw new IllegalArgumentException("nMin must be at least 1, got " + nMin);
        }
        if (nMin > nMax) {
            throw new IllegalArgumentException("nMin (" + nMin + ") is greater than nMax (" + nMax + ")");
        }
        if (nMax > SmallGraph.MAX_NODES) {
            throw new IllegalArgumentException("nMax must be at most " + SmallGraph.MAX_NODES + ", got " + nMax);
        }
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("edge probability p must be in (0, 1], got " + p);
        }
        this.nMin = nMin;
        this.nMax = nMax;
        this.p = p;
        this.mix = mix;
        this.rng = new Random(seed);
        this.generators = new GnpRandomGraphGenerator[nMax + 1];
        for (int n = nMin; n <= nMax; n++) {
            generators[n] = new GnpRandomGraphGenerator<>(n, p, rng, false);
        }
    }

    /** The next connected graph. */
    public SmallGraph next() {
        int n = mix.draw(nMin, nMax, rng);
        while (true) {
            Graph<Integer, DefaultEdge> g = new SimpleGraph<>(
                    SupplierUtil.createIntegerSupplier(), SupplierUtil.createDefaultEdgeSupplier(), false);
            generators[n].generateGraph(g);
            SmallGraph graph = SmallGraph.fromJGraphT(g);
            if (graph.isConnected()) {
                return graph;
            }
            rejected++;
        }
    }

    /** The random source, for callers that draw further choices from the same seeded stream. */
    public Random random() {
        return rng;
    }

    /** Disconnected draws thrown away so far. */
    public long rejected() {
        return rejected;
    }

    public double edgeProbability() {
        return p;
    }
}
