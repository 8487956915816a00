package splab.navigate;

import java.util.Locale;

import splab.graph.SmallGraph;
import splab.spectral.Laplacian;
import splab.spectral.Spectrum;

/**
 * The Spectral Line Navigator (SLN, as the lab reads the paper's description). Per graph: take the Laplacian of the line graph
 * L(G) ({@link Config#laplacian}), decompose it, and embed edge e of G (vertex e of L(G), lab edge order) as
 * {@code x_e = (w_1 φ_1(e), ..., w_k φ_k(e))} over the first k non-trivial eigenvectors (index 1..k in
 * ascending eigenvalue order; fewer when L(G) has fewer than k + 1 vertices), with {@code w_j = 1} or, under
 * {@link Weighting#RESISTANCE}, {@code w_j = 1/sqrt(λ_j)} (then squared distances over all eigenvectors
 * are effective resistances in L(G)).
 *
 * <p>Navigation from the current vertex c towards t: step to t if adjacent; otherwise score each unvisited
 * neighbour v by the Euclidean distance from x_(c,v) to the edges incident to t, reduced by
 * {@link DistanceRule} (min or mean), and step to the lowest score; scores within {@value #TIE} are ties,
 * settled by {@link TieRule}. The walk ends on a dead end (no unvisited neighbour) or the step limit.
 *
 * <p>Per graph the work is one m x m eigendecomposition and an m x n table of scores; each query is then a
 * few table look-ups per step. Distances do not depend on eigenvector signs. Inside a repeated eigenvalue
 * cut by k, the basis (and so the result) is whatever the eigensolver returned: deterministic, but not
 * canonical.
 */
public final class SpectralLineNavigator implements Navigator {
    static final double TIE = 1e-9;

    /** Scaling of eigenvector coordinates. */
    public enum Weighting {
        NONE,
        /** w_j = 1/sqrt(λ_j). */
        RESISTANCE
    }

    /** How distances to the several edges at t are reduced to one score. */
    public enum DistanceRule {
        MIN,
        MEAN
    }

    /** Which of several equally scored neighbours to take. */
    public enum TieRule {
        LOWEST_INDEX,
        HIGHEST_INDEX
    }

    /**
     * SLN settings: the {@code navigate.sln} section of a lab config, bound as it is (enum values in either case).
     *
     * @param laplacian Laplacian of the line graph L(G) whose eigenvectors embed the edges
     * @param k         number of lowest non-trivial eigenvectors, >= 1; {@link #ALL_EIGENVECTORS} (0) for all of
     *                  them (with resistance weighting: effective resistance)
     * @param weighting {@code none}, or {@code resistance} (coordinates scaled by 1/sqrt(lambda))
     * @param distance  {@code min} or {@code mean} distance to the target's edges
     * @param tie       which of several equally scored neighbours to take
     * @param stepLimit most steps per query, >= 1; {@link #NO_STEP_LIMIT} (0) for no limit beyond never revisiting a
     *                  node (a walk without revisits has at most n - 1 steps anyway)
     */
    public record Config(Laplacian.Variant laplacian, int k, Weighting weighting, DistanceRule distance,
            TieRule tie, int stepLimit) {
        public Config {
            if (laplacian == null || weighting == null || distance == null || tie == null) {
                throw new IllegalArgumentException("navigate.sln has a missing (null) setting");
            }
            if (k < 0) {
                throw new IllegalArgumentException("navigate.sln.k must be >= 1, or 0 for all eigenvectors, got " + k);
            }
            if (stepLimit < 0) {
                throw new IllegalArgumentException("navigate.sln.stepLimit must be >= 1, or 0 for no limit, got "
                        + stepLimit);
            }
        }

        /** k meaning "every non-trivial eigenvector". */
        public static final int ALL_EIGENVECTORS = 0;

        /** stepLimit meaning "no limit". */
        public static final int NO_STEP_LIMIT = 0;

        /** Eigenvectors used on a line graph with m vertices: k, at most m - 1. */
        public int eigenvectorsFor(int m) {
            return Math.max(0, k == ALL_EIGENVECTORS ? m - 1 : Math.min(k, m - 1));
        }

        /** The step limit as a count ({@code Integer.MAX_VALUE} for none). */
        public int maxSteps() {
            return stepLimit == NO_STEP_LIMIT ? Integer.MAX_VALUE : stepLimit;
        }

        /** The paper's reference settings: combinatorial, k = 3, unweighted, min distance, lowest index, no step limit. */
        public static Config defaults() {
            return new Config(Laplacian.Variant.COMBINATORIAL, 3, Weighting.NONE, DistanceRule.MIN,
                    TieRule.LOWEST_INDEX, NO_STEP_LIMIT);
        }

        public Config withK(int newK) {
            return new Config(laplacian, newK, weighting, distance, tie, stepLimit);
        }

        public Config withLaplacian(Laplacian.Variant v) {
            return new Config(v, k, weighting, distance, tie, stepLimit);
        }

        public Config withWeighting(Weighting w) {
            return new Config(laplacian, k, w, distance, tie, stepLimit);
        }

        public Config withDistance(DistanceRule d) {
            return new Config(laplacian, k, weighting, d, tie, stepLimit);
        }

        public Config withTie(TieRule t) {
            return new Config(laplacian, k, weighting, distance, t, stepLimit);
        }

        public Config withStepLimit(int limit) {
            return new Config(laplacian, k, weighting, distance, tie, limit);
        }

        /** e.g. {@code combinatorial,k=3,none,min} (tie rule and step limit only when not the default). */
        public String label() {
            String s = lower(laplacian) + ",k=" + (k == ALL_EIGENVECTORS ? "all" : Integer.toString(k)) + "," + lower(weighting) + "," + lower(distance);
            if (tie != TieRule.LOWEST_INDEX) {
                s += "," + lower(tie);
            }
            if (stepLimit != NO_STEP_LIMIT) {
                s += ",limit=" + stepLimit;
            }
            return s;
        }
    }

