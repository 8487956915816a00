package splab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import splab.graph.AllShortestPaths;
import splab.graph.CanonicalForm;
import splab.graph.Certificate;
import splab.graph.ConnectedGraphSampler;
import splab.graph.SmallGraph;

/**
 * Turns graphs into labelled examples and splits them by isomorphism class.
 *
 * <p>The split is a function of the graph's canonical {@link Certificate} and the seed alone: a class goes to
 * the test split when {@code mix(hash(certificate) ^ seed) / 2^64 < testFraction}. Every graph of a class
 * lands on the same side, so no test graph is isomorphic to a training graph, whatever the order or the
 * number of graphs.
 */
public final class DatasetBuilder {
    public static final String TRAIN = "train";
    public static final String TEST = "test";

    private final DataConfig config;
    private final long seed;
    private final SplittableRandom rng;

    /** A built dataset: both splits and the per-example isomorphism class (parallel to the lists). */
    public record Dataset(List<PathExample> train, List<PathExample> test, DatasetStats stats) {}

    public DatasetBuilder(DataConfig config, long seed) {
        this.config = config;
        this.seed = seed;
        // pairs and labels draw from their own stream, so they do not shift the graph sampler's sequence
        this.rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** Samples {@code config.graphs()} graphs and builds the dataset; {@code progress} gets graphs done. */
    public Dataset sample(LongConsumer progress) {
        return build(sampleGraphs(n -> { }), progress);
    }

    /** The {@code config.graphs()} connected graphs of this seed, in order. */
    public List<SmallGraph> sampleGraphs(LongConsumer progress) {
        ConnectedGraphSampler sampler = new ConnectedGraphSampler(config.nMin(), config.nMax(),
                config.edgeProbability(), config.nodeMix(), seed);
        List<SmallGraph> graphs = new ArrayList<>(config.graphs());
        for (int i = 0; i < config.graphs(); i++) {
            graphs.add(sampler.next());
            if ((i + 1) % 1024 == 0) {
                progress.accept(i + 1);
            }
        }
        progress.accept(graphs.size());
        return graphs;
    }

    /**
     * Builds a dataset from given graphs (for example a nauty file).
     *
     * @throws IllegalArgumentException if a graph is disconnected or has more nodes than the vocabulary
     */
    public Dataset build(List<SmallGraph> graphs, LongConsumer progress) {
        DatasetStats.Accumulator stats = new DatasetStats.Accumulator();
        List<PathExample> train = new ArrayList<>(), test = new ArrayList<>();
        long done = 0;
        for (SmallGraph g : graphs) {
            if (g.nodeCount() > config.maxNodes()) {
                throw new IllegalArgumentException("graph " + (done + 1) + " has " + g.nodeCount()
                        + " nodes but the vocabulary holds " + config.maxNodes() + " (raise data.maxNodes)");
            }
            if (!g.isConnected()) {
                throw new IllegalArgumentException("graph " + (done + 1) + " is not connected: " + g);
            }
            Certificate cert = CanonicalForm.certificate(g);
            String split = config.trainNMax() > 0 && g.nodeCount() > config.trainNMax() ? TEST : splitOf(cert);
            List<PathExample> examples = examplesOf(g, split);
            (split.equals(TEST) ? test : train).addAll(examples);
            stats.add(g, cert, split, examples);
            if (++done % 256 == 0) {
                progress.accept(done);
            }
        }
        progress.accept(done);
        return new Dataset(train, test, stats.finish());
    }

    /** Which split the isomorphism class of {@code cert} belongs to. */
    public String splitOf(Certificate cert) {
        long h = Certificate.mix64(cert.hash64() ^ Certificate.mix64(seed));
        double u = (h >>> 11) * 0x1.0p-53;
        return u < config.testFraction() ? TEST : TRAIN;
    }

    private List<PathExample> examplesOf(SmallGraph g, String split) {
        AllShortestPaths sp = new AllShortestPaths(g);
        int n = g.nodeCount();
        int[][] edges = g.edges();
        List<int[]> pairs = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s != t) {
                    pairs.add(new int[] {s, t});
                }
            }
        }
        int k = config.pairsPerGraph();
        if (k > 0 && k < pairs.size()) {
            for (int i = 0; i < k; i++) {
                int j = i + rng.nextInt(pairs.size() - i);
                int[] tmp = pairs.get(i);
                pairs.set(i, pairs.get(j));
                pairs.set(j, tmp);
            }
            pairs = new ArrayList<>(pairs.subList(0, k));
        }
        List<PathExample> out = new ArrayList<>(pairs.size());
        for (int[] st : pairs) {
            int s = st[0], t = st[1];
            int[] path = config.labelPath() == DataConfig.LabelPath.SMALLEST ? sp.smallestPath(s, t) : sp.uniformPath(s, t, rng);
            out.add(new PathExample(n, edges, s, t, path, sp.distance(s, t), sp.pathCount(s, t), split));
        }
        return out;
    }
}
