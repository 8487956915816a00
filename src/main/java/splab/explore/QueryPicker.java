package splab.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongConsumer;

import splab.analysis.SpectralAnalysis;
import splab.data.PathExample;
import splab.graph.AllShortestPaths;
import splab.graph.SmallGraph;
import splab.navigate.NavigationResult;
import splab.navigate.Navigator;
import splab.navigate.Query;
import splab.navigate.ScoreSheet;
import splab.navigate.TransformerNavigator;

/**
 * Chooses the explorer's queries: the first {@code graphs} held-out graphs of distinct isomorphism classes (as
 * the spectral analysis picks them), a few times {@code perGraph} of the held-out queries on each (see
 * {@link #pool}) answered by the model, SLN and Steinerberger, then up to {@code perGraph} queries per graph: the model's mistakes first, then queries where SLN or
 * Steinerberger and the model disagree on correctness, then the rest, longer distances first (ties in a seeded
 * random order).
 */
public final class QueryPicker {
    private QueryPicker() {
    }

    /** The graphs and all their held-out queries, queries of one graph adjacent. */
    public record Pool(List<SmallGraph> graphs, List<Query> queries, int[] graphOf) {
    }

    /** One answered query. */
    public record Candidate(int graph, Query query, int d, long shortestPaths, ExplorerData.Walk model,
            ExplorerData.Walk sln, ExplorerData.Walk steinerberger) {
        /** 0: the model is wrong; 1: another navigator disagrees with the model on correctness; 2: otherwise. */
        int rank() {
            if (!model.correct()) {
                return 0;
            }
            return sln.correct() && steinerberger.correct() ? 2 : 1;
        }
    }

    /** Queries decoded per graph, as a multiple of the queries kept per graph. */
    public static final int CANDIDATES_PER_KEPT = 4;

    /**
     * The first {@code limit} distinct graphs of {@code test} and up to {@code CANDIDATES_PER_KEPT * perGraph} of the
     * test queries of each: half of them the longest distances, the rest drawn at random (seeded), so that every
     * distance can appear while the long queries, where the model errs, are always among them.
     */
    public static Pool pool(List<PathExample> test, int limit, int perGraph, long seed) {
        Map<SmallGraph, Integer> index = new LinkedHashMap<>();
        List<SmallGraph> graphs = new ArrayList<>();
        for (PathExample e : SpectralAnalysis.pickGraphs(test, limit)) {
            index.put(e.graph(), graphs.size());
            graphs.add(e.graph());
        }
        List<List<Query>> byGraph = new ArrayList<>();
        graphs.forEach(g -> byGraph.add(new ArrayList<>()));
        for (PathExample e : test) {
            Integer gi = index.get(e.graph());
            if (gi != null) {
                byGraph.get(gi).add(new Query(graphs.get(gi), e.source(), e.target(), e.path()));
            }
        }
        List<Query> queries = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int gi = 0; gi < graphs.size(); gi++) {
            for (Query q : candidates(byGraph.get(gi), CANDIDATES_PER_KEPT * perGraph, new Random(seed * 7_919L + gi))) {
                queries.add(q);
                owner.add(gi);
            }
        }
        return new Pool(graphs, queries, owner.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<Query> candidates(List<Query> all, int most, Random rng) {
        if (all.size() <= most) {
            return all;
        }
        // by index, not by equality: a graph sampled twice repeats its queries
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            shuffled.add(i);
        }
        Collections.shuffle(shuffled, rng);
        List<Integer> longest = new ArrayList<>(shuffled);
        longest.sort(Comparator.comparingInt((Integer i) -> all.get(i).labelPath().length).reversed());
        java.util.Set<Integer> out = new java.util.LinkedHashSet<>(longest.subList(0, most / 2));
        for (int i = 0; out.size() < most; i++) {
            out.add(shuffled.get(i));
        }
        return out.stream().map(all::get).toList();
    }

    /** Every query of the pool answered by the three navigators; {@code progress} counts decoded queries. */
    public static List<Candidate> answer(Pool pool, TransformerNavigator model, Navigator sln, Navigator steinerberger,
            LongConsumer progress) {
        NavigationResult[] decoded = model.navigateAll(pool.queries(), progress);
        List<Candidate> out = new ArrayList<>();
        int i = 0;
        while (i < pool.queries().size()) {
            int gi = pool.graphOf()[i];
            SmallGraph g = pool.graphs().get(gi);
            AllShortestPaths paths = new AllShortestPaths(g);
            Navigator.GraphNavigator slnOn = sln.forGraph(g), steinerbergerOn = steinerberger.forGraph(g);
            for (; i < pool.queries().size() && pool.graphOf()[i] == gi; i++) {
                Query q = pool.queries().get(i);
                int s = q.source(), t = q.target(), d = paths.distance(s, t);
                out.add(new Candidate(gi, q, d, paths.pathCount(s, t), walk(q, d, decoded[i]),
                        walk(q, d, slnOn.navigate(s, t)), walk(q, d, steinerbergerOn.navigate(s, t))));
            }
        }
        return out;
    }

    /** A result as the page shows it, judged by the scoring harness's rules. */
    static ExplorerData.Walk walk(Query q, int d, NavigationResult r) {
        String outcome = ScoreSheet.outcome(q, d, r);
        return new ExplorerData.Walk(r.path(), outcome == null ? ExplorerData.CORRECT : outcome.toLowerCase(Locale.ROOT));
    }

    /** Up to {@code perGraph} candidates per graph, ordered for the page: mistakes first, then disagreements. */
    public static List<Candidate> choose(List<Candidate> all, int perGraph, long seed) {
        Map<Integer, List<Candidate>> byGraph = new LinkedHashMap<>();
        for (Candidate c : all) {
            byGraph.computeIfAbsent(c.graph(), k -> new ArrayList<>()).add(c);
        }
        Comparator<Candidate> interest = Comparator.comparingInt(Candidate::rank)
                .thenComparing(Comparator.comparingInt(Candidate::d).reversed());
        List<Candidate> chosen = new ArrayList<>();
        for (Map.Entry<Integer, List<Candidate>> e : byGraph.entrySet()) {
            List<Candidate> list = new ArrayList<>(e.getValue());
            Collections.shuffle(list, new Random(seed * 1_000_003L + e.getKey()));
            list.sort(interest); // stable: equally interesting queries stay in the seeded order
            chosen.addAll(list.subList(0, Math.min(perGraph, list.size())));
        }
        chosen.sort(Comparator.comparingInt(Candidate::rank)); // stable: graph order within each rank
        return chosen;
    }
}