    private final Config config;

    public SpectralLineNavigator(Config config) {
        this.config = config;
    }

    public SpectralLineNavigator() {
        this(Config.defaults());
    }

    public Config config() {
        return config;
    }

    @Override
    public String name() {
        return "sln[" + config.label() + "]";
    }

    @Override
    public GraphNavigator forGraph(SmallGraph graph) {
        Navigator.checkConnected(graph);
        return bind(graph, decompose(graph, config.laplacian()), config);
    }

    /**
     * The edge embedding of G: row e (lab edge order) holds x_e, with {@code min(k, m - 1)} columns. The
     * eigenvectors carry the {@link Spectrum} sign convention, so the coordinates are reproducible.
     */
    public double[][] edgeEmbedding(SmallGraph graph) {
        Navigator.checkConnected(graph);
        Decomposition dec = decompose(graph, config.laplacian());
        int kk = config.eigenvectorsFor(dec.m);
        double[][] x = new double[dec.m][kk];
        for (int e = 0; e < dec.m; e++) {
            for (int j = 0; j < kk; j++) {
                x[e][j] = dec.spectrum.component(e, j + 1) * weight(dec.spectrum.value(j + 1), config.weighting());
            }
        }
        return x;
    }

    /** The {@link Spectrum} of the Laplacian of L(G); m = edge count (no spectrum, null, when m = 0). */
    public record Decomposition(int m, Spectrum spectrum) {
    }

    public static Decomposition decompose(SmallGraph graph, Laplacian.Variant variant) {
        int m = graph.edgeCount();
        if (m == 0) {
            return new Decomposition(0, null);
        }
        double[][] lap = new double[m][m];
        Laplacian.fillLineGraph(graph, variant, lap);
        return new Decomposition(m, Spectrum.of(lap));
    }

    private static double weight(double lambda, Weighting w) {
        // λ_j > 0 for j >= 1 on a connected L(G); guard against round-off on a near-zero value anyway
        return w == Weighting.NONE ? 1.0 : 1.0 / Math.sqrt(Math.max(lambda, 1e-12));
    }

    /** The per-graph navigator over an existing decomposition (shared across configs by {@code splab.bench.SlnSweep}). */
    public static GraphNavigator bind(SmallGraph graph, Decomposition dec, Config config) {
        int n = graph.nodeCount();
        int m = dec.m;
        int kk = config.eigenvectorsFor(m);
        double[] x = new double[m * Math.max(kk, 1)];
        for (int j = 0; j < kk; j++) {
            double w = weight(dec.spectrum.value(j + 1), config.weighting());
            for (int e = 0; e < m; e++) {
                x[e * kk + j] = dec.spectrum.component(e, j + 1) * w;
            }
        }
        int[] edgeAt = new int[n * n];
        for (int e = 0; e < m; e++) {
            int[] uv = graph.edge(e);
            edgeAt[uv[0] * n + uv[1]] = e;
            edgeAt[uv[1] * n + uv[0]] = e;
        }
        // score[e * n + t]: distance of x_e to the edges at t, reduced by the rule
        double[] score = new double[m * n];
        boolean mean = config.distance() == DistanceRule.MEAN;
        int[] at = new int[n];
        for (int t = 0; t < n; t++) {
            int cnt = 0;
            for (long nb = graph.neighbours(t); nb != 0; nb &= nb - 1) {
                at[cnt++] = edgeAt[t * n + Long.numberOfTrailingZeros(nb)];
            }
            for (int e = 0; e < m; e++) {
                double best = Double.POSITIVE_INFINITY, sum = 0;
                int eo = e * kk;
                for (int i = 0; i < cnt; i++) {
                    int fo = at[i] * kk;
                    double d2 = 0;
                    for (int j = 0; j < kk; j++) {
                        double diff = x[eo + j] - x[fo + j];
                        d2 += diff * diff;
                    }
                    double d = Math.sqrt(d2);
                    best = Math.min(best, d);
                    sum += d;
                }
                score[e * n + t] = mean ? sum / cnt : best;
            }
        }
        boolean highest = config.tie() == TieRule.HIGHEST_INDEX;
        return new GreedyWalk(graph, config.maxSteps(), true) {
            @Override
            protected int choose(int current, int target, long candidates, long visited) {
                int best = -1;
                double bestScore = Double.POSITIVE_INFINITY;
                int row = current * n;
                for (long c = candidates; c != 0; c &= c - 1) {
                    int v = Long.numberOfTrailingZeros(c);
                    double s = score[edgeAt[row + v] * n + target];
                    if (s < bestScore - TIE || (highest && s <= bestScore + TIE)) {
                        bestScore = Math.min(s, bestScore);
                        best = v;
                    }
                }
                return best;
            }
        };
    }


    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
