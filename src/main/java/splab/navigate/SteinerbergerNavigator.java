package splab.navigate;

import splab.graph.SmallGraph;
import splab.spectral.Spectrum;

/**
 * Steinerberger's spectral navigation (S. Steinerberger, "A spectral approach to the shortest path problem",
 * arXiv:2004.01163). For target t, let L_t be the combinatorial Laplacian D - A of G with t's row and column
 * removed (the Dirichlet condition φ(t) = 0; degrees stay those of G). Its lowest eigenvector φ is positive
 * on a connected graph, and from each vertex v != t some neighbour has a strictly smaller value, because
 * {@code (deg v - λ) φ(v) = Σ_{w ~ v} φ(w)} with λ below every degree. Walking to the neighbour of smallest φ
 * therefore reaches t without revisiting.
 *
 * <p>When t is a cut vertex, G - t falls apart and L_t is block diagonal; its globally lowest eigenvector
 * then lives on one block and is zero elsewhere, which leaves no direction there. With
 * {@code perComponent} (the default) φ is the lowest eigenvector of each component of G - t separately
 * (each positive, by Perron-Frobenius); without it, the one global eigenvector (sign: positive sum), as
 * the paper's formula reads literally.
 *
 * <p>Ties (within 1e-12) go to the lowest vertex number.
 */
public final class SteinerbergerNavigator implements Navigator {
    private static final double TIE = 1e-12;
    private final boolean perComponent;

    public SteinerbergerNavigator() {
        this(true);
    }

    public SteinerbergerNavigator(boolean perComponent) {
        this.perComponent = perComponent;
    }

    @Override
    public String name() {
        return perComponent ? "steinerberger" : "steinerberger[global]";
    }

    @Override
    public GraphNavigator forGraph(SmallGraph graph) {
        Navigator.checkConnected(graph);
        int n = graph.nodeCount();
        double[][] phi = new double[n][]; // phi[t][v], filled on first use of target t
        return new GreedyWalk(graph, Integer.MAX_VALUE, false) {
            @Override
            protected int choose(int current, int target, long candidates, long visited) {
                if (phi[target] == null) {
                    phi[target] = potential(graph, target, perComponent);
                }
                double[] f = phi[target];
                int best = -1;
                double bestValue = Double.POSITIVE_INFINITY;
                for (long m = candidates; m != 0; m &= m - 1) {
                    int v = Long.numberOfTrailingZeros(m);
                    if (f[v] < bestValue - TIE) {
                        bestValue = f[v];
                        best = v;
                    }
                }
                return best;
            }
        };
    }

    /** φ for target t: the lowest Dirichlet eigenvector (per component of G - t, or global), φ(t) = 0. */
    static double[] potential(SmallGraph g, int t, boolean perComponent) {
        int n = g.nodeCount();
        double[] phi = new double[n];
        long rest = (n == 64 ? -1L : (1L << n) - 1) & ~(1L << t);
        if (!perComponent) {
            fillLowest(g, rest, phi);
            return phi;
        }
        while (rest != 0) {
            long comp = Long.lowestOneBit(rest), frontier = comp;
            while (frontier != 0) {
                long next = 0;
                for (long m = frontier; m != 0; m &= m - 1) {
                    next |= g.neighbours(Long.numberOfTrailingZeros(m));
                }
                frontier = next & rest & ~comp;
                comp |= frontier;
            }
            fillLowest(g, comp, phi);
            rest &= ~comp;
        }
        return phi;
    }

    /** Writes into phi the lowest eigenvector of D - A restricted to the vertex set {@code set}. */
    private static void fillLowest(SmallGraph g, long set, double[] phi) {
        int size = Long.bitCount(set);
        int[] vertex = new int[size];
        int k = 0;
        for (long m = set; m != 0; m &= m - 1) {
            vertex[k++] = Long.numberOfTrailingZeros(m);
        }
        double[][] a = new double[size][size];
        for (int i = 0; i < size; i++) {
            a[i][i] = g.degree(vertex[i]);
            for (int j = 0; j < i; j++) {
                double x = g.hasEdge(vertex[i], vertex[j]) ? -1 : 0;
                a[i][j] = x;
                a[j][i] = x;
            }
        }
        double[] lowest = Spectrum.of(a).vector(0);
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += lowest[i];
        }
        double sign = sum < 0 ? -1 : 1;
        for (int i = 0; i < size; i++) {
            phi[vertex[i]] = sign * lowest[i];
        }
    }
}
