package splab.data;

import splab.graph.NodeCountMix;

/**
 * The {@code data} section of a lab config.
 *
 * @param graphs         graphs to sample (ignored when graphs come from a file)
 * @param nMin           fewest vertices of a sampled graph
 * @param nMax           most vertices of a sampled graph
 * @param edgeProbability p of G(n, p), conditioned on connectivity
 * @param nodeMix        {@code uniform} (each n equally often) or {@code connected} (the paper's mix: n weighted
 *                       by the number of connected graphs on n vertices)
 * @param maxNodes       node tokens in the vocabulary; every graph must fit
 * @param pairsPerGraph  0 for every ordered pair (s, t) with s != t, else that many distinct pairs sampled
 * @param labelPath      {@code uniform}: the label is drawn uniformly among all shortest paths;
 *                       {@code smallest}: the lexicographically smallest shortest path
 * @param testFraction   share of isomorphism classes that go to the test split
 * @param trainNMax      0, or the largest n a training graph may have: graphs with more nodes go to the test
 *                       split only (an out-of-distribution test, e.g. train on n <= 8, test on n = 9, 10 too)
 */
public record DataConfig(int graphs, int nMin, int nMax, double edgeProbability, String nodeMix, int maxNodes,
        int pairsPerGraph, String labelPath, double testFraction, int trainNMax) {

    public static DataConfig defaults() {
        return new DataConfig(20_000, 3, 10, 0.5, "uniform", 10, 0, "uniform", 0.2, 0);
    }

    /** Checks every field; the message names the key and the value. */
    public DataConfig {
        if (graphs < 1) {
            throw new IllegalArgumentException("data.graphs must be at least 1, got " + graphs);
        }
        if (nMin < 2) {
            throw new IllegalArgumentException("data.nMin must be >= 2 (a query needs two nodes), got " + nMin);
        }
        if (nMin > nMax) {
            throw new IllegalArgumentException("data.nMin (" + nMin + ") is greater than data.nMax (" + nMax + ")");
        }
        if (nMax > maxNodes) {
            throw new IllegalArgumentException("data.nMax (" + nMax + ") is more nodes than the vocabulary holds "
                    + "(data.maxNodes = " + maxNodes + ")");
        }
        if (!(edgeProbability > 0 && edgeProbability <= 1)) {
            throw new IllegalArgumentException("data.edgeProbability must be in (0, 1], got " + edgeProbability);
        }
        NodeCountMix.parse(nodeMix);
        if (pairsPerGraph < 0) {
            throw new IllegalArgumentException("data.pairsPerGraph must be >= 0 (0 = all pairs), got " + pairsPerGraph);
        }
        if (!labelPath.equals("uniform") && !labelPath.equals("smallest")) {
            throw new IllegalArgumentException("data.labelPath must be uniform or smallest, got '" + labelPath + "'");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("data.testFraction must be strictly between 0 and 1 (0 leaves no held-out "
                    + "graphs, 1 no training graphs), got " + testFraction);
        }
        if (trainNMax < 0 || (trainNMax > 0 && trainNMax < nMin)) {
            throw new IllegalArgumentException("data.trainNMax must be 0 (off) or at least data.nMin (" + nMin
                    + "), got " + trainNMax);
        }
        new Vocabulary(maxNodes);
    }

    public NodeCountMix mix() {
        return NodeCountMix.parse(nodeMix);
    }
}
