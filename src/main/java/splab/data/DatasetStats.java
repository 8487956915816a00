package splab.data;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import splab.graph.Certificate;
import splab.graph.SmallGraph;

/**
 * Summary of a dataset, written as {@code stats.json}: graphs and pairs per n and split, the distance
 * histogram, the share of pairs with more than one shortest path, isomorphism classes per split, and the
 * number of classes found in both splits (must be 0).
 */
public record DatasetStats(
        Map<String, Map<Integer, Long>> graphsByN,
        Map<String, Map<Integer, Long>> pairsByN,
        Map<String, Map<Integer, Long>> pairsByDistance,
        Map<String, Double> tiedShare,
        Map<String, Integer> isomorphismClasses,
        int overlappingClasses) {

    /** Pairs in a split. */
    public long pairs(String split) {
        return pairsByN.getOrDefault(split, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Graphs in a split. */
    public long graphs(String split) {
        return graphsByN.getOrDefault(split, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** A few lines for the terminal. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (String split : List.of(DatasetBuilder.TRAIN, DatasetBuilder.TEST)) {
            sb.append(String.format("%-5s  graphs %,9d  classes %,9d  pairs %,10d  tied %5.1f%%  by d %s%n", split,
                    graphs(split), isomorphismClasses.getOrDefault(split, 0), pairs(split),
                    100 * tiedShare.getOrDefault(split, 0.0), pairsByDistance.getOrDefault(split, Map.of())));
        }
        sb.append("isomorphism classes in both splits: ").append(overlappingClasses);
        return sb.toString();
    }

    /** Collects the figures while a dataset is built. */
    static final class Accumulator {
        private final Map<String, Map<Integer, Long>> graphsByN = new TreeMap<>();
        private final Map<String, Map<Integer, Long>> pairsByN = new TreeMap<>();
        private final Map<String, Map<Integer, Long>> pairsByDistance = new TreeMap<>();
        private final Map<String, long[]> tied = new TreeMap<>();
        private final Map<String, Set<Certificate>> classes = new TreeMap<>();

        void add(SmallGraph g, Certificate cert, String split, List<PathExample> examples) {
            graphsByN.computeIfAbsent(split, k -> new TreeMap<>()).merge(g.nodeCount(), 1L, Long::sum);
            classes.computeIfAbsent(split, k -> new HashSet<>()).add(cert);
            long[] t = tied.computeIfAbsent(split, k -> new long[2]);
            for (PathExample e : examples) {
                pairsByN.computeIfAbsent(split, k -> new TreeMap<>()).merge(e.n(), 1L, Long::sum);
                pairsByDistance.computeIfAbsent(split, k -> new TreeMap<>()).merge(e.distance(), 1L, Long::sum);
                t[0] += e.shortestPaths() > 1 ? 1 : 0;
                t[1]++;
            }
        }

        DatasetStats finish() {
            Map<String, Double> tiedShare = new TreeMap<>();
            tied.forEach((k, v) -> tiedShare.put(k, v[1] == 0 ? 0.0 : (double) v[0] / v[1]));
            Map<String, Integer> classCounts = new TreeMap<>();
            classes.forEach((k, v) -> classCounts.put(k, v.size()));
            Set<Certificate> both = new HashSet<>(classes.getOrDefault(DatasetBuilder.TRAIN, Set.of()));
            both.retainAll(classes.getOrDefault(DatasetBuilder.TEST, Set.of()));
            return new DatasetStats(graphsByN, pairsByN, pairsByDistance, tiedShare, classCounts, both.size());
        }
    }
}
