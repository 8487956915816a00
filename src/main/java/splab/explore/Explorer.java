package splab.explore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import ai.djl.ndarray.NDManager;

import splab.analysis.SpectralConfig;
import splab.graph.SmallGraph;
import splab.model.PathTransformer;
import splab.navigate.Navigator;
import splab.navigate.TransformerNavigator;
import splab.spectral.Laplacian;
import splab.spectral.Spectrum;

/**
 * Builds the explorer's data for one trained model in three steps a caller can report progress on:
 * {@link #answer} (decode every held-out query of the chosen graphs), {@link #build} (record the model on the
 * chosen queries and assemble {@link ExplorerData}), then {@link ExplorerPage#write}.
 */
public final class Explorer {
    /** Non-trivial eigenvectors of the Laplacian of L(G) offered per graph. */
    public static final int EIGENVECTORS = 6;

    private final TransformerNavigator navigator;
    private final Navigator sln;
    private final Navigator steinerberger;
    private final ModelProbe probe;
    private final SpectralConfig spectral;

    /**
     * @param model     the trained model; {@code navigator} must decode with it
     * @param navigator the model as the navigate stage runs it (same prompts, same edge orders)
     */
    public Explorer(PathTransformer model, TransformerNavigator navigator, Navigator sln, Navigator steinerberger,
            SpectralConfig spectral, NDManager manager) {
        this.navigator = navigator;
        this.sln = sln;
        this.steinerberger = steinerberger;
        this.spectral = spectral;
        this.probe = new ModelProbe(model, manager, spectral.position());
    }

    /** Every query of the pool answered by the model, SLN and Steinerberger; progress counts decoded queries. */
    public List<QueryPicker.Candidate> answer(QueryPicker.Pool pool, LongConsumer progress) {
        return QueryPicker.answer(pool, navigator, sln, steinerberger, progress);
    }

    /** Records the model on each chosen query (progress counts them) and assembles the page's data. */
    public ExplorerData build(Path runDir, QueryPicker.Pool pool, List<QueryPicker.Candidate> chosen, LongConsumer progress) {
        Map<Integer, Integer> graphIndex = new LinkedHashMap<>();
        List<ExplorerData.GraphView> graphs = new ArrayList<>();
        List<ExplorerData.QueryView> queries = new ArrayList<>();
        for (QueryPicker.Candidate c : chosen) {
            Integer gi = graphIndex.get(c.graph());
            if (gi == null) {
                gi = graphs.size();
                graphIndex.put(c.graph(), gi);
                graphs.add(graphView(pool.graphs().get(c.graph()), spectral.variant()));
            }
            SmallGraph g = pool.graphs().get(c.graph());
            int[] path = c.model().path();
            ModelProbe.Probe p = probe.probe(g, navigator.prompt(c.query()), path, c.query().target());
            boolean exact = c.model().correct() && java.util.Arrays.equals(path, c.query().labelPath());
            queries.add(new ExplorerData.QueryView(queries.size(), gi, c.query().source(), c.query().target(), c.d(),
                    c.shortestPaths(), c.query().labelPath(), exact, c.model(), c.sln(), c.steinerberger(), p.pcs(),
                    p.explained(), p.attention()));
            progress.accept(queries.size());
        }
        Map<String, String> names = new LinkedHashMap<>();
        names.put("model", navigator.name());
        names.put("sln", sln.name());
        names.put("steinerberger", steinerberger.name());
        Path name = runDir.toAbsolutePath().normalize().getFileName();
        return new ExplorerData(name == null ? "run" : name.toString(), probe.layers(), probe.layers().size() - 1,
                probe.heads(), spectral.variant().name().toLowerCase(java.util.Locale.ROOT),
                spectral.position().name().toLowerCase(java.util.Locale.ROOT), names, graphs, queries);
    }

    /** A graph with its drawing and the first {@link #EIGENVECTORS} non-trivial eigenvectors of L(G)'s Laplacian. */
    static ExplorerData.GraphView graphView(SmallGraph g, Laplacian.Variant variant) {
        int m = g.edgeCount();
        int k = Math.max(0, Math.min(EIGENVECTORS, m - 1));
        double[] values = new double[k];
        double[][] vectors = new double[k][];
        if (k > 0) {
            Spectrum spectrum = Spectrum.of(Laplacian.ofLineGraph(g, variant));
            for (int j = 0; j < k; j++) {
                values[j] = ExplorerData.round(spectrum.value(j + 1));
                vectors[j] = ExplorerData.round(spectrum.vector(j + 1));
            }
        }
        return new ExplorerData.GraphView(g.nodeCount(), g.edges(), GraphLayout.of(g), values, vectors);
    }
}
