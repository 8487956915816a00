package splab.explore;

import splab.graph.SmallGraph;

/**
 * A deterministic force-directed drawing of a small graph (Fruchterman-Reingold: neighbours pull, every pair
 * pushes, the step shrinks each round). Nodes start on a circle in node order, so the same graph is always
 * drawn the same way; coordinates are scaled into [0.06, 0.94] on both axes.
 */
public final class GraphLayout {
    private static final int ROUNDS = 300;

    private GraphLayout() {
    }

    /** Row v: x and y of node v. */
    public static double[][] of(SmallGraph g) {
        int n = g.nodeCount();
        double[][] p = new double[n][2];
        for (int v = 0; v < n; v++) {
            double a = 2 * Math.PI * v / n + 0.3;
            p[v][0] = Math.cos(a);
            p[v][1] = Math.sin(a);
        }
        double k = Math.sqrt(4.0 / Math.max(1, n)); // ideal edge length in a 2 x 2 box
        double step = 0.2;
        for (int round = 0; round < ROUNDS; round++) {
            double[][] move = new double[n][2];
            for (int u = 0; u < n; u++) {
                for (int v = u + 1; v < n; v++) {
                    double dx = p[u][0] - p[v][0], dy = p[u][1] - p[v][1];
                    double dist = Math.max(1e-6, Math.hypot(dx, dy));
                    double f = k * k / dist - (g.hasEdge(u, v) ? dist * dist / k : 0);
                    move[u][0] += dx / dist * f;
                    move[u][1] += dy / dist * f;
                    move[v][0] -= dx / dist * f;
                    move[v][1] -= dy / dist * f;
                }
            }
            for (int v = 0; v < n; v++) {
                double len = Math.hypot(move[v][0], move[v][1]);
                if (len > 0) {
                    double s = Math.min(len, step) / len;
                    p[v][0] += move[v][0] * s;
                    p[v][1] += move[v][1] * s;
                }
            }
            step *= 0.985;
        }
        return normalise(p);
    }

    private static double[][] normalise(double[][] p) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] q : p) {
            minX = Math.min(minX, q[0]);
            maxX = Math.max(maxX, q[0]);
            minY = Math.min(minY, q[1]);
            maxY = Math.max(maxY, q[1]);
        }
        double span = Math.max(Math.max(maxX - minX, maxY - minY), 1e-9);
        double[][] out = new double[p.length][2];
        for (int v = 0; v < p.length; v++) {
            // one scale for both axes keeps the drawing's proportions; the smaller side is centred
            out[v][0] = ExplorerData.round(0.06 + 0.88 * ((p[v][0] - minX) / span + (span - (maxX - minX)) / span / 2));
            out[v][1] = ExplorerData.round(0.06 + 0.88 * ((p[v][1] - minY) / span + (span - (maxY - minY)) / span / 2));
        }
        return out;
    }
}
