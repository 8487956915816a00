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
        double worst = connectedProbability(nMax, p);
        for (int n = nMin; n < nMax; n++) {
            worst = Math.min(worst, connectedProbability(n, p));
        }
        if (worst < MIN_CONNECTED_PROBABILITY) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "data.edgeProbability=%s: a G(n, p) "
                    + "graph with %d to %d nodes is connected with probability %.2g at worst, so drawing connected graphs "
                    + "would take about %.2g tries each; use an edge probability of at least %.3f", p, nMin, nMax, worst,
                    1 / worst, smallestWorkableP(nMin, nMax)));
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

    /** The edge probability is refused when some n in range would need more than 1,000 draws per connected graph. */
    static final double MIN_CONNECTED_PROBABILITY = 1e-3;

    /**
     * The probability that G(n, p) is connected, by the recurrence on the component of vertex 1:
     * C(n) = 1 - sum over k < n of binom(n-1, k-1) C(k) (1-p)^(k (n-k)).
     */
    static double connectedProbability(int n, double p) {
        double[] c = new double[n + 1];
        c[1] = 1;
        for (int m = 2; m <= n; m++) {
            double disconnected = 0;
            for (int k = 1; k < m; k++) {
                disconnected += binomial(m - 1, k - 1) * c[k] * Math.pow(1 - p, (double) k * (m - k));
            }
            c[m] = Math.max(0, 1 - disconnected);
        }
        return c[n];
    }

    private static double binomial(int n, int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return b;
    }

    /** The smallest p (to 1e-3) at which every n in [nMin, nMax] is connected often enough. */
    static double smallestWorkableP(int nMin, int nMax) {
        double lo = 0, hi = 1;
        for (int i = 0; i < 30; i++) {
            double mid = (lo + hi) / 2;
            double worst = 1;
            for (int n = nMin; n <= nMax; n++) {
                worst = Math.min(worst, connectedProbability(n, mid));
            }
            if (worst >= MIN_CONNECTED_PROBABILITY) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Math.ceil(hi * 1000) / 1000;
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
