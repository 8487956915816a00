package splab.graph;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How the vertex count n of each sampled graph is drawn from {@code [nMin, nMax]}.
 *
 * <ul>
 *   <li>{@link #UNIFORM}: every n equally often;</li>
 *   <li>{@link #CONNECTED}: n with weight proportional to the number of connected graphs on n unlabelled
 *       vertices (OEIS A001349), the mix of the paper's dataset of all non-isomorphic connected graphs.</li>
 * </ul>
 */
public enum NodeCountMix {
    UNIFORM,
    CONNECTED;

    /** Connected graphs on n unlabelled vertices, n = 0..12 (OEIS A001349). */
    private static final long[] CONNECTED_GRAPHS = {
        1, 1, 1, 2, 6, 21, 112, 853, 11_117, 261_080, 11_716_571, 1_006_700_565L, 164_059_830_476L
    };

    /** Number of connected graphs on n unlabelled vertices, for {@code 0 <= n <= 12}. */
    public static long connectedGraphCount(int n) {
        if (n < 0 || n >= CONNECTED_GRAPHS.length) {
            throw new IllegalArgumentException("connected graph count known for n = 0..12, not " + n);
        }
        return CONNECTED_GRAPHS[n];
    }

    /** Weight of n in this mix (unnormalised). */
    public double weight(int n) {
        return this == UNIFORM ? 1.0 : connectedGraphCount(n);
    }

    /** Draws n in {@code [nMin, nMax]} with this mix's weights. */
    public int draw(int nMin, int nMax, RandomGenerator rng) {
        double total = 0;
        for (int n = nMin; n <= nMax; n++) {
            total += weight(n);
        }
        double r = rng.nextDouble() * total;
        for (int n = nMin; n < nMax; n++) {
            r -= weight(n);
            if (r < 0) {
                return n;
            }
        }
        return nMax;
    }

    /** Parses {@code uniform} or {@code connected} (case-insensitive). */
    public static NodeCountMix parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown node-count mix '" + s + "' (expected uniform or connected)");
        }
    }
}
