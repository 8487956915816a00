package splab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import splab.graph.AllShortestPaths;
import splab.graph.SmallGraph;
import splab.io.AtomicFiles;

/**
 * Dataset folders: {@code train.jsonl}, {@code test.jsonl} (one {@link PathExample} a line) and
 * {@code stats.json}. Every file is written atomically; reading checks each line and reports the first
 * problem as {@code file:line: what is wrong}.
 */
public final class DatasetFiles {
    public static final String TRAIN_FILE = "train.jsonl";
    public static final String TEST_FILE = "test.jsonl";
    public static final String STATS_FILE = "stats.json";

    static final ObjectMapper JSON = new ObjectMapper();

    private DatasetFiles() {}

    /** Writes the three files of a dataset into {@code dir}. */
    public static void write(Path dir, DatasetBuilder.Dataset dataset) {
        AtomicFiles.ensureWritableDirectory(dir);
        writeExamples(dir.resolve(TRAIN_FILE), dataset.train());
        writeExamples(dir.resolve(TEST_FILE), dataset.test());
        AtomicFiles.write(dir.resolve(STATS_FILE),
                w -> JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValue(w, dataset.stats()));
    }

    /** Writes examples as JSONL, atomically. */
    public static void writeExamples(Path file, List<PathExample> examples) {
        AtomicFiles.write(file, w -> {
            for (PathExample e : examples) {
                w.write(toJson(e));
                w.write('\n');
            }
        });
    }

    /** One example as a single JSON line (no newline). */
    public static String toJson(PathExample e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("n", e.n());
        ArrayNode edges = o.putArray("edges");
        for (int[] uv : e.edges()) {
            edges.addArray().add(uv[0]).add(uv[1]);
        }
        o.put("source", e.source());
        o.put("target", e.target());
        ArrayNode path = o.putArray("path");
        for (int v : e.path()) {
            path.add(v);
        }
        o.put("distance", e.distance());
        o.put("shortestPaths", e.shortestPaths());
        if (e.split() != null) {
            o.put("split", e.split());
        }
        return o.toString();
    }

    /** Reads the training examples of a dataset folder. */
    public static List<PathExample> readTrain(Path dir) {
        return readExamples(dir.resolve(TRAIN_FILE));
    }

    /** Reads the test examples of a dataset folder. */
    public static List<PathExample> readTest(Path dir) {
        return readExamples(dir.resolve(TEST_FILE));
    }

    /**
     * Reads and checks a JSONL file of examples: the graph must be simple and connected and the label a
     * shortest path from source to target.
     *
     * @throws IllegalArgumentException {@code file:line: problem} for the first bad line
     */
    public static List<PathExample> readExamples(Path file) {
        List<PathExample> out = new ArrayList<>();
        Map<String, int[][]> sharedEdges = new HashMap<>(); // one edge array per graph, not one per pair
        Map<String, String> sharedSplits = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    PathExample e = parseExample(line);
                    int[][] edges = sharedEdges.computeIfAbsent(e.n() + java.util.Arrays.deepToString(e.edges()), k -> e.edges());
                    String split = e.split() == null ? null : sharedSplits.computeIfAbsent(e.split(), k -> k);
                    out.add(edges == e.edges() && split == e.split() ? e : new PathExample(e.n(), edges, e.source(),
                            e.target(), e.path(), e.distance(), e.shortestPaths(), split));
                } catch (com.fasterxml.jackson.core.JacksonException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": malformed JSON: " + e.getOriginalMessage(), e);
                } catch (IllegalArgumentException | IOException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": " + firstLine(e.getMessage()), e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
        return out;
    }

    /** Parses and checks one JSONL line. */
    public static PathExample parseExample(String line) throws IOException {
        JsonNode o = JSON.readTree(line);
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        int n = intField(o, "n");
        int[][] edges = edgesField(o);
        SmallGraph g = SmallGraph.of(n, edges);
        if (!g.isConnected()) {
            throw new IllegalArgumentException("graph is not connected");
        }
        AllShortestPaths sp = new AllShortestPaths(g);
        int s = intField(o, "source"), t = intField(o, "target");
        if (s < 0 || s >= n || t < 0 || t >= n) {
            throw new IllegalArgumentException("source " + s + " or target " + t + " is not a node of a graph with n=" + n);
        }
        if (s == t) {
            throw new IllegalArgumentException("source and target are both " + s);
        }
        int[] path;
        if (o.has("path")) {
            path = intArray(o.get("path"), "path");
            if (!sp.isShortestPath(path, s, t)) {
                throw new IllegalArgumentException("path " + java.util.Arrays.toString(path)
                        + " is not a shortest path from " + s + " to " + t + " (distance " + sp.distance(s, t) + ")");
            }
        } else {
            path = sp.smallestPath(s, t);
        }
        String split = o.has("split") ? o.get("split").asText() : null;
        return new PathExample(n, edges, s, t, path, sp.distance(s, t), sp.pathCount(s, t), split);
    }

    static int intField(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + name + "' must be an integer in 32-bit range, got " + v);
        }
        return v.asInt();
    }

    static int[][] edgesField(JsonNode o) {
        JsonNode v = o.get("edges");
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("field 'edges' must be an array of [u, v] pairs");
        }
        int[][] edges = new int[v.size()][];
        for (int i = 0; i < v.size(); i++) {
            edges[i] = intArray(v.get(i), "edges[" + i + "]");
            if (edges[i].length != 2) {
                throw new IllegalArgumentException("edges[" + i + "] must have two endpoints, got " + v.get(i));
            }
        }
        return edges;
    }

    static int[] intArray(JsonNode v, String name) {
        if (!v.isArray()) {
            throw new IllegalArgumentException("field '" + name + "' must be an array, got " + v);
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isIntegralNumber() || !v.get(i).canConvertToInt()) {
                throw new IllegalArgumentException("field '" + name + "' must hold 32-bit integers, got " + v.get(i));
            }
            out[i] = v.get(i).asInt();
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed line";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
