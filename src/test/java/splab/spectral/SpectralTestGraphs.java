package splab.spectral;

import splab.graph.SmallGraph;

/** Hand-made graphs shared by the spectral tests. */
public final class SpectralTestGraphs {
    private SpectralTestGraphs() {
    }

    /** The Petersen graph: outer 5-cycle 0..4, spokes i - i+5, inner pentagram on 5..9. */
    public static SmallGraph petersen() {
        int[][] e = new int[15][];
        for (int i = 0; i < 5; i++) {
            e[i] = new int[] {i, (i + 1) % 5};
            e[5 + i] = new int[] {i, i + 5};
            e[10 + i] = new int[] {5 + i, 5 + (i + 2) % 5};
        }
        return SmallGraph.of(10, e);
    }

    /** The star K(1, leaves) with centre 0. */
    public static SmallGraph star(int leaves) {
        int[][] e = new int[leaves][];
        for (int i = 0; i < leaves; i++) {
            e[i] = new int[] {0, i + 1};
        }
        return SmallGraph.of(leaves + 1, e);
    }
}
