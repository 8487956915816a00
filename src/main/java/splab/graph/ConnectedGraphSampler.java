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
    /** Below this share of connected draws, sampling would run for hours: such a p is refused. */
    static final double MIN_CONNECTED = 1e-3;

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
        for (int n = Math.max(nMin, 2); n <= nMax; n++) {
            if (connectedProbability(n, p) < MIN_CONNECTED) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "edge probability p = %s makes a connected G(%d, p) too rare (%.2g of draws); "
                        + "with nodes %d..%d use p >= %s", p, n, connectedProbability(n, p), nMin, nMax,
                        smallestUsableP(nMin, nMax)));
            }
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

    /**
     * P(G(n, p) is connected), exactly: one minus the chance that vertex 0's component has k < n vertices,
     * C(n) = 1 - sum over k of binom(n-1, k-1) C(k) (1-p)^(k(n-k)).
     */
    static double connectedProbability(int n, double p) {
        double[] c = new double[n + 1];
        for (int m = 1; m <= n; m++) {
            double disconnected = 0;
            double binom = 1; // binom(m-1, k-1)
            for (int k = 1; k < m; k++) {
                disconnected += binom * c[k] * Math.pow(1 - p, (double) k * (m - k));
                binom = binom * (m - k) / k;
            }
            c[m] = Math.max(0, 1 - disconnected);
        }
        return c[n];
    }

    /** The smallest p (to two digits, rounded up) that keeps every n in range above {@link #MIN_CONNECTED}. */
    private static String smallestUsableP(int nMin, int nMax) {
        for (int hundredths = 1; hundredths <= 100; hundredths++) {
            double q = hundredths / 100.0;
            boolean ok = true;
            for (int n = Math.max(nMin, 2); n <= nMax && ok; n++) {
                ok = connectedProbability(n, q) >= MIN_CONNECTED;
            }
            if (ok) {
                return Double.toString(q);
            }
        }
        return "1";
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
